// The study records' schedule (study/schedule.js): Leitner boxes replayed from grades, where a
// question stands, the one rule for what comes next, and the carrying over of today's saved marks.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

import {
  INTERVAL_DAYS,
  KEPT_GRADES,
  addDays,
  dayOf,
  migrateMarks,
  nextToStudy,
  studyOrder,
  overdueDays,
  replay,
  standing,
  withGrade,
  withoutLastGrade,
} from "../../docs/assets/javascripts/study/schedule.js"

// Local noon, so the local day is the date written whatever the machine's time zone.
const at = day => new Date(`${day}T12:00:00`).toISOString()
const graded = (...pairs) => ({ grades: pairs.map(([grade, day]) => ({ grade, at: at(day) })) })

describe("days", () => {
  it("add across months and years, and read an ISO time as its local day", () => {
    assert.equal(addDays("2026-12-30", 3), "2027-01-02")
    assert.equal(addDays("2026-02-27", 2), "2026-03-01")
    assert.equal(addDays("2026-12-07", 0), "2026-12-07")
    assert.equal(dayOf(at("2026-12-07")), "2026-12-07")
  })
})

describe("replay", () => {
  it("moves up a box for each 'knew', to the top box and no further", () => {
    const days = ["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-12", "2026-01-26", "2026-02-25", "2026-03-27"]
    const record = graded(...days.map(day => ["knew", day]))
    assert.deepEqual(replay(record.grades), { box: 5, due: addDays("2026-03-27", INTERVAL_DAYS[5]), last: "knew" })
    assert.deepEqual(replay(graded(["knew", "2026-01-01"]).grades), { box: 1, due: "2026-01-02", last: "knew" })
    assert.deepEqual(replay(graded(["knew", "2026-01-01"], ["knew", "2026-01-02"]).grades), { box: 2, due: "2026-01-05", last: "knew" })
  })

  it("sends a question back to box 1 on 'missed', and keeps its box on 'partly', due in half the interval", () => {
    const three = [["knew", "2026-01-01"], ["knew", "2026-01-02"], ["knew", "2026-01-05"]]
    assert.deepEqual(replay(graded(...three, ["missed", "2026-01-12"]).grades), { box: 1, due: "2026-01-13", last: "missed" })
    assert.deepEqual(replay(graded(...three, ["partly", "2026-01-12"]).grades), { box: 3, due: "2026-01-16", last: "partly" })
    assert.deepEqual(replay(graded(["partly", "2026-01-01"]).grades), { box: 1, due: "2026-01-02", last: "partly" })
  })

  it("gives nothing for no grades", () => {
    assert.deepEqual(replay([]), { box: 0, due: null, last: null })
    assert.deepEqual(replay(undefined), { box: 0, due: null, last: null })
  })
})

describe("standing", () => {
  const today = "2026-12-07"
  it("tells unseen, read, due, learning and known apart", () => {
    assert.equal(standing(undefined, today), "unseen")
    assert.equal(standing({ seen: at("2026-12-01") }, today), "seen")
    assert.equal(standing(graded(["knew", "2026-12-06"]), today), "due") // due the day after
    assert.equal(standing(graded(["knew", "2026-12-07"]), today), "known")
    assert.equal(standing(graded(["missed", "2026-12-07"]), today), "learning")
    assert.equal(standing(graded(["partly", "2026-12-07"]), today), "learning")
    assert.equal(standing(graded(["missed", "2026-12-01"]), today), "due")
  })

  it("counts a question due today as due, and how many days one is overdue", () => {
    assert.equal(overdueDays(graded(["knew", "2026-12-06"]), "2026-12-07"), 0)
    assert.equal(overdueDays(graded(["knew", "2026-12-01"]), "2026-12-07"), 5)
    assert.equal(overdueDays(graded(["knew", "2026-12-07"]), "2026-12-07"), null)
    assert.equal(overdueDays({}, "2026-12-07"), null)
  })
})

describe("grades", () => {
  it("are appended, an unknown one refused, the oldest dropped past the limit", () => {
    let record = { seen: at("2026-12-01") }
    record = withGrade(record, "knew", at("2026-12-02"))
    assert.deepEqual(record, { seen: at("2026-12-01"), grades: [{ grade: "knew", at: at("2026-12-02") }] })
    assert.throws(() => withGrade(record, "maybe", at("2026-12-02")), /unknown grade "maybe"/)
    for (let i = 0; i < KEPT_GRADES + 5; i++) record = withGrade(record, "missed", at("2026-12-03"))
    assert.equal(record.grades.length, KEPT_GRADES)
    assert.equal(record.grades[0].grade, "missed")
  })

  it("taking the last back restores the one before, and with none left the question stays read", () => {
    const two = graded(["knew", "2026-12-01"], ["missed", "2026-12-02"])
    assert.deepEqual(withoutLastGrade(two), graded(["knew", "2026-12-01"]))
    assert.deepEqual(withoutLastGrade(graded(["knew", "2026-12-01"])), { seen: at("2026-12-01") })
    assert.deepEqual(withoutLastGrade({ seen: at("2026-11-30"), grades: [{ grade: "knew", at: at("2026-12-01") }] }), { seen: at("2026-11-30") })
    assert.deepEqual(withoutLastGrade({}), {})
  })
})

describe("what to study next", () => {
  const questions = [
    { id: "a", banks: 2 },
    { id: "b", banks: 8 },
    { id: "c", banks: 5 },
    { id: "d", banks: 8 },
    { id: "e" },
  ]
  const today = "2026-12-07"

  it("offers the most overdue question first, then the lower box, whatever the guide order", () => {
    const records = {
      a: graded(["missed", "2026-12-05"]), // due 12-06: 1 day overdue
      c: graded(["knew", "2026-12-01"]), // due 12-02: 5 days overdue
      d: graded(["knew", "2026-12-01"], ["knew", "2026-12-02"]), // box 2, due 12-05: 2 days overdue
    }
    assert.equal(nextToStudy(questions, records, today).id, "c")
    const tie = { a: graded(["missed", "2026-12-05"]), c: graded(["knew", "2026-12-05"]) } // both due 12-06
    assert.equal(nextToStudy(questions, tie, today).id, "a") // same box and days: guide order
  })

  it("with nothing due, offers the most-asked question never graded, unread before read", () => {
    assert.equal(nextToStudy(questions, {}, today).id, "b")
    assert.equal(nextToStudy(questions, { b: { seen: at("2026-12-06") } }, today).id, "d")
    assert.equal(nextToStudy(questions, { b: graded(["knew", "2026-12-07"]), d: graded(["knew", "2026-12-07"]) }, today).id, "c")
  })

  it("never offers the current question, and breaks ties after it in guide order, wrapping", () => {
    assert.equal(nextToStudy(questions, {}, today, "b").id, "d")
    assert.equal(nextToStudy(questions, {}, today, "d").id, "b")
  })

  it("with every question graded and none due, offers the one due soonest: never a dead end", () => {
    const records = Object.fromEntries(questions.map((q, i) => [q.id, graded(["knew", addDays("2026-12-07", -0)], ...(i === 2 ? [] : [["knew", "2026-12-07"]]))]))
    assert.equal(nextToStudy(questions, records, today).id, "c") // box 1 (due tomorrow) before box 2
    assert.equal(nextToStudy([{ id: "only" }], {}, today, "only"), null)
  })
})

describe("the study queue (the progress page's 'Study next' list)", () => {
  const questions = [
    { id: "a", banks: 2 },
    { id: "b", banks: 8 },
    { id: "c", banks: 5 },
    { id: "d", banks: 0 },
    { id: "e", banks: 8 },
  ]
  const today = "2026-12-07"

  it("puts due questions first, then the never graded by how often asked, then the rest by due day, each question once", () => {
    const records = {
      a: graded(["knew", "2026-12-07"]), // box 1, due tomorrow
      c: graded(["missed", "2026-12-04"]), // due 12-05: 2 days overdue
      d: { seen: at("2026-12-06") }, // read, never graded: not due, still new
      e: { seen: at("2026-12-06") }, // read: after the unread question asked as often
    }
    const queue = studyOrder(questions, records, today)
    assert.deepEqual(queue.map(entry => entry.question.id), ["c", "b", "e", "d", "a"])
    assert.deepEqual(queue.map(entry => entry.state), ["due", "unseen", "seen", "seen", "known"])
    assert.equal(queue[0].overdue, 2)
    assert.equal(queue[4].due, "2026-12-08")
    assert.equal(queue[1].overdue, null)
  })

  it("on a fresh start ranks every question by how often it is asked, ties in guide order", () => {
    assert.deepEqual(studyOrder(questions, {}, today).map(entry => entry.question.id), ["b", "e", "c", "a", "d"])
  })

  it("leaves the current question out and starts ties after it", () => {
    assert.deepEqual(studyOrder(questions, {}, today, "b").map(entry => entry.question.id), ["e", "c", "a", "d"])
    assert.deepEqual(studyOrder(questions, {}, today, "e").map(entry => entry.question.id), ["b", "c", "a", "d"])
  })
})

describe("saved marks of format 1", () => {
  it("carry over with nothing lost: known as one 'knew', review as one 'missed', seen as read", () => {
    const marks = {
      "f/a.md": { status: "known", at: "2026-12-01T10:00:00.000Z" },
      "f/b.md": { status: "review", at: "2026-12-02T10:00:00.000Z" },
      "d/c.md": { status: "seen", at: "2026-12-03T10:00:00.000Z" },
    }
    assert.deepEqual(migrateMarks(marks), {
      "f/a.md": { grades: [{ grade: "knew", at: "2026-12-01T10:00:00.000Z" }] },
      "f/b.md": { grades: [{ grade: "missed", at: "2026-12-02T10:00:00.000Z" }] },
      "d/c.md": { seen: "2026-12-03T10:00:00.000Z" },
    })
  })

  it("keep a mark without a readable time (as of now), and drop only what format 1 dropped too", () => {
    const now = "2026-12-07T09:00:00.000Z"
    const marks = { a: { status: "mastered", at: "2026-12-01T10:00:00.000Z" }, b: null, c: { status: "known" }, d: { status: "seen", at: "soon" } }
    assert.deepEqual(migrateMarks(marks, now), { c: { grades: [{ grade: "knew", at: now }] }, d: { seen: now } })
    assert.deepEqual(migrateMarks(null, now), {})
  })
})

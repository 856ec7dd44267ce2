// The "Due for review" page's plan (study/review.js): what is due now, most overdue first, and what
// comes due in the next seven days; read or never graded questions are on neither list.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

const { overdueText, reviewPlan } = await import("../../docs/assets/javascripts/study/review.js")

const TODAY = "2026-12-07"
const ITEMS = ["a", "b", "c", "d", "e", "f", "a#follow"].map(id => ({ id }))
const at = day => `${day}T09:00:00`
const RECORDS = {
  a: { grades: [{ grade: "missed", at: at("2026-12-01") }] }, // due 12-02: 5 days overdue, box 1
  b: { grades: [{ grade: "knew", at: at("2026-11-20") }, { grade: "knew", at: at("2026-11-28") }] }, // box 2, due 12-01: 6 overdue
  c: { grades: [{ grade: "knew", at: at("2026-12-06") }] }, // box 1, due 12-07: due today
  d: { grades: [{ grade: "knew", at: at("2026-12-05") }, { grade: "knew", at: at("2026-12-06") }] }, // box 2, due 12-09
  e: { seen: at("2026-12-01") }, // read only
  f: { grades: [{ grade: "knew", at: at("2026-12-01") }, { grade: "knew", at: at("2026-12-02") }, { grade: "knew", at: at("2026-12-06") }] }, // box 3, due 12-13
  "a#follow": { grades: [{ grade: "partly", at: at("2026-12-06") }] }, // box 1, half of 1 day: due 12-07
}
const ids = list => list.map(entry => entry.item.id)

describe("the review plan", () => {
  it("lists what is due now, most overdue first, then the lower box, then guide order", () => {
    const plan = reviewPlan(ITEMS, RECORDS, TODAY)
    assert.deepEqual(ids(plan.now), ["b", "a", "c", "a#follow"])
    assert.deepEqual(plan.now.map(entry => entry.overdue), [6, 5, 0, 0])
    assert.deepEqual(plan.now.map(entry => entry.box), [2, 1, 1, 1])
  })

  it("lists what comes due in the next seven days, soonest first", () => {
    const plan = reviewPlan(ITEMS, RECORDS, TODAY)
    assert.deepEqual(plan.soon.map(entry => [entry.item.id, entry.due]), [["d", "2026-12-09"], ["f", "2026-12-13"]])
    assert.deepEqual(ids(reviewPlan(ITEMS, RECORDS, TODAY, 3).soon), ["d"])
  })

  it("leaves out questions read but never graded, and those never seen", () => {
    const plan = reviewPlan([...ITEMS, { id: "unseen" }], RECORDS, TODAY)
    for (const list of [plan.now, plan.soon]) assert.ok(!ids(list).includes("e") && !ids(list).includes("unseen"))
  })

  it("moves with the calendar", () => {
    const later = reviewPlan(ITEMS, RECORDS, "2026-12-10")
    assert.deepEqual(ids(later.now), ["b", "a", "c", "a#follow", "d"])
    assert.deepEqual(ids(later.soon), ["f"])
    assert.deepEqual(reviewPlan(ITEMS, {}, TODAY), { now: [], soon: [] })
  })
})

describe("the overdue text", () => {
  it("says due today, one day, several days", () => {
    assert.equal(overdueText(0), "due today")
    assert.equal(overdueText(1), "1 day overdue")
    assert.equal(overdueText(6), "6 days overdue")
  })
})

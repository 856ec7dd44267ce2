// "Print what you need" (study/print-select.js): which questions the choices select, in guide order,
// and the rough page count.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

const { MOST_ASKED_BANKS, WORDS_PER_FIGURE, WORDS_PER_PAGE, estimatePages, selectForPrint } = await import(
  "../../docs/assets/javascripts/study/print-select.js"
)

const TODAY = "2026-12-07"
const QUESTIONS = [
  { id: "f/a", section: "fundamentals", subtopic: "basics", difficulty: "foundational", banks: 8 },
  { id: "f/b", section: "fundamentals", subtopic: "data", difficulty: "advanced", banks: 2 },
  { id: "d/c", section: "deployment", subtopic: "rollout", difficulty: "intermediate", banks: MOST_ASKED_BANKS },
  { id: "d/d", section: "deployment", subtopic: "serving", difficulty: "foundational", banks: 0 },
  { id: "t/e", section: "tips", subtopic: "", difficulty: "intermediate", banks: 6 },
]
const RECORDS = {
  "f/a": { grades: [{ grade: "missed", at: "2026-11-01T09:00:00Z" }] }, // due
  "f/b": { grades: [{ grade: "partly", at: "2026-12-07T09:00:00Z" }] }, // learning, not due
  "d/c": { grades: [{ grade: "knew", at: "2026-12-07T09:00:00Z" }] }, // known
  "d/d": { seen: "2026-12-01T09:00:00Z" }, // read only: not on the review list
}
const ids = list => list.map(question => question.id)
const select = choices => ids(selectForPrint(QUESTIONS, RECORDS, { which: "all", ...choices }, TODAY))

describe("the questions chosen for print", () => {
  it("are every question, in guide order, with no choice made", () => {
    assert.deepEqual(select({}), ["f/a", "f/b", "d/c", "d/d", "t/e"])
  })

  it("follow the sections and difficulties", () => {
    assert.deepEqual(select({ sections: ["deployment", "tips"] }), ["d/c", "d/d", "t/e"])
    assert.deepEqual(select({ difficulties: ["foundational"] }), ["f/a", "d/d"])
    assert.deepEqual(select({ sections: ["fundamentals"], difficulties: ["intermediate"] }), [])
  })

  it("follow the sub-topics within their own section only", () => {
    assert.deepEqual(select({ subtopics: ["fundamentals/data"] }), ["f/b", "d/c", "d/d", "t/e"])
    assert.deepEqual(select({ subtopics: ["fundamentals/data", "deployment/serving"] }), ["f/b", "d/d", "t/e"])
    assert.deepEqual(select({ subtopics: ["deployment/none"] }), ["f/a", "f/b", "t/e"])
  })

  it("are the review list (due or learning), or only what is due now; a read answer is on neither", () => {
    assert.deepEqual(select({ which: "review" }), ["f/a", "f/b"])
    assert.deepEqual(select({ which: "due" }), ["f/a"])
    assert.deepEqual(ids(selectForPrint(QUESTIONS, RECORDS, { which: "due" }, "2026-12-08")), ["f/a", "f/b", "d/c"], "a day later, more is due")
  })

  it("are only the most asked when asked", () => {
    assert.deepEqual(select({ mostAsked: true }), ["f/a", "d/c", "t/e"])
    assert.deepEqual(select({ mostAsked: true, which: "review" }), ["f/a"])
  })
})

describe("the page estimate", () => {
  it("gives each question at least a page, and more for longer answers and figures", () => {
    assert.equal(estimatePages([]), 0)
    assert.equal(estimatePages([{ words: 10 }]), 1)
    assert.equal(estimatePages([{ words: WORDS_PER_PAGE }]), 1)
    assert.equal(estimatePages([{ words: WORDS_PER_PAGE + 1 }]), 2)
    assert.equal(estimatePages([{ words: WORDS_PER_PAGE - WORDS_PER_FIGURE + 1, figures: 1 }]), 2)
    assert.equal(estimatePages([{ words: 1400, figures: 1 }, { words: 100 }, {}]), Math.ceil((1400 + WORDS_PER_FIGURE) / WORDS_PER_PAGE) + 2)
  })
})

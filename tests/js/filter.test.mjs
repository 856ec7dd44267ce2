// A section page's list (study/filter.js): the choice read from the address and written back to it,
// which questions show and in which order, and the choice in words.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

const { choiceFrom, describe: inWords, listView, queryOf } = await import("../../docs/assets/javascripts/study/filter.js")

const ALLOWED = { order: ["asked"], asked: ["very-common", "common", "not-counted"], difficulty: ["foundational", "advanced"], tag: ["llm", "drift"] }
// In guide order.
const ITEMS = [
  { banks: 3, asked: "common", difficulty: "foundational", tags: ["drift"] },
  { banks: 0, asked: "not-counted", difficulty: "foundational", tags: ["llm"] },
  { banks: 8, asked: "very-common", difficulty: "advanced", tags: ["llm", "drift"] },
  { banks: 3, asked: "common", difficulty: "advanced", tags: ["llm"] },
  { banks: 6, asked: "very-common", difficulty: "foundational", tags: [] },
]
const NONE = { order: "", asked: "", difficulty: "", tag: "" }

describe("the choice in the address", () => {
  it("is read field by field, keeping only values the form offers", () => {
    assert.deepEqual(choiceFrom("?order=asked&tag=llm&difficulty=expert&asked=very-common&x=1", ALLOWED), {
      order: "asked",
      asked: "very-common",
      difficulty: "",
      tag: "llm",
    })
    assert.deepEqual(choiceFrom("", ALLOWED), NONE)
  })

  it("is written with only the fields set, in one order, and read back the same", () => {
    const choice = { tag: "drift", order: "asked", asked: "", difficulty: "advanced" }
    assert.equal(queryOf(choice), "?order=asked&difficulty=advanced&tag=drift")
    assert.deepEqual(choiceFrom(queryOf(choice), ALLOWED), choice)
    assert.equal(queryOf(NONE), "")
  })
})

describe("what the list shows", () => {
  it("is every question in guide order with no choice", () => {
    assert.deepEqual(listView(ITEMS, NONE), [0, 1, 2, 3, 4])
  })

  it("puts the most asked first, ties in guide order", () => {
    assert.deepEqual(listView(ITEMS, { ...NONE, order: "asked" }), [2, 4, 0, 3, 1])
  })

  it("keeps the questions matching every filter: how often asked, difficulty and tag", () => {
    assert.deepEqual(listView(ITEMS, { ...NONE, asked: "very-common" }), [2, 4])
    assert.deepEqual(listView(ITEMS, { ...NONE, asked: "common", difficulty: "advanced" }), [3])
    assert.deepEqual(listView(ITEMS, { ...NONE, tag: "llm", order: "asked" }), [2, 3, 1])
    assert.deepEqual(listView(ITEMS, { ...NONE, tag: "drift", difficulty: "foundational", asked: "not-counted" }), [])
  })
})

describe("the choice in words", () => {
  it("names each filter and the order, or nothing with no choice", () => {
    assert.equal(inWords({ order: "asked", asked: "very-common", difficulty: "advanced", tag: "llm" }), "asked very common, difficulty advanced, tag llm, most asked first")
    assert.equal(inWords({ ...NONE, asked: "not-counted" }), "asked groundwork")
    assert.equal(inWords(NONE), "")
  })
})

// The pinned grading bar's look (study/pinned.js, barLook): full where it covers none of the short
// answer and the reader is on it, at its place after the answer, or in use; a thin strip otherwise.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

const { barLook } = await import("../../docs/assets/javascripts/study/pinned.js")

const reading = { stuck: true, inUse: false, coversShortAnswer: false, pastShortAnswer: false }

describe("the pinned grading bar", () => {
  it("is full while the short answer is read and no line of it is under the bar", () => {
    assert.equal(barLook(reading), "full")
  })

  it("is a strip where it would cover a line of the short answer, and once the reader reads on past it", () => {
    assert.equal(barLook({ ...reading, coversShortAnswer: true }), "strip")
    assert.equal(barLook({ ...reading, pastShortAnswer: true }), "strip")
  })

  it("is full at its place after the answer, and whenever the reader uses it, wherever the reader is", () => {
    for (const where of [{ coversShortAnswer: true }, { pastShortAnswer: true }, {}]) {
      assert.equal(barLook({ ...reading, ...where, stuck: false }), "full", JSON.stringify(where))
      assert.equal(barLook({ ...reading, ...where, inUse: true }), "full", JSON.stringify(where))
    }
  })
})

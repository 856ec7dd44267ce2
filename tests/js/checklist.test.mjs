// The key-point checklist (study/checklist.js): the bold terms of a short answer as plain text, and
// the grade the ticks give.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

const { checklistPrompt, gradeFromTicks, keyPoints } = await import("../../docs/assets/javascripts/study/checklist.js")

describe("key points", () => {
  it("are the bold terms, in order", () => {
    const html = "<p>The <strong>offline store</strong> keeps history; the <strong>online store</strong> the latest; <strong>Materialization</strong> copies.</p>"
    assert.deepEqual(keyPoints(html), ["offline store", "online store", "Materialization"])
  })

  it("are plain text: tags inside removed, entities decoded, spaces joined, end punctuation dropped", () => {
    const html = '<p><strong>A/B <code>tests</code></strong> and <b>p&lt;0.05 &amp; power,</b> and <strong class="x">data\n   drift&#39;s</strong></p>'
    assert.deepEqual(keyPoints(html), ["A/B tests", "p<0.05 & power", "data drift's"])
  })

  it("count a term once, whatever its case", () => {
    assert.deepEqual(keyPoints("<strong>Drift</strong> ... <strong>drift</strong> ... <strong>skew</strong>"), ["Drift", "skew"])
  })

  it("are none for an answer without bold terms, or with empty ones", () => {
    assert.deepEqual(keyPoints("<p>No emphasis <em>here</em>.</p>"), [])
    assert.deepEqual(keyPoints("<strong> </strong>"), [])
    assert.deepEqual(keyPoints(""), [])
  })

  it("make the checklist's question", () => {
    assert.equal(checklistPrompt(["offline store", "online store", "materialization"]), "Did you say: offline store, online store, materialization?")
  })
})

describe("the grade from the ticks", () => {
  it("is Knew it for all, Partly for some, Missed for none", () => {
    assert.equal(gradeFromTicks(3, 3), "knew")
    assert.equal(gradeFromTicks(2, 3), "partly")
    assert.equal(gradeFromTicks(1, 3), "partly")
    assert.equal(gradeFromTicks(0, 3), "missed")
    assert.equal(gradeFromTicks(1, 1), "knew")
  })

  it("is none without key points", () => {
    assert.equal(gradeFromTicks(0, 0), null)
  })
})

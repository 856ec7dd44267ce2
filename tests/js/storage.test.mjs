// Marks kept in localStorage (study/storage.js), the self-test's toggles and messages
// (study/selftest.js) and the progress counts (study/progress-page.js), with several questions
// marked at once, damaged data, blocked storage and changes made in another tab.

import assert from "node:assert/strict"
import { beforeEach, describe, it } from "node:test"

import { blockStorage, changeFromAnotherTab, resetWindow, storage } from "./fake_window.mjs"

const { STORAGE_KEY, allStatuses, markSeen, onChange, resetAll, setStatus, statusOf, storageAvailable, tally } = await import(
  "../../docs/assets/javascripts/study/storage.js"
)
const { statusMessage, toggleMark } = await import("../../docs/assets/javascripts/study/selftest.js")
const { countStatuses } = await import("../../docs/assets/javascripts/study/progress-page.js")

const IDS = ["f/a.md", "f/b.md", "d/c.md", "d/d.md"]
let changes = 0
onChange(() => {
  changes += 1
})

beforeEach(() => {
  resetWindow()
  changes = 0
})

function saved() {
  return JSON.parse(storage.getItem(STORAGE_KEY))
}

describe("marks", () => {
  it("keeps each question's own status, in one versioned key", () => {
    setStatus("f/a.md", "known")
    setStatus("d/c.md", "review")
    markSeen("d/d.md")
    assert.deepEqual(allStatuses(IDS), { "f/a.md": "known", "f/b.md": "unseen", "d/c.md": "review", "d/d.md": "seen" })
    assert.equal(saved().version, 1)
    assert.deepEqual(Object.keys(saved().questions).sort(), ["d/c.md", "d/d.md", "f/a.md"])
  })

  it("revealing an answer again keeps the mark it was given", () => {
    setStatus("f/a.md", "known")
    setStatus("f/b.md", "review")
    markSeen("f/a.md")
    markSeen("f/b.md")
    assert.equal(statusOf("f/a.md"), "known")
    assert.equal(statusOf("f/b.md"), "review")
  })

  it("'I knew it' and 'Review again' replace each other; pressing the same one again takes it back to revealed", () => {
    assert.equal(toggleMark("f/a.md", "known"), "known")
    assert.equal(toggleMark("f/a.md", "review"), "review")
    assert.equal(toggleMark("f/a.md", "review"), "seen")
    assert.equal(toggleMark("f/b.md", "review"), "review")
    assert.deepEqual(allStatuses(["f/a.md", "f/b.md"]), { "f/a.md": "seen", "f/b.md": "review" })
  })

  it("says what each status means, as the live region announces it", () => {
    assert.equal(statusMessage("known"), "Marked as known.")
    assert.equal(statusMessage("review"), "Marked to review again.")
    assert.equal(statusMessage("seen"), "Answer revealed, not marked yet.")
    assert.equal(statusMessage("unseen"), "Not marked yet.")
  })

  it("refuses a status it does not know", () => {
    assert.throws(() => setStatus("f/a.md", "maybe"), /unknown status "maybe"/)
  })

  it("reset clears every mark and tells the page", () => {
    setStatus("f/a.md", "known")
    setStatus("f/b.md", "review")
    changes = 0
    resetAll()
    assert.equal(storage.getItem(STORAGE_KEY), null)
    assert.deepEqual(allStatuses(IDS), Object.fromEntries(IDS.map(id => [id, "unseen"])))
    assert.equal(changes, 1)
  })
})

describe("progress counts", () => {
  it("count a revealed question as to review, next to the marked ones", () => {
    const questions = IDS.map(id => ({ id }))
    const counts = countStatuses(questions, { "f/a.md": "known", "f/b.md": "seen", "d/c.md": "review", "d/d.md": "unseen" })
    assert.deepEqual(counts, { known: 1, review: 2, unseen: 1, total: 4 })
    assert.deepEqual(["known", "review", "seen", "unseen", undefined].map(tally), ["known", "review", "review", "unseen", "unseen"])
  })
})

describe("damaged or older data", () => {
  it("is read as no marks, and the next mark starts over", () => {
    for (const raw of ["{not json", JSON.stringify({ version: 0, questions: { "f/a.md": { status: "known" } } }), "null", "[]"]) {
      storage.setItem(STORAGE_KEY, raw)
      assert.equal(statusOf("f/a.md"), "unseen", raw)
    }
    setStatus("f/b.md", "known")
    assert.deepEqual(saved().questions, { "f/b.md": { status: "known", at: saved().questions["f/b.md"].at } })
  })

  it("drops entries whose status it does not know and keeps the others", () => {
    const questions = { "f/a.md": { status: "known" }, "f/b.md": { status: "mastered" }, "d/c.md": null }
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, questions }))
    assert.deepEqual(allStatuses(["f/a.md", "f/b.md", "d/c.md"]), { "f/a.md": "known", "f/b.md": "unseen", "d/c.md": "unseen" })
  })
})

describe("blocked storage", () => {
  it("is reported, marks are not kept, and nothing throws", () => {
    blockStorage()
    assert.equal(storageAvailable(), false)
    assert.doesNotThrow(() => setStatus("f/a.md", "known"))
    assert.doesNotThrow(() => markSeen("f/b.md"))
    assert.doesNotThrow(() => resetAll())
    assert.equal(statusOf("f/a.md"), "unseen")
  })

  it("is not reported while the storage works", () => {
    setStatus("f/a.md", "known")
    assert.equal(storageAvailable(), true)
  })

  it("a full storage that refuses to save is reported too", () => {
    storage.full = true
    setStatus("f/a.md", "known")
    assert.equal(storageAvailable(), false)
    assert.equal(statusOf("f/a.md"), "unseen")
  })
})

describe("changes", () => {
  it("in this tab are told to the page once per real change", () => {
    setStatus("f/a.md", "known")
    setStatus("f/a.md", "known")
    markSeen("f/a.md")
    setStatus("f/a.md", "review")
    assert.equal(changes, 2)
  })

  it("made in another tab are told to the page, and read from then on", () => {
    setStatus("f/a.md", "known")
    changes = 0
    const theirs = { version: 1, questions: { "f/a.md": { status: "review", at: "2026-12-01T00:00:00.000Z" }, "d/c.md": { status: "known", at: "2026-12-01T00:00:00.000Z" } } }
    changeFromAnotherTab(STORAGE_KEY, JSON.stringify(theirs))
    assert.equal(changes, 1)
    assert.deepEqual(allStatuses(["f/a.md", "d/c.md"]), { "f/a.md": "review", "d/c.md": "known" })
    changeFromAnotherTab(null, null) // the other tab cleared the storage
    assert.equal(changes, 2)
    assert.equal(statusOf("f/a.md"), "unseen")
  })

  it("to other keys of the site's storage are ignored", () => {
    changeFromAnotherTab("__palette", "{}")
    assert.equal(changes, 0)
  })
})

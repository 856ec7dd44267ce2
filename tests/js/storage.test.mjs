// Study records kept in localStorage (study/storage.js, format 2, and format 1 carried over), the self-test's toggles and messages
// (study/selftest.js) and the progress counts (study/progress-page.js), with several questions
// marked at once, damaged data, blocked storage and changes made in another tab.

import assert from "node:assert/strict"
import { beforeEach, describe, it } from "node:test"

import { blockStorage, changeFromAnotherTab, resetWindow, storage } from "./fake_window.mjs"

const { FORMAT_1_KEY, STORAGE_KEY, allRecords, allStatuses, grade, markSeen, onChange, resetAll, statusOf, storageAvailable, tally, ungrade } =
  await import("../../docs/assets/javascripts/study/storage.js")
const { markOf, statusMessage, toggleMark } = await import("../../docs/assets/javascripts/study/selftest.js")
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

describe("records", () => {
  it("keep each question's own grades and reads, in one versioned key", () => {
    grade("f/a.md", "knew")
    grade("d/c.md", "missed")
    markSeen("d/d.md")
    assert.deepEqual(allStatuses(IDS), { "f/a.md": "known", "f/b.md": "unseen", "d/c.md": "review", "d/d.md": "seen" })
    assert.equal(saved().version, 2)
    assert.deepEqual(Object.keys(saved().records).sort(), ["d/c.md", "d/d.md", "f/a.md"])
    assert.deepEqual(saved().records["f/a.md"].grades.map(item => item.grade), ["knew"])
  })

  it("reading an answer again keeps the grade it was given, and a read question is not to review", () => {
    grade("f/a.md", "knew")
    grade("f/b.md", "missed")
    markSeen("f/a.md")
    markSeen("f/b.md")
    markSeen("d/c.md")
    assert.equal(statusOf("f/a.md"), "known")
    assert.equal(statusOf("f/b.md"), "review")
    assert.equal(statusOf("d/c.md"), "seen")
    assert.equal(tally(statusOf("d/c.md")), "seen")
  })

  it("a question graded 'knew' is due again after its interval, and then to review", () => {
    grade("f/a.md", "knew", "2026-12-01T12:00:00.000Z")
    assert.equal(statusOf("f/a.md", "2026-12-01"), "known")
    assert.equal(statusOf("f/a.md", "2026-12-02"), "review")
    assert.equal(markOf("f/a.md"), "known") // the mark still shows the grade given
  })

  it("'I knew it' and 'Review again' replace each other; pressing the same one again takes it back", () => {
    assert.equal(toggleMark("f/a.md", "known"), "known")
    assert.equal(toggleMark("f/a.md", "review"), "review")
    assert.equal(toggleMark("f/a.md", "review"), "known") // the grade before comes back
    assert.equal(toggleMark("f/a.md", "known"), "seen") // no grade left: read
    assert.equal(toggleMark("f/b.md", "review"), "review")
    assert.deepEqual([markOf("f/a.md"), markOf("f/b.md"), markOf("d/c.md")], ["seen", "review", "unseen"])
  })

  it("ungrading a question never graded changes nothing", () => {
    markSeen("f/a.md")
    changes = 0
    ungrade("f/a.md")
    ungrade("f/b.md")
    assert.equal(changes, 0)
    assert.equal(statusOf("f/a.md"), "seen")
  })

  it("says what each mark means, as the live region announces it", () => {
    assert.equal(statusMessage("known"), "Marked as known.")
    assert.equal(statusMessage("review"), "Marked to review again.")
    assert.equal(statusMessage("seen"), "Answer revealed, not marked yet.")
    assert.equal(statusMessage("unseen"), "Not marked yet.")
  })

  it("refuses a grade it does not know", () => {
    assert.throws(() => grade("f/a.md", "maybe"), /unknown grade "maybe"/)
  })

  it("reset clears every record, today's and format 1's, and tells the page", () => {
    grade("f/a.md", "knew")
    storage.setItem(FORMAT_1_KEY, JSON.stringify({ version: 1, questions: {} }))
    changes = 0
    resetAll()
    assert.equal(storage.getItem(STORAGE_KEY), null)
    assert.equal(storage.getItem(FORMAT_1_KEY), null)
    assert.deepEqual(allStatuses(IDS), Object.fromEntries(IDS.map(id => [id, "unseen"])))
    assert.equal(changes, 1)
  })
})

describe("progress counts", () => {
  it("count a read but ungraded question apart from the ones to review", () => {
    const questions = IDS.map(id => ({ id }))
    const counts = countStatuses(questions, { "f/a.md": "known", "f/b.md": "seen", "d/c.md": "review", "d/d.md": "unseen" })
    assert.deepEqual(counts, { known: 1, review: 1, seen: 1, unseen: 1, ungraded: 2, total: 4 })
    assert.deepEqual(["known", "review", "seen", "unseen", undefined, "due"].map(tally), ["known", "review", "seen", "unseen", "unseen", "unseen"])
  })
})

describe("marks saved by format 1 (before 7 December 2026)", () => {
  const format1 = {
    version: 1,
    questions: {
      "f/a.md": { status: "known", at: "2026-12-01T10:00:00.000Z" },
      "f/b.md": { status: "review", at: "2026-12-02T10:00:00.000Z" },
      "d/c.md": { status: "seen", at: "2026-12-03T10:00:00.000Z" },
    },
  }

  it("are carried over once with nothing lost, and the old key is left as it was", () => {
    storage.setItem(FORMAT_1_KEY, JSON.stringify(format1))
    assert.deepEqual(allStatuses(IDS, "2026-12-01"), { "f/a.md": "known", "f/b.md": "review", "d/c.md": "seen", "d/d.md": "unseen" })
    assert.deepEqual(allRecords()["f/b.md"], { grades: [{ grade: "missed", at: "2026-12-02T10:00:00.000Z" }] })
    assert.equal(saved().version, 2)
    assert.deepEqual(JSON.parse(storage.getItem(FORMAT_1_KEY)), format1)
  })

  it("are not carried over again once format 2 holds records", () => {
    storage.setItem(FORMAT_1_KEY, JSON.stringify(format1))
    allRecords()
    grade("d/d.md", "knew")
    ungrade("f/a.md")
    assert.equal(markOf("f/a.md"), "seen")
    assert.equal(statusOf("d/d.md"), "known")
  })
})

describe("damaged data", () => {
  it("is read as no records, and the next grade starts over", () => {
    for (const raw of ["{not json", JSON.stringify({ version: 0, records: { "f/a.md": { seen: "2026-12-01T00:00:00.000Z" } } }), "null", "[]"]) {
      storage.setItem(STORAGE_KEY, raw)
      assert.equal(statusOf("f/a.md"), "unseen", raw)
    }
    grade("f/b.md", "knew")
    assert.deepEqual(Object.keys(saved().records), ["f/b.md"])
  })

  it("drops the parts it cannot read and keeps the others", () => {
    const records = {
      "f/a.md": { grades: [{ grade: "knew", at: "2026-12-01T00:00:00.000Z" }, { grade: "mastered", at: "2026-12-01T00:00:00.000Z" }] },
      "f/b.md": { seen: "yesterday" },
      "d/c.md": null,
      "d/d.md": { seen: "2026-12-01T00:00:00.000Z", grades: "all" },
    }
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 2, records }))
    assert.deepEqual(allRecords(), {
      "f/a.md": { grades: [{ grade: "knew", at: "2026-12-01T00:00:00.000Z" }] },
      "d/d.md": { seen: "2026-12-01T00:00:00.000Z" },
    })
  })
})

describe("blocked storage", () => {
  it("is reported, records are not kept, and nothing throws", () => {
    blockStorage()
    assert.equal(storageAvailable(), false)
    assert.doesNotThrow(() => grade("f/a.md", "knew"))
    assert.doesNotThrow(() => markSeen("f/b.md"))
    assert.doesNotThrow(() => resetAll())
    assert.equal(statusOf("f/a.md"), "unseen")
  })

  it("is not reported while the storage works", () => {
    grade("f/a.md", "knew")
    assert.equal(storageAvailable(), true)
  })

  it("a full storage that refuses to save is reported too", () => {
    storage.full = true
    grade("f/a.md", "knew")
    assert.equal(storageAvailable(), false)
    assert.equal(statusOf("f/a.md"), "unseen")
  })
})

describe("changes", () => {
  it("in this tab are told to the page once per real change", () => {
    grade("f/a.md", "knew")
    markSeen("f/a.md")
    grade("f/a.md", "missed")
    markSeen("f/b.md")
    markSeen("f/b.md")
    assert.equal(changes, 3)
  })

  it("made in another tab are told to the page, and read from then on", () => {
    grade("f/a.md", "knew")
    changes = 0
    const theirs = {
      version: 2,
      records: { "f/a.md": { grades: [{ grade: "missed", at: "2026-12-01T00:00:00.000Z" }] }, "d/c.md": { seen: "2026-12-01T00:00:00.000Z" } },
    }
    changeFromAnotherTab(STORAGE_KEY, JSON.stringify(theirs))
    assert.equal(changes, 1)
    assert.deepEqual(allStatuses(["f/a.md", "d/c.md"]), { "f/a.md": "review", "d/c.md": "seen" })
    changeFromAnotherTab(null, null) // the other tab cleared the storage
    assert.equal(changes, 2)
    assert.equal(statusOf("f/a.md"), "unseen")
  })

  it("to other keys of the site's storage are ignored", () => {
    changeFromAnotherTab("__palette", "{}")
    assert.equal(changes, 0)
  })
})

// Carrying progress (study/carry.js): the export file, the checks an import makes before it changes
// anything (not JSON, foreign, other version, too big, malformed or hostile records), the merge by
// the newest mark per question, and the report of what an import did.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

import "./fake_window.mjs"

const { FILE_FORMAT, FILE_VERSION, MAX_FILE_BYTES, exportFileName, exportProgress, importReport, mergeProgress, newestMark, readProgressFile } =
  await import("../../docs/assets/javascripts/study/carry.js")

const KNOWN = ["f/a.md", "f/b.md", "d/c.md", "f/a.md#offline-vs-online"]
const knew = at => ({ grade: "knew", at })
const missed = at => ({ grade: "missed", at })

function file(records, extra = {}) {
  const text = JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, exported: "2026-12-07T10:00:00.000Z", records, ...extra })
  return [text, text.length, KNOWN]
}

describe("the export file", () => {
  it("holds the records as they are, and each graded question's box and due day", () => {
    const records = {
      "f/a.md": { grades: [knew("2026-12-01T09:00:00.000Z"), knew("2026-12-02T09:00:00.000Z")] },
      "f/b.md": { seen: "2026-12-03T09:00:00.000Z" },
      "d/c.md": { grades: [missed("2026-12-05T09:00:00.000Z")] },
    }
    const data = exportProgress(records, "2026-12-07T10:00:00.000Z")
    assert.equal(data.format, FILE_FORMAT)
    assert.equal(data.version, 2)
    assert.deepEqual(data.records, records)
    assert.deepEqual(data.schedule["f/a.md"], { box: 2, due: "2026-12-05" })
    assert.deepEqual(data.schedule["d/c.md"], { box: 1, due: "2026-12-06" })
    assert.equal("f/b.md" in data.schedule, false, "a read, ungraded question has no schedule")
  })

  it("is read back whole by an import", () => {
    const records = { "f/a.md": { grades: [knew("2026-12-01T09:00:00.000Z")] }, "f/b.md": { seen: "2026-12-03T09:00:00.000Z" } }
    const text = JSON.stringify(exportProgress(records, "2026-12-07T10:00:00.000Z"))
    assert.deepEqual(readProgressFile(text, text.length, KNOWN), { ok: true, records, unknown: 0 })
  })

  it("is named after the day it was made", () => {
    assert.equal(exportFileName("2026-12-07"), "mlops-interview-guide-progress-2026-12-07.json")
  })
})

describe("an import refuses, with a message, and changes nothing", () => {
  const refused = (result, pattern) => {
    assert.equal(result.ok, false)
    assert.match(result.message, pattern)
    assert.match(result.message, /Nothing was changed\.$/)
  }

  it("a file that is not JSON", () => {
    refused(readProgressFile("{ not json", 10, KNOWN), /not JSON/)
    refused(readProgressFile("", 0, KNOWN), /not JSON/)
  })

  it("JSON that is not a progress file of this guide", () => {
    for (const text of ["[]", "null", "42", '"text"', '{"version": 2, "records": {}}', '{"format": "anki", "version": 2, "records": {}}']) {
      refused(readProgressFile(text, text.length, KNOWN), /not a progress file of the MLOps Interview Guide/)
    }
  })

  it("a version this guide does not read", () => {
    for (const version of [1, 3, "2", null]) {
      refused(readProgressFile(...file({}, { version })), new RegExp(`format version "${version}"; this guide reads version 2`))
    }
  })

  it("a file over the size limit, by its size alone", () => {
    refused(readProgressFile("", 10 * 1024 * 1024, KNOWN), /10\.0 MB; a progress file of this guide is at most 4\.0 MB/)
    refused(readProgressFile("x".repeat(MAX_FILE_BYTES + 1), 10, KNOWN), /at most 4\.0 MB/)
  })

  it("records that are not a mapping", () => {
    refused(readProgressFile(...file([])), /holds no records/)
    refused(readProgressFile(...file("all")), /holds no records/)
  })

  it("one malformed record among good ones", () => {
    const good = { "f/a.md": { grades: [knew("2026-12-01T09:00:00.000Z")] } }
    refused(readProgressFile(...file({ ...good, "f/b.md": { grades: [{ grade: "perfect", at: "2026-12-01T09:00:00.000Z" }] } })), /"f\/b\.md" has an unknown grade "perfect"/)
    refused(readProgressFile(...file({ ...good, "f/b.md": { grades: [{ grade: "knew", at: "yesterday" }] } })), /time is not a date and time/)
    refused(readProgressFile(...file({ ...good, "f/b.md": { seen: 12 } })), /read time that is not a date and time/)
    refused(readProgressFile(...file({ ...good, "f/b.md": { grades: "knew" } })), /grades that are not a list/)
    refused(readProgressFile(...file({ ...good, "f/b.md": {} })), /holds no mark/)
    refused(readProgressFile(...file({ ...good, "f/b.md": "knew" })), /is not a record/)
    refused(readProgressFile(...file({ ...good, "f/b.md": { seen: "2026-12-01T09:00:00Z", note: "hi" } })), /unknown field "note"/)
    refused(readProgressFile(...file({ ...good, "f/b.md": { grades: Array.from({ length: 51 }, () => knew("2026-12-01T09:00:00Z")) } })), /more than 50 grades/)
    refused(readProgressFile(...file({ ...good, "f/b.md": { grades: [knew("2026-12-02T09:00:00Z"), knew("2026-12-01T09:00:00Z")] } })), /out of time order/)
  })

  it("markup in strings, quoted as plain text and cut short", () => {
    const hostile = `<img src=x onerror="alert(1)">${"a".repeat(100)}`
    const result = readProgressFile(...file({ "f/a.md": { grades: [{ grade: hostile, at: "2026-12-01T09:00:00Z" }] } }))
    refused(result, /unknown grade "<img src=x onerror=/)
    assert.ok(result.message.length < 200, "a long value is cut in the message")
    refused(readProgressFile(...file({ [hostile]: { grades: [{ grade: "knew", at: hostile }] } })), /time is not a date and time/)
  })

  it("a file none of whose questions is in this guide", () => {
    refused(readProgressFile(...file({ "other/x.md": { seen: "2026-12-01T09:00:00Z" }, "<b>y</b>": { seen: "2026-12-01T09:00:00Z" } })), /None of the 2 questions in this file is in this guide/)
  })
})

describe("an import accepts", () => {
  it("known ids, follow-ups included, and skips and counts the ids this guide does not hold", () => {
    const result = readProgressFile(
      ...file({
        "f/a.md": { seen: "2026-12-01T09:00:00Z" },
        "f/a.md#offline-vs-online": { grades: [missed("2026-12-02T09:00:00+01:00")] },
        "gone/old.md": { seen: "2026-12-01T09:00:00Z" },
      })
    )
    assert.deepEqual(result, {
      ok: true,
      records: { "f/a.md": { seen: "2026-12-01T09:00:00Z" }, "f/a.md#offline-vs-online": { grades: [missed("2026-12-02T09:00:00+01:00")] } },
      unknown: 1,
    })
  })

  it("an empty progress file, which changes nothing", () => {
    assert.deepEqual(readProgressFile(...file({})), { ok: true, records: {}, unknown: 0 })
  })
})

describe("the merge", () => {
  const local = {
    "f/a.md": { grades: [knew("2026-12-05T09:00:00Z")] },
    "f/b.md": { grades: [missed("2026-12-01T09:00:00Z")] },
    "d/c.md": { seen: "2026-12-04T09:00:00Z" },
  }

  it("keeps per question the record whose newest mark is newer, and adds the new ones", () => {
    const incoming = {
      "f/a.md": { grades: [missed("2026-12-03T09:00:00Z")] }, // older: kept
      "f/b.md": { grades: [missed("2026-12-01T09:00:00Z"), knew("2026-12-06T09:00:00Z")] }, // newer: updated
      "d/c.md": { seen: "2026-12-04T09:00:00Z" }, // the same: kept
      "f/a.md#offline-vs-online": { seen: "2026-12-02T09:00:00Z" }, // new: added
    }
    const merged = mergeProgress(local, incoming)
    assert.deepEqual(merged.records["f/a.md"], local["f/a.md"])
    assert.deepEqual(merged.records["f/b.md"], incoming["f/b.md"])
    assert.deepEqual(merged.records["d/c.md"], local["d/c.md"])
    assert.deepEqual(merged.records["f/a.md#offline-vs-online"], incoming["f/a.md#offline-vs-online"])
    assert.deepEqual([merged.added, merged.updated, merged.kept], [1, 1, 2])
  })

  it("compares times across time zones, and a read after the last grade counts as the newest mark", () => {
    assert.equal(newestMark({ grades: [knew("2026-12-05T10:00:00+02:00")] }), Date.parse("2026-12-05T08:00:00Z"))
    const merged = mergeProgress({ x: { grades: [knew("2026-12-05T09:00:00Z")] } }, { x: { grades: [knew("2026-12-05T10:30:00+02:00")] } })
    assert.equal(merged.kept, 1, "10:30 at +02:00 is before 09:00 UTC")
    assert.equal(newestMark({ seen: "2026-12-06T09:00:00Z", grades: [knew("2026-12-05T09:00:00Z")] }), Date.parse("2026-12-06T09:00:00Z"))
    assert.equal(newestMark(undefined), -Infinity)
  })

  it("of nothing changes nothing", () => {
    const merged = mergeProgress(local, {})
    assert.deepEqual(merged.records, local)
    assert.deepEqual([merged.added, merged.updated, merged.kept], [0, 0, 0])
  })
})

describe("the report", () => {
  it("says what changed, in numbers", () => {
    assert.equal(importReport({ added: 2, updated: 1, kept: 0 }, 0), "Imported: 2 questions added; 1 question updated with newer marks.")
    assert.equal(
      importReport({ added: 0, updated: 1, kept: 3 }, 2),
      "Imported: 1 question updated with newer marks; 3 questions kept as they were (the marks in this browser were as new or newer); 2 questions skipped (not in this guide)."
    )
  })

  it("says when nothing changed", () => {
    assert.equal(importReport({ added: 0, updated: 0, kept: 2 }, 0), "Imported: nothing changed: 2 questions kept as they were (the marks in this browser were as new or newer).")
    assert.equal(importReport({ added: 0, updated: 0, kept: 0 }, 0), "Imported: nothing changed (the file held no marks).")
  })
})

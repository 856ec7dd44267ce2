// Carrying progress to another browser: the export file, and the checks and merge of an import.
// Pure functions (tested in Node, tests/js/carry.test.mjs); carry-page.js is the screen.
//
// The file holds the records of storage format 2 as they are ({ seen?, grades? } per question id,
// schedule.js) and, for a person reading it, each graded question's Leitner box and due day; an
// import reads only the records and replays the schedule from them. An import checks everything
// before it changes anything: a file that is not JSON, not ours, of another version, too big, or
// with one malformed record is refused whole, with a message saying why. Ids this guide does not
// hold (a question since removed) are skipped and counted. Per question, the record whose newest
// mark (grade or read) is newer wins.

import { GRADES, KEPT_GRADES, replay } from "./schedule.js"

export const FILE_FORMAT = "mlops-interview-guide-progress"
export const FILE_VERSION = 2
// A file with every question of a 1,000-question guide graded 50 times is about 3 MB.
export const MAX_FILE_BYTES = 4 * 1024 * 1024
export const MAX_RECORDS = 20000
const MAX_ID_LENGTH = 300
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/

/** The export file's content: the records, and each graded question's box and due day. */
export function exportProgress(records, exportedAt) {
  const schedule = {}
  for (const [id, record] of Object.entries(records)) {
    const { box, due } = replay(record.grades)
    if (due) schedule[id] = { box, due }
  }
  return { format: FILE_FORMAT, version: FILE_VERSION, exported: exportedAt, records, schedule }
}

/** The file name of an export made on `day` (YYYY-MM-DD). */
export function exportFileName(day) {
  return `mlops-interview-guide-progress-${day}.json`
}

function isTime(value) {
  return typeof value === "string" && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))
}

function isPlainObject(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value)
}

/** A short, plain quote of a value for a message (shown as text, never as HTML). */
function quote(value) {
  const text = String(value)
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`
}

/** The problem with one record, or null when it is well formed. */
function recordProblem(record) {
  if (!isPlainObject(record)) return "is not a record"
  for (const key of Object.keys(record)) if (key !== "seen" && key !== "grades") return `has an unknown field ${quote(key)}`
  if (record.seen !== undefined && !isTime(record.seen)) return "has a read time that is not a date and time"
  if (record.grades === undefined) return record.seen === undefined ? "holds no mark" : null
  if (!Array.isArray(record.grades)) return "has grades that are not a list"
  if (record.grades.length > KEPT_GRADES) return `has more than ${KEPT_GRADES} grades`
  for (const item of record.grades) {
    if (!isPlainObject(item) || Object.keys(item).some(key => key !== "grade" && key !== "at")) return "has a grade that is not { grade, at }"
    if (!GRADES.includes(item.grade)) return `has an unknown grade ${quote(item.grade)}`
    if (!isTime(item.at)) return "has a grade whose time is not a date and time"
  }
  for (let index = 1; index < record.grades.length; index += 1) {
    if (Date.parse(record.grades[index].at) < Date.parse(record.grades[index - 1].at)) return "has grades out of time order"
  }
  return null
}

/**
 * Check an export file's text (`size` in bytes) against the ids this guide knows.
 * Returns { ok: true, records, unknown } (records of known ids only; unknown: how many were skipped)
 * or { ok: false, message }.
 */
export function readProgressFile(text, size, knownIds) {
  if (size > MAX_FILE_BYTES || text.length > MAX_FILE_BYTES) {
    return { ok: false, message: `This file is ${megabytes(size)} MB; a progress file of this guide is at most ${megabytes(MAX_FILE_BYTES)} MB. Nothing was changed.` }
  }
  let data
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, message: "This file is not JSON, so it is not a progress file of this guide. Nothing was changed." }
  }
  if (!isPlainObject(data) || data.format !== FILE_FORMAT) {
    return { ok: false, message: "This file is not a progress file of the MLOps Interview Guide. Nothing was changed." }
  }
  if (data.version !== FILE_VERSION) {
    return { ok: false, message: `This progress file is of format version ${quote(data.version)}; this guide reads version ${FILE_VERSION}. Nothing was changed.` }
  }
  if (!isPlainObject(data.records)) return { ok: false, message: "This progress file holds no records. Nothing was changed." }
  const entries = Object.entries(data.records)
  if (entries.length > MAX_RECORDS) return { ok: false, message: `This progress file holds more than ${MAX_RECORDS} records. Nothing was changed.` }
  const known = new Set(knownIds)
  const records = {}
  let unknown = 0
  for (const [id, record] of entries) {
    if (id.length > MAX_ID_LENGTH) return { ok: false, message: `This progress file has a question id longer than ${MAX_ID_LENGTH} characters. Nothing was changed.` }
    const problem = recordProblem(record)
    if (problem) return { ok: false, message: `The record of ${quote(id)} ${problem}. Nothing was changed.` }
    if (!known.has(id)) unknown += 1
    else records[id] = record.grades ? { ...(record.seen ? { seen: record.seen } : {}), grades: record.grades.map(({ grade, at }) => ({ grade, at })) } : { seen: record.seen }
  }
  if (entries.length && !Object.keys(records).length) {
    return { ok: false, message: `None of the ${entries.length} questions in this file is in this guide. Nothing was changed.` }
  }
  return { ok: true, records, unknown }
}

function megabytes(bytes) {
  return (bytes / (1024 * 1024)).toFixed(1)
}

/** The time of a record's newest mark (its last grade or its read time), in ms; -Infinity with none. */
export function newestMark(record) {
  const times = [record?.seen, ...(record?.grades || []).map(item => item.at)].filter(Boolean).map(Date.parse)
  return times.length ? Math.max(...times) : -Infinity
}

/** Merge imported records into this browser's: per question, the record with the newer newest mark
 * wins (a tie keeps this browser's). Returns { records, added, updated, kept }. */
export function mergeProgress(local, incoming) {
  const records = { ...local }
  const counts = { added: 0, updated: 0, kept: 0 }
  for (const [id, record] of Object.entries(incoming)) {
    if (!local[id]) {
      records[id] = record
      counts.added += 1
    } else if (newestMark(record) > newestMark(local[id])) {
      records[id] = record
      counts.updated += 1
    } else {
      counts.kept += 1
    }
  }
  return { records, ...counts }
}

/** What an import did, in one sentence. */
export function importReport({ added, updated, kept }, unknown) {
  const parts = []
  if (added) parts.push(`${count(added)} added`)
  if (updated) parts.push(`${count(updated)} updated with newer marks`)
  if (kept) parts.push(`${count(kept)} kept as they were (the marks in this browser were as new or newer)`)
  if (unknown) parts.push(`${count(unknown)} skipped (not in this guide)`)
  if (!added && !updated) return `Imported: nothing changed${parts.length ? `: ${parts.join("; ")}` : " (the file held no marks)"}.`
  return `Imported: ${parts.join("; ")}.`
}

function count(number) {
  return `${number} question${number === 1 ? "" : "s"}`
}

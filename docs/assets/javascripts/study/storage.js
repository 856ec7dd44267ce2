// Study records, kept in this browser only (localStorage); nothing is ever sent anywhere.
//
// Format 2, one versioned key: { version: 2, records: { "<question id>": record } }, a record being
// { seen?: ISO time, grades?: [{ grade: "knew" | "partly" | "missed", at: ISO time }] } (schedule.js
// replays the grades into a Leitner box and a due day). The id is a question's docs path; a follow-up
// will be "<docs path>#<follow-up id>". Format 1 ({ version: 1, questions: { id: { status, at } } },
// saved before 7 December 2026) is read once and carried over with nothing lost; its key is left as
// it was. Unreadable data counts as no data.

import { GRADES, dayOf, migrateMarks, standing, withGrade, withoutLastGrade } from "./schedule.js"

export const STORAGE_KEY = "mlops-interview-guide:study:v2"
export const FORMAT_1_KEY = "mlops-interview-guide:study:v1"
const VERSION = 2
const listeners = new Set()

let available = true

function load(key) {
  try {
    return window.localStorage.getItem(key)
  } catch {
    available = false
    return null
  }
}

/** The records of format 2, each checked: a bad grade or time drops that part, never the page. */
export function validRecords(records) {
  const valid = {}
  if (!records || typeof records !== "object" || Array.isArray(records)) return valid
  for (const [id, record] of Object.entries(records)) {
    if (!record || typeof record !== "object") continue
    const grades = Array.isArray(record.grades)
      ? record.grades.filter(item => item && GRADES.includes(item.grade) && isTime(item.at)).map(({ grade, at }) => ({ grade, at }))
      : []
    const kept = {}
    if (isTime(record.seen)) kept.seen = record.seen
    if (grades.length) kept.grades = grades
    if (kept.seen || kept.grades) valid[id] = kept
  }
  return valid
}

function isTime(value) {
  return typeof value === "string" && !Number.isNaN(Date.parse(value))
}

function parse(raw) {
  try {
    return JSON.parse(raw)
  } catch {
    return null // damaged data: start over rather than break the page
  }
}

function read() {
  const current = parse(load(STORAGE_KEY))
  if (current && current.version === VERSION) return validRecords(current.records)
  const format1 = parse(load(FORMAT_1_KEY))
  if (!current && format1 && format1.version === 1) {
    const records = migrateMarks(format1.questions)
    save(records)
    return records
  }
  return {}
}

function save(records) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, records }))
    available = true
  } catch {
    available = false
  }
}

function write(records) {
  save(records)
  notify()
}

function notify() {
  for (const listener of listeners) listener()
}

export function today() {
  return dayOf(new Date())
}

/** Whether records can be saved (private modes and strict settings can block localStorage). */
export function storageAvailable() {
  read()
  return available
}

export function recordOf(id) {
  return read()[id] ?? {}
}

export function allRecords() {
  return read()
}

/** Grade a question: "knew", "partly" or "missed". */
export function grade(id, value, at = new Date().toISOString()) {
  const records = read()
  records[id] = withGrade(records[id], value, at)
  write(records)
}

/** Replace every record at once (an import, carry.js); each is checked as a stored one is. */
export function replaceRecords(records) {
  write(validRecords(records))
}

/** Take the last grade back; a question with none left stays read. */
export function ungrade(id) {
  const records = read()
  if (!records[id]?.grades?.length) return
  records[id] = withoutLastGrade(records[id])
  write(records)
}

/** Record that an answer was read; it does not put the question on the review list. */
export function markSeen(id, at = new Date().toISOString()) {
  const records = read()
  if (records[id]?.seen || records[id]?.grades?.length) return
  records[id] = { ...records[id], seen: at }
  write(records)
}

/** Where a question stands today, as the screens show it: "known" (last graded "knew", not due),
 * "review" (graded and due, or last graded "partly" or "missed"), "seen" (read, not graded) or "unseen". */
export function statusOf(id, day = today()) {
  return statusFrom(recordOf(id), day)
}

export function allStatuses(ids, day = today()) {
  const records = read()
  return Object.fromEntries(ids.map(id => [id, statusFrom(records[id], day)]))
}

function statusFrom(record, day) {
  const state = standing(record, day)
  return state === "due" || state === "learning" ? "review" : state
}

/** The bucket a status counts in on the progress page and the section chips. */
export function tally(status) {
  return ["known", "review", "seen"].includes(status) ? status : "unseen"
}

export function resetAll() {
  for (const key of [STORAGE_KEY, FORMAT_1_KEY]) {
    try {
      window.localStorage.removeItem(key)
    } catch {
      available = false
    }
  }
  notify()
}

// The list the reader is going through (trail.js): kept for this tab only (sessionStorage), since
// it says where the reader came from, not what they know. { label, href, entries: [{ id, href, title }] }.
export const TRAIL_KEY = "mlops-interview-guide:trail:v1"

export function saveTrail(trail) {
  try {
    window.sessionStorage.setItem(TRAIL_KEY, JSON.stringify(trail))
  } catch {
    // a tab that cannot keep it goes on in guide order
  }
}

export function loadTrail() {
  try {
    return parse(window.sessionStorage.getItem(TRAIL_KEY))
  } catch {
    return null
  }
}

/** Call `listener` after every change, in this tab or another one. */
export function onChange(listener) {
  listeners.add(listener)
}

window.addEventListener("storage", event => {
  if (event.key === STORAGE_KEY || event.key === null) notify()
})

// The study record of one question and when it is due again: pure functions, shared by every study
// screen (self-test, section chips, progress, next to review; the mock interview and the follow-up
// drills build on the same records). Tested in Node (tests/js/schedule.test.mjs).
//
// A record is { seen?: ISO time, grades?: [{ grade, at: ISO time }] }. Reading an answer sets `seen`;
// only a grade puts a question on the review list. The schedule is Leitner's: a question sits in a
// box from 1 to 5, and each box has an interval. "Knew it" moves it up a box, "Partly" keeps it in
// its box (at least box 1) and brings it back after half the interval, "Missed" sends it to box 1.
// It is due again the interval after its last grade. The box and due day are replayed from the
// grades, so taking a grade back is removing it, and nothing is stored twice.

export const GRADES = ["knew", "partly", "missed"]
// Days until a question is due again, by box (index 0 is unused).
export const INTERVAL_DAYS = [0, 1, 3, 7, 14, 30]
export const TOP_BOX = INTERVAL_DAYS.length - 1
// At most this many grades are kept per question (the oldest go first).
export const KEPT_GRADES = 50

/** The local calendar day of an ISO time (or a Date), as YYYY-MM-DD. */
export function dayOf(time) {
  const date = time instanceof Date ? time : new Date(time)
  const pad = value => String(value).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** `day` (YYYY-MM-DD) plus `days`. */
export function addDays(day, days) {
  const [year, month, date] = day.split("-").map(Number)
  return dayOf(new Date(year, month - 1, date + days))
}

/** The box, due day and last grade after `grades`, in order; { box: 0, due: null, last: null } with none. */
export function replay(grades = []) {
  let box = 0
  let due = null
  let last = null
  for (const { grade, at } of grades) {
    if (grade === "knew") box = Math.min(box + 1, TOP_BOX)
    else if (grade === "partly") box = Math.max(box, 1)
    else box = 1
    const interval = grade === "partly" ? Math.ceil(INTERVAL_DAYS[box] / 2) : INTERVAL_DAYS[box]
    due = addDays(dayOf(at), interval)
    last = grade
  }
  return { box, due, last }
}

/** Where a question stands on `today`:
 * "unseen": never read nor graded;
 * "seen": its answer was read, it was never graded (not on the review list);
 * "due": graded, and due today or overdue;
 * "learning": last graded "partly" or "missed", due later;
 * "known": last graded "knew", due later. */
export function standing(record, today) {
  const { due, last } = replay(record?.grades)
  if (!last) return record?.seen ? "seen" : "unseen"
  if (due <= today) return "due"
  return last === "knew" ? "known" : "learning"
}

/** How many days a due question is overdue (0 when due today), or null when it is not due. */
export function overdueDays(record, today) {
  const { due } = replay(record?.grades)
  if (!due || due > today) return null
  return Math.round((utcDay(today) - utcDay(due)) / 86400000)
}

function utcDay(day) {
  const [year, month, date] = day.split("-").map(Number)
  return Date.UTC(year, month - 1, date)
}

/** The record after a grade given at `at`: the grade is appended, the oldest dropped past KEPT_GRADES. */
export function withGrade(record, grade, at) {
  if (!GRADES.includes(grade)) throw new Error(`study: unknown grade "${grade}"`)
  const grades = [...(record?.grades || []), { grade, at }].slice(-KEPT_GRADES)
  return { ...record, grades }
}

/** The record with its last grade taken back; with none left, the question stays read. */
export function withoutLastGrade(record) {
  const grades = (record?.grades || []).slice(0, -1)
  if (grades.length) return { ...record, grades }
  const seen = record?.seen ?? record?.grades?.[0]?.at
  return seen ? { seen } : {}
}

/** The one rule for what to study next, as a queue, never empty while another question exists:
 * 1. the due questions, most overdue first (then the lowest box, then guide order);
 * 2. then the questions never graded, most asked first (by `banks`, then guide order), unread before read;
 * 3. then the others, due soonest first.
 * Ties go to the first in guide order after `current` (wrapping), so the reader moves on.
 * `questions` are in guide order, each { id, banks? }; `current` (an id) is left out.
 * Each entry is { question, state, overdue, due }: what the screens say of it. */
export function studyOrder(questions, records, today, current = null) {
  const start = questions.findIndex(question => question.id === current) + 1
  const candidates = [...questions.slice(start), ...questions.slice(0, start)].filter(question => question.id !== current)
  const info = candidates.map((question, order) => {
    const record = records[question.id]
    return { question, order, state: standing(record, today), overdue: overdueDays(record, today), ...replay(record?.grades) }
  })
  const due = info.filter(item => item.state === "due")
  due.sort((a, b) => b.overdue - a.overdue || a.box - b.box || a.order - b.order)
  const fresh = info.filter(item => item.state === "unseen" || item.state === "seen")
  fresh.sort((a, b) => (b.question.banks ?? 0) - (a.question.banks ?? 0) || (a.state === "seen") - (b.state === "seen") || a.order - b.order)
  const later = info.filter(item => item.state === "known" || item.state === "learning")
  later.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.order - b.order))
  return [...due, ...fresh, ...later].map(({ question, state, overdue, due: day }) => ({ question, state, overdue, due: day }))
}

/** The first of studyOrder: what "Next to review" opens; null only when there is no other question. */
export function nextToStudy(questions, records, today, current = null) {
  return studyOrder(questions, records, today, current)[0]?.question ?? null
}

/** Today's saved marks (storage format 1: { status: "known" | "review" | "seen", at }) as records:
 * "known" is one "knew" grade, "review" one "missed" grade, "seen" a read answer; nothing is lost
 * (a mark without a readable time takes `now`). A status format 1 did not know is dropped, as it was. */
export function migrateMarks(questions, now = new Date().toISOString()) {
  const records = {}
  for (const [id, mark] of Object.entries(questions || {})) {
    if (!mark || typeof mark !== "object") continue
    const when = typeof mark.at === "string" && !Number.isNaN(Date.parse(mark.at)) ? mark.at : now
    if (mark.status === "known") records[id] = { grades: [{ grade: "knew", at: when }] }
    else if (mark.status === "review") records[id] = { grades: [{ grade: "missed", at: when }] }
    else if (mark.status === "seen") records[id] = { seen: when }
  }
  return records
}

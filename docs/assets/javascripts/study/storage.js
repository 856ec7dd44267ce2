// Self-test marks, kept in this browser only (localStorage); nothing is ever sent anywhere.
//
// One versioned key holds { version, questions: { "<docs path>": { status, at } } }, where status
// is "known" ("I knew it"), "review" ("Review again") or "seen" (answer revealed, not marked yet).
// A question without an entry has not been seen. Unreadable or older data counts as no data.

export const STORAGE_KEY = "mlops-interview-guide:study:v1"
const VERSION = 1
const STATUSES = new Set(["known", "review", "seen"])
const listeners = new Set()

let available = true

function read() {
  let raw = null
  try {
    raw = window.localStorage.getItem(STORAGE_KEY)
  } catch {
    available = false
    return {}
  }
  if (!raw) return {}
  try {
    const data = JSON.parse(raw)
    if (data && data.version === VERSION && data.questions && typeof data.questions === "object") {
      return Object.fromEntries(
        Object.entries(data.questions).filter(([, mark]) => mark && STATUSES.has(mark.status))
      )
    }
  } catch {
    // Damaged data: start over rather than break the page.
  }
  return {}
}

function write(questions) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, questions }))
    available = true
  } catch {
    available = false
  }
  notify()
}

function notify() {
  for (const listener of listeners) listener()
}

/** Whether marks can be saved (private modes and strict settings can block localStorage). */
export function storageAvailable() {
  read()
  return available
}

/** Every question's status by id: "known", "review", "seen" or "unseen". */
export function allStatuses(ids) {
  const marks = read()
  return Object.fromEntries(ids.map(id => [id, marks[id]?.status ?? "unseen"]))
}

export function statusOf(id) {
  return read()[id]?.status ?? "unseen"
}

/** Where a status counts on the progress page: revealed but unmarked questions are still to review. */
export function tally(status) {
  if (status === "known") return "known"
  if (status === "review" || status === "seen") return "review"
  return "unseen"
}

export function setStatus(id, status) {
  if (!STATUSES.has(status)) throw new Error(`study: unknown status "${status}"`)
  const marks = read()
  if (marks[id]?.status === status) return
  marks[id] = { status, at: new Date().toISOString() }
  write(marks)
}

/** Record that an answer was revealed; a mark already given stays. */
export function markSeen(id) {
  if (statusOf(id) === "unseen") setStatus(id, "seen")
}

export function resetAll() {
  try {
    window.localStorage.removeItem(STORAGE_KEY)
  } catch {
    available = false
  }
  notify()
}

/** Call `listener` after every change, in this tab or another one. */
export function onChange(listener) {
  listeners.add(listener)
}

window.addEventListener("storage", event => {
  if (event.key === STORAGE_KEY || event.key === null) notify()
})

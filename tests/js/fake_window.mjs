// A stand-in for the browser's `window` that the study modules use: localStorage (which can be
// blocked, as private modes and strict settings do) and "storage" events from other tabs.
// Import it before the modules under test: storage.js listens for events when it loads.

export class FakeStorage {
  constructor() {
    this.items = new Map()
    this.full = false
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null
  }
  setItem(key, value) {
    if (this.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError")
    this.items.set(key, String(value))
  }
  removeItem(key) {
    this.items.delete(key)
  }
}

export const storage = new FakeStorage()
export const session = new FakeStorage()
const listeners = new Map()
let blocked = false

globalThis.window = {
  get localStorage() {
    if (blocked) throw new DOMException("The operation is insecure.", "SecurityError")
    return storage
  },
  get sessionStorage() {
    if (blocked) throw new DOMException("The operation is insecure.", "SecurityError")
    return session
  },
  addEventListener(type, listener) {
    if (!listeners.has(type)) listeners.set(type, [])
    listeners.get(type).push(listener)
  },
}

/** Block or allow localStorage, as a browser setting would. */
export function blockStorage(value = true) {
  blocked = value
}

/** What another tab's change looks like to this one: a "storage" event (key null: cleared). */
export function changeFromAnotherTab(key, newValue) {
  if (key !== null) {
    if (newValue === null) storage.items.delete(key)
    else storage.items.set(key, newValue)
  } else {
    storage.items.clear()
  }
  for (const listener of listeners.get("storage") ?? []) listener({ key, newValue })
}

export function resetWindow() {
  blocked = false
  storage.full = false
  storage.items.clear()
  session.items.clear()
}

// Where "Next" leads after a question (study/trail.js): the next of the list the reader came from,
// back to that list after its last, else the guide's next, else the progress page; a list kept for
// the tab (storage.js, sessionStorage), and anything damaged read as no list.

import assert from "node:assert/strict"
import { beforeEach, describe, it } from "node:test"

import { blockStorage, resetWindow, session } from "./fake_window.mjs"

const { TRAIL_KEY, loadTrail, saveTrail } = await import("../../docs/assets/javascripts/study/storage.js")
const { onward, onwardFrom, validTrail } = await import("../../docs/assets/javascripts/study/trail.js")

const entry = id => ({ id, href: `http://x/${id.replace(".md", "/")}`, title: `Title ${id}` })
const TRAIL = { label: "Fundamentals, most asked first", href: "http://x/fundamentals/?order=asked", entries: ["f/c.md", "f/a.md", "f/b.md"].map(entry) }
const PLACE = { next: { href: "http://x/f/b/", title: "Title f/b.md" }, progressHref: "http://x/progress/" }

beforeEach(() => resetWindow())

describe("the way on after a question", () => {
  it("is the next of the reader's list, in the list's order, with where it stands in it", () => {
    assert.deepEqual(onwardFrom(TRAIL, "f/c.md", PLACE), {
      kind: "list",
      href: "http://x/f/a/",
      title: "Title f/a.md",
      label: "Fundamentals, most asked first, 2 of 3",
    })
    assert.equal(onwardFrom(TRAIL, "f/a.md", PLACE).href, "http://x/f/b/")
  })

  it("leads back to the list (its order and filter in the address) after the list's last question", () => {
    assert.deepEqual(onwardFrom(TRAIL, "f/b.md", PLACE), { kind: "list-end", href: TRAIL.href, title: TRAIL.label })
  })

  it("is the guide's next for a question outside the list, and the progress page after the guide's last", () => {
    assert.deepEqual(onwardFrom(TRAIL, "d/x.md", PLACE), { kind: "guide", href: PLACE.next.href, title: PLACE.next.title })
    assert.deepEqual(onwardFrom(null, "f/c.md", PLACE), { kind: "guide", href: PLACE.next.href, title: PLACE.next.title })
    assert.deepEqual(onwardFrom(null, "t/last.md", { next: null, progressHref: "http://x/progress/" }), {
      kind: "end",
      href: "http://x/progress/",
      title: "Your progress",
    })
    assert.equal(onwardFrom(null, "t/last.md", { next: null, progressHref: null }), null)
    assert.equal(onwardFrom(null, "t/last.md", null), null)
  })

  it("reads a damaged list as no list", () => {
    for (const damaged of [
      { ...TRAIL, label: 3 },
      { ...TRAIL, href: null },
      { ...TRAIL, entries: [] },
      { ...TRAIL, entries: [entry("f/c.md"), { id: "f/a.md", href: "", title: "A" }] },
      { ...TRAIL, entries: "f/c.md" },
      "a list",
    ]) {
      assert.equal(validTrail(damaged), null, JSON.stringify(damaged))
      assert.equal(onwardFrom(damaged, "f/c.md", PLACE).kind, "guide")
    }
    assert.equal(validTrail(TRAIL), TRAIL)
  })
})

describe("the list kept for this tab", () => {
  it("is saved in the tab's session storage and read back for 'Next'", () => {
    saveTrail(TRAIL)
    assert.deepEqual(JSON.parse(session.getItem(TRAIL_KEY)), TRAIL)
    assert.deepEqual(loadTrail(), TRAIL)
    assert.equal(onward("f/c.md", PLACE).href, "http://x/f/a/")
  })

  it("is no list when the storage is blocked or holds something unreadable, and saving then does no harm", () => {
    session.setItem(TRAIL_KEY, "{not json")
    assert.equal(loadTrail(), null)
    assert.equal(onward("f/c.md", PLACE).kind, "guide")
    blockStorage()
    assert.doesNotThrow(() => saveTrail(TRAIL))
    assert.equal(loadTrail(), null)
    assert.equal(onward("f/c.md", PLACE).kind, "guide")
  })
})

// Where "Next" leads after a question: the next question of the list the reader came from (a
// section page in the order and filter it showed, a list on the progress page; the mock interview
// will give its own), else the next question in the guide, else the progress page. The list is
// kept for this tab only (storage.js, saveTrail). onwardFrom is pure, tested in Node
// (tests/js/trail.test.mjs).

import { loadTrail, saveTrail } from "./storage.js"

const ITEM = "li[data-question]"

function isEntry(entry) {
  return Boolean(entry) && ["id", "href", "title"].every(key => typeof entry[key] === "string" && entry[key])
}

/** A trail as saved: { label, href, entries: [{ id, href, title }] }; anything else is no trail. */
export function validTrail(trail) {
  if (!trail || typeof trail.label !== "string" || typeof trail.href !== "string" || !Array.isArray(trail.entries)) return null
  return trail.entries.length && trail.entries.every(isEntry) ? trail : null
}

/** What comes after question `id`: { kind, href, title, label? }, or null when nothing does.
 * kind "list": the next of the reader's list (label says which list and where in it);
 * kind "list-end": `id` was the list's last: back to the list's page;
 * kind "guide": the next question of the guide (`place.next`, guide.js placeOf);
 * kind "end": the guide's last question: the progress page. */
export function onwardFrom(trail, id, place) {
  const list = validTrail(trail)
  const index = list ? list.entries.findIndex(entry => entry.id === id) : -1
  if (index >= 0 && index + 1 < list.entries.length) {
    const next = list.entries[index + 1]
    return { kind: "list", href: next.href, title: next.title, label: `${list.label}, ${index + 2} of ${list.entries.length}` }
  }
  if (index >= 0) return { kind: "list-end", href: list.href, title: list.label }
  if (place?.next) return { kind: "guide", href: place.next.href, title: place.next.title }
  if (place?.progressHref) return { kind: "end", href: place.progressHref, title: "Your progress" }
  return null
}

/** What comes after question `id` for the list saved in this tab. */
export function onward(id, place) {
  return onwardFrom(loadTrail(), id, place)
}

/** The questions a list shows now, in its order: its visible items' first links. */
export function listedQuestions(container) {
  return [...container.querySelectorAll(ITEM)]
    .filter(item => item.getClientRects().length)
    .map(item => {
      const link = item.querySelector("a[href]")
      return link ? { id: item.dataset.question, href: link.href, title: link.textContent.trim() } : null
    })
    .filter(Boolean)
}

/** When the reader follows a link to a question of `container`'s list, remember the list as it
 * shows (order, filter): `label()` names it ("Fundamentals, most asked first"). */
export function followList(container, label) {
  container.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null
    if (!link || !link.closest(ITEM)) return
    const entries = listedQuestions(container)
    if (entries.length) saveTrail({ label: label(), href: location.href, entries })
  })
}

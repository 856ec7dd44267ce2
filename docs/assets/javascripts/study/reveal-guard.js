// An answer opens only when the reader asks for it: a click or a key on its summary, "Reveal all",
// `r`, or a link the reader followed to a part of it (a search result, the table of contents, a
// related question, a link shared from elsewhere).
//
// Two things open answers without being asked. Material opens the <details> holding the element
// the address's #fragment names (its target$), as Chromium does on a fragment navigation; and
// navigation.tracking writes the heading being scrolled past into the address, including the
// hidden headings of a closed answer (#references at the bottom of the page). A reload, Back or
// Forward then opened an answer never revealed, and recorded the question as seen. So:
// - tracking may not write into the address a heading of a closed answer (the hash is dropped);
// - nor, after instant navigation to another page (the "Next" link), a heading of the page being
//   left: Material's tracking, debounced, writes the old page's last heading into the new address
//   (the new page then opened its answer at that heading by itself, or carried a #fragment naming
//   nothing). A hash is kept only while the page it is written for is the one set up, and names
//   something on it;
// - on a page load that does not come from a followed link (reload, Back, Forward), every answer
//   starts closed, whatever the address says. A #fragment the reader puts into the address of the
//   open page counts as asked for (Material sets the page up again after such a change).

import { targetOf } from "./answers.js"

let followed = null // where the reader's last click on a link pointed to
let hashChanged = null // the address after the reader last changed its #fragment on the page itself
let firstPage = true
let shownPage = null // the path of the page the study tools last set up (its content is in the DOM)

function samePage(a, b) {
  const strip = path => path.replace(/index\.html$/, "")
  return a.origin === b.origin && strip(a.pathname) === strip(b.pathname)
}

function insideClosedAnswer(hash) {
  return Boolean(targetOf(hash)?.closest("details.answer:not([open])"))
}

function strip(path) {
  return path.replace(/index\.html$/, "")
}

/** Call when a page's content is in place (instant navigation swapped it in). */
export function pageShown() {
  shownPage = strip(location.pathname)
}

/** Whether tracking may write `hash` into the address of the page open now. */
function trackable(url) {
  return shownPage === strip(url.pathname) && Boolean(targetOf(url.hash)) && !insideClosedAnswer(url.hash)
}

/** Keep navigation.tracking (which calls history.replaceState) from naming a hidden heading. */
export function keepClosedAnswersOutOfTheAddress() {
  const replace = history.replaceState.bind(history)
  history.replaceState = (state, unused, url) => {
    if (url === undefined || url === null) return replace(state, unused)
    const next = new URL(url, location.href)
    if (next.hash && samePage(next, new URL(location.href)) && !trackable(next)) next.hash = ""
    return replace(state, unused, next.href)
  }
}

/** Remember each link the reader follows, by mouse, touch or keyboard (all of them click), and each
 * #fragment the reader puts into the address of the open page (Material then sets the page up again). */
export function watchFollowedLinks() {
  window.addEventListener("hashchange", event => {
    hashChanged = new URL(event.newURL)
  })
  document.addEventListener(
    "click",
    event => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null
      if (link) followed = new URL(link.href, location.href)
    },
    true
  )
}

function navigationType() {
  return performance.getEntriesByType?.("navigation")[0]?.type ?? "navigate"
}

/** Whether the reader asked for this address: followed a link to it, or came from outside
 * (a first load that is neither a reload nor Back/Forward). Call once per page load. */
export function addressWasAskedFor() {
  const here = new URL(location.href)
  const fromOutside = firstPage && navigationType() === "navigate"
  const clicked = Boolean(followed && samePage(followed, here) && followed.hash === here.hash)
  const typed = Boolean(hashChanged && hashChanged.href === here.href)
  firstPage = false
  followed = null
  hashChanged = null
  return fromOutside || clicked || typed
}

/** Close the answers the page opened by itself; drop the hash that opened them. */
export function closeAnswersNotAskedFor(blocks) {
  const opened = blocks.filter(block => block.open)
  if (!opened.length) return
  for (const block of opened) block.open = false
  const url = new URL(location.href)
  url.hash = ""
  history.replaceState(history.state, "", url.href)
  opened[0].scrollIntoView({ block: "nearest" })
}

/** Close every open answer that `hash` (the address's #fragment the reader asked for, or "") names
 * nothing inside. Material's details component opens, right after a page is set up, the answer
 * holding the target of the last #fragment it saw, even one of a page left earlier (its target$
 * replays it): after Back through pages whose address carried a #fragment, the next page opened
 * its answer by itself and recorded it as read. Call once the page's components are mounted. */
export function closeAnswersNotNamed(blocks, hash) {
  const target = targetOf(hash)
  for (const block of blocks) if (block.open && !(target && block.contains(target))) block.open = false
}

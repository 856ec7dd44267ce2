// Answer blocks are native, collapsed <details> elements, so they open without JavaScript too.
// This adds what needs a script: "Reveal all / Hide all", opening the answer a link to #answer
// points to, and telling the self-test which answers were revealed.

import { button } from "./ui.js"

// The answers the reader asked to open: a click or a key on the summary, "Reveal all", `r`, a link
// to a part of the answer. An answer that opens without being asked (Material's details component
// replays the #fragment of a page left earlier) is closed again and not recorded as read. Printing
// opens every answer (Material), asked or not.
const asked = new WeakSet()
let printing = false
window.addEventListener("beforeprint", () => (printing = true))
window.addEventListener("afterprint", () => (printing = false))
document.addEventListener(
  "click",
  event => {
    const summary = event.target instanceof Element ? event.target.closest("details.answer > summary") : null
    if (summary) asked.add(summary.parentElement)
  },
  true
)

/** Open `block` for the reader. */
export function openForReader(block) {
  asked.add(block)
  block.open = true
}

export function answerBlocks(root = document) {
  return [...root.querySelectorAll("article details.answer")]
}

export function allOpen(blocks) {
  return blocks.length > 0 && blocks.every(block => block.open)
}

/** Open every block unless all are open already, then close them all. Returns the new state. */
export function toggleAll(blocks) {
  const open = !allOpen(blocks)
  for (const block of blocks) {
    if (open) openForReader(block)
    else block.open = false
  }
  return open
}

export function revealAllButton(blocks) {
  const control = button("Reveal all", {
    className: "study-button study-reveal-all",
    title: "Shortcut: r",
    "aria-keyshortcuts": "r",
  })
  const update = () => {
    control.textContent = allOpen(blocks) ? "Hide all" : "Reveal all"
  }
  control.addEventListener("click", () => toggleAll(blocks))
  for (const block of blocks) block.addEventListener("toggle", update)
  update()
  return control
}

/** The summary says what a click does: "Reveal the answer" while closed, "Hide the answer" open. */
export function labelSummaries(blocks) {
  for (const block of blocks) {
    const text = [...(block.querySelector(":scope > summary")?.childNodes ?? [])].find(node => node.nodeType === Node.TEXT_NODE && node.textContent.trim())
    if (!text) continue
    const update = () => {
      text.textContent = text.textContent.replace(block.open ? /\bReveal\b/ : /\bHide\b/, block.open ? "Hide" : "Reveal")
    }
    block.addEventListener("toggle", update)
    update()
  }
}

/** Call `onReveal(questionId)` when a block opens, and now for blocks that are open already. */
export function watchReveals(blocks, onReveal) {
  const page = location.pathname
  for (const block of blocks) {
    const report = () => {
      if (!block.open) {
        asked.delete(block)
        return
      }
      if (!block.dataset.question || printing) return
      // Going Back, Material opens the answer the new address's #fragment names while the page
      // being left is still shown: that page's answer is not revealed, it is closed again; so is
      // one that opened without the reader asking.
      if (location.pathname !== page || !block.isConnected || !asked.has(block)) {
        block.open = false
        return
      }
      onReveal(block.dataset.question)
    }
    block.addEventListener("toggle", report)
    report()
  }
}

/** Open the answer that is, or holds, `target` (the element a #fragment names). */
export function openAnswerAround(target) {
  const block = target instanceof Element ? target.closest("details.answer") : null
  if (block) asked.add(block)
  if (block && !block.open) {
    openForReader(block)
    target.scrollIntoView()
  }
}

export function targetOf(hash) {
  if (!hash || hash.length < 2) return null
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)))
  } catch {
    return null
  }
}

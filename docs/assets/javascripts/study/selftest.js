// The self-test on a question page ("I knew it" / "Review again") and the status of each
// question on a section page.

import { setStatus, statusOf, tally } from "./storage.js"
import { button, el } from "./ui.js"

const MARKS = {
  known: { label: "I knew it", key: "1" },
  review: { label: "Review again", key: "2" },
}

const STATUS_TEXT = {
  known: "Marked as known.",
  review: "Marked to review again.",
  seen: "Answer revealed, not marked yet.",
  unseen: "Not marked yet.",
}

/** Give or take back a mark; taking one back leaves the question "seen". Returns the new status. */
export function toggleMark(id, mark) {
  const status = statusOf(id) === mark ? "seen" : mark
  setStatus(id, status)
  return status
}

export function statusMessage(status) {
  return STATUS_TEXT[status]
}

/** The panel under a question's answer: returns { element, refresh, showOnward(place) }.
 * It is built at once, before the guide's data arrives, so nothing moves when that data comes;
 * while the answer is open it stays at the bottom of the screen (study.css), where the reader is. */
export function judgePanel(id) {
  const buttons = Object.entries(MARKS).map(([mark, { label, key }]) => {
    const control = button(label, {
      className: `study-button study-mark study-mark--${mark}`,
      "aria-pressed": "false",
      "aria-keyshortcuts": key,
      title: `Shortcut: ${key}`,
      "data-mark": mark,
    })
    control.addEventListener("click", () => toggleMark(id, mark))
    return control
  })
  const message = el("p", { className: "study-judge__status", role: "status" })
  const onward = el("p", { className: "study-judge__onward" })
  const element = el(
    "div",
    { className: "study-judge", role: "group", "aria-labelledby": "study-judge-label" },
    el(
      "div",
      { className: "study-judge__row" },
      el("p", { className: "study-judge__label", id: "study-judge-label" }, "How did you do?"),
      el("div", { className: "study-judge__buttons" }, buttons)
    ),
    message,
    onward
  )
  const refresh = () => {
    const status = statusOf(id)
    for (const control of buttons) control.setAttribute("aria-pressed", String(control.dataset.mark === status))
    message.textContent = statusMessage(status)
    element.dataset.status = status
  }
  /** Where to go after this question: `place` is its place in the guide (guide.js, placeOf). */
  const showOnward = place => {
    const link = place.next
      ? el("a", { className: "study-judge__next", href: place.next.href, rel: "next" }, `Next question: ${place.next.title}`)
      : place.progressHref
        ? el("a", { className: "study-judge__next", href: place.progressHref }, "That was the last question: see your progress")
        : null
    onward.replaceChildren(...(link ? [link] : []))
  }
  refresh()
  return { element, refresh, showOnward }
}

const CHIP_TEXT = { known: "Known", review: "To review" }

/** A status chip next to each question listed on a section page. */
export function sectionChips(blocks) {
  const refresh = () => {
    for (const block of blocks) {
      const item = block.closest("li")
      const id = block.dataset.question
      if (!item || !id) continue
      let chip = item.querySelector(":scope > .study-status")
      const counted = tally(statusOf(id))
      if (counted === "unseen") {
        chip?.remove()
        continue
      }
      if (!chip) {
        chip = el("span", { className: "study-status" })
        const difficulty = item.querySelector(":scope > .difficulty")
        if (difficulty) difficulty.after(" ", chip)
        else item.prepend(chip)
      }
      chip.className = `study-status study-status--${counted}`
      chip.textContent = CHIP_TEXT[counted]
    }
  }
  refresh()
  return { refresh }
}

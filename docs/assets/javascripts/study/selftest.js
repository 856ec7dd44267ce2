// The self-test on a question page ("I knew it" / "Review again") and the status of each
// question on a section page.

import { replay } from "./schedule.js"
import { grade, recordOf, statusOf, tally, ungrade } from "./storage.js"
import { button, el } from "./ui.js"

// Each button gives a grade (storage.js, schedule.js); "Partly" comes with the key-point checklist.
const MARKS = {
  known: { label: "I knew it", key: "1", grade: "knew" },
  review: { label: "Review again", key: "2", grade: "missed" },
}

const STATUS_TEXT = {
  known: "Marked as known.",
  review: "Marked to review again.",
  seen: "Answer revealed, not marked yet.",
  unseen: "Not marked yet.",
}

/** The mark a question's last grade shows: "known", "review", or "seen" / "unseen" with no grade. */
export function markOf(id) {
  const record = recordOf(id)
  const { last } = replay(record.grades)
  if (last) return last === "knew" ? "known" : "review"
  return record.seen ? "seen" : "unseen"
}

/** Give a mark, or take back the one just given (pressing it again). Returns the mark shown after. */
export function toggleMark(id, mark) {
  if (markOf(id) === mark) ungrade(id)
  else grade(id, MARKS[mark].grade)
  return markOf(id)
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
    const status = markOf(id)
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

// A read but ungraded question is not on the review list: its chip says only that it was read.
const CHIP_TEXT = { known: "Known", review: "To review", seen: "Read" }

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

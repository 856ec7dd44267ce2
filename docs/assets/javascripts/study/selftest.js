// The self-test: the three grades under a question's answer (pinned while the short answer is read,
// see pinned.js), the same grades under each short answer of a section page, and the status of each
// question on a section page. After a grade, the pinned bar holds the way on ("Next", trail.js).

import { replay } from "./schedule.js"
import { grade, recordOf, statusOf, tally, ungrade } from "./storage.js"
import { button, el } from "./ui.js"

// Each button gives a grade (storage.js, schedule.js), in order from best to worst, keys 1 to 3.
const MARKS = {
  known: { label: "I knew it", key: "1", grade: "knew" },
  partly: { label: "Partly", key: "2", grade: "partly" },
  review: { label: "Review again", key: "3", grade: "missed" },
}

const STATUS_TEXT = {
  known: "Marked as known.",
  partly: "Marked as partly known: it comes back sooner.",
  review: "Marked to review again.",
  seen: "Answer revealed, not marked yet.",
  unseen: "Not marked yet.",
}

/** The mark a question's last grade shows: "known", "partly", "review", or "seen" / "unseen" with no grade. */
export function markOf(id) {
  const record = recordOf(id)
  const { last } = replay(record.grades)
  if (last) return { knew: "known", partly: "partly", missed: "review" }[last]
  return record.seen ? "seen" : "unseen"
}

export function isGraded(mark) {
  return mark in MARKS
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

/** The three grade buttons of question `id`: { buttons, refresh } (refresh shows the one pressed).
 * `keys`: say the shortcuts (only where the keys grade this question: its own page). */
export function gradeButtons(id, { keys = false, onGrade = () => {} } = {}) {
  const buttons = Object.entries(MARKS).map(([mark, { label, key }]) => {
    const control = button(label, {
      className: `study-button study-mark study-mark--${mark}`,
      "aria-pressed": "false",
      "aria-keyshortcuts": keys ? key : null,
      title: keys ? `Shortcut: ${key}` : null,
      "data-mark": mark,
    })
    control.addEventListener("click", () => onGrade(toggleMark(id, mark)))
    return control
  })
  const refresh = () => {
    const status = markOf(id)
    for (const control of buttons) control.setAttribute("aria-pressed", String(control.dataset.mark === status))
    return status
  }
  refresh()
  return { buttons, refresh }
}

const ONWARD_TEXT = {
  list: onward => [`Next in ${onward.label}: `, onward.title],
  "list-end": onward => [`That was the last of ${onward.title}: `, "back to the list"],
  guide: onward => ["Next question: ", onward.title],
  end: () => ["That was the last question: ", "see your progress"],
}

/** The panel under a question's answer: returns { element, refresh, showOnward(onward) }.
 * It is built at once, before the guide's data arrives, so nothing moves when that data comes;
 * while the short answer is read it stays at the bottom of the screen (study.css, pinned.js).
 * Once the question is graded, its row holds "Next", the way on (trail.js, onwardFrom). */
export function judgePanel(id, { onGrade = () => {} } = {}) {
  const grades = gradeButtons(id, { keys: true, onGrade: mark => onGrade(mark) })
  const message = el("p", { className: "study-judge__status", role: "status" })
  const onwardLine = el("p", { className: "study-judge__onward" })
  const go = el("a", { className: "study-button study-judge__go", hidden: true })
  const element = el(
    "div",
    { className: "study-judge", role: "group", "aria-labelledby": "study-judge-label" },
    el(
      "div",
      { className: "study-judge__row" },
      el("p", { className: "study-judge__label", id: "study-judge-label" }, "How did you do?"),
      el("div", { className: "study-judge__buttons" }, grades.buttons),
      go
    ),
    message,
    onwardLine
  )
  const refresh = () => {
    const status = grades.refresh()
    message.textContent = statusMessage(status)
    element.dataset.status = status
    go.hidden = !isGraded(status) || !go.hasAttribute("href")
  }
  /** Where to go after this question (trail.js, onwardFrom), or null. */
  const showOnward = onward => {
    const parts = onward ? ONWARD_TEXT[onward.kind](onward) : null
    onwardLine.replaceChildren(
      ...(parts ? [parts[0], el("a", { className: "study-judge__next", href: onward.href, rel: onward.kind === "end" ? null : "next" }, parts[1])] : [])
    )
    if (parts) {
      go.setAttribute("href", onward.href)
      go.setAttribute("aria-label", parts.join(""))
      const word = onward.kind === "list-end" ? "Back to the list" : onward.kind === "end" ? "Progress" : "Next"
      go.replaceChildren(word, onward.kind === "guide" ? el("span", { className: "study-wide" }, " question") : "", el("span", { "aria-hidden": "true" }, " \u203a"))
    } else {
      go.removeAttribute("href")
    }
    refresh()
  }
  refresh()
  return { element, refresh, showOnward }
}

/** The grades under a short answer on a section page: `block` is its <details>; returns { refresh }. */
export function shortAnswerGrades(block) {
  const id = block.dataset.question
  const title = block.closest("li")?.querySelector("a")?.textContent.trim() ?? id
  const grades = gradeButtons(id)
  block.append(
    el(
      "div",
      { className: "study-grade", role: "group", "aria-label": `How did you do? ${title}` },
      el("span", { className: "study-grade__label", "aria-hidden": "true" }, "How did you do?"),
      grades.buttons
    )
  )
  return { refresh: grades.refresh }
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
      let chip = item.querySelector(".study-status")
      const counted = tally(statusOf(id))
      if (counted === "unseen") {
        chip?.remove()
        continue
      }
      if (!chip) {
        chip = el("span", { className: "study-status" })
        const difficulty = item.querySelector(".difficulty")
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

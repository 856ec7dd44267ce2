// The progress page (docs/progress.md): known / to review / not yet seen, per section and
// overall, what to study next (the one rule, schedule.js studyOrder: due first, then the most-asked
// never graded), the questions left to review, and a reset.

import { studyOrder } from "./schedule.js"
import { allRecords, allStatuses, resetAll, storageAvailable, tally, today } from "./storage.js"
import { followList } from "./trail.js"
import { button, el, plural } from "./ui.js"

// How many questions "Study next" lists.
export const STUDY_NEXT_LENGTH = 10

// A question read but not graded is not to review: it counts as not graded (the summary says how
// many of those were read).
const COLUMNS = [
  ["known", "Known"],
  ["review", "To review"],
  ["ungraded", "Not graded"],
]

export function countStatuses(questions, statuses) {
  const counts = { known: 0, review: 0, seen: 0, unseen: 0, total: questions.length }
  for (const question of questions) counts[tally(statuses[question.id])] += 1
  counts.ungraded = counts.seen + counts.unseen
  return counts
}

function row(header, counts) {
  return el(
    "tr",
    {},
    el("th", { scope: "row" }, header),
    COLUMNS.map(([key]) => el("td", { "data-count": key }, String(counts[key]))),
    el("td", { "data-count": "total" }, String(counts.total))
  )
}

function table(guide, statuses) {
  const body = guide.sections.map(section => {
    const counts = countStatuses(guide.inSection(section.id), statuses)
    const name = section.href ? el("a", { href: section.href }, section.title) : section.title
    const line = row(name, counts)
    line.dataset.section = section.id
    return line
  })
  const total = row("All sections", countStatuses(guide.questions, statuses))
  total.dataset.section = "all"
  return el(
    "div",
    { className: "md-typeset__scrollwrap" },
    el(
      "div",
      { className: "md-typeset__table" },
      el(
        "table",
        {},
        el("caption", {}, "Questions per section, by what you marked"),
        el(
          "thead",
          {},
          el("tr", {}, el("th", { scope: "col" }, "Section"), COLUMNS.map(([, label]) => el("th", { scope: "col" }, label)), el("th", { scope: "col" }, "Questions"))
        ),
        el("tbody", {}, body),
        el("tfoot", {}, total)
      )
    )
  )
}

function summary(counts) {
  return (
    `You know ${counts.known} of ${plural(counts.total, "question")}: ` +
    `${counts.review} to review, ${counts.ungraded} not graded yet (${counts.seen} of them read).`
  )
}

function meter(counts) {
  const share = key => `${counts.total ? (100 * counts[key]) / counts.total : 0}%`
  return el(
    "div",
    { className: "study-meter", "aria-hidden": "true" },
    el("span", { className: "study-meter__known", style: `width: ${share("known")}` }),
    el("span", { className: "study-meter__review", style: `width: ${share("review")}` })
  )
}

function reviewList(guide, statuses) {
  const due = guide.questions.filter(question => tally(statuses[question.id]) === "review")
  if (!due.length) return el("p", { className: "study-progress__empty" }, "Nothing to review yet.")
  return el(
    "ol",
    { className: "study-progress__review" },
    due.map(question =>
      el("li", { "data-question": question.id }, el("a", { href: question.href }, question.title))
    )
  )
}

function longDay(day) {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(year, month - 1, date).toLocaleDateString("en-GB", { day: "numeric", month: "long" })
}

/** Why a question is in "Study next", in words. */
export function reason(entry, banksTotal) {
  const { question, state, overdue, due } = entry
  if (state === "due") return overdue ? `due for review, ${plural(overdue, "day")} overdue` : "due for review today"
  if (state === "unseen" || state === "seen") {
    const asked = question.banks ? `asked in ${question.banks}${banksTotal ? ` of ${banksTotal}` : ""} question banks` : "groundwork"
    return `${asked}, not marked yet${state === "seen" ? " (read)" : ""}`
  }
  return `${state === "known" ? "known" : "to review"}, due again ${longDay(due)}`
}

function studyNextList(guide) {
  const queue = studyOrder(guide.questions, allRecords(), today()).slice(0, STUDY_NEXT_LENGTH)
  if (!queue.length) return el("p", { className: "study-progress__empty" }, "There is no question to study.")
  return el(
    "ol",
    { className: "study-progress__next" },
    queue.map(entry =>
      el(
        "li",
        { "data-question": entry.question.id },
        el("a", { href: entry.question.href }, entry.question.title),
        el("span", { className: "study-progress__reason" }, `: ${reason(entry, guide.banksTotal)}`)
      )
    )
  )
}

/** Fill `container` and return { refresh } to redraw it after a change. */
export function progressPage(container, guide, actions) {
  const parts = {
    summary: el("p", { className: "study-progress__summary" }),
    meter: el("div"),
    table: el("div"),
    review: el("div"),
    next: el("div"),
  }
  // A question opened from these lists leads on to the next of the same list (trail.js).
  followList(parts.next, () => "Study next")
  followList(parts.review, () => "To review")
  const reset = button("Reset progress", { className: "study-button study-reset" })
  reset.addEventListener("click", () => {
    if (window.confirm("Reset your progress? Every mark in this browser is cleared.")) {
      resetAll()
      actions.announce("Progress reset: every question is back to not yet seen.")
    }
  })
  const storageNote = storageAvailable()
    ? null
    : el("p", { className: "study-progress__warning" }, "This browser does not let the guide store data, so marks are not kept.")
  container.replaceChildren(
    ...[
      storageNote,
      parts.summary,
      parts.meter,
      el(
        "div",
        { className: "study-bar", role: "group", "aria-label": "Study actions" },
        button("Next to review", { className: "study-button study-next-review", onclick: actions.nextToReview }),
        button("Random question", { className: "study-button study-random", onclick: actions.random })
      ),
      el("h2", { id: "study-next" }, "Study next"),
      el("p", {}, "Due for review first, then the questions you have not marked, the most asked first."),
      parts.next,
      el("h2", { id: "per-section" }, "Per section"),
      parts.table,
      el("h2", { id: "to-review" }, "To review"),
      parts.review,
      el("h2", { id: "start-over" }, "Start over"),
      el("p", {}, "Reset clears every mark kept in this browser. It cannot be undone."),
      reset,
    ].filter(Boolean)
  )
  const refresh = () => {
    const statuses = allStatuses(guide.ids)
    const counts = countStatuses(guide.questions, statuses)
    parts.summary.textContent = summary(counts)
    parts.meter.replaceChildren(meter(counts))
    parts.table.replaceChildren(table(guide, statuses))
    parts.review.replaceChildren(reviewList(guide, statuses))
    parts.next.replaceChildren(studyNextList(guide))
  }
  refresh()
  return { refresh }
}

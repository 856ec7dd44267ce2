// The "Due for review" page (docs/review.md): the questions and follow-ups due now, most overdue first,
// and those due in the next seven days, from the marks kept in this browser (review.js).

import { loadGuide } from "./guide.js"
import { answerFragment, followUpHref, followUpKey, loadAnswers } from "./practice-data.js"
import { overdueText, reviewPlan } from "./review.js"
import { allRecords, onChange, today } from "./storage.js"
import { el, plural } from "./ui.js"

/** Every question, each followed by its follow-ups, as { id, title, href, followUpOf? }. */
function reviewItems(guide, answers) {
  return guide.questions.flatMap(question => [
    { id: question.id, title: question.title, href: question.href },
    ...(answers.get(question.id)?.follow_ups ?? []).map(followUp => ({
      id: followUpKey(question.id, followUp.id),
      title: answerFragment(followUp.question).textContent,
      href: followUpHref(question.href, followUp.id),
      followUpOf: question.title,
    })),
  ])
}

function entry({ item }, note) {
  return el(
    "li",
    {},
    el("a", { href: item.href }, item.title),
    item.followUpOf ? el("span", { className: "review-of" }, ` (a follow-up to: ${item.followUpOf})`) : null,
    ` - ${note}`
  )
}

function dayName(day) {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(year, month - 1, date).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" })
}

export async function setUpReview(container) {
  const [guide, answers] = await Promise.all([loadGuide(), loadAnswers()])
  if (!container.isConnected) return
  const items = reviewItems(guide, answers)
  const render = () => {
    const plan = reviewPlan(items, allRecords(), today())
    const now = plan.now.length
      ? el("ol", { className: "review-now" }, plan.now.map(due => entry(due, `${overdueText(due.overdue)}, box ${due.box}`)))
      : el("p", { className: "review-none" }, "Nothing is due now.")
    const soon = plan.soon.length
      ? el("ol", { className: "review-soon" }, plan.soon.map(due => entry(due, `due ${dayName(due.due)}, box ${due.box}`)))
      : el("p", { className: "review-none" }, "Nothing else comes due in the next seven days.")
    container.replaceChildren(
      el("p", { className: "review-summary", role: "status" }, `${plural(plan.now.length, "card")} due now; ${plan.soon.length} more in the next seven days.`),
      el("h2", { id: "due-now" }, "Due now"),
      now,
      el("h2", { id: "this-week" }, "Due in the next seven days"),
      soon
    )
  }
  render()
  onChange(() => container.isConnected && render())
}

// What is due for review now and in the coming days, from the schedule (schedule.js): pure functions
// (tests/js/review.test.mjs) behind the "Due for review" page.

import { addDays, overdueDays, replay, standing } from "./schedule.js"

/**
 * `items` in guide order, each { id }; `records` by id. Returns
 * { now: [{ item, overdue, box }] most overdue first (then the lower box, then guide order),
 *   soon: [{ item, due, box }] due in the next `days` days, soonest first (then guide order) }.
 */
export function reviewPlan(items, records, today, days = 7) {
  const now = []
  const soon = []
  const last = addDays(today, days)
  items.forEach((item, order) => {
    const record = records[item.id]
    const { box, due } = replay(record?.grades)
    if (!due) return
    if (standing(record, today) === "due") now.push({ item, overdue: overdueDays(record, today), box, order })
    else if (due <= last) soon.push({ item, due, box, order })
  })
  now.sort((a, b) => b.overdue - a.overdue || a.box - b.box || a.order - b.order)
  soon.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.order - b.order))
  return { now: now.map(({ order, ...rest }) => rest), soon: soon.map(({ order, ...rest }) => rest) }
}

/** "due today", "1 day overdue", "3 days overdue". */
export function overdueText(days) {
  if (!days) return "due today"
  return `${days} day${days === 1 ? "" : "s"} overdue`
}

// The key-point checklist shown after a reveal: the short answer's bold terms as boxes to tick
// ("Did you say ...?"), and the grade the ticks suggest (checklist.js). Used by the mock interview and,
// loaded after the first reveal, by the question pages' self-grade.

import { checklistPrompt, gradeFromTicks, keyPoints } from "./checklist.js"
import { el } from "./ui.js"

const SUGGESTION = { knew: "Knew it", partly: "Partly", missed: "Missed" }
let made = 0

/** { element, suggested() } for an answer's HTML; `onSuggest(grade)` runs at each tick. */
export function checklist(html, onSuggest = () => {}) {
  const points = keyPoints(html)
  const number = ++made
  const suggestion = el("p", { className: "key-points__suggestion", "aria-live": "polite" })
  const boxes = points.map((point, index) => {
    const id = `key-point-${number}-${index}`
    return el("li", {}, el("input", { type: "checkbox", id, className: "key-points__box" }), el("label", { for: id }, point))
  })
  const suggested = () => gradeFromTicks(boxes.filter(item => item.querySelector("input").checked).length, points.length)
  const update = () => {
    const grade = suggested()
    suggestion.textContent = grade ? `From your ticks: ${SUGGESTION[grade]}. You can still choose another grade.` : ""
    onSuggest(grade)
  }
  const element = points.length
    ? el(
        "fieldset",
        { className: "key-points" },
        el("legend", {}, checklistPrompt(points)),
        el("p", { className: "key-points__hint" }, "Tick each key point you said."),
        el("ul", {}, boxes),
        suggestion
      )
    : el("p", { className: "key-points key-points--none" }, "This answer names no key points to tick: grade it yourself.")
  element.addEventListener("change", update)
  update()
  return { element, suggested }
}

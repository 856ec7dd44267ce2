// The key-point checklist on a question page, loaded after the reader first reveals the answer (never
// with the page): the short answer's bold terms to tick, the grade the ticks give, and a button that
// saves it ("Partly" included); the self-test buttons below still give any other grade.

import { checklist } from "./checklist-panel.js"
import { grade } from "./storage.js"
import { button, el } from "./ui.js"

const LABELS = { knew: "Knew it", partly: "Partly", missed: "Missed" }

function addStylesheet() {
  const href = new URL("../../stylesheets/practice.css", import.meta.url).href
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some(link => link.href === href)) return
  document.head.append(el("link", { rel: "stylesheet", href }))
}

/** The short answer's HTML: what follows its heading up to the next h2 of the answer. */
function shortAnswerHtml(answer) {
  const heading = answer.querySelector("h2#short-answer")
  const parts = []
  for (let node = heading?.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) parts.push(node.outerHTML)
  return { heading, html: parts.join("") }
}

export function addChecklist(answer) {
  const id = answer.dataset.question
  const { heading, html } = shortAnswerHtml(answer)
  if (!id || !heading || answer.querySelector(".key-points")) return
  addStylesheet()
  const saved = el("p", { className: "key-points__saved", role: "status" })
  const save = button("Save the grade from your ticks", { className: "study-button key-points__save" })
  const points = checklist(html, suggested => {
    save.textContent = suggested ? `Save the grade: ${LABELS[suggested]}` : "Save the grade from your ticks"
  })
  save.addEventListener("click", () => {
    const value = points.suggested()
    if (!value) return
    grade(id, value)
    saved.textContent = `Saved: ${LABELS[value]}. It schedules the question's next review.`
  })
  const box = el("div", { className: "key-points-panel" }, points.element, save, saved)
  let next = heading.nextElementSibling
  while (next && next.tagName !== "H2") next = next.nextElementSibling
  if (next) next.before(box)
  else answer.append(box)
}

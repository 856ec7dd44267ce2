// "Print what you need" (docs/print.md): choose sections, sub-topics, difficulty, and all questions,
// your review list or what is due now, optionally only the most asked; see the chosen list and about how
// many pages it takes; print it with the browser. The print copy takes each chosen question's answer
// from its own page (fetched from this site), opened, each question on a new page, in the light palette;
// the print stylesheet (practice.css) hides the site's chrome and numbers the pages.

import { loadGuide } from "./guide.js"
import { loadAnswers } from "./practice-data.js"
import { MOST_ASKED_BANKS, estimatePages, selectForPrint } from "./print-select.js"
import { allRecords, today } from "./storage.js"
import { button, el, plural } from "./ui.js"

const DIFFICULTIES = ["foundational", "intermediate", "advanced"]
const WHICH = [
  ["all", "Every question chosen above"],
  ["review", "Only my review list"],
  ["due", "Only what is due for review now"],
]

function checkbox(name, value, label, checked = true) {
  const id = `print-${name}-${value.replace(/[^a-z0-9-]/gi, "-")}`
  return el("div", { className: "mock-choice" }, el("input", { type: "checkbox", id, name, value, checked }), el("label", { for: id }, label))
}

export async function setUpPrint(container) {
  const [guide, answers] = await Promise.all([loadGuide(), loadAnswers()])
  if (!container.isConnected) return
  const questions = guide.questions.map(question => ({ ...question, subtopic: answers.get(question.id)?.subtopic ?? "" }))
  const subtopicsOf = section => answers.subtopics.filter(subtopic => subtopic.section === section.id)

  const form = el(
    "form",
    { className: "mock-form print-form", "aria-label": "What to print" },
    el("fieldset", {}, el("legend", {}, "Sections"), guide.sections.map(section => checkbox("section", section.id, section.title))),
    el(
      "fieldset",
      {},
      el("legend", {}, "Sub-topics"),
      guide.sections
        .filter(section => subtopicsOf(section).length)
        .map(section =>
          el(
            "div",
            { className: "print-subtopics", role: "group", "aria-label": `${section.title} sub-topics` },
            el("p", { className: "print-subtopics__section", "aria-hidden": "true" }, section.title),
            subtopicsOf(section).map(subtopic => checkbox("subtopic", `${section.id}/${subtopic.id}`, subtopic.title))
          )
        )
    ),
    el("fieldset", {}, el("legend", {}, "Difficulty"), DIFFICULTIES.map(level => checkbox("difficulty", level, level[0].toUpperCase() + level.slice(1)))),
    el(
      "fieldset",
      {},
      el("legend", {}, "Which questions"),
      WHICH.map(([value, label], index) =>
        el(
          "div",
          { className: "mock-choice" },
          el("input", { type: "radio", id: `print-which-${value}`, name: "which", value, checked: index === 0 }),
          el("label", { for: `print-which-${value}` }, label)
        )
      ),
      checkbox("most-asked", "yes", `Only the most asked (by ${MOST_ASKED_BANKS} or more public question banks)`, false)
    )
  )
  const summary = el("p", { className: "print-summary", role: "status" })
  const list = el("ol", { className: "print-list" })
  const print = button("Print these questions", { className: "study-button print-button" })
  const printStatus = el("p", { className: "print-status", role: "status" })
  container.replaceChildren(form, el("h2", { id: "chosen-questions" }, "Chosen questions"), summary, print, printStatus, list)

  let chosen = []
  const update = () => {
    const values = name => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value)
    const allOf = (name, picked) => (picked.length === form.querySelectorAll(`input[name="${name}"]`).length ? [] : picked)
    const sections = values("section")
    const subtopics = values("subtopic")
    const difficulties = values("difficulty")
    const choices = {
      sections: sections.length ? allOf("section", sections) : ["none"],
      subtopics: allOf("subtopic", subtopics),
      difficulties: difficulties.length ? allOf("difficulty", difficulties) : ["none"],
      which: values("which")[0] ?? "all",
      mostAsked: values("most-asked").length > 0,
    }
    // A section whose every sub-topic is unticked prints none of its questions.
    for (const section of guide.sections) {
      const own = subtopicsOf(section).map(subtopic => `${section.id}/${subtopic.id}`)
      if (own.length && !own.some(key => subtopics.includes(key)) && choices.subtopics.length) choices.subtopics.push(`${section.id}/none`)
    }
    chosen = selectForPrint(questions, allRecords(), choices, today())
    const pages = estimatePages(chosen.map(question => answers.get(question.id) ?? {}))
    summary.textContent = chosen.length ? `${plural(chosen.length, "question")}, about ${plural(pages, "page")} printed.` : "No question matches these choices."
    list.replaceChildren(...chosen.map(question => el("li", {}, el("a", { href: question.href }, question.title))))
    print.disabled = !chosen.length
  }
  form.addEventListener("change", update)
  update()

  print.addEventListener("click", async () => {
    print.disabled = true
    printStatus.textContent = `Preparing ${plural(chosen.length, "question")} for printing...`
    try {
      const sheet = await printCopy(chosen)
      document.querySelector(".print-sheet")?.remove()
      document.body.append(sheet)
      printStatus.textContent = `Ready: ${plural(chosen.length, "question")}. Your browser's print dialog opens; choose "Save as PDF" to keep a file.`
      window.print()
    } catch (error) {
      printStatus.textContent = "A question's page could not be loaded, so nothing was printed. Try again."
      console.warn("print:", error)
    } finally {
      print.disabled = !chosen.length
    }
  })
}

/** The print copy: each question's title and whole answer, opened, from its own page. */
async function printCopy(questions) {
  const pages = await Promise.all(
    questions.map(question =>
      fetch(question.href).then(response => {
        if (!response.ok) throw new Error(`${question.href}: HTTP ${response.status}`)
        return response.text()
      })
    )
  )
  const sheet = el("div", { className: "print-sheet md-typeset", "data-md-color-scheme": "default", "aria-hidden": "true" })
  questions.forEach((question, index) => {
    const source = new DOMParser().parseFromString(pages[index], "text/html")
    const answer = source.querySelector("details.answer")
    const part = el("section", { className: "print-question" }, el("h1", {}, `${question.number}. ${question.title}`))
    if (answer) {
      answer.querySelector(":scope > summary")?.remove()
      for (const link of answer.querySelectorAll("[href]")) link.setAttribute("href", new URL(link.getAttribute("href"), question.href).href)
      for (const image of answer.querySelectorAll("[src]")) image.setAttribute("src", new URL(image.getAttribute("src"), question.href).href)
      for (const image of answer.querySelectorAll('img[src*="#only-dark"]')) image.remove()
      for (const image of answer.querySelectorAll("img[loading=lazy]")) image.removeAttribute("loading")
      part.append(...answer.childNodes)
    }
    sheet.append(part)
  })
  await Promise.all([...sheet.querySelectorAll("img")].map(image => image.decode?.().catch(() => null)))
  return sheet
}

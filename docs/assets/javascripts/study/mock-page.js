// The mock interview page (docs/mock-interview.md): choices, then one question at a time under a
// countdown, the reveal, the key-point checklist and a self-grade, maybe the interviewer's follow-up,
// and a summary. The draw comes from the seed in the address (mock.js), so an interview can be shared.
// Grades stay in the page until the reader adds the missed and partial ones to the review list.

import { checklist } from "./checklist-panel.js"
import { loadGuide } from "./guide.js"
import { candidates, choicesFrom, clock, drawFollowUp, drawFollowUpDrill, drawQuestions, newSeed, queryOf, score } from "./mock.js"
import { answerFragment, followUpHref, followUpKey, loadAnswers } from "./practice-data.js"
import { grade } from "./storage.js"
import { button, el, plural } from "./ui.js"

const DIFFICULTIES = ["foundational", "intermediate", "advanced"]
const TIMES = [60, 120, 180, 300]
const GRADE_LABELS = { knew: "Knew it", partly: "Partly", missed: "Missed" }
const WARNING_SECONDS = 30

export async function setUpMock(container) {
  const [guide, answers] = await Promise.all([loadGuide(), loadAnswers()])
  if (!container.isConnected) return
  const mock = new MockInterview(container, guide, answers)
  mock.showChoices(choicesFrom(location.search, guide.sections.map(section => section.id)))
}

function checkbox(name, value, label, checked) {
  const id = `mock-${name}-${value}`
  return el("div", { className: "mock-choice" }, el("input", { type: "checkbox", id, name, value, checked }), el("label", { for: id }, label))
}

class MockInterview {
  constructor(container, guide, answers) {
    this.container = container
    this.guide = guide
    this.answers = answers
    this.timer = 0
    this.alert = el("p", { className: "study-sr-only", "aria-live": "assertive" })
  }

  show(...children) {
    window.clearInterval(this.timer)
    this.container.replaceChildren(...children, this.alert)
  }

  focusOn(heading) {
    heading.setAttribute("tabindex", "-1")
    heading.focus()
  }

  showChoices(choices) {
    const all = (list, value) => !list.length || list.includes(value)
    const count = el("input", { type: "number", id: "mock-count", name: "count", min: "1", max: "50", value: String(choices.count), inputmode: "numeric" })
    const time = el(
      "select",
      { id: "mock-time", name: "time" },
      TIMES.map(seconds => el("option", { value: String(seconds), selected: seconds === choices.seconds }, `${seconds / 60} minute${seconds === 60 ? "" : "s"}`))
    )
    const message = el("p", { className: "mock-form__message", role: "status" })
    const mode = (value, label) =>
      el(
        "div",
        { className: "mock-choice" },
        el("input", { type: "radio", id: `mock-mode-${value}`, name: "mode", value, checked: (value === "follow-ups") === choices.drill }),
        el("label", { for: `mock-mode-${value}` }, label)
      )
    const form = el(
      "form",
      { className: "mock-form", "aria-label": "Your mock interview" },
      el(
        "fieldset",
        {},
        el("legend", {}, "Practice"),
        mode("questions", "Interview questions"),
        mode("follow-ups", "A follow-up drill: the questions interviewers ask next, one at a time")
      ),
      el("fieldset", {}, el("legend", {}, "Sections"), this.guide.sections.map(section => checkbox("section", section.id, section.title, all(choices.sections, section.id)))),
      el("fieldset", {}, el("legend", {}, "Difficulty"), DIFFICULTIES.map(level => checkbox("difficulty", level, level[0].toUpperCase() + level.slice(1), all(choices.difficulties, level)))),
      el("div", { className: "mock-field" }, el("label", { for: "mock-count" }, "How many"), count),
      el("div", { className: "mock-field" }, el("label", { for: "mock-time" }, "Time per question"), time),
      checkbox("followups", "yes", "Let the interviewer ask a follow-up after a question", choices.followUps),
      button("Start the interview", { type: "submit", className: "study-button mock-start" }),
      message
    )
    form.addEventListener("submit", event => {
      event.preventDefault()
      const checked = name => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value)
      const sections = checked("section")
      const difficulties = checked("difficulty")
      const chosen = {
        sections: sections.length === this.guide.sections.length ? [] : sections,
        difficulties: difficulties.length === DIFFICULTIES.length ? [] : difficulties,
        count: Math.min(50, Math.max(1, Number(count.value) || 5)),
        seconds: Number(time.value),
        followUps: form.querySelector('input[name="followups"]').checked,
        drill: form.querySelector('input[name="mode"]:checked')?.value === "follow-ups",
        seed: choices.seed || newSeed(),
      }
      if (!sections.length || !difficulties.length || !candidates(this.guide.questions, chosen).length) {
        message.textContent = "No question matches these choices: choose at least one section and one difficulty."
        return
      }
      history.replaceState(history.state, "", queryOf(chosen))
      this.start(chosen)
    })
    this.show(form)
  }

  start(choices) {
    this.choices = choices
    this.items = choices.drill
      ? drawFollowUpDrill(this.guide.questions, id => this.answers.get(id)?.follow_ups, choices, choices.seed).map(({ question, followUp }) => ({
          id: followUpKey(question.id, followUp.id),
          title: answerFragment(followUp.question).textContent,
          href: followUpHref(question.href, followUp.id),
          html: followUp.answer,
          context: question.title,
        }))
      : drawQuestions(this.guide.questions, choices, choices.seed).map(question => ({
          id: question.id,
          title: question.title,
          href: question.href,
          html: this.answers.get(question.id)?.short ?? "",
        }))
    this.results = []
    this.index = 0
    this.ask(this.items[0])
  }

  ask(item) {
    const regular = this.items.filter(candidate => !candidate.followUp)
    const number = regular.indexOf(item.followUp ? item.parent : item) + 1
    const heading = el("h2", { className: "mock-question" }, item.title)
    const left = el("span", { className: "mock-timer__left" }, clock(this.choices.seconds))
    const timer = el("p", { className: "mock-timer", role: "timer", "aria-live": "off" }, "Time left: ", left)
    const reveal = button("Reveal the answer", { className: "study-button mock-reveal" })
    const place = item.followUp ? `Follow-up to question ${number}` : `Question ${number} of ${regular.length}`
    const context = item.context ? el("p", { className: "mock-context" }, `A follow-up to: ${item.context}`) : null
    const stage = el("section", { className: "mock-stage", "aria-label": place }, el("p", { className: "mock-place" }, place), heading, context, timer, reveal)
    this.show(stage)
    this.alert.textContent = ""
    const started = Date.now()
    let warned = false
    const tick = () => {
      const remaining = this.choices.seconds - (Date.now() - started) / 1000
      left.textContent = clock(remaining)
      if (!warned && remaining <= WARNING_SECONDS) {
        warned = true
        timer.classList.add("mock-timer--low")
        this.alert.textContent = `${WARNING_SECONDS} seconds left.`
      }
      if (remaining <= 0) {
        window.clearInterval(this.timer)
        timer.classList.add("mock-timer--over")
        left.textContent = "0:00"
        this.alert.textContent = "Time is up. Reveal the answer when you are ready."
      }
    }
    this.timer = window.setInterval(tick, 250)
    reveal.addEventListener("click", () => {
      window.clearInterval(this.timer)
      const used = Math.min(this.choices.seconds, Math.round((Date.now() - started) / 1000))
      this.revealAnswer(item, stage, reveal, used)
    })
    this.focusOn(heading)
  }

  revealAnswer(item, stage, reveal, used) {
    const result = { ...item, seconds: used, grade: null }
    const answer = el("div", { className: "mock-answer" }, el("h3", {}, "Short answer"))
    answer.append(answerFragment(item.html))
    answer.append(el("p", {}, el("a", { href: item.href }, item.followUp ? "This follow-up on its question's page" : "The full answer, in depth")))
    const buttons = Object.entries(GRADE_LABELS).map(([value, label]) =>
      button(label, { className: `study-button mock-grade mock-grade--${value}`, "aria-pressed": "false", "data-grade": value })
    )
    const graded = el("p", { className: "mock-graded", role: "status" })
    const onward = el("div", { className: "mock-onward" })
    const points = checklist(item.html, suggested => {
      for (const control of buttons) control.classList.toggle("mock-grade--suggested", control.dataset.grade === suggested)
    })
    const gradeGroup = el("div", { className: "mock-grades", role: "group", "aria-label": "How did you do?" }, buttons)
    for (const control of buttons) {
      control.addEventListener("click", () => {
        result.grade = control.dataset.grade
        for (const other of buttons) other.setAttribute("aria-pressed", String(other === control))
        graded.textContent = `Graded: ${GRADE_LABELS[result.grade]}.`
        this.showOnward(item, result, onward)
      })
    }
    reveal.replaceWith(answer, points.element, el("p", { className: "mock-grades__label" }, "How did you do?"), gradeGroup, graded, onward)
    stage.querySelector(".mock-timer")?.setAttribute("data-used", String(used))
    this.results.push(result)
    answer.querySelector("h3").setAttribute("tabindex", "-1")
    answer.querySelector("h3").focus()
  }

  showOnward(item, result, onward) {
    if (onward.childElementCount) return
    const position = this.items.indexOf(item)
    const next = this.items[position + 1]
    const followUp = this.choices.followUps && !this.choices.drill && !item.followUp ? drawFollowUp(this.answers.get(item.id)?.follow_ups, this.choices.seed, item.id) : null
    const controls = []
    if (followUp) {
      controls.push(
        button("Answer the interviewer's follow-up", {
          className: "study-button mock-follow-up",
          onclick: () => {
            const follow = {
              id: followUpKey(item.id, followUp.id),
              title: answerFragment(followUp.question).textContent,
              href: followUpHref(item.href, followUp.id),
              html: followUp.answer,
              followUp: true,
              parent: item,
            }
            this.items.splice(position + 1, 0, follow)
            this.ask(follow)
          },
        })
      )
    }
    const nextRegular = this.items.slice(position + 1).find(candidate => !candidate.followUp)
    controls.push(
      next && nextRegular
        ? button("Next question", { className: "study-button mock-next", onclick: () => this.ask(nextRegular) })
        : button("See the summary", { className: "study-button mock-finish", onclick: () => this.summary() })
    )
    onward.replaceChildren(...controls)
  }

  summary() {
    const results = this.results.filter(result => result.grade)
    const total = score(results)
    const heading = el("h2", {}, "Summary")
    const rows = results.map(result =>
      el(
        "tr",
        {},
        el("td", {}, el("a", { href: result.href }, result.title)),
        el("td", {}, GRADE_LABELS[result.grade]),
        el("td", {}, clock(result.seconds))
      )
    )
    const weak = results.filter(result => result.grade !== "knew")
    const status = el("p", { className: "mock-summary__status", role: "status" })
    const add = weak.length
      ? button(`Add ${weak.length === 1 ? "it" : `these ${weak.length}`} to my review list`, {
          className: "study-button mock-add-review",
          onclick: event => {
            for (const result of weak) grade(result.id, result.grade)
            event.currentTarget.disabled = true
            status.textContent = `Added ${plural(weak.length, "question")} to your review list: "Next to review" brings them back.`
          },
        })
      : null
    const share = new URL(location.href)
    this.show(
      el(
        "section",
        { className: "mock-summary", "aria-labelledby": "mock-summary-heading" },
        Object.assign(heading, { id: "mock-summary-heading" }),
        el(
          "p",
          { className: "mock-score" },
          `Score: ${total.points} of ${total.total} (${total.knew} knew it, ${total.partly} partly, ${total.missed} missed).`
        ),
        el(
          "div",
          { className: "md-typeset__scrollwrap" },
          el(
            "div",
            { className: "md-typeset__table" },
            el(
              "table",
              {},
              el("caption", {}, "Your answers, with the time each took"),
              el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Question"), el("th", { scope: "col" }, "Grade"), el("th", { scope: "col" }, "Time used"))),
              el("tbody", {}, rows)
            )
          )
        ),
        el("h3", {}, "Missed and partly known"),
        weak.length
          ? el("ul", { className: "mock-weak" }, weak.map(result => el("li", {}, el("a", { href: result.href }, result.title), ` (${GRADE_LABELS[result.grade]})`)))
          : el("p", {}, "None: you knew every answer."),
        add,
        status,
        el("p", {}, "The same interview, to share or to try again: ", el("a", { href: share.href, className: "mock-share" }, "this link")),
        button("Start another interview", {
          className: "study-button mock-again",
          onclick: () => this.showChoices({ ...this.choices, seed: newSeed() }),
        })
      )
    )
    this.focusOn(heading)
  }
}

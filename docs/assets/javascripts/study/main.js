// Study tools: reveal all, self-test marks, progress, random and next-to-review, shortcuts
// (and names for the landmarks Material's script adds, see landmarks.js).
// Everything is set up again on each page Material's instant navigation loads (document$).

import { announce } from "./announce.js"
import { answerBlocks, openAnswerAround, revealAllButton, targetOf, toggleAll, watchReveals } from "./answers.js"
import { setUpFilter } from "./filter.js"
import { loadGuide } from "./guide.js"
import { watchLandmarks } from "./landmarks.js"
import { makeScrollableTablesFocusable } from "./tables.js"
import { navigateTo } from "./navigate.js"
import { progressPage } from "./progress-page.js"
import { judgePanel, sectionChips, statusMessage, toggleMark } from "./selftest.js"
import { closeHelp, openHelp, watchShortcuts } from "./shortcuts.js"
import { allStatuses, markSeen, onChange } from "./storage.js"
import { button, el } from "./ui.js"

// What the current page offers; replaced on every page load.
let page = { guide: null, question: null, section: null, blocks: [], refreshers: [] }
let generation = 0

const actions = {
  announce,

  random() {
    const { guide, question } = page
    if (!guide) return
    const target = guide.random(allStatuses(guide.ids), question)
    if (target) navigateTo(target.href)
  },

  nextToReview() {
    const { guide, question } = page
    if (!guide) return
    const target = guide.nextToReview(allStatuses(guide.ids), question)
    if (target) navigateTo(target.href)
    else announce("Nothing to review: questions you reveal or mark “Review again” come back here.")
  },

  next() {
    const { guide, question, section } = page
    if (!guide) return false
    const target = question ? guide.next(question) : section ? guide.inSection(section.id)[0] : guide.questions[0]
    if (target) navigateTo(target.href)
    else announce("This is the last question.")
  },

  previous() {
    const { guide, question, section } = page
    if (!guide) return false
    const first = section ? guide.inSection(section.id)[0] : null
    const target = question ? guide.previous(question) : first ? guide.previous(first) : null
    if (target) navigateTo(target.href)
    else announce(question || section ? "This is the first question." : "Open a question first: k goes to the one before it.")
  },

  reveal() {
    if (!page.blocks.length) return false
    toggleAll(page.blocks)
  },

  mark(status) {
    const { question } = page
    if (!question) return false
    announce(statusMessage(toggleMark(question.id, status)))
  },

  help() {
    openHelp()
  },
}

function studyBar(blocks, question, guide) {
  return el(
    "div",
    { className: "study-bar", role: "group", "aria-label": "Study tools" },
    question ? el("span", { className: "study-bar__position" }, `Question ${question.number} of ${guide.questions.length}`) : null,
    blocks.length ? revealAllButton(blocks) : null,
    button("Random question", { className: "study-button study-random", onclick: actions.random }),
    button("Next to review", { className: "study-button study-next-review", onclick: actions.nextToReview }),
    button("Shortcuts", {
      className: "study-button study-help-button",
      "aria-haspopup": "dialog",
      "aria-keyshortcuts": "?",
      title: "Shortcut: ?",
      onclick: actions.help,
    })
  )
}

function placeBar(bar, blocks, question) {
  const article = document.querySelector("article")
  if (!article) return
  if (question) {
    const anchor = article.querySelector(".question-meta") ?? article.querySelector("h1")
    if (anchor) anchor.after(bar)
    else article.prepend(bar)
    return
  }
  const list = article.querySelector("form.question-filter") ?? blocks[0]?.closest("ol, ul")
  if (list) list.before(bar)
}

async function setUp() {
  const mine = ++generation
  closeHelp()
  const blocks = answerBlocks()
  page = { guide: null, question: null, section: null, blocks, refreshers: [] }
  watchReveals(blocks, markSeen)
  openAnswerAround(targetOf(location.hash))

  const guide = await loadGuide()
  if (mine !== generation) return // another page loaded meanwhile
  const question = guide.questionAt(location)
  const section = question ? null : guide.sectionAt(location)
  page = { guide, question, section, blocks, refreshers: [] }

  const onQuestionPage = Boolean(question && blocks.some(block => !block.classList.contains("answer--short")))
  if (onQuestionPage || (section && blocks.length)) placeBar(studyBar(blocks, question, guide), blocks, question)
  if (onQuestionPage) {
    const panel = judgePanel(question, guide)
    const answer = blocks.find(block => !block.classList.contains("answer--short"))
    answer.after(panel.element)
    page.refreshers.push(panel.refresh)
  }
  if (section) page.refreshers.push(sectionChips(blocks).refresh)
  const progress = document.querySelector("[data-study-progress]")
  if (progress) page.refreshers.push(progressPage(progress, guide, actions).refresh)
}

onChange(() => {
  for (const refresh of page.refreshers) refresh()
})

watchShortcuts(window.keyboard$, {
  reveal: actions.reveal,
  next: actions.next,
  previous: actions.previous,
  markKnown: () => actions.mark("known"),
  markReview: () => actions.mark("review"),
  help: actions.help,
})

watchLandmarks()

// A link to #answer (or to a heading inside an answer) on the page already open.
window.target$?.subscribe(openAnswerAround)

window.document$.subscribe(() => {
  makeScrollableTablesFocusable()
  setUpFilter()
  setUp().catch(error => console.error("Study tools could not start:", error))
})

// Study tools: reveal all, self-test marks, progress, random and next-to-review, shortcuts
// (and names for the landmarks Material's script adds, see landmarks.js).
// Everything is set up again on each page Material's instant navigation loads (document$).

import { announce } from "./announce.js"
import { answerBlocks, labelSummaries, openAnswerAround, revealAllButton, targetOf, toggleAll, watchReveals } from "./answers.js"
import { loadGuide, placeOf } from "./guide.js"
import { watchLandmarks } from "./landmarks.js"
import {
  addressWasAskedFor,
  closeAnswersNotAskedFor,
  closeAnswersNotNamed,
  keepClosedAnswersOutOfTheAddress,
  pageShown,
  watchFollowedLinks,
} from "./reveal-guard.js"
import { whenPageHas } from "./page-modules.js"
import { watchPinnedBar } from "./pinned.js"
import { judgePanel, sectionChips, shortAnswerGrades, statusMessage, toggleMark } from "./selftest.js"
import { closeHelp, openHelp, watchShortcuts } from "./shortcuts.js"
import { allRecords, allStatuses, markSeen, onChange, today } from "./storage.js"
import { followList, onward } from "./trail.js"
import { button, el } from "./ui.js"

// Needed only when the reader goes to another question (a key, a button): loaded then, not with the
// page. (The announcer stays: a mark must make no request, tests/browser/test_study_selftest.py.)
const navigateTo = href => import("./navigate.js").then(module => module.navigateTo(href))

// The home page's study links ("Continue where you left off", home.js): their code loads only there.
const STUDY_LINKS = "a[data-study-continue], a[data-study-action]"

// The phone's figure viewer (figure-viewer.js), once a page with a figure has loaded it.
let figureViewer = null

// What the current page offers; replaced on every page load.
let page = { guide: null, question: null, section: null, blocks: [], refreshers: [], onward: null, pinned: null }
let generation = 0

/**
 * The current page with the guide's data (questions.json). A page loads it only when something
 * needs the whole guide: a button or a key that picks another question, the home page's "Continue
 * where you left off", the progress page. A question page's first load does without it.
 */
async function ready() {
  if (page.guide) return page
  const mine = generation
  const guide = await loadGuide().catch(() => null)
  if (guide && mine === generation && !page.guide) {
    const question = guide.questionAt(location)
    page = { ...page, guide, question, section: question ? null : guide.sectionAt(location) }
  }
  return page
}

const actions = {
  announce,

  async random() {
    const { guide, question } = await ready()
    if (!guide) return
    const target = guide.random(allStatuses(guide.ids), question)
    if (target) navigateTo(target.href)
  },

  async nextToReview() {
    const { guide, question } = await ready()
    if (!guide) return
    const target = guide.nextToReview(allRecords(), question, today())
    if (target) navigateTo(target.href)
    else announce("There is no other question to study.")
  },

  async next() {
    // On a question page: the next of the list the reader came from, else of the guide (trail.js).
    if (page.onward) return navigateTo(page.onward.href)
    const { guide, question, section } = await ready()
    if (!guide) return
    const target = question ? guide.next(question) : section ? guide.inSection(section.id)[0] : guide.questions[0]
    if (target) navigateTo(target.href)
    else announce("This is the last question.")
  },

  async previous() {
    const { guide, question, section } = await ready()
    if (!guide) return
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
    const id = page.blocks.find(block => !block.classList.contains("answer--short"))?.dataset.question
    if (!id) return false
    announce(statusMessage(toggleMark(id, status)))
    page.pinned?.graded()
  },

  help() {
    openHelp()
  },
}

/** A label that shortens on a phone: the part in `wide` shows only where there is room. */
function label(short, wide, after = "") {
  return [short, el("span", { className: "study-wide" }, wide), after].filter(Boolean)
}

function studyBar(blocks, onQuestionPage) {
  const position = el("span", { className: "study-bar__position" })
  const bar = el(
    "div",
    { className: `study-bar${onQuestionPage ? " study-bar--question" : ""}`, role: "group", "aria-label": "Study tools" },
    onQuestionPage ? position : null,
    blocks.length ? revealAllButton(blocks) : null,
    button(label("Random", " question"), { className: "study-button study-random", onclick: actions.random }),
    button("Next to review", { className: "study-button study-next-review", onclick: actions.nextToReview }),
    // A question page's bar is full (one row on a phone and a laptop); the section pages link the mock interview.
    onQuestionPage ? null : el("a", { className: "study-button study-mock-link", href: new URL("../../../mock-interview/", import.meta.url).href }, label("Mock", " interview")),
    button("Shortcuts", {
      className: "study-button study-help-button",
      "aria-haspopup": "dialog",
      "aria-keyshortcuts": "?",
      title: "Shortcut: ?",
      onclick: actions.help,
    })
  )
  const showPosition = place => position.replaceChildren(...[el("span", { className: "study-sr-only" }, "Question "), `${place.number} of ${place.total}`])
  return { bar, showPosition }
}

function placeBar(bar, blocks, onQuestionPage) {
  const article = document.querySelector("article")
  if (!article) return
  if (onQuestionPage) {
    const anchor = article.querySelector(".question-meta") ?? article.querySelector("h1")
    if (anchor) anchor.after(bar)
    else article.prepend(bar)
    return
  }
  const list = article.querySelector("form.question-filter") ?? blocks[0]?.closest("ol, ul")
  if (list) list.before(bar)
}

/**
 * The key-point checklist's code loads when the reader first reveals the answer, not with the page.
 * (The pinned bar's watcher, pinned.js, cannot wait for that: at the reveal it must already make the
 * bar a strip where it would cover the short answer, tests/browser/test_grading_moves_on.py.)
 */
function watchFirstReveal(answer) {
  const load = () => {
    if (!answer.open || answer.dataset.checklist) return
    answer.dataset.checklist = "loaded"
    import("./question-checklist.js")
      .then(module => answer.isConnected && module.addChecklist(answer))
      .catch(error => console.error("Study tools: the key-point checklist could not start:", error))
  }
  answer.addEventListener("toggle", load)
  load()
}

async function setUp(listView) {
  const mine = ++generation
  pageShown()
  closeHelp()
  figureViewer?.closeFigure()
  const blocks = answerBlocks()
  page = { guide: null, question: null, section: null, blocks, refreshers: [], onward: null, pinned: null }
  const asked = addressWasAskedFor()
  if (asked) openAnswerAround(targetOf(location.hash))
  else closeAnswersNotAskedFor(blocks)
  const named = asked ? location.hash : ""
  queueMicrotask(() => closeAnswersNotNamed(blocks, named))
  requestAnimationFrame(() => closeAnswersNotNamed(blocks, named))
  watchReveals(blocks, markSeen)
  labelSummaries(blocks)

  // The tools are placed at once, from the page itself (its place in the guide is in the answer
  // block), so nothing moves later (layout shift) and a question page needs no questions.json.
  const answer = blocks.find(block => !block.classList.contains("answer--short") && block.dataset.question)
  const onSectionPage = !answer && blocks.some(block => block.classList.contains("answer--short"))
  const tools = answer || onSectionPage ? studyBar(blocks, Boolean(answer)) : null
  if (tools) placeBar(tools.bar, blocks, Boolean(answer))
  const panel = answer ? judgePanel(answer.dataset.question, { onGrade: () => page.pinned?.graded() }) : null
  if (panel) {
    answer.after(panel.element)
    page.refreshers.push(panel.refresh)
    page.pinned = watchPinnedBar(panel.element, answer)
  }
  if (onSectionPage) {
    page.refreshers.push(sectionChips(blocks).refresh, ...blocks.map(block => shortAnswerGrades(block).refresh))
    if (listView) followList(document.querySelector("article"), listView.label)
  }
  if (answer) watchFirstReveal(answer)
  const place = answer ? placeOf(answer) : null
  if (place && tools) tools.showPosition(place)
  if (answer && panel) {
    page.onward = onward(answer.dataset.question, place)
    panel.showOnward(page.onward)
  }

  const links = document.querySelector(STUDY_LINKS)
  const progress = document.querySelector("[data-study-progress]")
  if (!links && !progress) return
  // The home page's and the progress page's own code (page-modules.js) load while the guide's data does.
  const homeCode = links ? import("./home.js") : null
  const progressCode = progress ? Promise.all([import("./progress-page.js"), import("./tables.js")]) : null
  await loadGuide() // a failure here is reported (document$ below): these tools need the data
  const { guide } = await ready()
  if (mine !== generation || !guide) return // another page loaded meanwhile
  if (links) {
    const { studyLinkElements, studyLinks } = await homeCode
    if (mine !== generation) return
    page.refreshers.push(studyLinks(studyLinkElements(), guide).refresh)
  }
  if (progress) {
    const [{ progressPage }, { makeScrollableTablesFocusable }] = await progressCode
    if (mine !== generation) return
    page.refreshers.push(progressPage(progress, guide, actions).refresh)
    makeScrollableTablesFocusable()
  }
}

onChange(() => {
  for (const refresh of page.refreshers) refresh()
})

watchShortcuts(window.keyboard$, {
  reveal: actions.reveal,
  next: actions.next,
  previous: actions.previous,
  markKnown: () => actions.mark("known"),
  markPartly: () => actions.mark("partly"),
  markReview: () => actions.mark("review"),
  help: actions.help,
})

watchLandmarks()

keepClosedAnswersOutOfTheAddress()
watchFollowedLinks()

// A link to #answer (or to a heading inside an answer) on the page already open. (Material's
// target$ also fires when instant navigation changes the address, before the new page is in.)
window.addEventListener("hashchange", () => openAnswerAround(targetOf(location.hash)))

// The tools of some pages only: a wide table, a section page's filter, figures' lightbox (page-modules.js).
window.document$.subscribe(() => {
  whenPageHas(".md-typeset__scrollwrap, .md-typeset pre > code", () => import("./tables.js"), tables => tables.makeScrollableTablesFocusable())
  whenPageHas("a.glightbox", () => import("./lightbox.js"), lightbox => lightbox.watchFigures())
  // On a phone a tap on a figure opens the figure viewer instead (its listener is set once, for every page).
  whenPageHas("article a.glightbox", () => import("./figure-viewer.js"), viewer => {
    figureViewer = viewer
    viewer.watchFigures()
  })
  // The practice screens' code loads only on their pages (page-modules.js).
  whenPageHas("[data-study-mock]", () => import("./mock-page.js"), mock => mock.setUpMock(document.querySelector("[data-study-mock]")))
  whenPageHas("[data-study-print]", () => import("./print-page.js"), print => print.setUpPrint(document.querySelector("[data-study-print]")))
  whenPageHas("[data-study-review]", () => import("./review-page.js"), review => review.setUpReview(document.querySelector("[data-study-review]")))
  whenPageHas("[data-study-carry]", () => import("./carry-page.js"), carry => carry.setUpCarry(document.querySelector("[data-study-carry]")))
  const failed = error => console.error("Study tools could not start:", error)
  // A section page's filter (its order and filters in the address) loads only there, before the tools
  // that follow its list; dropped if instant navigation replaced the page meanwhile.
  const filterForm = document.querySelector("form.question-filter")
  if (!filterForm) {
    setUp(null).catch(failed)
    return
  }
  import("./filter.js")
    .then(filter => (filterForm.isConnected ? setUp(filter.setUpFilter()) : null))
    .catch(failed)
})

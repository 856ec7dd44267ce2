// The home page's study actions (study/home.js): real links whose targets follow the reader's
// records: "Continue" to the first question not known, "Next to review" by the one rule, "Random
// question" to one not yet seen; the progress page when nothing is left.

import assert from "node:assert/strict"
import { beforeEach, describe, it } from "node:test"

import { resetDocument } from "./fake_dom.mjs"
import { resetWindow } from "./fake_window.mjs"

const { grade, markSeen } = await import("../../docs/assets/javascripts/study/storage.js")
const { Guide } = await import("../../docs/assets/javascripts/study/guide.js")
const { studyLinkElements, studyLinks, studyTarget } = await import("../../docs/assets/javascripts/study/home.js")
const { el } = await import("../../docs/assets/javascripts/study/ui.js")
const { reason } = await import("../../docs/assets/javascripts/study/progress-page.js")

const QUESTIONS = [["f/a.md", 2], ["f/b.md", 8], ["d/c.md", 5]]

function guide(questions = QUESTIONS) {
  return new Guide({
    sections: [{ id: "f", title: "F", url: "f/" }, { id: "d", title: "D", url: "d/" }],
    questions: questions.map(([id, banks]) => ({ id, banks, section: id[0], title: id, url: id.replace(/\.md$/, "/") })),
    progress: "progress/",
  })
}

function links() {
  const found = [
    el("a", { href: "progress/", "data-study-continue": "first-unknown" }, "Continue where you left off"),
    el("a", { href: "progress/", "data-study-action": "next-to-review" }, "Next to review"),
    el("a", { href: "f/a/", "data-study-action": "random" }, "Random question"),
  ]
  document.body.append(el("p", {}, found))
  return found
}

beforeEach(() => {
  resetWindow()
  resetDocument()
})

describe("the home page's study links", () => {
  it("are found by their data attributes", () => {
    const made = links()
    assert.deepEqual(studyLinkElements(), made)
  })

  it("lead on a fresh start to question 1, the most-asked question, and a question not yet seen", () => {
    const g = guide()
    const [resume, next, random] = links()
    assert.equal(studyTarget(resume, g), g.byId("f/a.md").href)
    assert.equal(studyTarget(next, g), g.byId("f/b.md").href)
    assert.equal(studyTarget(random, g, () => 0.99), g.byId("d/c.md").href)
  })

  it("follow the records: past what is known, to what is due, to what was never seen", () => {
    const g = guide([...QUESTIONS, ["d/d.md", 1]])
    grade("f/a.md", "knew")
    grade("d/c.md", "missed", new Date(Date.now() - 3 * 86400000).toISOString()) // overdue
    markSeen("f/b.md")
    studyLinks(links(), g)
    const [resume, next, random] = document.querySelectorAll("a")
    assert.equal(resume.getAttribute("href"), g.byId("f/b.md").href)
    assert.equal(next.getAttribute("href"), g.byId("d/c.md").href)
    assert.equal(random.getAttribute("href"), g.byId("d/d.md").href) // the only one not yet seen
  })

  it("refresh after a change; with only known questions, Continue leads to the progress page", () => {
    const g = guide([["f/a.md", 2]])
    const view = studyLinks(links(), g)
    const [resume] = document.querySelectorAll("a")
    assert.equal(resume.getAttribute("href"), g.byId("f/a.md").href)
    grade("f/a.md", "knew")
    view.refresh()
    assert.equal(resume.getAttribute("href"), g.progressHref)
  })
})

describe("why a question is in 'Study next' (progress-page.js)", () => {
  const question = { id: "f/a.md", banks: 7 }
  it("says how overdue a due question is", () => {
    assert.equal(reason({ question, state: "due", overdue: 0, due: "2026-12-07" }, 12), "due for review today")
    assert.equal(reason({ question, state: "due", overdue: 1, due: "2026-12-06" }, 12), "due for review, 1 day overdue")
    assert.equal(reason({ question, state: "due", overdue: 4, due: "2026-12-03" }, 12), "due for review, 4 days overdue")
  })

  it("says how often a question never marked is asked, and the day a graded one is due again", () => {
    assert.equal(reason({ question, state: "unseen", overdue: null, due: null }, 12), "asked in 7 of 12 question banks, not marked yet")
    assert.equal(reason({ question: { id: "x", banks: 0 }, state: "seen", overdue: null, due: null }, 12), "groundwork, not marked yet (read)")
    assert.equal(reason({ question, state: "learning", overdue: null, due: "2026-12-09" }, 12), "to review, due again 9 December")
    assert.equal(reason({ question, state: "known", overdue: null, due: "2027-01-06" }, 12), "known, due again 6 January")
  })
})

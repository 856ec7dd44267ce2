// What the study tools build on a page (study/ui.js, study/selftest.js, study/progress-page.js),
// on a small stand-in DOM (fake_dom.mjs): the self-test panel under an answer, the status chips of
// a section page (the revealed-but-unmarked state included), and the progress page.

import assert from "node:assert/strict"
import { beforeEach, describe, it } from "node:test"

import { resetDocument } from "./fake_dom.mjs"
import { blockStorage, resetWindow } from "./fake_window.mjs"

const { grade, markSeen, statusOf, resetAll } = await import("../../docs/assets/javascripts/study/storage.js")

/** A question's state as a reader leaves it: "known" (graded "knew"), "review" ("missed"), "seen" (read). */
function setStatus(id, status) {
  if (status === "seen") markSeen(id)
  else grade(id, { known: "knew", review: "missed" }[status])
}
const { button, el, plural } = await import("../../docs/assets/javascripts/study/ui.js")
const { judgePanel, sectionChips, shortAnswerGrades } = await import("../../docs/assets/javascripts/study/selftest.js")
const { progressPage } = await import("../../docs/assets/javascripts/study/progress-page.js")
const { Guide } = await import("../../docs/assets/javascripts/study/guide.js")

beforeEach(() => {
  resetWindow()
  resetDocument()
})

const texts = elements => elements.map(element => element.textContent)

describe("elements (ui.js)", () => {
  it("sets attributes, class and listeners, leaving out false, null and undefined", () => {
    let clicks = 0
    const element = el(
      "a",
      { className: "x y", href: "p/", hidden: true, "data-mark": 1, title: false, rel: null, lang: undefined, onclick: () => (clicks += 1), onmissing: "text" },
      "one",
      ["two", null, false],
      undefined,
      el("b", {}, "three")
    )
    assert.equal(element.tagName, "A")
    assert.equal(element.className, "x y")
    assert.equal(element.getAttribute("href"), "p/")
    assert.equal(element.getAttribute("hidden"), "")
    assert.equal(element.getAttribute("data-mark"), "1")
    assert.equal(element.getAttribute("onmissing"), "text")
    for (const name of ["title", "rel", "lang", "onclick", "className", "class-name"]) assert.equal(element.hasAttribute(name), false, name)
    assert.equal(element.textContent, "onetwothree")
    assert.equal(element.children.length, 3)
    element.click()
    assert.equal(clicks, 1)
  })

  it("makes only an on* function a listener; another function-valued attribute is written as text", () => {
    const format = () => "x"
    const element = el("span", { format })
    assert.equal(element.getAttribute("format"), String(format))
    assert.equal(element.listeners.size, 0)
  })

  it("makes buttons of type button with the study class unless told otherwise", () => {
    const plain = button("Go")
    assert.equal(plain.getAttribute("type"), "button")
    assert.equal(plain.className, "study-button")
    assert.equal(plain.textContent, "Go")
    assert.equal(button("Go", { className: "other", type: "submit" }).className, "other")
    assert.equal(button("Go", { type: "submit" }).getAttribute("type"), "submit")
  })

  it("says 1 question, 0 questions, 2 questions", () => {
    assert.deepEqual([0, 1, 2].map(count => plural(count, "question")), ["0 questions", "1 question", "2 questions"])
  })
})

describe("the self-test panel under an answer (selftest.js)", () => {
  const ID = "monitoring/model-drift.md"
  const marks = panel => panel.element.querySelectorAll("button")
  const pressed = panel => marks(panel).map(control => control.getAttribute("aria-pressed"))
  const go = panel => panel.element.querySelector("a.study-judge__go")
  const NEXT = { kind: "guide", href: "http://x/next/", title: "What is next?" }

  it("offers the three grades with their shortcuts, none pressed, says nothing is marked yet, and no 'Next' before a grade", () => {
    const panel = judgePanel(ID)
    panel.showOnward(NEXT)
    const buttons = marks(panel)
    assert.deepEqual(texts(buttons), ["I knew it", "Partly", "Review again"])
    assert.deepEqual(buttons.map(control => control.getAttribute("aria-keyshortcuts")), ["1", "2", "3"])
    assert.deepEqual(buttons.map(control => control.getAttribute("title")), ["Shortcut: 1", "Shortcut: 2", "Shortcut: 3"])
    assert.deepEqual(buttons.map(control => control.className), [
      "study-button study-mark study-mark--known",
      "study-button study-mark study-mark--partly",
      "study-button study-mark study-mark--review",
    ])
    assert.deepEqual(pressed(panel), ["false", "false", "false"])
    assert.equal(panel.element.tagName, "DIV")
    assert.equal(panel.element.className, "study-judge")
    assert.equal(panel.element.querySelector(".study-judge__row .study-judge__buttons").querySelectorAll("button").length, 3)
    assert.equal(panel.element.querySelector(".study-judge__row").children.indexOf(go(panel)), 2) // in the row, after the grades
    assert.equal(go(panel).hidden, true)
    assert.equal(panel.element.querySelector("p.study-judge__status").tagName, "P")
    assert.equal(panel.element.getAttribute("role"), "group")
    assert.equal(panel.element.getAttribute("aria-labelledby"), "study-judge-label")
    assert.equal(panel.element.querySelector("p.study-judge__label").id, "study-judge-label")
    assert.equal(panel.element.querySelector("p.study-judge__label").textContent, "How did you do?")
    assert.equal(panel.element.querySelector(".study-judge__status").getAttribute("role"), "status")
    assert.equal(panel.element.querySelector(".study-judge__status").textContent, "Not marked yet.")
    assert.equal(panel.element.dataset.status, "unseen")
  })

  it("a click gives the grade, shows it pressed, says it, and puts 'Next' in the row; a second click takes it back", () => {
    let graded = []
    const panel = judgePanel(ID, { onGrade: mark => graded.push(mark) })
    panel.showOnward(NEXT)
    const [known, partly, review] = marks(panel)
    known.click()
    assert.equal(statusOf(ID), "known")
    panel.refresh()
    assert.deepEqual(pressed(panel), ["true", "false", "false"])
    assert.equal(panel.element.querySelector(".study-judge__status").textContent, "Marked as known.")
    assert.equal(panel.element.dataset.status, "known")
    assert.equal(go(panel).hidden, false)
    assert.equal(go(panel).getAttribute("href"), "http://x/next/")
    partly.click()
    panel.refresh()
    assert.deepEqual(pressed(panel), ["false", "true", "false"])
    assert.equal(statusOf(ID), "review") // partly known: on the review list
    assert.equal(panel.element.querySelector(".study-judge__status").textContent, "Marked as partly known: it comes back sooner.")
    review.click()
    panel.refresh()
    assert.deepEqual(pressed(panel), ["false", "false", "true"])
    review.click() // taken back: the grade before comes back
    partly.click() // and that one too
    panel.refresh()
    assert.deepEqual(pressed(panel), ["true", "false", "false"])
    known.click() // and the first: read, not graded
    panel.refresh()
    assert.equal(statusOf(ID), "seen")
    assert.deepEqual(pressed(panel), ["false", "false", "false"])
    assert.equal(go(panel).hidden, true)
    assert.equal(panel.element.querySelector(".study-judge__status").textContent, "Answer revealed, not marked yet.")
    assert.deepEqual(graded, ["known", "partly", "review", "partly", "known", "seen"])
  })

  it("shows a grade given before the panel was built", () => {
    setStatus(ID, "review")
    const panel = judgePanel(ID)
    assert.deepEqual(pressed(panel), ["false", "false", "true"])
  })

  it("says where 'Next' leads: the reader's list, back to it after its last, the guide's next, the progress page, or nowhere", () => {
    setStatus(ID, "known")
    const panel = judgePanel(ID)
    const onward = panel.element.querySelector(".study-judge__onward")
    const cases = [
      [{ kind: "list", href: "http://x/b/", title: "B?", label: "Fundamentals, 3 of 9" }, "Next in Fundamentals, 3 of 9: ", "B?", "Next"],
      [{ kind: "list-end", href: "http://x/fundamentals/?order=asked", title: "Fundamentals" }, "That was the last of Fundamentals: ", "back to the list", "Back to the list"],
      [NEXT, "Next question: ", "What is next?", "Next question"],
      [{ kind: "end", href: "http://x/progress/", title: "Your progress" }, "That was the last question: ", "see your progress", "Progress"],
    ]
    for (const [target, words, linkText, button] of cases) {
      panel.showOnward(target)
      const link = onward.querySelector("a")
      assert.equal(link.className, "study-judge__next")
      assert.equal(link.getAttribute("href"), target.href)
      assert.equal(link.getAttribute("rel"), target.kind === "end" ? null : "next")
      assert.equal(onward.textContent, words + linkText)
      assert.equal(go(panel).getAttribute("href"), target.href)
      assert.equal(go(panel).getAttribute("aria-label"), words + linkText)
      assert.equal(go(panel).textContent, `${button} \u203a`)
      assert.equal(go(panel).hidden, false)
    }
    panel.showOnward(null)
    assert.equal(onward.children.length, 0)
    assert.equal(go(panel).hidden, true)
  })
})

describe("the grades under a short answer on a section page (selftest.js)", () => {
  it("grade the question of their block, named by its title, without shortcuts", () => {
    const block = el("details", { className: "answer answer--short", "data-question": "m/a.md" })
    document.body.append(el("li", {}, el("a", { href: "a/" }, "What is A?"), block))
    const grades = shortAnswerGrades(block)
    const group = block.querySelector("div.study-grade")
    assert.equal(group.getAttribute("role"), "group")
    assert.equal(group.getAttribute("aria-label"), "How did you do? What is A?")
    const buttons = group.querySelectorAll("button")
    assert.deepEqual(texts(buttons), ["I knew it", "Partly", "Review again"])
    assert.deepEqual(buttons.map(control => control.hasAttribute("aria-keyshortcuts")), [false, false, false])
    buttons[2].click()
    assert.equal(statusOf("m/a.md"), "review")
    grades.refresh()
    assert.deepEqual(buttons.map(control => control.getAttribute("aria-pressed")), ["false", "false", "true"])
  })
})

describe("status chips on a section page (selftest.js)", () => {
  /** A section page's list: one <li> per question, each with a difficulty badge (or not) and an answer block. */
  function sectionList(ids, { difficulty = true } = {}) {
    const list = el("ol", { className: "question-list" })
    const blocks = ids.map(id => {
      const block = el("details", { className: "answer answer--short", "data-question": id })
      list.append(el("li", {}, el("a", { href: `${id}/` }, id), difficulty ? el("span", { className: "difficulty" }, "Intermediate") : null, block))
      return block
    })
    document.body.append(list)
    return blocks
  }
  const chipOf = block => block.closest("li").querySelectorAll(".study-status")

  it("shows Known, To review for a question marked to review, and Read for one revealed but not graded", () => {
    const blocks = sectionList(["m/a.md", "m/b.md", "m/c.md", "m/d.md"])
    setStatus("m/a.md", "known")
    setStatus("m/b.md", "review")
    setStatus("m/c.md", "seen")
    sectionChips(blocks)
    const chips = blocks.map(chipOf)
    assert.deepEqual(chips.map(found => found.length), [1, 1, 1, 0])
    assert.deepEqual(chips.slice(0, 3).map(([chip]) => [chip.textContent, chip.className]), [
      ["Known", "study-status study-status--known"],
      ["To review", "study-status study-status--review"],
      ["Read", "study-status study-status--seen"],
    ])
    assert.equal(chips[2][0].tagName, "SPAN")
  })

  it("puts the chip after the difficulty badge, with a space, or first in the item when there is none", () => {
    const [withBadge] = sectionList(["m/a.md"])
    const [without] = sectionList(["m/b.md"], { difficulty: false })
    setStatus("m/a.md", "known")
    setStatus("m/b.md", "known")
    sectionChips([withBadge, without])
    const item = withBadge.closest("li")
    const badge = item.querySelector(":scope > .difficulty")
    const at = item.children.indexOf(badge)
    assert.equal(item.children[at + 1].textContent, " ")
    assert.equal(item.children[at + 2].className, "study-status study-status--known")
    assert.equal(without.closest("li").children[0].className, "study-status study-status--known")
  })

  it("refresh updates a chip in place, and removes it once the marks are reset", () => {
    const [block] = sectionList(["m/a.md"])
    setStatus("m/a.md", "known")
    const chips = sectionChips([block])
    const [chip] = chipOf(block)
    setStatus("m/a.md", "review")
    chips.refresh()
    assert.deepEqual(chipOf(block), [chip])
    assert.equal(chip.textContent, "To review")
    assert.equal(chip.className, "study-status study-status--review")
    resetAll()
    chips.refresh()
    assert.equal(chipOf(block).length, 0)
    chips.refresh()
    assert.equal(chipOf(block).length, 0)
  })

  it("skips a block outside a list item or without a question id", () => {
    const loose = el("details", { "data-question": "m/a.md" })
    document.body.append(loose)
    const [anonymous] = sectionList(["m/b.md"])
    delete anonymous.dataset.question
    setStatus("m/a.md", "known")
    setStatus("m/b.md", "known")
    assert.doesNotThrow(() => sectionChips([loose, anonymous]))
    assert.equal(document.querySelectorAll(".study-status").length, 0)
  })
})

describe("the progress page (progress-page.js)", () => {
  function guide() {
    return new Guide({
      sections: [
        { id: "f", title: "Fundamentals", url: "f/" },
        { id: "m", title: "Monitoring", url: null },
      ],
      questions: [["f/a.md", 2], ["f/b.md", 8], ["m/c.md", 0]].map(([id, banks]) => ({ id, banks, section: id[0], title: `Title ${id}`, url: id.replace(/\.md$/, "/") })),
      progress: "progress/",
      banks_total: 12,
    })
  }
  const calls = []
  const actions = { announce: message => calls.push(message), nextToReview: () => calls.push("next"), random: () => calls.push("random") }
  const counts = row => ["known", "review", "ungraded", "total"].map(key => row.querySelector(`td[data-count=${key}]`).textContent)

  function page() {
    calls.length = 0
    const container = el("div")
    document.body.append(container)
    return { container, view: progressPage(container, guide(), actions) }
  }

  it("counts per section and overall, says it in a sentence and lists what is left to review", () => {
    setStatus("f/a.md", "known")
    setStatus("f/b.md", "seen")
    setStatus("m/c.md", "review")
    const { container } = page()
    const rows = container.querySelectorAll("tbody tr")
    assert.deepEqual(rows.map(row => row.dataset.section), ["f", "m"])
    assert.deepEqual(counts(rows[0]), ["1", "0", "1", "2"])
    assert.deepEqual(counts(rows[1]), ["0", "1", "0", "1"])
    assert.equal(rows[0].querySelector("th a").getAttribute("href"), guide().sections[0].href)
    assert.equal(rows[1].querySelector("th").textContent, "Monitoring")
    assert.equal(rows[1].querySelector("th a"), null)
    const total = container.querySelector("tfoot tr")
    assert.equal(total.dataset.section, "all")
    assert.equal(total.querySelector("th").textContent, "All sections")
    assert.deepEqual(counts(total), ["1", "1", "1", "3"])
    assert.deepEqual(texts(container.querySelectorAll("thead th")), ["Section", "Known", "To review", "Not graded", "Questions"])
    assert.equal(container.querySelector("p.study-progress__summary").textContent, "You know 1 of 3 questions: 1 to review, 1 not graded yet (1 of them read).")
    assert.deepEqual(texts(container.querySelectorAll("ol.study-progress__review li")), ["Title m/c.md"])
    const meter = container.querySelector(".study-meter")
    assert.equal(meter.querySelector(".study-meter__known").getAttribute("style"), `width: ${100 / 3}%`)
    assert.equal(meter.querySelector(".study-meter__review").getAttribute("style"), `width: ${100 / 3}%`)
    assert.equal(container.querySelector(".study-progress__warning"), null)
  })

  it("lays out the page: the bar, the table in Material's scrolling wrapper, three headings readers can link to, the reset", () => {
    setStatus("f/b.md", "review")
    const { container } = page()
    const parts = container.children
    assert.deepEqual(parts.map(part => part.tagName), ["P", "DIV", "DIV", "H2", "P", "DIV", "H2", "DIV", "H2", "DIV", "H2", "P", "BUTTON"])
    assert.equal(parts[0].className, "study-progress__summary")
    const bar = parts[2]
    assert.deepEqual([bar.className, bar.getAttribute("role"), bar.getAttribute("aria-label")], ["study-bar", "group", "Study actions"])
    assert.deepEqual(bar.children.map(control => control.className), ["study-button study-next-review", "study-button study-random"])
    assert.deepEqual(parts.filter(part => part.tagName === "H2").map(heading => [heading.id, heading.textContent]), [
      ["study-next", "Study next"],
      ["per-section", "Per section"],
      ["to-review", "To review"],
      ["start-over", "Start over"],
    ])
    assert.equal(parts[11].textContent, "Reset clears every mark kept in this browser. It cannot be undone.")
    assert.deepEqual([parts[12].className, parts[12].textContent], ["study-button study-reset", "Reset progress"])
    const wrapper = parts[7].children[0]
    assert.equal(wrapper.tagName, "DIV")
    assert.equal(wrapper.className, "md-typeset__scrollwrap")
    assert.equal(wrapper.children[0].className, "md-typeset__table")
    const table = wrapper.children[0].children[0]
    assert.equal(table.tagName, "TABLE")
    assert.deepEqual(table.children.map(part => part.tagName), ["CAPTION", "THEAD", "TBODY", "TFOOT"])
    assert.equal(table.children[0].textContent, "Questions per section, by what you marked")
    assert.deepEqual(table.querySelectorAll("thead th").map(cell => cell.getAttribute("scope")), ["col", "col", "col", "col", "col"])
    assert.deepEqual(table.querySelectorAll("tr th").slice(5).map(cell => cell.getAttribute("scope")), ["row", "row", "row"])
    const meter = parts[1].children[0]
    assert.deepEqual([meter.tagName, meter.className, meter.getAttribute("aria-hidden")], ["DIV", "study-meter", "true"])
    assert.deepEqual(meter.children.map(bar => bar.tagName), ["SPAN", "SPAN"])
    const due = parts[9].children[0]
    assert.deepEqual([due.tagName, due.className], ["OL", "study-progress__review"])
    const link = due.querySelector("li a")
    assert.equal(link.getAttribute("href"), guide().byId("f/b.md").href)
    assert.equal(link.textContent, "Title f/b.md")
  })

  it("says what to study next and why: due first, then the never graded by how often asked, then the rest by due day", () => {
    setStatus("f/b.md", "known") // due again tomorrow
    setStatus("f/a.md", "seen") // read: still new
    const { container } = page()
    const items = container.querySelectorAll("ol.study-progress__next li")
    assert.deepEqual(items.map(item => item.dataset.question), ["f/a.md", "m/c.md", "f/b.md"])
    assert.deepEqual(items.map(item => item.querySelector("a").textContent), ["Title f/a.md", "Title m/c.md", "Title f/b.md"])
    assert.equal(items[0].querySelector("a").getAttribute("href"), guide().byId("f/a.md").href)
    assert.deepEqual(items.slice(0, 2).map(item => item.querySelector(".study-progress__reason").textContent), [
      ": asked in 2 of 12 question banks, not marked yet (read)",
      ": groundwork, not marked yet",
    ])
    assert.match(items[2].querySelector(".study-progress__reason").textContent, /^: known, due again \d{1,2} [A-Z][a-z]+$/)
  })

  it("with nothing marked: every question not yet seen, nothing to review, an empty meter", () => {
    const { container } = page()
    assert.equal(container.querySelector("p.study-progress__summary").textContent, "You know 0 of 3 questions: 0 to review, 3 not graded yet (0 of them read).")
    assert.equal(container.querySelector("p.study-progress__empty").textContent, "Nothing to review yet.")
    assert.equal(container.querySelector(".study-meter__known").getAttribute("style"), "width: 0%")
  })

  it("refresh redraws after a change", () => {
    const { container, view } = page()
    setStatus("m/c.md", "known")
    view.refresh()
    assert.equal(container.querySelector("p.study-progress__summary").textContent, "You know 1 of 3 questions: 0 to review, 2 not graded yet (0 of them read).")
    assert.deepEqual(counts(container.querySelector("tfoot tr")), ["1", "0", "2", "3"])
  })

  it("the study buttons call their actions, and reset asks first", () => {
    setStatus("f/a.md", "known")
    const { container } = page()
    const [next, random] = container.querySelectorAll(".study-bar button")
    assert.deepEqual(texts([next, random]), ["Next to review", "Random question"])
    next.click()
    random.click()
    assert.deepEqual(calls, ["next", "random"])
    const reset = container.querySelector("button.study-reset")
    const questions = []
    window.confirm = question => {
      questions.push(question)
      return false
    }
    reset.click()
    assert.equal(statusOf("f/a.md"), "known")
    assert.deepEqual(questions, ["Reset your progress? Every mark in this browser is cleared."])
    window.confirm = () => true
    reset.click()
    assert.equal(statusOf("f/a.md"), "unseen")
    assert.deepEqual(calls.slice(2), ["Progress reset: every question is back to not yet seen."])
    delete window.confirm
  })

  it("warns when this browser does not let the guide store marks", () => {
    blockStorage()
    const { container } = page()
    const warning = container.children[0]
    assert.deepEqual([warning.tagName, warning.className], ["P", "study-progress__warning"])
    assert.equal(warning.textContent, "This browser does not let the guide store data, so marks are not kept.")
  })
})

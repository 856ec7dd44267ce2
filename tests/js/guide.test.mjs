// "Next to review" and "Random question" with several candidates in play (study/guide.js).

import assert from "node:assert/strict"
import { describe, it } from "node:test"

import { Guide, placeOf } from "../../docs/assets/javascripts/study/guide.js"

const IDS = ["f/a.md", "f/b.md", "d/c.md", "d/d.md", "m/e.md", "m/f.md"]

function guide() {
  return new Guide({
    sections: [
      { id: "f", title: "F", url: "f/" },
      { id: "d", title: "D", url: "d/" },
      { id: "m", title: "M", url: "m/" },
    ],
    questions: IDS.map(id => ({ id, section: id.split("/")[0], title: id, url: id.replace(/\.md$/, "/") })),
    progress: "progress/",
  })
}

/** Every question unseen, except the ones given. */
function statuses(marks = {}) {
  return Object.fromEntries(IDS.map(id => [id, marks[id] ?? "unseen"]))
}

const byId = (g, id) => g.byId(id)

describe("next to review", () => {
  // Records as storage.js keeps them; each question of the guide below with how often it is asked.
  const at = day => new Date(`${day}T12:00:00`).toISOString()
  const graded = (grade, day) => ({ grades: [{ grade, at: at(day) }] })
  const today = "2026-12-07"

  function asked() {
    const g = guide()
    const banks = { "f/a.md": 3, "f/b.md": 8, "d/c.md": 5, "d/d.md": 8, "m/e.md": 1, "m/f.md": 0 }
    g.questions.forEach(question => (question.banks = banks[question.id]))
    return g
  }

  it("offers the most overdue question, wherever it stands in the guide", () => {
    const g = asked()
    const records = { "f/a.md": graded("missed", "2026-12-05"), "m/e.md": graded("missed", "2026-12-01") }
    assert.equal(g.nextToReview(records, byId(g, "d/c.md"), today).id, "m/e.md")
  })

  it("on a fresh start offers the most-asked question, never a dead end", () => {
    const g = asked()
    assert.equal(g.nextToReview({}, null, today).id, "f/b.md")
    assert.equal(g.nextToReview({}, byId(g, "f/b.md"), today).id, "d/d.md")
  })

  it("does not count a read question as one to review: the most-asked unread one comes first", () => {
    const g = asked()
    const records = { "f/b.md": { seen: at("2026-12-06") } }
    assert.equal(g.nextToReview(records, null, today).id, "d/d.md")
  })

  it("never offers the current question", () => {
    const g = asked()
    const records = Object.fromEntries(IDS.map(id => [id, graded("knew", "2026-12-07")]))
    records["d/c.md"] = graded("missed", "2026-12-01")
    assert.notEqual(g.nextToReview(records, byId(g, "d/c.md"), today)?.id, "d/c.md")
  })
})

describe("random question", () => {
  /** What random() picks for each of `draws` evenly spread values of Math.random. */
  function picks(g, marks, current, draws = 60) {
    return new Set(Array.from({ length: draws }, (_, index) => g.random(marks, current, () => index / draws)?.id))
  }

  it("picks only questions not yet seen while there are some, every one of them, never the current one", () => {
    const g = guide()
    const marks = statuses({ "f/b.md": "seen", "d/c.md": "known", "d/d.md": "review" })
    assert.deepEqual([...picks(g, marks, byId(g, "f/a.md"))].sort(), ["m/e.md", "m/f.md"])
  })

  it("picks among all the other questions once every question was seen", () => {
    const g = guide()
    const marks = statuses(Object.fromEntries(IDS.map((id, index) => [id, ["known", "review", "seen"][index % 3]])))
    assert.deepEqual([...picks(g, marks, byId(g, "d/c.md"))].sort(), IDS.filter(id => id !== "d/c.md").sort())
  })

  it("does not offer the current question even when it is the only one not yet seen", () => {
    const g = guide()
    const marks = statuses(Object.fromEntries(IDS.filter(id => id !== "m/e.md").map(id => [id, "known"])))
    assert.ok(!picks(g, marks, byId(g, "m/e.md")).has("m/e.md"))
  })
})

describe("order", () => {
  it("knows the next and previous question across sections, and the section of a page", () => {
    const g = guide()
    assert.equal(g.next(byId(g, "f/b.md")).id, "d/c.md")
    assert.equal(g.previous(byId(g, "d/c.md")).id, "f/b.md")
    assert.equal(g.next(byId(g, "m/f.md")), null)
    assert.equal(g.previous(byId(g, "f/a.md")), null)
    assert.deepEqual(g.inSection("m").map(question => question.id), ["m/e.md", "m/f.md"])
    assert.equal(g.questionAt(new URL(g.byId("d/d.md").href + "index.html")).id, "d/d.md")
  })
})

describe("a question's place, read from its page (no questions.json)", () => {
  const root = new URL("../../docs/", import.meta.url)
  it("gives the number, the guide's size and the next question at the site's root", () => {
    const place = placeOf({ dataset: { number: "3", total: "147", nextUrl: "deployment/ci-cd/", nextTitle: "How does CI/CD differ?" } })
    assert.deepEqual(place, {
      number: 3,
      total: 147,
      next: { href: new URL("deployment/ci-cd/", root).href, title: "How does CI/CD differ?" },
      progressHref: null,
    })
  })
  it("leads to the progress page after the last question", () => {
    const place = placeOf({ dataset: { number: "147", total: "147", progressUrl: "progress/" } })
    assert.equal(place.next, null)
    assert.equal(place.progressHref, new URL("progress/", root).href)
  })
  it("is unknown on a page whose answer block does not say", () => {
    assert.equal(placeOf({ dataset: { question: "f/a.md" } }), null)
  })
})

describe("finding pages and the data's links", () => {
  it("finds the question and the section whose page is open, on this site only", () => {
    const g = guide()
    assert.equal(g.questionAt(new URL(g.byId("f/b.md").href)).id, "f/b.md")
    assert.equal(g.sectionAt(new URL(g.sections[1].href)).id, "d")
    assert.equal(g.sectionAt(new URL(g.sections[1].href + "index.html")).id, "d")
    assert.equal(g.sectionAt(new URL(g.byId("f/b.md").href)), null)
    const elsewhere = new URL(new URL(g.byId("f/b.md").href).pathname, "https://example.com/")
    assert.equal(g.questionAt(elsewhere), null)
  })

  it("a section without a page of its own is never the open page", () => {
    const g = new Guide({ sections: [{ id: "f", title: "F", url: null }], questions: [], progress: null })
    assert.equal(g.sections[0].href, undefined)
    assert.equal(g.sectionAt(new URL("../../docs/", import.meta.url)), null)
    assert.equal(g.progressHref, null)
  })

  it("resolves the progress page from the site's root", () => {
    assert.equal(guide().progressHref, new URL("../../docs/progress/", import.meta.url).href)
  })

  it("between questions equally overdue, takes the first after the current one, not the one just before it", () => {
    const g = guide()
    const at = new Date("2026-12-01T12:00:00").toISOString()
    const records = { "f/b.md": { grades: [{ grade: "missed", at }] }, "m/e.md": { grades: [{ grade: "missed", at }] } }
    assert.equal(g.nextToReview(records, byId(g, "d/c.md"), "2026-12-07").id, "m/e.md")
  })
})

describe("a question's place, when the page says only part of it", () => {
  it("needs both the number and the guide's size", () => {
    assert.equal(placeOf({ dataset: { number: "3" } }), null)
    assert.equal(placeOf({ dataset: { total: "147" } }), null)
  })
  it("names the next question with an empty title when the page gives none", () => {
    assert.equal(placeOf({ dataset: { number: "1", total: "2", nextUrl: "f/b/" } }).next.title, "")
  })
})

describe("loading the guide's data (questions.json)", () => {
  const realFetch = globalThis.fetch
  const DATA = { sections: [], questions: [{ id: "f/a.md", section: "f", title: "A", url: "f/a/" }], progress: "progress/" }

  it("fetches assets/study/questions.json from the site's root once, retries after a failure, and says which HTTP status failed", async () => {
    const { loadGuide } = await import(`../../docs/assets/javascripts/study/guide.js?load=${Date.now()}`)
    const asked = []
    const answers = [{ ok: false, status: 503 }, new Error("offline"), { ok: true, json: async () => DATA }]
    globalThis.fetch = async url => {
      asked.push(String(url))
      const answer = answers.shift()
      if (answer instanceof Error) throw answer
      return answer
    }
    try {
      await assert.rejects(loadGuide(), { message: "study tools: assets/study/questions.json answered HTTP 503" })
      await assert.rejects(loadGuide(), { message: "offline" })
      const loaded = await loadGuide()
      assert.equal(loaded.constructor.name, "Guide") // the module's own class (this test loads a fresh copy)
      assert.deepEqual(loaded.ids, ["f/a.md"])
      assert.equal(await loadGuide(), loaded)
      assert.deepEqual(asked, Array(3).fill(new URL("../../docs/assets/study/questions.json", import.meta.url).href))
    } finally {
      globalThis.fetch = realFetch
    }
  })
})

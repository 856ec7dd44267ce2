// How the search worker orders pages (docs/assets/javascripts/search/ranking.js), on small pages
// shaped like Pagefind's page data.

import assert from "node:assert/strict"
import { describe, it } from "node:test"
import { askedSubject, compareKeys, coverage, defines, heldWords, pagesHoldingWord, phrasePattern, relevance, sectionValue, subjectLevel, subjectWords } from "../../docs/assets/javascripts/search/ranking.js"
import { frameWords, searchedWords, weight, wordsOf } from "../../docs/assets/javascripts/search/words.js"

const page = (title, content, { alt = [], kind = "question", headings = [] } = {}) => ({
  url: `/${title.toLowerCase().replace(/[^a-z]+/g, "-")}/`,
  content,
  meta: { title, kind, alt_titles: alt.join(" | ") },
  sub_results: headings.map(heading => ({ url: `/x/#${heading}`, title: heading, excerpt: heading })),
})

// Ranks `pages` for `query` as the worker does, with each word's weight from these pages alone.
function rank(query, pages) {
  const words = wordsOf(query)
  const terms = searchedWords(query)
  const framing = frameWords(query)
  const weights = Object.fromEntries(terms.map(term => [term, weight(term, pages.filter(p => heldWords([term], p.content).size).length, pages.length, framing.has(term))]))
  const held = pages.map(p => heldWords(terms, p.content))
  const subject = subjectWords(terms, new Set(held.flatMap(set => [...set])), framing)
  const q = { words, terms, subject, weights, phrase: phrasePattern(terms) }
  return pages
    .map((p, index) => ({ p, index, key: relevance(p, q, held[index]) }))
    .sort((a, b) => compareKeys(b.key, a.key) || a.index - b.index)
    .map(entry => entry.p.meta.title)
}

describe("a title defines the query", () => {
  it("when it is the query, or asks 'What is <query>?' and nothing more", () => {
    assert.equal(defines("What is data drift?", ["data", "drift"]), 3)
    assert.equal(defines("Data drift", ["data", "drift"]), 3)
    assert.equal(defines("What is a model registry?", ["model", "registry"]), 3)
  })

  it("less surely when 'What is <query>' goes on with a new clause", () => {
    assert.equal(defines("What is a model registry and what goes in it?", ["model", "registry"]), 2)
    assert.equal(defines("What is MLOps, and how does it differ from DevOps?", ["mlops"]), 2)
  })

  it("not when the title merely starts with the query or names it inside a longer subject", () => {
    assert.equal(defines("Data drift vs concept drift: how do they differ?", ["data", "drift"]), 0)
    assert.equal(defines("What are MLOps maturity levels?", ["mlops"]), 0)
    assert.equal(defines("What is data drift?", ["concept", "drift"]), 0)
    assert.equal(defines("What is data drift?", []), 0)
  })
})

describe("the subject a title asks about", () => {
  it("is the words after 'What is (a|the)' up to a new clause", () => {
    assert.deepEqual(askedSubject("What is a feature store and why use one?"), ["feature", "store"])
    assert.deepEqual(askedSubject("What are embeddings?"), ["embeddings"])
    assert.equal(askedSubject("How do you tune hyperparameters?"), null)
    assert.equal(askedSubject("What is?"), null)
  })

  it("ranks a title whose subject the query holds by the share of the query it carries, a third at least", () => {
    const weights = { feature: 1, store: 1, mlops: 1, architecture: 1, roles: 2 }
    const question = wordsOf("What is the role of a feature store in an MLOps architecture?")
    assert.equal(subjectLevel("What is a feature store?", question, ["feature", "store", "mlops", "architecture"], weights), 1.25)
    assert.equal(subjectLevel("What is a feature store?", question, ["feature", "store", "roles"], { feature: 1, store: 1, roles: 5 }), 0)
    assert.equal(subjectLevel("What is MLOps?", ["mlops", "roles"], ["mlops", "roles"], { mlops: 1, roles: 3 }), 0)
    assert.equal(subjectLevel("What is MLOps?", ["mlops", "roles"], ["mlops", "roles"], { mlops: 1, roles: 2 }), 1.167) // a third exactly
    assert.equal(subjectLevel("How do ML engineer and MLOps roles differ?", ["mlops", "roles"], ["mlops", "roles"], weights), 1.5)
  })

  it("does not let a 'What is ...?' title define a question that asks why", () => {
    const weights = { mlops: 1 }
    assert.equal(subjectLevel("What is MLOps?", ["why", "do", "companies", "need", "mlops"], ["mlops"], weights, "why"), 0)
    assert.equal(subjectLevel("What is MLOps?", ["define", "mlops"], ["mlops"], weights, null), 3)
  })
})

describe("held words and coverage", () => {
  it("do not count a prefix that is another word", () => {
    assert.deepEqual([...heldWords(["shap", "values"], "tensor shapes and their values")], ["values"])
    assert.deepEqual([...heldWords(["shap", "values"], "SHAP values explain a prediction")], ["shap", "values"])
  })

  it("weigh each held word, and count all or nothing when the query weighs nothing", () => {
    assert.equal(coverage(["a", "b"], new Set(["a"]), { a: 3, b: 1 }), 0.75)
    assert.equal(coverage(["a", "b"], new Set(["a", "b"]), { a: 0, b: 0 }), 1)
    assert.equal(coverage(["a", "b"], new Set(["a"]), { a: 0, b: 0 }), 0)
  })

  it("name the query's subject without its frame or the words no page holds", () => {
    assert.deepEqual(subjectWords(["define", "mlops", "beginner"], new Set(["define", "mlops"]), new Set(["define"])), ["mlops"])
    assert.deepEqual(subjectWords(["role", "play"], new Set(["role"]), new Set(["role", "play"])), ["role"])
    assert.deepEqual(subjectWords(["zzz"], new Set(), new Set()), ["zzz"])
  })
})

describe("ranking", () => {
  const registry = page("What is a model registry and what goes in it?", "a model registry stores model versions aliases and lineage for mlops teams")
  const research = page("How is research ML different from production ML?", "research code plays a different role from a model in mlops production")
  const mlops = page("What is MLOps?", "mlops is the practice of running models in production with a registry and pipelines")
  const drift = page("What is data drift?", "data drift is a change in the input distribution; concept drift differs")
  const versus = page("Data drift vs concept drift: how do they differ?", "data drift and concept drift compared")
  const skew = page("What is training-serving skew?", "data drift is not skew; skew comes from the system")
  const overview = page("Monitoring", "data drift and concept drift and monitoring", { kind: "overview" })

  it("puts the page a full question asks about first, though another page holds more of its words", () => {
    assert.equal(rank("what is a model registry and what role does it play in mlops", [research, mlops, registry])[0], registry.meta.title)
  })

  it("puts the page defining a concept before one whose title only starts with it", () => {
    assert.deepEqual(rank("data drift", [versus, skew, overview, drift]).slice(0, 2), [drift.meta.title, versus.meta.title])
  })

  it("puts a question page before a section page holding the same words", () => {
    const twin = page("Drift overview", "data drift and concept drift and monitoring")
    assert.deepEqual(rank("concept drift monitoring", [overview, twin]), [twin.meta.title, overview.meta.title])
  })

  it("prefers the page holding the rarer of two words", () => {
    const common = ["one", "two", "three"].map(n => page(`Page ${n}`, "model serving latency"))
    const rare = page("Page rare", "model quantization")
    assert.equal(rank("model quantization", [...common, rare])[0], "Page rare")
  })

  it("answers a 'why' question with the page that asks why", () => {
    const why = page("Why is MLOps important?", "mlops matters because models fail silently")
    assert.equal(rank("why do companies need mlops", [mlops, why])[0], why.meta.title)
  })
})

describe("section value", () => {
  it("puts a section explaining the query before the title's own section and the references", () => {
    const p = page("What is data drift?", "")
    const section = (title, excerpt) => ({ title, excerpt, url: "/x/#s" })
    const terms = ["data", "drift"]
    const phrase = phrasePattern(terms)
    const explaining = sectionValue(section("Detecting data drift", "compare <mark>data</mark> <mark>drift</mark> with PSI"), p, terms, phrase)
    const own = sectionValue(section("What is data drift?", "<mark>data</mark> <mark>drift</mark>"), p, terms, phrase)
    const references = sectionValue(section("References", "<mark>data</mark> <mark>drift</mark> paper"), p, terms, phrase)
    assert.ok(explaining > own && explaining > references)
  })
})

describe("a word's pages from the engine", () => {
  // The engine's prefix search for "aging" (best first) and its exact search (the pages holding it).
  const matching = [{ id: "agent-permissions" }, { id: "design-llm-agent" }, { id: "why-models-degrade" }, { id: "model-staleness" }]
  const holding = [{ id: "model-staleness" }, { id: "why-models-degrade" }]

  it("are those that hold the word, in the engine's order, when some page does", () => {
    assert.deepEqual(pagesHoldingWord(matching, holding).map(result => result.id), ["why-models-degrade", "model-staleness"])
  })

  it("are all the pages whose words start with it when no page holds it (a typo, a word half typed)", () => {
    assert.deepEqual(pagesHoldingWord(matching, []), matching)
  })
})

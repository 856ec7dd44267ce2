// How the search worker (worker.js) orders the pages of a query. Pure functions over the query's
// words and Pagefind's page data; tested in Node (tests/js/search_ranking.test.mjs).

import { agree, matchesWord, stem, wordsOf } from "./words.js"

// Which query words a page holds, by the page's own words (Pagefind matches prefixes: "shap" finds
// "shape"; here "shape" does not hold "shap").
export function heldWords(terms, text) {
  const words = new Set(wordsOf(text))
  return new Set(terms.filter(term => words.has(term) || [...words].some(word => matchesWord(term, word))))
}

// A word's pages from the engine, in its order, less those where it only found longer words that
// start with the word's stem ("agent" and "agency" for "aging"): `holding` are the pages that hold the
// word itself in some form (the engine's exact search). When no page holds it (a typo, a word half
// typed), the pages whose words start with it stay.
export function pagesHoldingWord(matching, holding) {
  if (!holding.length) return matching
  const holders = new Set(holding.map(result => result.id))
  return matching.filter(result => holders.has(result.id))
}

// The share of the query's weight that a set of held words carries (1 when the query weighs nothing).
export function coverage(terms, held, weights) {
  const total = terms.reduce((sum, term) => sum + weights[term], 0)
  if (!total) return held.size === terms.length ? 1 : 0
  return terms.reduce((sum, term) => sum + (held.has(term) ? weights[term] : 0), 0) / total
}

// The order of the pages found, each rule a step, compared in this order:
// 1. the page whose subject the query is: a title or other phrasing that is the query or asks
//    "What is <query>?", then one that asks it and goes on ("What is <query> and ...?"), then one
//    that holds every word of the query;
// 2. how much of the query the page holds, each word weighted by its rarity in the guide, plus twice
//    as much for what one of its titles holds (a question typed in full finds the page it asks about),
//    half as much again when that title asks the same kind of question ("Why ...?" for "why do
//    companies need MLOps");
// 3. a page with a heading that holds the query (its words in order);
// 4. a page that holds the words as a phrase (multi-word queries);
// 5. a question page before a section or the home page;
// then the engine's own order.
const TITLE_FACTOR = 2
const SAME_ASK = 1.5
// Question words rare enough in titles to say which page answers ("what" and "how" open most titles).
const SAME_ASK_WORDS = new Set(["why", "when", "where", "who"])

export function relevance(page, query, held) {
  const { words, terms, subject: named, weights, phrase } = query
  const titles = [page.meta.title || "", ...alternativeTitles(page)]
  const asking = QUESTION_WORDS.has(words[0]) ? words[0] : null
  const subject = Math.max(...titles.map(title => subjectLevel(title, words, named, weights, asking)))
  const titled = Math.max(...titles.map(title => coverage(terms, heldWords(terms, title), weights) * (SAME_ASK_WORDS.has(asking) && wordsOf(title)[0] === asking ? SAME_ASK : 1)))
  const heading = page.sub_results.some(section => section.url.includes("#") && holdsPhrase(terms, phrase, section.title)) ? 1 : 0
  return [subject, round(coverage(terms, held, weights) + TITLE_FACTOR * titled), heading, phrase && phrase.test(page.content) ? 1 : 0, page.meta.kind === "question" ? 1 : 0]
}

// The words that open a question; a query opened by "why" or "how" is defined by a title that asks
// the same, not by "What is ...?".
const QUESTION_WORDS = new Set(["what", "why", "how", "when", "where", "who", "which"])

// How surely a title names the query's subject (a query that asks "why" or "how" is not defined by
// a "What is ...?" title, unless the title is the query):
// 3: the title is the query, or asks "What is <query>?" and nothing more;
// 2: it asks "What is <query>" and goes on with a new clause ("What is a model registry and what goes in it?");
// 1.5: the title holds every word of the query ("... MLOps/platform roles ...?" for "MLOps roles");
// 1 to 1.5: the query holds what the title asks about ("What is a feature store?" for "what is the role
//    of a feature store in an MLOps architecture"), by the share of the query's weight that subject
//    carries, when it carries at least a third;
// else 0.
export function subjectLevel(title, words, named, weights, asking = null) {
  const asksWhat = !asking || asking === "what"
  const level = Math.max(defines(title, words), asksWhat ? defines(title, named) : 0)
  if (level) return level
  if (holdsAll(words, title)) return 1.5
  const asked = asksWhat ? askedSubject(title) : null
  const share = asked && containsPhrase(named, asked) ? coverage(named, new Set(named.filter(word => asked.some(part => agree(word, part)))), weights) : 0
  return share >= MIN_SUBJECT_SHARE ? round(1 + share / 2) : 0
}

const MIN_SUBJECT_SHARE = 1 / 3

// What a "What is ...?" title asks about: its words after "What is (a|an|the)" up to the end or a new
// clause ("What is a feature store and how ...?" asks about "feature store").
export function askedSubject(title) {
  const words = wordsOf(title)
  if (!(["what", "who"].includes(words[0]) && ["is", "are"].includes(words[1]))) return null
  const start = ["a", "an", "the"].includes(words[2]) ? 3 : 2
  let end = start
  while (end < words.length && !CLAUSE_STARTS.has(words[end])) end++
  return end > start ? words.slice(start, end) : null
}

function containsPhrase(words, phrase) {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((part, i) => agree(words[start + i], part))) return true
  }
  return false
}

export function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

function round(value) {
  return Math.round(value * 1000) / 1000
}

// The words that name the query's subject: the searched words less the frame of the question
// ("explain", "role", "significance") and less the words no page holds ("beginner"). A query made
// only of frame words keeps them ("roles"), and one whose words no page holds keeps them all.
export function subjectWords(terms, holding, framing) {
  const held = terms.filter(term => holding.has(term))
  const named = held.filter(term => !framing.has(term))
  return named.length ? named : held.length ? held : terms
}

// How well a title defines the query: 3 when it is the query or asks "What is <query>?" and nothing
// more, 2 when "What is <query>" goes on with a new clause ("What is a model registry and what goes in
// it?"), 0 otherwise. A title that merely starts with the query ("Data drift vs concept drift: how do
// they differ?" for "data drift") or names it inside a longer subject ("What are MLOps maturity
// levels?" for "MLOps") does not define it.
export function defines(title, queryWords) {
  if (!queryWords.length) return 0
  const words = wordsOf(title)
  const same = (start, end) => end - start === queryWords.length && queryWords.every((word, i) => agree(word, words[start + i]))
  if (same(0, words.length)) return 3
  if (!(["what", "who"].includes(words[0]) && ["is", "are"].includes(words[1]))) return 0
  const start = ["a", "an", "the"].includes(words[2]) ? 3 : 2
  const end = start + queryWords.length
  if (!same(start, Math.min(end, words.length))) return 0
  return end === words.length ? 3 : CLAUSE_STARTS.has(words[end]) ? 2 : 0
}

// Words that start a new clause or a qualifier after a title's subject.
const CLAUSE_STARTS = new Set(["and", "or", "in", "for", "vs", "versus", "with", "when", "why", "how", "what", "which", "compared"])

export function holdsAll(queryWords, text) {
  const words = wordsOf(text)
  return queryWords.every(queryWord => words.some(word => agree(queryWord, word)))
}

export function holdsPhrase(queryWords, phrase, text) {
  return phrase ? phrase.test(text) : holdsAll(queryWords, text)
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

// The query's words in order, each allowed an ending ("data poisoning" in "data poisoning attacks").
export function phrasePattern(queryWords) {
  if (queryWords.length < 2) return null
  const stems = queryWords.map(word => escapeRegExp(stem(word)) + "[\\p{L}\\p{N}]*")
  return new RegExp(`(^|[^\\p{L}\\p{N}])${stems.join("[^\\p{L}\\p{N}]+")}`, "iu")
}

// A question's other phrasings, kept by Pagefind as metadata (overrides/hooks/search_engine.py).
export function alternativeTitles(page) {
  return (page.meta.alt_titles || "").split(" | ").filter(Boolean)
}

// How well a section answers the query: a heading that holds it, all the words, the words as a
// phrase, how many were found. The part under the question's title (the line under it and its other
// phrasings) and the references come last: they name the concept but do not explain it.
export function sectionValue(section, page, terms, phrase) {
  const text = `${section.title} ${section.excerpt.replace(/<[^>]+>/g, "")}`
  const marked = new Set(wordsOf((section.excerpt.match(/<mark>[^<]*<\/mark>/g) || []).join(" ")))
  const aside = section.title === page.meta.title || /^(references|further reading)$/i.test(section.title.trim())
  const weight = (section.weighted_locations || []).reduce((sum, location) => sum + location.balanced_score, 0)
  return (
    (aside ? 0 : 16) +
    (holdsPhrase(terms, phrase, section.title) ? 8 : 0) +
    (holdsAll(terms, text) ? 4 : 0) +
    (phrase && phrase.test(text) ? 2 : 0) +
    Math.min(marked.size, terms.length) / terms.length +
    Math.min(weight, 1000) / 1001
  )
}

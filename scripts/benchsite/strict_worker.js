// The search worker as it was before it understood questions (git d5c58bc): every word must be on a
// page. scripts/bench_site.py times the first search with it beside today's worker, in the same run.
// Material's search dialog asks this worker for results (overrides/hooks/search_engine.py sets it as
// Material's `config.search`); the engine is Pagefind, loaded on the first search, not with the page.
// (overrides/hooks/search_engine.py holds Material's set-up message until the reader opens search.)
// It speaks Material's worker messages: SETUP -> READY, QUERY (the typed text) -> RESULT (groups of
// items, one group per page: the page, then its sections, as Material's dialog renders them).

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

// The site's root, from this file's place (assets/javascripts/search/worker.js).
const SITE_ROOT = new URL("../../../", self.location.href)
const PAGEFIND = new URL("pagefind/pagefind.js", SITE_ROOT)
// Pages whose text is loaded to rank and show them (Pagefind keeps every page's text in its own file).
const SHOWN = 10
const EXCERPT_WORDS = 30

let engine = null

function pagefind() {
  engine ??= import(PAGEFIND.href).then(async module => {
    await module.options({ baseUrl: SITE_ROOT.pathname, excerptLength: EXCERPT_WORDS })
    await module.init()
    return module
  })
  return engine
}

// Messages are answered one at a time, in order, so the last result is the last query's. Material
// sends a query at every key; one that a newer query replaced while it waited is dropped, so a
// reader who types while Pagefind loads waits for one search, not one per key.
let queue = Promise.resolve()
let latestQuery = 0
addEventListener("message", ({ data: message }) => {
  const ticket = message.type === QUERY ? ++latestQuery : 0
  const replaced = () => message.type === QUERY && ticket !== latestQuery
  queue = queue.then(() => (replaced() ? null : answer(message))).then(reply => reply && postMessage(reply))
})

async function answer(message) {
  switch (message.type) {
    case SETUP:
      // Material sets the worker up when the reader opens search: Pagefind loads while they type.
      pagefind().catch(error => console.warn("search: Pagefind did not load:", error))
      return { type: READY }
    case QUERY:
      try {
        return { type: RESULT, data: await search(String(message.data || "")) }
      } catch (error) {
        console.warn(`search: no results for "${message.data}":`, error)
        return { type: RESULT, data: { items: [] } }
      }
    default:
      throw new TypeError(`search worker: unknown message type ${message.type}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Query words, stems, matches
// ---------------------------------------------------------------------------------------------

function wordsOf(text) {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter(word => word.length > 1 || /\d/.test(word))
}

// A crude English stem, enough to tell that "poisoning" and "poison", "values" and "value" agree.
function stem(word) {
  return word.length > 4 ? word.replace(/(ing|ed|es|s|ies|ation|ations)$/, "") : word
}

function agree(queryWord, word) {
  const a = stem(queryWord)
  const b = stem(word)
  return word.startsWith(a) || queryWord.startsWith(b) && b.length >= 3
}

function holdsAll(queryWords, text) {
  const words = wordsOf(text)
  return queryWords.every(queryWord => words.some(word => agree(queryWord, word)))
}

function holdsPhrase(queryWords, phrase, text) {
  return phrase ? phrase.test(text) : holdsAll(queryWords, text)
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

// The query's words in order, each allowed an ending ("data poisoning" in "data poisoning attacks").
function phrasePattern(queryWords) {
  return new RegExp(`(^|[^\\p{L}\\p{N}])${queryWords.map(word => escapeRegExp(stem(word)) + "[\\p{L}\\p{N}]*").join("[^\\p{L}\\p{N}]+")}`, "iu")
}

// ---------------------------------------------------------------------------------------------
// Search and ranking
// ---------------------------------------------------------------------------------------------

async function search(query) {
  const queryWords = wordsOf(query)
  if (!queryWords.length) return { items: [] }
  const engine = await pagefind()
  const found = await engine.search(query)
  const pages = await Promise.all(found.results.slice(0, SHOWN).map(result => result.data()))
  const phrase = queryWords.length > 1 ? phrasePattern(queryWords) : null
  const ranked = pages
    .map((page, rank) => ({ page, rank, key: relevance(page, queryWords, phrase) }))
    .sort((a, b) => compareKeys(b.key, a.key) || a.rank - b.rank)
  const terms = Object.fromEntries(queryWords.map(word => [word, true]))
  return { items: ranked.map((entry, position) => group(entry, terms, queryWords, phrase, ranked.length - position)) }
}

// Pagefind returns the pages that hold every word of the query, best first. Among them:
// 1. the page whose subject the query is: a title or other phrasing that asks "What is <query>?"
//    (or is the query), then one that holds every word;
// 2. a page with a heading that holds the query (its words in order);
// 3. a page that holds the words as a phrase (multi-word queries);
// 4. a question page before a section or the home page;
// then Pagefind's own order.
function relevance(page, queryWords, phrase) {
  const titles = [page.meta.title || "", ...alternativeTitles(page)]
  const subject = titles.some(title => defines(title, queryWords)) ? 2 : titles.some(title => holdsAll(queryWords, title)) ? 1 : 0
  const heading = page.sub_results.some(section => section.url.includes("#") && holdsPhrase(queryWords, phrase, section.title)) ? 1 : 0
  return [subject, heading, phrase && phrase.test(page.content) ? 1 : 0, page.meta.kind === "question" ? 1 : 0]
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

// "What is a model registry ...?" defines "model registry"; so does a title that is the query itself.
function defines(title, queryWords) {
  const words = wordsOf(title)
  const starts = [0]
  if (["what", "who"].includes(words[0]) && ["is", "are"].includes(words[1])) starts.push(["a", "an", "the"].includes(words[2]) ? 3 : 2)
  return starts.some(start => {
    const rest = words.slice(start, start + queryWords.length)
    const whole = start > 0 || words.length === queryWords.length
    return whole && rest.length === queryWords.length && queryWords.every((word, i) => agree(word, rest[i]))
  })
}

// A question's other phrasings, kept by Pagefind as metadata (overrides/hooks/search_engine.py).
function alternativeTitles(page) {
  return (page.meta.alt_titles || "").split(" | ").filter(Boolean)
}

// One group of items for Material's dialog: the page, then its best section shown with its text,
// then the other sections (Material folds them under "N more on this page").
function group(entry, terms, queryWords, phrase, score) {
  const { page } = entry
  const location = siteRelative(page.url)
  const article = { location, title: escapeHTML(page.meta.title || location), text: page.excerpt, score, terms }
  const sections = page.sub_results
    .filter(section => section.url.includes("#") && siteRelative(section.url) !== location)
    .map(section => ({ section, value: sectionValue(section, page, queryWords, phrase) }))
    .sort((a, b) => b.value - a.value)
    .map(({ section }) => ({
      location: siteRelative(section.url),
      title: escapeHTML(section.title),
      text: section.excerpt,
      score: 0,
      terms,
      parent: { location },
    }))
  if (!sections.length) return [article]
  // The best section carries the page's score, so Material shows its text; the page heads the group.
  const [best, ...others] = sections
  return [{ ...best, score }, { ...article, text: "" }, ...others.map((section, index) => ({ ...section, score: score / (index + 2) }))]
}

// How well a section answers the query: a heading that holds it, all the words, the words as a
// phrase, how many were found. The part under the question's title (the line under it and its other
// phrasings) and the references come last: they name the concept but do not explain it.
function sectionValue(section, page, queryWords, phrase) {
  const text = `${section.title} ${section.excerpt.replace(/<[^>]+>/g, "")}`
  const marked = new Set(wordsOf((section.excerpt.match(/<mark>[^<]*<\/mark>/g) || []).join(" ")))
  const aside = section.title === page.meta.title || /^(references|further reading)$/i.test(section.title.trim())
  const weight = (section.weighted_locations || []).reduce((sum, location) => sum + location.balanced_score, 0)
  return (
    (aside ? 0 : 16) +
    (holdsPhrase(queryWords, phrase, section.title) ? 8 : 0) +
    (holdsAll(queryWords, text) ? 4 : 0) +
    (phrase && phrase.test(text) ? 2 : 0) +
    Math.min(marked.size, queryWords.length) / queryWords.length +
    Math.min(weight, 1000) / 1001
  )
}

function siteRelative(url) {
  const path = new URL(url, SITE_ROOT).pathname + new URL(url, SITE_ROOT).hash
  return path.startsWith(SITE_ROOT.pathname) ? path.slice(SITE_ROOT.pathname.length) : path.replace(/^\//, "")
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}

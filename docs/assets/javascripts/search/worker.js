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
// Pages shown, and pages whose text is loaded to rank them (Pagefind keeps every page's text in its
// own file).
const SHOWN = 10
const LOADED = 12
// And each subject word's best pages by the engine's own score.
const ENGINE_BEST = 5
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
let last = { query: null, data: null }
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
      modules().catch(error => console.warn("search: the ranking did not load:", error))
      return { type: READY }
    case QUERY:
      try {
        // Material sends the query again when search is reopened: the last answer serves it at once.
        const query = String(message.data || "")
        if (query !== last.query) last = { query, data: await search(query) }
        return { type: RESULT, data: last.data }
      } catch (error) {
        console.warn(`search: no results for "${message.data}":`, error)
        return { type: RESULT, data: { items: [] } }
      }
    default:
      throw new TypeError(`search worker: unknown message type ${message.type}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Search: the pages holding the most of the query, weighted
// ---------------------------------------------------------------------------------------------

// The query's words and their weights, the pages found and how they rank: ranking.js and words.js,
// loaded with the engine.
let logic = null

function modules() {
  logic ??= Promise.all([import(new URL("words.js", self.location.href).href), import(new URL("ranking.js", self.location.href).href)]).then(
    ([words, ranking]) => ({ ...words, ...ranking }),
  )
  return logic
}

async function search(query) {
  const [engine, rules] = await Promise.all([pagefind(), modules()])
  const words = rules.wordsOf(query)
  if (!words.length) return { items: [] }
  const terms = rules.searchedWords(query)
  const [single, pageCount] = await Promise.all([searchEachWord(engine, rules, terms), pagesIndexed()])
  const framing = rules.frameWords(query)
  const weights = Object.fromEntries(terms.map(term => [term, rules.weight(term, single[term].results.length, pageCount, framing.has(term))]))
  const pages = await Promise.all((await closest(engine, terms, single, weights, framing)).filter(Boolean).map(result => result.data()))
  const held = pages.map(page => rules.heldWords(terms, page.content || ""))
  const subject = rules.subjectWords(terms, new Set(held.flatMap(words => [...words])), framing)
  const phrase = rules.phrasePattern(terms)
  const ranked = pages
    .map((page, rank) => ({ page, rank, held: held[rank], key: rules.relevance(page, { words, terms, subject, weights, phrase }, held[rank]) }))
    .filter(entry => entry.held.size > 0)
    .sort((a, b) => rules.compareKeys(b.key, a.key) || a.rank - b.rank)
    .slice(0, SHOWN)
  return { items: ranked.map((entry, position) => group(entry, rules, terms, phrase, ranked.length - position)) }
}

// Each searched word on its own, to weigh it and to find the pages that hold some of the words, and
// its pages that hold the word itself (`holders`, from the engine's exact search, `"aging"`): the
// engine matches a word's stem as a prefix, so "aging" finds "agent" and "agency". A long word no
// page starts with is looked for by its first letters ("hyperparamter"), in case of a typo.
async function searchEachWord(engine, rules, terms) {
  const found = await Promise.all(
    terms.map(async term => {
      const [matching, holding] = await Promise.all([engine.search(term), engine.search(`"${term}"`)])
      const prefix = matching.results.length ? null : rules.typoPrefix(term)
      const searched = prefix ? { ...(await engine.search(prefix)), searched: prefix } : { ...matching, searched: term }
      return [term, { ...searched, holders: rules.pagesHoldingWord(searched.results, holding.results) }]
    }),
  )
  return Object.fromEntries(found)
}

// The number of pages in the index, from Pagefind's entry file (fetched once by Pagefind already).
let indexed = null

function pagesIndexed() {
  indexed ??= fetch(new URL("pagefind/pagefind-entry.json", SITE_ROOT))
    .then(response => response.json())
    .then(entry => Object.values(entry.languages || {}).reduce((sum, language) => sum + (language.page_count || 0), 0) || 1)
    .catch(() => 1)
  return indexed
}

// The pages to load: those holding the most of the query's weight, each word's weight scaled by how
// well the engine scores the page for it (a word in a title scores high), so a page holding every word
// comes before one holding most of them only when it is about them too. Each page is loaded through a
// search of the words it holds, so its excerpt marks all of them.
async function closest(engine, terms, single, weights, framing) {
  const pages = new Map()
  for (const term of terms) {
    const { results } = single[term]
    const best = Math.max(...results.map(result => result.score), 1e-9)
    for (const result of results) {
      const page = pages.get(result.id) || { id: result.id, held: [], score: 0 }
      page.held.push(term)
      page.score += weights[term] * (result.score / best)
      pages.set(result.id, page)
    }
  }
  const chosen = [...pages.values()].sort((a, b) => b.score - a.score).slice(0, LOADED)
  // The engine's own best pages holding each word of the subject come too: a page whose title names
  // one word is not pushed out by pages that mention many ("define MLOps to a beginner"), nor by pages
  // that repeat longer words starting with it ("agent" and "agency" for "AI aging").
  for (const term of terms.filter(term => !framing.has(term))) {
    for (const result of single[term].holders.slice(0, ENGINE_BEST)) {
      if (!chosen.some(page => page.id === result.id)) chosen.push(pages.get(result.id))
    }
  }
  const searches = new Map()
  const searchOf = held => {
    const words = held.map(term => single[term].searched).join(" ")
    if (!searches.has(words)) searches.set(words, engine.search(words))
    return searches.get(words)
  }
  return Promise.all(
    chosen.map(async page => {
      const { results } = await searchOf(page.held)
      return results.find(result => result.id === page.id) || single[page.held[0]].results.find(result => result.id === page.id)
    }),
  )
}

// One group of items for Material's dialog: the page, then its best section shown with its text,
// then the other sections (Material folds them under "N more on this page"). The query's words the
// page does not hold are Material's missing terms ("Missing: significance"), so a page that holds
// only some of them says so.
function group(entry, rules, terms, phrase, score) {
  const { page, held } = entry
  const location = siteRelative(page.url)
  const found = Object.fromEntries(terms.map(term => [term, held.has(term)]))
  const article = { location, title: escapeHTML(page.meta.title || location), text: page.excerpt, score, terms: found }
  const sections = page.sub_results
    .filter(section => section.url.includes("#") && siteRelative(section.url) !== location)
    .map(section => ({ section, value: rules.sectionValue(section, page, terms, phrase) }))
    .sort((a, b) => b.value - a.value)
    .map(({ section }) => ({
      location: siteRelative(section.url),
      title: escapeHTML(section.title),
      text: section.excerpt,
      score: 0,
      terms: found,
      parent: { location },
    }))
  if (!sections.length) return [article]
  // The best section carries the page's score, so Material shows its text; the page heads the group.
  const [best, ...others] = sections
  return [{ ...best, score }, { ...article, text: "" }, ...others.map((section, index) => ({ ...section, score: score / (index + 2) }))]
}

function siteRelative(url) {
  const path = new URL(url, SITE_ROOT).pathname + new URL(url, SITE_ROOT).hash
  return path.startsWith(SITE_ROOT.pathname) ? path.slice(SITE_ROOT.pathname.length) : path.replace(/^\//, "")
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}

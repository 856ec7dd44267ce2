// The words of a search query and of a page: which of them carry the query's subject, how a query
// word matches a word of a page, and how much each word weighs. Pure functions, loaded by the search
// worker (worker.js) with the engine, and tested in Node (tests/js/search_words.test.mjs).

// Words that only hold a sentence together: never searched, never counted.
const FUNCTION_WORDS = new Set(
  `a an the is are was were be been being am do does did doing done what whats which who whom whose when
  where why how i you your yours we our us they their them it its this that these those of in on at to for
  from by with and or but if then so as than into about can could would should will shall may might must
  me my there here s ve ll re d t also just still once each every across after before over
  has have had having get gets getting been`.split(/\s+/),
)

// Words that frame a question ("what is the role of", "describe the significance of", "in your
// opinion"): searched and counted, but they weigh little and never make a page the query's subject.
const FRAME_WORDS = new Set(
  `explain explained explaining describe define discuss tell walk through role play plays significance
  significant importance important purpose concept mean means meaning opinion think experience difference
  differences different differ compare versus vs made make makes go goes work works use used using help
  helps key main benefit benefits advantage advantages example examples please give approach handle ensure
  typical typically common best way ways thing things need needs know nowadays today bad good better
  worse wrong right big biggest much many often really actually very keep hundreds thousands dozens
  lots company companies organization organizations team teams business businesses industry industries
  seen see saw faced face sure`.split(/\s+/),
)
const FRAME_WEIGHT = 0.25

export function wordsOf(text) {
  return (String(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter(word => word.length > 1 || /\d/.test(word))
}

// A crude English stem, enough to tell that "poisoning" and "poison", "values" and "value" agree.
export function stem(word) {
  return word.length > 4 ? word.replace(/(ing|ed|es|s|ies|ation|ations)$/, "") : word
}

// A loose agreement, used to rank: one word starts with the other's stem ("poison" in "poisoning").
export function agree(queryWord, word) {
  const a = stem(queryWord)
  const b = stem(word)
  return word.startsWith(a) || (queryWord.startsWith(b) && b.length >= 3)
}

// Whether a page's word is the query's word: the same word in another form ("registry",
// "registries"; "caching", "cache"), or, for a long word, the same word with a typo (at most one
// letter wrong in 6 to 8 letters, two from 9 on; the first letter right). A word that merely starts
// with the query word is another word: "shape", "shapes" and "shaped" are not "shap".
export function matchesWord(queryWord, word) {
  if (word === queryWord) return true
  const base = stem(queryWord)
  if (word.startsWith(base) && endings(base, base !== queryWord).includes(word.slice(base.length))) return true
  if (queryWord.startsWith(word) && word.length >= 3 && endings(word, false).includes(queryWord.slice(word.length))) return true
  if (queryWord.length > 4 && queryWord.endsWith("e") && word.startsWith(queryWord.slice(0, -1)) && SILENT_E_ENDINGS.includes(word.slice(queryWord.length - 1))) return true
  if (/[^aeiou]y$/.test(queryWord) && ["ies", "ied"].includes(word.slice(queryWord.length - 1)) && word.startsWith(queryWord.slice(0, -1))) return true
  const budget = typoBudget(queryWord)
  return queryWord.length >= 6 && word[0] === queryWord[0] && editDistance(queryWord, word, budget) <= budget
}

// The endings another form of `base` may add. "-es" follows a hissing sound ("boxes", "matches"); a
// base ending in one vowel and one consonant ("shap") takes "-ed" and "-ing" only after a lost "e"
// ("shaped" is "shape" + "d"), so those forms are another word's unless the query lost the "e" itself.
function endings(base, stemmed) {
  const forms = ["", "s", "y", "ies", "ly", "ation", "ations"]
  if (stemmed) return [...forms, "e", "es", "ed", "ing", "ings", "er", "ers"]
  if (/(s|x|z|ch|sh|o)$/.test(base)) forms.push("es")
  if (!/[^aeiou][aeiou][^aeiouwxy]$/.test(base)) forms.push("ed", "ing", "ings", "er", "ers")
  return forms
}

// The endings a word that ends in a silent "e" takes in place of it ("mature", "maturity"; "shape", "shaping").
const SILENT_E_ENDINGS = ["ing", "ity", "ities", "ation", "ations"]

function typoBudget(word) {
  return word.length >= 9 ? 2 : 1
}

// Levenshtein distance, stopping early once it exceeds `limit`.
export function editDistance(a, b, limit = Infinity) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    if (Math.min(...current) > limit) return limit + 1
    previous = current
  }
  return previous[b.length]
}

// Words an interviewer uses where the guide says another: searched as the guide's word.
const SYNONYMS = new Map([
  ["obstacle", "challenges"],
  ["obstacles", "challenges"],
  ["hurdle", "challenges"],
  ["hurdles", "challenges"],
  ["difficulty", "challenges"],
  ["difficulties", "challenges"],
])

// The words of a query the engine searches: every word but the ones that only hold the sentence
// together ("what", "is", "the"), each once, in the guide's own words ("obstacles" as
// "challenges"); all of them when nothing else is left ("what is").
export function searchedWords(query) {
  const words = [...new Set(wordsOf(query).map(word => SYNONYMS.get(word) ?? word))]
  const content = words.filter(word => !FUNCTION_WORDS.has(word))
  return content.length ? content : words
}

export function isFrameWord(word) {
  return FRAME_WORDS.has(word)
}

// Frame words that name a thing, and so belong to the subject when a subject word comes right before
// them ("statistical significance", "feature importance").
const FRAME_NOUNS = new Set(
  `significance importance purpose concept role difference differences benefit benefits advantage advantages
  example examples approach way ways thing things`.split(/\s+/),
)

// The words that frame this query: its frame words, less a frame noun right after a word of the
// subject ("statistical significance" is a subject, "the significance of" a frame).
export function frameWords(query) {
  const words = wordsOf(query)
  const subjectBefore = i => i > 0 && !FUNCTION_WORDS.has(words[i - 1]) && !isFrameWord(words[i - 1])
  return new Set(words.filter((word, i) => isFrameWord(word) && !(FRAME_NOUNS.has(word) && subjectBefore(i))))
}

// How much a word tells which page is meant: rare in the guide weighs more (inverse document
// frequency), a word no page holds weighs nothing, a word framing the question weighs a quarter.
export function weight(word, pagesHolding, pageCount, framing = false) {
  if (!pagesHolding) return 0
  const rarity = Math.log(1 + pageCount / pagesHolding)
  return framing ? rarity * FRAME_WEIGHT : rarity
}

// A prefix of a long word that no page holds, to look for the word it was meant to be ("hyperparamter"
// -> "hyperpar"): the first 60% of its letters, at least 5.
export function typoPrefix(word) {
  return word.length >= 7 ? word.slice(0, Math.max(5, Math.ceil(word.length * 0.6))) : null
}

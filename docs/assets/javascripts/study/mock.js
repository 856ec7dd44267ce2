// The mock interview's draw and score: pure functions (tests/js/mock.test.mjs). The draw is random but
// reproducible: the same seed (in the page's address) and choices give the same questions in the same
// order, and the same follow-ups.

/** A 32-bit number from a text (FNV-1a). */
export function hashText(text) {
  let hash = 0x811c9dc5
  for (const char of String(text)) {
    hash ^= char.codePointAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** A generator of numbers in [0, 1) from a seed text (mulberry32): the same seed, the same numbers. */
export function seededRandom(seed) {
  let state = hashText(seed)
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/** A new seed: eight letters and digits. */
export function newSeed(random = Math.random) {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
  return Array.from({ length: 8 }, () => alphabet[Math.floor(random() * alphabet.length)]).join("")
}

/** The questions the choices allow, in guide order: `sections` and `difficulties` are lists (empty: all). */
export function candidates(questions, { sections = [], difficulties = [] } = {}) {
  return questions.filter(
    question => (!sections.length || sections.includes(question.section)) && (!difficulties.length || difficulties.includes(question.difficulty))
  )
}

/** `list` shuffled by the seed's numbers (Fisher-Yates), in place. */
function shuffle(list, random) {
  for (let index = list.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1))
    ;[list[index], list[other]] = [list[other], list[index]]
  }
  return list
}

/** `count` questions drawn from the candidates, in the order they will be asked. */
export function drawQuestions(questions, choices, seed) {
  const pool = shuffle(candidates(questions, choices), seededRandom(`questions:${seed}`))
  return pool.slice(0, Math.max(0, choices.count ?? 5))
}

/** A follow-up drill: `count` follow-ups ({ question, followUp }) of the candidate questions, drawn by
 * the seed; `followUpsOf(id)` gives a question's follow-ups. */
export function drawFollowUpDrill(questions, followUpsOf, choices, seed) {
  const pool = candidates(questions, choices).flatMap(question => (followUpsOf(question.id) ?? []).map(followUp => ({ question, followUp })))
  return shuffle(pool, seededRandom(`drill:${seed}`)).slice(0, Math.max(0, choices.count ?? 5))
}

/** The follow-up the interviewer asks after `questionId`, the same for the same seed; null with none. */
export function drawFollowUp(followUps, seed, questionId) {
  if (!followUps?.length) return null
  return followUps[Math.floor(seededRandom(`follow-up:${seed}:${questionId}`)() * followUps.length)]
}

/** The score of graded answers ({ grade }): knew counts 1, partly a half, missed 0. */
export function score(results) {
  const counts = { knew: 0, partly: 0, missed: 0 }
  for (const result of results) if (result.grade in counts) counts[result.grade] += 1
  return { ...counts, points: counts.knew + counts.partly / 2, total: results.length }
}

/** Seconds as "m:ss". */
export function clock(seconds) {
  const whole = Math.max(0, Math.ceil(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`
}

/** The choices in an address's query (?sections=a,b&difficulty=c&count=5&time=120&seed=x, mode=follow-ups
 * for a follow-up drill), each checked. */
export function choicesFrom(search, sectionIds, difficulties = ["foundational", "intermediate", "advanced"]) {
  const params = new URLSearchParams(search)
  const list = (name, allowed) => (params.get(name) || "").split(",").filter(value => allowed.includes(value))
  const number = (name, fallback, min, max) => {
    const value = Number(params.get(name))
    return Number.isInteger(value) && value >= min && value <= max ? value : fallback
  }
  const seed = (params.get("seed") || "").replace(/[^a-z0-9-]/gi, "").slice(0, 32)
  return {
    sections: list("sections", sectionIds),
    difficulties: list("difficulty", difficulties),
    count: number("count", 5, 1, 50),
    seconds: number("time", 120, 30, 900),
    followUps: params.get("followups") !== "0",
    drill: params.get("mode") === "follow-ups",
    seed,
  }
}

/** The query that gives back `choices` (choicesFrom's inverse). */
export function queryOf(choices) {
  const params = new URLSearchParams()
  if (choices.sections.length) params.set("sections", choices.sections.join(","))
  if (choices.difficulties.length) params.set("difficulty", choices.difficulties.join(","))
  params.set("count", String(choices.count))
  params.set("time", String(choices.seconds))
  if (!choices.followUps) params.set("followups", "0")
  if (choices.drill) params.set("mode", "follow-ups")
  params.set("seed", choices.seed)
  return `?${params}`
}

// Which questions "Print what you need" prints, and roughly how many pages they take: pure functions
// (tests/js/print_select.test.mjs).

import { standing } from "./schedule.js"

// "Most asked": asked by at least this many of the public question banks counted (questions.json
// `banks`; about a third of the guide in December 2026).
export const MOST_ASKED_BANKS = 5
// A printed page holds about this many words of an answer, headings, tables and code included (the
// Monitoring section: 4,591 words and two figures on 15 pages in Chromium), a figure about 200 words.
export const WORDS_PER_PAGE = 360
export const WORDS_PER_FIGURE = 200

/**
 * The questions to print, in guide order. `choices`: sections, subtopics, difficulties (lists, empty:
 * all), which ("all", "review": my review list, i.e. graded and due or last graded partly or missed;
 * "due": graded and due now), mostAsked (boolean). A sub-topic choice applies to its own section only.
 * `questions` in guide order, each { id, section, difficulty, banks, subtopic }.
 */
export function selectForPrint(questions, records, choices, today) {
  const chosenSubtopics = new Set(choices.subtopics ?? [])
  const sectionsWithChosenSubtopics = new Set([...chosenSubtopics].map(key => key.split("/")[0]))
  return questions.filter(question => {
    if (choices.sections?.length && !choices.sections.includes(question.section)) return false
    if (sectionsWithChosenSubtopics.has(question.section) && !chosenSubtopics.has(`${question.section}/${question.subtopic}`)) return false
    if (choices.difficulties?.length && !choices.difficulties.includes(question.difficulty)) return false
    if (choices.mostAsked && (question.banks ?? 0) < MOST_ASKED_BANKS) return false
    const state = standing(records[question.id], today)
    if (choices.which === "review") return state === "due" || state === "learning"
    if (choices.which === "due") return state === "due"
    return true
  })
}

/** About how many pages the questions take, each starting on a new page: { words, figures } each. */
export function estimatePages(sizes) {
  return sizes.reduce((pages, { words = 0, figures = 0 }) => pages + Math.max(1, Math.ceil((words + figures * WORDS_PER_FIGURE) / WORDS_PER_PAGE)), 0)
}

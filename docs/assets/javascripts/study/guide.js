// The guide's questions in order, from assets/study/questions.json, which the build writes
// (overrides/hooks/study_data.py). URLs in it are relative to the site's root.

import { dayOf, nextToStudy } from "./schedule.js"

const SITE_ROOT = new URL("../../../", import.meta.url)
let loading = null

export function loadGuide() {
  loading ??= fetch(new URL("assets/study/questions.json", SITE_ROOT))
    .then(response => {
      if (!response.ok) throw new Error(`study tools: assets/study/questions.json answered HTTP ${response.status}`)
      return response.json()
    })
    .then(data => new Guide(data))
    .catch(error => {
      loading = null
      throw error
    })
  return loading
}

/**
 * A question's place in the guide, from its answer block (overrides/hooks/study_data.py): its
 * number, the guide's size, the next question (or the progress page after the last). A question
 * page shows them without loading questions.json.
 */
export function placeOf(block) {
  const { number, total, nextUrl, nextTitle, progressUrl } = block.dataset
  if (!number || !total) return null
  return {
    number: Number(number),
    total: Number(total),
    next: nextUrl ? { href: absolute(nextUrl).href, title: nextTitle ?? "" } : null,
    progressHref: absolute(progressUrl)?.href ?? null,
  }
}

function absolute(url) {
  return url ? new URL(url, SITE_ROOT) : null
}

function samePage(a, b) {
  const strip = path => path.replace(/index\.html$/, "")
  return a.origin === b.origin && strip(a.pathname) === strip(b.pathname)
}

export class Guide {
  constructor(data) {
    this.sections = data.sections.map(section => ({ ...section, href: absolute(section.url)?.href }))
    this.questions = data.questions.map(question => ({ ...question, href: absolute(question.url).href }))
    this.progressHref = absolute(data.progress)?.href ?? null
    this.banksTotal = data.banks_total ?? null // how many public question banks the syllabus surveyed
  }

  get ids() {
    return this.questions.map(question => question.id)
  }

  byId(id) {
    return this.questions.find(question => question.id === id) ?? null
  }

  /** The question whose page is `location`, if any. */
  questionAt(location) {
    const here = new URL(location.href)
    return this.questions.find(question => samePage(new URL(question.href), here)) ?? null
  }

  /** The section whose index page is `location`, if any. */
  sectionAt(location) {
    const here = new URL(location.href)
    return this.sections.find(section => section.href && samePage(new URL(section.href), here)) ?? null
  }

  inSection(sectionId) {
    return this.questions.filter(question => question.section === sectionId)
  }

  next(question) {
    return this.questions[this.questions.indexOf(question) + 1] ?? null
  }

  previous(question) {
    const index = this.questions.indexOf(question)
    return index > 0 ? this.questions[index - 1] : null
  }

  /** A random question other than `current`, preferring ones not yet seen. */
  random(statuses, current = null, random = Math.random) {
    const others = this.questions.filter(question => question !== current)
    const unseen = others.filter(question => statuses[question.id] === "unseen")
    const pool = unseen.length ? unseen : others
    return pool.length ? pool[Math.floor(random() * pool.length)] : null
  }

  /** What to study next (schedule.js, nextToStudy): the most overdue question, else the most-asked
   * question never graded, else the one due soonest; never `current`. */
  nextToReview(records, current = null, today = dayOf(new Date())) {
    return nextToStudy(this.questions, records, today, current?.id ?? null)
  }
}

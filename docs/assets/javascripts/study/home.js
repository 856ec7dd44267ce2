// The home page's study actions, real links whose targets follow the reader's records: "Continue
// where you left off" (the first question, in guide order, not known), "Next to review" (the one
// rule, schedule.js studyOrder) and "Random question" (one not yet seen). Without JavaScript they
// lead to the progress page and question 1, as the Markdown says.

import { allRecords, allStatuses, today } from "./storage.js"

const LINKS = "a[data-study-continue], a[data-study-action]"

/** The links of `root` this module keeps up to date. */
export function studyLinkElements(root = document) {
  return [...root.querySelectorAll(LINKS)]
}

/** Where each study link leads now: `guide` is guide.js's Guide. */
export function studyTarget(link, guide, random = Math.random) {
  if (link.hasAttribute("data-study-continue")) {
    const statuses = allStatuses(guide.ids)
    return guide.questions.find(candidate => statuses[candidate.id] !== "known")?.href ?? guide.progressHref
  }
  if (link.dataset.studyAction === "next-to-review") return guide.nextToReview(allRecords(), null, today())?.href ?? guide.progressHref
  if (link.dataset.studyAction === "random") return guide.random(allStatuses(guide.ids), null, random)?.href ?? guide.progressHref
  return null
}

/** Point every study link at its target now; returns { refresh } to do it again after a change. */
export function studyLinks(links, guide) {
  const refresh = () => {
    for (const link of links) {
      const target = studyTarget(link, guide)
      if (target) link.setAttribute("href", target)
    }
  }
  refresh()
  return { refresh }
}

// The practice screens' data: assets/study/answers.json (overrides/hooks/practice_data.py), the short
// answer and the follow-ups (with their stable ids) of every question. Links in it are relative to
// the site's root. Fetched only by the practice pages.

const SITE_ROOT = new URL("../../../", import.meta.url)
let loading = null

export function loadAnswers() {
  loading ??= fetch(new URL("assets/study/answers.json", SITE_ROOT))
    .then(response => {
      if (!response.ok) throw new Error(`practice: assets/study/answers.json answered HTTP ${response.status}`)
      return response.json()
    })
    // Each question by id; `subtopics` holds the sections' sub-topics ({ section, id, title }).
    .then(data => Object.assign(new Map(data.questions.map(question => [question.id, question])), { subtopics: data.subtopics ?? [] }))
    .catch(error => {
      loading = null
      throw error
    })
  return loading
}

/** The id a follow-up's marks are stored under: "<question id>#<follow-up id>". */
export function followUpKey(questionId, followUpId) {
  return `${questionId}#${followUpId}`
}

/** The address of a follow-up on its question's page: its question carries the anchor "fu-<follow-up id>"
 * (written in the Markdown), and following the link opens the answer there. */
export function followUpHref(questionHref, followUpId) {
  return `${questionHref}#fu-${followUpId}`
}

/** Build-time HTML of the guide's own answers as elements, its links made to work from any page. */
export function answerFragment(html) {
  const template = document.createElement("template")
  template.innerHTML = html // the guide's own build output, never imported text
  for (const link of template.content.querySelectorAll("[href]")) link.setAttribute("href", new URL(link.getAttribute("href"), SITE_ROOT).href)
  for (const image of template.content.querySelectorAll("[src]")) image.setAttribute("src", new URL(image.getAttribute("src"), SITE_ROOT).href)
  return template.content
}

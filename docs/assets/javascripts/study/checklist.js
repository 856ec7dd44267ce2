// Grading against the key points: the short answer's bold terms as a checklist ("Did you say ...?"),
// and the grade the ticks give. Pure functions (tests/js/checklist.test.mjs).

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " }

function plainText(html) {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name) => {
      if (ENTITIES[name.toLowerCase()] !== undefined) return ENTITIES[name.toLowerCase()]
      if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16))
      if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)))
      return entity
    })
    .replace(/\s+/g, " ")
    .trim()
}

/** The key points of an answer's HTML: its bold terms (<strong>, <b>) as plain text, in order, each once. */
export function keyPoints(html) {
  const points = []
  const seen = new Set()
  for (const match of String(html).matchAll(/<(strong|b)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    const text = plainText(match[2]).replace(/[.,;:]$/, "")
    const key = text.toLowerCase()
    if (text && !seen.has(key)) {
      seen.add(key)
      points.push(text)
    }
  }
  return points
}

/** The grade the ticks give: all ticked "knew", some "partly", none "missed"; null without key points. */
export function gradeFromTicks(ticked, total) {
  if (!total) return null
  if (ticked >= total) return "knew"
  return ticked > 0 ? "partly" : "missed"
}

/** The question the checklist asks: "Did you say: offline store, online store, materialization?" */
export function checklistPrompt(points) {
  return `Did you say: ${points.join(", ")}?`
}

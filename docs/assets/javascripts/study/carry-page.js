// The progress page's "Carry your progress" part: download the records as a file, and import one
// made in another browser (carry.js checks and merges it). Loaded only on the page that has
// [data-study-carry] (page-modules.js). Every message is set as text, never as HTML.

import { MAX_FILE_BYTES, exportFileName, exportProgress, importReport, mergeProgress, readProgressFile } from "./carry.js"
import { loadGuide } from "./guide.js"
import { followUpKey, loadAnswers } from "./practice-data.js"
import { allRecords, replaceRecords, today } from "./storage.js"
import { button, el } from "./ui.js"

/** The ids an import may hold: every question, and every follow-up ("<question id>#<follow-up id>"). */
function knownIds(guide, answers) {
  const followUps = [...answers.values()].flatMap(question => (question.follow_ups ?? []).map(item => followUpKey(question.id, item.id)))
  return [...guide.ids, ...followUps]
}

export function setUpCarry(container) {
  const status = el("p", { className: "study-carry__status", role: "status" })
  const download = button("Download your progress", { className: "study-button study-carry__export" })
  const input = el("input", { type: "file", id: "study-carry-file", accept: ".json,application/json", className: "study-carry__file" })
  download.addEventListener("click", () => {
    const data = exportProgress(allRecords(), new Date().toISOString())
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }))
    const link = el("a", { href: url, download: exportFileName(today()), hidden: true })
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    const count = Object.keys(data.records).length
    status.textContent = `Downloaded the marks of ${count} question${count === 1 ? "" : "s"}. Import the file on the other browser, on this page.`
  })
  input.addEventListener("change", async () => {
    const file = input.files?.[0]
    input.value = ""
    if (file) status.textContent = await importFile(file)
  })
  container.replaceChildren(
    el("div", { className: "study-carry__actions" }, download),
    el(
      "div",
      { className: "study-carry__actions" },
      el("label", { for: "study-carry-file", className: "study-carry__label" }, "Import progress from a file"),
      input
    ),
    status
  )
}

async function importFile(file) {
  let guide
  let answers
  try {
    ;[guide, answers] = await Promise.all([loadGuide(), loadAnswers()])
  } catch {
    return "The list of questions could not be loaded, so nothing was imported. Try again."
  }
  // Read no more than a valid file can be: a huge file is refused by its size alone.
  const text = file.size > 0 && file.size <= MAX_FILE_BYTES ? await file.text() : ""
  const read = readProgressFile(text, file.size, knownIds(guide, answers))
  if (!read.ok) return read.message
  const merged = mergeProgress(allRecords(), read.records)
  if (merged.added || merged.updated) replaceRecords(merged.records)
  return importReport(merged, read.unknown)
}

// Keyboard shortcuts, through Material's keyboard$ (which stays quiet while the reader types in
// the search box or any other field), and the dialog that lists them.
//
// Material already uses f, s and / (search), p and , (previous page), n and . (next page).

import { el } from "./ui.js"

export const SHORTCUTS = [
  { key: "r", action: "reveal", help: "Reveal or hide the answers on this page" },
  { key: "j", action: "next", help: "Next question (of the list you came from, if any)" },
  { key: "k", action: "previous", help: "Previous question" },
  { key: "1", action: "markKnown", help: "Mark this question “I knew it”" },
  { key: "2", action: "markPartly", help: "Mark this question “Partly”" },
  { key: "3", action: "markReview", help: "Mark this question “Review again”" },
  { key: "?", action: "help", help: "Show these shortcuts" },
]

const MATERIAL_SHORTCUTS = [
  { keys: ["s", "/"], help: "Search" },
  { keys: ["n"], help: "Next page" },
  { keys: ["p"], help: "Previous page" },
]

let dialog = null

function keys(list) {
  return list.flatMap((key, index) => (index ? [" or ", el("kbd", {}, key)] : [el("kbd", {}, key)]))
}

function helpDialog() {
  if (dialog?.isConnected) return dialog
  const rows = [
    ...SHORTCUTS.map(shortcut => [[shortcut.key], shortcut.help]),
    ...MATERIAL_SHORTCUTS.map(shortcut => [shortcut.keys, shortcut.help]),
  ]
  const close = el("button", { type: "button", className: "study-button", autofocus: true }, "Close")
  dialog = el(
    "dialog",
    { className: "study-help md-typeset", "aria-labelledby": "study-help-title" },
    el("h2", { id: "study-help-title" }, "Keyboard shortcuts"),
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Key"), el("th", { scope: "col" }, "Action"))),
      el(
        "tbody",
        {},
        rows.map(([list, help]) => el("tr", {}, el("td", {}, keys(list)), el("td", {}, help)))
      )
    ),
    el("p", {}, "Shortcuts do nothing while you type in the search box or another field."),
    close
  )
  close.addEventListener("click", () => dialog.close())
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", event => {
    if (event.target === dialog) dialog.close()
  })
  document.body.append(dialog)
  return dialog
}

export function openHelp() {
  const element = helpDialog()
  if (!element.open) element.showModal()
}

export function closeHelp() {
  if (dialog?.open) dialog.close()
}

export function helpIsOpen() {
  return Boolean(dialog?.open)
}

/** Route shortcut keys to `handlers[action]()`; a handler returning false lets the key through. */
export function watchShortcuts(keyboard$, handlers) {
  keyboard$.subscribe(key => {
    if (key.mode !== "global") return
    if (helpIsOpen()) return
    const shortcut = SHORTCUTS.find(candidate => candidate.key === key.type)
    if (!shortcut) return
    const handler = handlers[shortcut.action]
    if (handler && handler() !== false) key.claim()
  })
}

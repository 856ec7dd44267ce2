// Figures on a small screen. A figure fits the column, and its link says it enlarges (study.css).
// The lightbox (glightbox) does not zoom on screens up to 768 px wide, where a figure's labels stay
// about 6 px tall; there a tap opens this viewer instead: the figure in a dialog, with "Zoom in" and
// "Zoom out" buttons up to 3 times the screen's width (labels then 16 px and more), panned by
// scrolling. Wider screens keep the lightbox, which shows a figure at its full size.

import { el } from "./ui.js"

// glightbox's own limit: it zooms only on windows wider than this.
export const LIGHTBOX_ZOOMS_ABOVE = 768
export const ZOOMS = [1, 1.5, 2, 3]

let dialog = null
let watching = false

/** The zoom after `current` one step `by` (+1 in, -1 out), within ZOOMS. */
export function stepZoom(current, by) {
  const index = Math.max(0, ZOOMS.indexOf(current))
  return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, index + by))]
}

function viewer() {
  if (dialog?.isConnected) return dialog
  const image = el("img", { className: "figure-view__image", alt: "" })
  const frame = el("div", { className: "figure-view__frame", tabindex: "0", role: "region", "aria-label": "Figure, scrolls when zoomed" }, image)
  const zoomOut = el("button", { type: "button", className: "study-button figure-view__out" }, "Zoom out")
  const zoomIn = el("button", { type: "button", className: "study-button figure-view__in" }, "Zoom in")
  const level = el("span", { className: "figure-view__level", role: "status" })
  const close = el("button", { type: "button", className: "study-button figure-view__close" }, "Close")
  dialog = el(
    "dialog",
    { className: "figure-view", "aria-label": "Figure" },
    el("div", { className: "figure-view__bar" }, zoomOut, zoomIn, level, close),
    frame
  )
  let zoom = 1
  const show = next => {
    // Keep the point at the middle of the frame in the middle.
    const middle = [(frame.scrollLeft + frame.clientWidth / 2) / (frame.scrollWidth || 1), (frame.scrollTop + frame.clientHeight / 2) / (frame.scrollHeight || 1)]
    zoom = next
    image.style.width = `${Math.round(zoom * frame.clientWidth)}px`
    frame.scrollLeft = middle[0] * frame.scrollWidth - frame.clientWidth / 2
    frame.scrollTop = middle[1] * frame.scrollHeight - frame.clientHeight / 2
    level.textContent = `${Math.round(zoom * 100)}%`
    zoomIn.disabled = zoom === ZOOMS[ZOOMS.length - 1]
    zoomOut.disabled = zoom === ZOOMS[0]
  }
  zoomIn.addEventListener("click", () => show(stepZoom(zoom, 1)))
  zoomOut.addEventListener("click", () => show(stepZoom(zoom, -1)))
  close.addEventListener("click", () => dialog.close())
  dialog.addEventListener("click", event => {
    if (event.target === dialog) dialog.close()
  })
  dialog.openFigure = (src, alt) => {
    image.src = src
    image.alt = alt
    dialog.setAttribute("aria-label", "Figure, enlarged")
    if (!dialog.open) dialog.showModal()
    show(1)
    frame.scrollTo(0, 0)
  }
  document.body.append(dialog)
  return dialog
}

/** On a small screen, a tap on a figure's link opens the viewer (before the lightbox sees it).
 * Set once: the listener serves every page instant navigation brings. */
export function watchFigures() {
  if (watching) return
  watching = true
  document.addEventListener(
    "click",
    event => {
      const link = event.target instanceof Element ? event.target.closest("article a.glightbox") : null
      if (!link || window.innerWidth > LIGHTBOX_ZOOMS_ABOVE) return
      const image = link.querySelector("img")
      if (!image) return
      event.preventDefault()
      event.stopPropagation()
      viewer().openFigure(link.href, image.alt)
    },
    true
  )
}

/** Close the viewer (a new page loads). */
export function closeFigure() {
  if (dialog?.open) dialog.close()
}

// The figures' lightbox: GLightbox, from the glightbox plugin. No page loads its script and styles
// up front (overrides/hooks/lightbox.py keeps the plugin's settings in the page instead): they load
// when a figure comes into view (its answer revealed) or, at the latest, when the reader clicks
// one. From then on GLightbox handles the figures of every page instant navigation brings, as the
// plugin's own start did. Without JavaScript, or if the download fails, a figure is a link to its image.

const ASSETS = new URL("../../", import.meta.url)
const FIGURE = "a.glightbox"
const SETTINGS = "#glightbox-options"

let lightbox = null
let loading = null
let clicksWatched = false
const inView = "IntersectionObserver" in window ? new IntersectionObserver(startWhenSeen, { rootMargin: "200px" }) : null

function settings() {
  const holder = document.querySelector(SETTINGS)
  return holder ? JSON.parse(holder.textContent) : {}
}

/**
 * Add a <link> or <script> to the end of the body; resolves when it has loaded. Not to the head:
 * instant navigation makes the head the new page's, and would drop the lightbox's styles.
 */
function attach(tag, attributes) {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement(tag), attributes)
    element.addEventListener("load", resolve, { once: true })
    element.addEventListener("error", () => reject(new Error(`lightbox: ${attributes.href ?? attributes.src} did not load`)), { once: true })
    document.body.append(element)
  })
}

function load() {
  loading ??= Promise.all([
    attach("link", { rel: "stylesheet", href: new URL("stylesheets/glightbox.min.css", ASSETS).href }),
    attach("script", { src: new URL("javascripts/glightbox.min.js", ASSETS).href }),
  ])
    .then(() => {
      lightbox ??= window.GLightbox(settings())
      window.document$.subscribe(() => lightbox.reload()) // the figures of each new page
      return lightbox
    })
    .catch(error => {
      loading = null
      throw error
    })
  return loading
}

function startWhenSeen(entries) {
  if (!entries.some(entry => entry.isIntersecting)) return
  inView.disconnect()
  load().catch(error => console.error(error))
}

/** A click on a figure before GLightbox has loaded: load it, then open that figure. */
function openOnClick(event) {
  const figure = lightbox ? null : event.target.closest?.(FIGURE)
  if (!figure || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  load()
    .then(box => box.open(figure))
    .catch(error => {
      console.warn(error)
      location.href = figure.href
    })
}

/** Set up the current page's figures (called on each page that has one). */
export function watchFigures() {
  if (lightbox) return // GLightbox takes each new page's figures itself
  if (!clicksWatched) {
    document.addEventListener("click", openOnClick)
    clicksWatched = true
  }
  for (const figure of document.querySelectorAll(FIGURE)) inView?.observe(figure)
}

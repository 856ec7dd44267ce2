// Short messages shown at the bottom of the screen and read out by screen readers.

const VISIBLE_MS = 4000
let region = null
let timer = 0

function ensureRegion() {
  if (region?.isConnected) return region
  region = document.createElement("div")
  region.className = "study-toast"
  region.setAttribute("role", "status")
  region.setAttribute("aria-live", "polite")
  document.body.append(region)
  return region
}

export function announce(message) {
  const element = ensureRegion()
  element.textContent = message
  element.classList.add("study-toast--visible")
  window.clearTimeout(timer)
  timer = window.setTimeout(() => element.classList.remove("study-toast--visible"), VISIBLE_MS)
}

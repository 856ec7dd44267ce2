// Modules that only some pages use load with the first page that needs them, not with every page:
// a question page fetches neither the section filter's nor the progress page's code. A module loads
// once; the pages instant navigation brings later reuse it.

/**
 * When the current page has `selector`, load the module (`load`, a dynamic import) and hand it to
 * `use`, unless instant navigation has replaced that page meanwhile. Pages without it fetch nothing.
 */
export function whenPageHas(selector, load, use) {
  const element = document.querySelector(selector)
  if (!element) return
  load()
    .then(module => element.isConnected && use(module))
    .catch(error => console.error(`Study tools: the code for ${selector} could not start:`, error))
}

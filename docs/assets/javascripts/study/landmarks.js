// Material's script adds <nav> elements that are not the site's navigation and have no name: the
// bar holding a code block's copy button, and the tags of each search result. Several unnamed
// navigation landmarks on one page are ones a screen reader cannot tell apart (axe:
// landmark-unique). Code bars get a name of their own; the results' tags, plain text that repeats
// the page's tags, are left out of the accessibility tree.

const CODE_BAR = "nav.md-code__nav"
const RESULT_TAGS = ".md-search-result nav.md-tags"

function fix(root) {
  if (!(root instanceof Element || root instanceof Document)) return
  const found = selector => [...(root instanceof Element && root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)]
  for (const nav of found(RESULT_TAGS)) nav.setAttribute("aria-hidden", "true")
  if (found(CODE_BAR).length) {
    document.querySelectorAll(CODE_BAR).forEach((nav, index) => nav.setAttribute("aria-label", `Code block ${index + 1}`))
  }
}

export function watchLandmarks() {
  fix(document)
  new MutationObserver(records => {
    for (const record of records) for (const node of record.addedNodes) fix(node)
  }).observe(document.body, { childList: true, subtree: true })
}

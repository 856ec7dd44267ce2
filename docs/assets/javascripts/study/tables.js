// A wide table scrolls sideways inside Material's wrapper, a long line of code inside its block.
// A keyboard user can only scroll a region that takes focus (axe: scrollable-region-focusable), so
// a table wrapper that overflows gets a tab stop and a name; one that fits gets neither (Material
// gives code blocks their tab stop itself). Each one that overflows is marked (data-scrolls), and
// study.css draws the cue: shadows at the edge that has more to see.

const WRAPPER = ".md-typeset__scrollwrap"
const CODE = ".md-typeset pre > code"

export function makeScrollableTablesFocusable() {
  for (const wrapper of document.querySelectorAll(WRAPPER)) {
    const scrolls = wrapper.scrollWidth > wrapper.clientWidth
    wrapper.toggleAttribute("tabindex", scrolls)
    wrapper.toggleAttribute("data-scrolls", scrolls) // the visible cue (study.css)
    if (scrolls) {
      wrapper.setAttribute("tabindex", "0")
      wrapper.setAttribute("role", "region")
      wrapper.setAttribute("aria-label", "Table, scrolls sideways")
    } else {
      wrapper.removeAttribute("role")
      wrapper.removeAttribute("aria-label")
    }
  }
  for (const code of document.querySelectorAll(CODE)) code.toggleAttribute("data-scrolls", code.scrollWidth > code.clientWidth)
}

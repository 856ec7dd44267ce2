// A wide table scrolls sideways inside Material's wrapper. A keyboard user can only scroll a
// region that takes focus (axe: scrollable-region-focusable), so a wrapper that overflows gets a
// tab stop and a name; one that fits gets neither.

const WRAPPER = ".md-typeset__scrollwrap"

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
}

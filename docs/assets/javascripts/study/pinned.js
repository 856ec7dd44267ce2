// The grading bar while a question's answer is open: pinned to the bottom of the screen (study.css),
// it never covers the answer's text the reader is on. It shows in full while the short answer is
// read (as long as no line of it is under the bar), at its place after the answer, and whenever the
// reader uses it (pointer, keyboard focus, a grade just given); while the reader reads on past the
// short answer, and while the short answer's last lines are under it, it is a thin strip.
// barLook is pure, tested in Node (tests/js/pinned.test.mjs).

let watching = null // the page's AbortController: one bar at a time, across instant navigation

/** "full" or "strip", from where things are on the screen:
 * stuck: the bar is pinned (its place after the answer is below the screen);
 * inUse: the reader points at it (mouse), has keyboard focus in it, or has just tapped or graded;
 * coversShortAnswer: a line of the short answer is under the full bar;
 * pastShortAnswer: the short answer has gone up off the screen (the reader reads on). */
export function barLook({ stuck, inUse, coversShortAnswer, pastShortAnswer }) {
  if (!stuck || inUse) return "full"
  return coversShortAnswer || pastShortAnswer ? "strip" : "full"
}

/** The parts of the short answer: the elements after its heading, up to the next part. */
function shortAnswerParts(answer) {
  const parts = []
  let node = answer.querySelector(":scope > h2#short-answer")?.nextElementSibling
  while (node && !node.matches("h2, .question-alt")) {
    parts.push(node)
    node = node.nextElementSibling
  }
  return parts
}

function headerBottom() {
  return document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0
}

/** Keep `panel` (the self-test under `answer`) full or a strip as the reader scrolls. */
export function watchPinnedBar(panel, answer) {
  watching?.abort()
  watching = new AbortController()
  const { signal } = watching
  const parts = shortAnswerParts(answer)
  let inUse = { pointer: false, focus: false, used: false }
  let usedAt = null // the scroll position when the reader last tapped or graded in the bar
  let frame = 0

  const measure = () => {
    frame = 0
    if (!panel.isConnected) return watching?.abort()
    const height = panel.offsetHeight
    const bandTop = window.innerHeight - height
    const margin = parseFloat(getComputedStyle(panel).marginTop) || 0
    const stuck = answer.open && answer.getBoundingClientRect().bottom + margin + height > window.innerHeight + 1
    const rects = parts.map(part => part.getBoundingClientRect())
    const coversShortAnswer = rects.some(rect => rect.bottom > bandTop + 1 && rect.top < window.innerHeight)
    const pastShortAnswer = rects.length > 0 && rects[rects.length - 1].bottom <= headerBottom()
    if (usedAt !== null && Math.abs(window.scrollY - usedAt) > 40) {
      inUse = { ...inUse, used: false }
      usedAt = null
    }
    const look = barLook({ stuck, inUse: inUse.pointer || inUse.focus || inUse.used, coversShortAnswer, pastShortAnswer })
    panel.classList.toggle("study-judge--strip", look === "strip")
  }
  const update = () => {
    frame ||= requestAnimationFrame(measure)
  }
  const set = (key, value) => {
    inUse = { ...inUse, [key]: value }
    update()
  }
  // Used until the reader scrolls on: a tap or a grade keeps the bar full, with "Next" in it.
  const used = () => {
    usedAt = window.scrollY
    set("used", true)
  }
  const mouse = value => event => {
    if (event.pointerType === "mouse") set("pointer", value)
  }

  window.addEventListener("scroll", update, { passive: true, signal })
  window.addEventListener("resize", update, { signal })
  answer.addEventListener("toggle", update, { signal })
  panel.addEventListener("pointerenter", mouse(true), { signal })
  panel.addEventListener("pointerleave", mouse(false), { signal })
  panel.addEventListener("pointerdown", used, { signal })
  // Keyboard focus only: a tapped button keeps the focus, and must not keep the bar full.
  panel.addEventListener("focusin", event => set("focus", event.target.matches(":focus-visible")), { signal })
  panel.addEventListener("focusout", event => set("focus", panel.contains(event.relatedTarget)), { signal })
  update()
  /** The reader just graded (by key too): the bar stays full, with "Next", until they scroll on. */
  return { graded: used }
}

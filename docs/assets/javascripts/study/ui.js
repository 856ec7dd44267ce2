// Small DOM helpers shared by the study tools.

/** An element with attributes and children: el("button", { type: "button" }, "Label"). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue
    if (name === "className") element.className = value
    else if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value)
    else element.setAttribute(name, value === true ? "" : String(value))
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined && child !== false))
  return element
}

export function button(label, attributes = {}) {
  return el("button", { type: "button", className: "study-button", ...attributes }, label)
}

/** "1 question", "3 questions". */
export function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`
}

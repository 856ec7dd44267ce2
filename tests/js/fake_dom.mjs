// A small stand-in for the browser's DOM, enough for the study tools that build elements
// (ui.js, selftest.js, progress-page.js): elements with attributes, classes, dataset, children,
// text, click listeners, and the simple selectors those modules use (`li`, `.class`,
// `tag.class`, `[attr]`, `[attr=value]`, descendants `a b`, `:scope > ...`, and lists of them separated by commas). No dependency: `node --test tests/js/` runs it as is.

const TEXT = Symbol("text")

function camel(name) {
  return name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase())
}

function textNode(value) {
  return { [TEXT]: true, textContent: String(value), parent: null }
}

/** One compound selector: tag, classes and attribute tests, e.g. `a.study-judge__next[rel]`. */
function compile(selector) {
  const match = selector.trim().match(/^([a-zA-Z][\w-]*)?((?:\.[\w-]+)*)((?:\[[^\]]+\])*)$/)
  if (!match) throw new Error(`fake_dom: unsupported selector "${selector}"`)
  const [, tag, classes, attributes] = match
  const classList = classes ? classes.slice(1).split(".") : []
  const tests = [...(attributes ?? "").matchAll(/\[([\w-]+)(?:=['"]?([^'"\]]*)['"]?)?\]/g)].map(([, name, value]) => [name, value])
  return element =>
    !element[TEXT] &&
    (!tag || element.tagName === tag.toUpperCase()) &&
    classList.every(name => element.classList.contains(name)) &&
    tests.every(([name, value]) => element.hasAttribute(name) && (value === undefined || element.getAttribute(name) === value))
}

class ClassList {
  constructor(element) {
    this.element = element
  }
  get names() {
    return (this.element.getAttribute("class") ?? "").split(/\s+/).filter(Boolean)
  }
  contains(name) {
    return this.names.includes(name)
  }
  add(...names) {
    this.element.setAttribute("class", [...new Set([...this.names, ...names])].join(" "))
  }
  remove(...names) {
    this.element.setAttribute("class", this.names.filter(name => !names.includes(name)).join(" "))
  }
}

export class FakeElement {
  constructor(tag, ownerDocument) {
    this.tagName = tag.toUpperCase()
    this.ownerDocument = ownerDocument
    this.attributes = new Map()
    this.children = []
    this.parent = null
    this.dataset = {}
    this.listeners = new Map()
    this.classList = new ClassList(this)
    this.hidden = false
  }

  get className() {
    return this.getAttribute("class") ?? ""
  }
  set className(value) {
    this.setAttribute("class", value)
  }
  get id() {
    return this.getAttribute("id") ?? ""
  }
  get href() {
    return this.getAttribute("href") ?? ""
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value))
    if (name.startsWith("data-")) this.dataset[camel(name.slice(5))] = String(value)
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null
  }
  hasAttribute(name) {
    return this.attributes.has(name)
  }
  removeAttribute(name) {
    this.attributes.delete(name)
  }

  get elements() {
    return this.children.filter(child => !child[TEXT])
  }
  get parentElement() {
    return this.parent
  }
  get isConnected() {
    let node = this
    while (node.parent) node = node.parent
    return node === this.ownerDocument?.body
  }

  get textContent() {
    return this.children.map(child => child.textContent).join("")
  }
  set textContent(value) {
    this.replaceChildren(String(value))
  }

  #adopt(nodes) {
    return nodes.map(node => {
      const child = node instanceof FakeElement || node?.[TEXT] ? node : textNode(node)
      child.parent?.children.splice(child.parent.children.indexOf(child), 1)
      child.parent = this
      return child
    })
  }
  append(...nodes) {
    this.children.push(...this.#adopt(nodes))
  }
  prepend(...nodes) {
    this.children.unshift(...this.#adopt(nodes))
  }
  replaceChildren(...nodes) {
    for (const child of this.children) child.parent = null
    this.children = []
    this.append(...nodes)
  }
  after(...nodes) {
    const parent = this.parent
    const adopted = parent.#adopt(nodes)
    parent.children.splice(parent.children.indexOf(this) + 1, 0, ...adopted)
  }
  remove() {
    if (!this.parent) return
    this.parent.children.splice(this.parent.children.indexOf(this), 1)
    this.parent = null
  }

  matches(selector) {
    return compile(selector)(this)
  }
  closest(selector) {
    const test = compile(selector)
    for (let node = this; node; node = node.parent) if (test(node)) return node
    return null
  }
  *#descendants() {
    for (const child of this.elements) {
      yield child
      yield* child.#descendants()
    }
  }
  querySelectorAll(selector) {
    if (selector.includes(",")) {
      // A selector list: the elements any of them matches, in document order.
      const found = new Set(selector.split(",").flatMap(part => this.querySelectorAll(part)))
      return [...this.#descendants()].filter(element => found.has(element))
    }
    const scoped = selector.trim().match(/^:scope\s*>\s*(.+)$/)
    if (scoped) return this.elements.filter(compile(scoped[1]))
    // Compound selectors separated by spaces (descendants): the last one matches the element,
    // the others, right to left, its ancestors inside this element.
    const parts = selector.trim().split(/\s+/).map(compile)
    const last = parts.pop()
    const inside = element => {
      let index = parts.length - 1
      for (let node = element.parent; node && node !== this && index >= 0; node = node.parent) if (parts[index](node)) index -= 1
      return index < 0
    }
    return [...this.#descendants()].filter(element => last(element) && inside(element))
  }
  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null
  }

  addEventListener(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, [])
    this.listeners.get(type).push(listener)
  }
  dispatchEvent(event) {
    for (const listener of this.listeners.get(event.type) ?? []) listener(event)
  }
  click() {
    this.dispatchEvent({ type: "click", target: this })
  }
}

export class FakeDocument {
  constructor() {
    this.body = new FakeElement("body", this)
  }
  createElement(tag) {
    // As a browser does: a name that is not an element name is refused.
    if (!/^[a-zA-Z][\w-]*$/.test(String(tag))) throw new DOMException(`"${tag}" is not a valid tag name.`, "InvalidCharacterError")
    return new FakeElement(tag, this)
  }
  querySelectorAll(selector) {
    return this.body.querySelectorAll(selector)
  }
  querySelector(selector) {
    return this.body.querySelector(selector)
  }
}

/** A fresh, empty document as the global `document`. */
export function resetDocument() {
  globalThis.document = new FakeDocument()
  return globalThis.document
}

resetDocument()

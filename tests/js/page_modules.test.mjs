// Page-specific study code loads only on the pages that use it (study/page-modules.js): a page
// without the element loads nothing; a page with it hands the loaded module over; a page that
// instant navigation replaced before the module arrived is left alone.

import assert from "node:assert/strict"
import { beforeEach, describe, it } from "node:test"

import { resetDocument } from "./fake_dom.mjs"

const { whenPageHas } = await import("../../docs/assets/javascripts/study/page-modules.js")

beforeEach(() => resetDocument())

/** A stand-in for a dynamic import(): counts its calls, resolves when `arrive` is called. */
function slowImport(module) {
  let arrive
  const arrived = new Promise(resolve => (arrive = () => resolve(module)))
  const load = () => {
    load.calls += 1
    return arrived
  }
  load.calls = 0
  return { load, arrive }
}

const settle = () => new Promise(resolve => setImmediate(resolve))

describe("loading a page's own code (page-modules.js)", () => {
  it("loads nothing on a page without the element", async () => {
    const { load, arrive } = slowImport({})
    const used = []
    whenPageHas("form.question-filter", load, module => used.push(module))
    arrive()
    await settle()
    assert.equal(load.calls, 0)
    assert.deepEqual(used, [])
  })

  it("hands the module over on a page with the element", async () => {
    const form = document.createElement("form")
    form.className = "question-filter"
    document.body.append(form)
    const filter = { setUpFilter() {} }
    const { load, arrive } = slowImport(filter)
    const used = []
    whenPageHas("form.question-filter", load, module => used.push(module))
    assert.equal(load.calls, 1)
    assert.deepEqual(used, [], "used before it arrived")
    arrive()
    await settle()
    assert.deepEqual(used, [filter])
  })

  it("leaves a page alone that instant navigation replaced before the module arrived", async () => {
    const form = document.createElement("form")
    form.className = "question-filter"
    document.body.append(form)
    const { load, arrive } = slowImport({})
    const used = []
    whenPageHas("form.question-filter", load, module => used.push(module))
    form.remove() // the next page's content replaces this one's
    arrive()
    await settle()
    assert.deepEqual(used, [])
  })

  it("reports a module that fails to load, naming what it was for", async () => {
    const form = document.createElement("form")
    form.className = "question-filter"
    document.body.append(form)
    const logged = []
    const original = console.error
    console.error = (...parts) => logged.push(parts.join(" "))
    try {
      whenPageHas("form.question-filter", () => Promise.reject(new Error("HTTP 404")), () => assert.fail("used a module that did not load"))
      await settle()
    } finally {
      console.error = original
    }
    assert.equal(logged.length, 1)
    assert.match(logged[0], /form\.question-filter.*HTTP 404/)
  })
})

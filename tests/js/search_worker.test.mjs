// The search worker (docs/assets/javascripts/search/worker.js) with a stand-in for Pagefind: the
// messages Material sends, the replies it gets, and the searches that reach the engine.

import assert from "node:assert/strict"
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { after, describe, it } from "node:test"
import { pathToFileURL } from "node:url"

const WORKER = new URL("../../docs/assets/javascripts/search/worker.js", import.meta.url)
const [SETUP, READY, QUERY, RESULT] = [0, 1, 2, 3]

// A site folder holding a Pagefind stand-in that loads in `loadMs` and records every search.
const sites = []
after(() => sites.forEach(root => rmSync(root, { recursive: true, force: true })))

function fakeSite(loadMs) {
  const root = mkdtempSync(join(tmpdir(), "search-worker-"))
  sites.push(root)
  mkdirSync(join(root, "pagefind"))
  writeFileSync(join(root, "pagefind", "pagefind.js"), `
    const pause = ms => new Promise(resolve => setTimeout(resolve, ms))
    export async function options() {}
    export async function init() { await pause(${loadMs}) }
    export async function search(query) {
      globalThis.searched.push(query)
      const page = {
        url: "/q/", content: query, excerpt: query, meta: { title: query, kind: "question" },
        sub_results: [{ url: "/q/#answer", title: "Answer", excerpt: query }],
      }
      return { results: [{ data: async () => page }] }
    }
  `)
  return pathToFileURL(join(root, "assets", "javascripts", "search", "worker.js")).href
}

// Runs the worker's script with the globals a worker has; returns a way to post to it and its replies.
function startWorker(loadMs) {
  globalThis.searched = []
  const replies = []
  let listener = null
  const run = new Function("self", "addEventListener", "postMessage", readFileSync(WORKER, "utf-8"))
  run({ location: { href: fakeSite(loadMs) } }, (type, handler) => { listener = handler }, reply => replies.push(reply))
  return { post: message => listener({ data: message }), replies }
}

const settle = ms => new Promise(resolve => setTimeout(resolve, ms))
// The title of the first result page of each reply (a group lists the page, then its sections).
const titles = replies =>
  replies.filter(reply => reply.type === RESULT).map(reply => reply.data.items[0]?.find(item => !item.parent)?.title)

describe("search worker", () => {
  it("answers set-up at once, before Pagefind has loaded", async () => {
    const worker = startWorker(200)
    worker.post({ type: SETUP })
    await settle(20)
    assert.deepEqual(worker.replies.map(reply => reply.type), [READY])
  })

  it("searches only the last of the keys typed while Pagefind loads, and answers it", async () => {
    const worker = startWorker(150)
    worker.post({ type: SETUP })
    for (const query of ["c", "co", "con", "concept"]) worker.post({ type: QUERY, data: query })
    await settle(400)
    assert.deepEqual(globalThis.searched, ["concept"])
    assert.deepEqual(titles(worker.replies), ["concept"])
  })

  it("answers every query that no newer query replaced, in order", async () => {
    const worker = startWorker(0)
    worker.post({ type: SETUP })
    for (const query of ["model", "model registry"]) {
      worker.post({ type: QUERY, data: query })
      await settle(50)
    }
    assert.deepEqual(globalThis.searched, ["model", "model registry"])
    assert.deepEqual(titles(worker.replies), ["model", "model registry"])
  })
})

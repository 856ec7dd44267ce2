// The search worker (docs/assets/javascripts/search/worker.js) with a stand-in for Pagefind over a
// small corpus: the messages Material sends, the replies it gets, and the searches that reach the engine.

import assert from "node:assert/strict"
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { after, describe, it } from "node:test"
import { fileURLToPath, pathToFileURL } from "node:url"

const SEARCH = fileURLToPath(new URL("../../docs/assets/javascripts/search/", import.meta.url))
const [SETUP, READY, QUERY, RESULT] = [0, 1, 2, 3]

// The corpus: like Pagefind, a search returns the pages holding every word of the query, best
// first, where a page's word matches when it starts with the query word's stem ("shap" finds "shape",
// "aging" finds "agent"), and a page scores by how many of its words match; an exact search
// ("\"aging\"") returns the pages that hold the word itself, each scored 1.
const PAGES = [
  { url: "/registry/", title: "What is a model registry?", content: "a model registry stores model versions and aliases" },
  { url: "/research/", title: "How is research ML different from production ML?", content: "research code plays a different role from production models in mlops" },
  { url: "/mlops/", title: "What is MLOps?", content: "mlops runs models in production with a registry" },
  { url: "/shapes/", title: "How do tensor shapes work?", content: "tensor shapes and their values" },
  { url: "/explain/", title: "How do you explain a prediction?", content: "shap values explain a prediction" },
]

// More pages than the worker loads (12, and each word's 5 best) that repeat "ai" and words starting
// with "aging"'s stem ("agent", "agency"), one page that holds "AI aging", and one on Kubernetes.
const CROWDED = [
  ...Array.from({ length: 14 }, (_, i) => ({
    url: `/agent-${i + 1}/`,
    title: `How do you limit the permissions of AI agent ${i + 1}?`,
    content: "an ai agent with ai tools: agents need an agency policy, and ai permissions",
  })),
  { url: "/decay/", title: "What causes model decay?", alt: "What is AI aging?", content: "models lose accuracy over time, which researchers call ai aging" },
  { url: "/kubernetes/", title: "How do you run training jobs on Kubernetes?", content: "kubernetes schedules training jobs" },
]

const sites = []
after(() => sites.forEach(root => rmSync(root, { recursive: true, force: true })))

// A site folder with the worker's modules and a Pagefind stand-in over `pages` that loads in `loadMs`.
function fakeSite(loadMs, pages) {
  const root = mkdtempSync(join(tmpdir(), "search-worker-"))
  sites.push(root)
  const assets = join(root, "assets", "javascripts", "search")
  mkdirSync(assets, { recursive: true })
  for (const file of ["words.js", "ranking.js"]) copyFileSync(join(SEARCH, file), join(assets, file))
  mkdirSync(join(root, "pagefind"))
  writeFileSync(join(root, "pagefind", "pagefind-entry.json"), JSON.stringify({ languages: { en: { page_count: pages.length } } }))
  writeFileSync(join(root, "pagefind", "pagefind.js"), `
    const pause = ms => new Promise(resolve => setTimeout(resolve, ms))
    const PAGES = ${JSON.stringify(pages)}
    const words = text => text.toLowerCase().match(/[a-z0-9]+/g) || []
    const stem = word => word.replace(/(ing|s)$/, "")
    export async function options() {}
    export async function init() { await pause(${loadMs}) }
    export async function search(query) {
      globalThis.searched.push(query)
      const exact = /^".+"$/.test(query)
      const wanted = words(query).map(stem)
      const matches = (word, w) => (exact ? stem(w) === word : w.startsWith(word))
      const results = PAGES.map((page, id) => ({ page, id: String(id), words: words([page.title, page.alt, page.content].join(" ")) }))
        .map(entry => ({ ...entry, counts: wanted.map(word => entry.words.filter(w => matches(word, w)).length) }))
        .filter(({ counts }) => counts.every(count => count > 0))
        .sort((a, b) => (exact ? 0 : b.counts.reduce((x, y) => x + y) - a.counts.reduce((x, y) => x + y)))
        .map(({ page, id, counts }) => ({
          id,
          score: exact ? 1 : counts.reduce((x, y) => x + y),
          data: async () => ({
            url: page.url, content: page.content, excerpt: page.content, meta: { title: page.title, alt_titles: page.alt || "", kind: "question" },
            sub_results: [{ url: page.url + "#answer", title: "Answer", excerpt: page.content }],
          }),
        }))
      return { results }
    }
  `)
  return pathToFileURL(join(assets, "worker.js")).href
}

// Runs the worker's script with the globals a worker has; returns a way to post to it and its replies.
function startWorker(loadMs, pages = PAGES) {
  globalThis.searched = []
  const replies = []
  let listener = null
  const location = { href: fakeSite(loadMs, pages) }
  const fetchFile = async url => ({ json: async () => JSON.parse(readFileSync(fileURLToPath(url), "utf-8")) })
  const run = new Function("self", "addEventListener", "postMessage", "fetch", readFileSync(join(SEARCH, "worker.js"), "utf-8"))
  run({ location }, (type, handler) => { listener = handler }, reply => replies.push(reply), fetchFile)
  return { post: message => listener({ data: message }), replies }
}

const settle = ms => new Promise(resolve => setTimeout(resolve, ms))
const results = replies => replies.filter(reply => reply.type === RESULT)
// The titles of the result pages of a reply, best first (a group lists its best section, then the page).
const titles = reply => reply.data.items.map(group => group.find(item => !item.parent).title)
const missing = reply => reply.data.items.map(group => Object.keys(group[0].terms).filter(term => !group[0].terms[term]))

// The reply to one query, sent to a worker that has been set up and whose engine loads at once.
async function replyTo(query, pages = PAGES) {
  const worker = startWorker(0, pages)
  worker.post({ type: SETUP })
  worker.post({ type: QUERY, data: query })
  await settle(150)
  return results(worker.replies)[0]
}

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
    for (const query of ["m", "mo", "mod", "model"]) worker.post({ type: QUERY, data: query })
    await settle(400)
    assert.deepEqual([...new Set(globalThis.searched.map(query => query.replaceAll('"', "")))], ["model"])
    assert.equal(results(worker.replies).length, 1)
    assert.equal(titles(results(worker.replies)[0])[0], "What is a model registry?")
  })

  it("answers every query that no newer query replaced, in order", async () => {
    const worker = startWorker(0)
    worker.post({ type: SETUP })
    for (const query of ["mlops", "model registry"]) {
      worker.post({ type: QUERY, data: query })
      await settle(80)
    }
    const [first, second] = results(worker.replies)
    assert.equal(titles(first)[0], "What is MLOps?")
    assert.equal(titles(second)[0], "What is a model registry?")
  })

  it("finds the page a question asks about though no page holds every word, and says which words are missing", async () => {
    const reply = await replyTo("What is a model registry and what role does it play in MLOps?")
    assert.equal(titles(reply)[0], "What is a model registry?")
    assert.deepEqual(missing(reply)[0], ["role", "play", "mlops"])
  })

  it("never answers 'no results' while one searched word is in the guide", async () => {
    assert.deepEqual(titles(await replyTo("describe the significance of tensor work nowadays")), ["How do tensor shapes work?"])
  })

  it("does not count a page whose word only starts with the query's ('shape' for 'shap')", async () => {
    const reply = await replyTo("shap values")
    assert.equal(titles(reply)[0], "How do you explain a prediction?")
    assert.deepEqual(missing(reply), [[], ["shap"]])
  })

  it("loads the page that holds the query's words, though many pages repeat words that only start with them", async () => {
    const reply = await replyTo("AI aging", CROWDED)
    assert.equal(titles(reply)[0], "What causes model decay?")
    assert.deepEqual(missing(reply)[0], [])
  })

  it("still finds a word that no page holds by the pages whose words start with it (a typo)", async () => {
    assert.equal(titles(await replyTo("kubernets", CROWDED))[0], "How do you run training jobs on Kubernetes?")
    assert.equal(titles(await replyTo("agent permisions", CROWDED))[0], "How do you limit the permissions of AI agent 1?")
  })

  it("answers the same query again from its last answer, without searching", async () => {
    const worker = startWorker(0)
    worker.post({ type: SETUP })
    worker.post({ type: QUERY, data: "model registry" })
    await settle(100)
    const searches = globalThis.searched.length
    worker.post({ type: QUERY, data: "model registry" })
    await settle(50)
    assert.equal(globalThis.searched.length, searches)
    const [first, again] = results(worker.replies)
    assert.deepEqual(again.data, first.data)
  })

  it("answers an empty query with no results and no search", async () => {
    const worker = startWorker(0)
    worker.post({ type: SETUP })
    worker.post({ type: QUERY, data: "  ?! " })
    await settle(100)
    assert.deepEqual(results(worker.replies)[0].data.items, [])
    assert.deepEqual(globalThis.searched, [])
  })
})

// A page's first look at the storage, before any mark was ever written (study/storage.js): its own
// file, because the module keeps what it learned about the storage for the rest of the page's life.

import assert from "node:assert/strict"
import { it } from "node:test"

import "./fake_window.mjs"

const { FORMAT_1_KEY, STORAGE_KEY, storageAvailable } = await import("../../docs/assets/javascripts/study/storage.js")

it("says marks can be kept when the storage works, before anything was saved", () => {
  assert.equal(storageAvailable(), true)
})

it("keeps records under one versioned key, and reads the key earlier visits used to carry their marks over", () => {
  // Renaming a key would lose every reader's marks: tests/browser/browser_support.py reads the same keys.
  assert.equal(STORAGE_KEY, "mlops-interview-guide:study:v2")
  assert.equal(FORMAT_1_KEY, "mlops-interview-guide:study:v1")
})

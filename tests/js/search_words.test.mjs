// The words of a search query (docs/assets/javascripts/search/words.js): which are searched, how a
// query word matches a page's word, and how much each weighs.

import assert from "node:assert/strict"
import { describe, it } from "node:test"
import { editDistance, frameWords, isFrameWord, matchesWord, searchedWords, typoPrefix, weight, wordsOf } from "../../docs/assets/javascripts/search/words.js"

describe("searched words", () => {
  it("drop the words that only hold a question together, once each", () => {
    assert.deepEqual(searchedWords("What is a model registry and what role does it play in MLOps?"), ["model", "registry", "role", "play", "mlops"])
    assert.deepEqual(searchedWords("you've seen it"), ["seen"])
  })

  it("search an interviewer's word as the guide's own", () => {
    assert.deepEqual(searchedWords("biggest obstacles when you deploy"), ["biggest", "challenges", "deploy"])
    assert.deepEqual(searchedWords("hurdles and challenges"), ["challenges"])
  })

  it("keep every word when nothing else is left", () => {
    assert.deepEqual(searchedWords("what is it"), ["what", "is", "it"])
  })

  it("split on punctuation and keep numbers", () => {
    assert.deepEqual(wordsOf("CI/CD for LLMs (2026)"), ["ci", "cd", "for", "llms", "2026"])
  })
})

describe("a query word matches a page's word", () => {
  const cases = [
    ["shap", "shap", true],
    ["shap", "shape", false],
    ["shap", "shapes", false],
    ["shap", "shaped", false],
    ["shap", "shapley", false],
    ["values", "value", true],
    ["registry", "registries", true],
    ["registries", "registry", true],
    ["caching", "cache", true],
    ["test", "tested", true],
    ["test", "testing", true],
    ["box", "boxes", true],
    ["gpus", "gpu", true],
    ["mature", "maturity", true],
    ["imputation", "impute", true],
    ["clustering", "clusters", true],
    ["kubernets", "kubernetes", true],
    ["reproducability", "reproducibility", true],
    ["hyperparamter", "hyperparameter", true],
    ["model", "modes", false],
    ["drift", "draft", false],
    ["explain", "explainability", false],
  ]
  for (const [query, word, expected] of cases) {
    it(`${query} ${expected ? "matches" : "does not match"} ${word}`, () => assert.equal(matchesWord(query, word), expected))
  }

  it("allows one wrong letter up to 8 letters and two from 9 on, with the first letter right", () => {
    assert.equal(matchesWord("tracing", "trecing"), true)
    assert.equal(matchesWord("tracing", "trecong"), false)
    assert.equal(matchesWord("pipelinex", "pipelnne"), true)
    assert.equal(matchesWord("kubernetes", "cubernetes"), false)
    assert.equal(matchesWord("tracks", "tracts"), true)
    assert.equal(matchesWord("track", "trick"), false) // 5 letters: no typo allowed
  })
})

describe("edit distance", () => {
  it("counts insertions, deletions and substitutions, and stops past its limit", () => {
    assert.equal(editDistance("kitten", "sitting"), 3)
    assert.equal(editDistance("", "abc"), 3)
    assert.equal(editDistance("same", "same"), 0)
    assert.equal(editDistance("kitten", "sitting", 1), 2)
    assert.equal(editDistance("ab", "abcdef", 2), 3)
  })
})

describe("weight", () => {
  it("is higher for a rarer word, nothing for a word no page holds, a quarter for a question's frame", () => {
    assert.ok(weight("registry", 2, 50) > weight("model", 40, 50))
    assert.equal(weight("beginner", 0, 50), 0)
    assert.equal(isFrameWord("significance"), true)
    assert.equal(isFrameWord("registry"), false)
    assert.ok(Math.abs(weight("significance", 5, 50, true) - Math.log(1 + 50 / 5) / 4) < 1e-12)
    assert.ok(Math.abs(weight("registry", 5, 50) - Math.log(1 + 50 / 5)) < 1e-12)
  })
})

describe("frame words", () => {
  it("frame a question, unless they follow a word of its subject", () => {
    assert.deepEqual([...frameWords("describe the significance of experiment tracking")], ["describe", "significance"])
    assert.deepEqual([...frameWords("statistical significance")], [])
    assert.deepEqual([...frameWords("MLOps roles")], [])
    assert.deepEqual([...frameWords("what role does a feature store play")], ["role", "play"])
    assert.deepEqual([...frameWords("explain model predictions")], ["explain"])
    // "make sure" frames a question as "ensure" does: a title saying "make sure" is not the subject
    assert.deepEqual([...frameWords("how do you make sure a model can be retired")], ["make", "sure"])
  })
})

describe("typo prefix", () => {
  it("is the first 60% of a word of 7 letters or more, at least 5 letters", () => {
    assert.equal(typoPrefix("hyperparamter"), "hyperpar")
    assert.equal(typoPrefix("pipline"), "pipli")
    assert.equal(typoPrefix("pipelin"), "pipel")
    assert.equal(typoPrefix("drift"), null)
    assert.equal(typoPrefix("sixsix"), null)
  })
})

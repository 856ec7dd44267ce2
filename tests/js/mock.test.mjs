// The mock interview's draw (study/mock.js): reproducible from the seed, limited to the choices, every
// question at most once; the follow-up draw; the score; the countdown's clock; the address's choices.

import assert from "node:assert/strict"
import { describe, it } from "node:test"

const { candidates, choicesFrom, clock, drawFollowUp, drawFollowUpDrill, drawQuestions, hashText, newSeed, queryOf, score, seededRandom } = await import(
  "../../docs/assets/javascripts/study/mock.js"
)

const SECTIONS = ["fundamentals", "deployment", "monitoring"]
const QUESTIONS = Array.from({ length: 30 }, (_, index) => ({
  id: `q${index}`,
  section: SECTIONS[index % 3],
  difficulty: ["foundational", "intermediate", "advanced"][Math.floor(index / 3) % 3],
}))
const ids = list => list.map(question => question.id)

describe("the draw", () => {
  it("is the same for the same seed and choices, and differs for another seed", () => {
    const choices = { sections: [], difficulties: [], count: 5 }
    assert.deepEqual(ids(drawQuestions(QUESTIONS, choices, "abc")), ids(drawQuestions(QUESTIONS, choices, "abc")))
    const draws = new Set(["abc", "abe", "x", "seed-2", "zz"].map(seed => ids(drawQuestions(QUESTIONS, choices, seed)).join()))
    assert.equal(draws.size, 5, "five seeds, five different interviews")
  })

  it("takes `count` questions, each once, only from the chosen sections and difficulties", () => {
    for (const seed of ["a", "b", "c", "d"]) {
      const drawn = drawQuestions(QUESTIONS, { sections: ["monitoring"], difficulties: ["advanced", "foundational"], count: 4 }, seed)
      assert.equal(drawn.length, 4)
      assert.equal(new Set(ids(drawn)).size, 4)
      for (const question of drawn) {
        assert.equal(question.section, "monitoring")
        assert.notEqual(question.difficulty, "intermediate")
      }
    }
  })

  it("gives every candidate when fewer than `count` match, and none when none does", () => {
    const pool = candidates(QUESTIONS, { sections: ["deployment"], difficulties: ["advanced"] })
    assert.equal(pool.length, 3)
    assert.deepEqual(ids(drawQuestions(QUESTIONS, { sections: ["deployment"], difficulties: ["advanced"], count: 10 }, "s")).sort(), ids(pool).sort())
    assert.deepEqual(drawQuestions(QUESTIONS, { sections: ["ethics"], difficulties: [], count: 5 }, "s"), [])
  })

  it("spreads over the candidates: each question is drawn first for some seed", () => {
    const firsts = new Set()
    for (let seed = 0; seed < 400; seed += 1) firsts.add(drawQuestions(QUESTIONS, { sections: [], difficulties: [], count: 1 }, String(seed))[0].id)
    assert.equal(firsts.size, QUESTIONS.length)
  })

  it("does not change the guide's list", () => {
    const before = ids(QUESTIONS)
    drawQuestions(QUESTIONS, { sections: [], difficulties: [], count: 30 }, "shuffle")
    assert.deepEqual(ids(QUESTIONS), before)
  })
})

describe("the seeded numbers", () => {
  it("repeat for a seed, stay in [0, 1), and differ between seeds", () => {
    const a = seededRandom("x")
    const b = seededRandom("x")
    const values = Array.from({ length: 100 }, () => a())
    assert.deepEqual(values, Array.from({ length: 100 }, () => b()))
    assert.ok(values.every(value => value >= 0 && value < 1))
    assert.notEqual(seededRandom("y")(), values[0])
    assert.notEqual(hashText("ab"), hashText("ba"))
  })

  it("make new seeds of eight letters and digits", () => {
    const seed = newSeed(seededRandom("n"))
    assert.match(seed, /^[a-z2-9]{8}$/)
    assert.notEqual(seed, newSeed(seededRandom("m")))
  })
})

describe("the follow-up draw", () => {
  const followUps = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }]
  it("is the same for the same seed and question, and varies over seeds", () => {
    assert.equal(drawFollowUp(followUps, "s1", "q1"), drawFollowUp(followUps, "s1", "q1"))
    const drawn = new Set(Array.from({ length: 40 }, (_, seed) => drawFollowUp(followUps, String(seed), "q1").id))
    assert.equal(drawn.size, 4)
  })
  it("gives nothing for a question without follow-ups", () => {
    assert.equal(drawFollowUp([], "s", "q"), null)
    assert.equal(drawFollowUp(undefined, "s", "q"), null)
  })
})

describe("the score", () => {
  it("counts knew as one and partly as a half", () => {
    assert.deepEqual(score([{ grade: "knew" }, { grade: "partly" }, { grade: "missed" }, { grade: "knew" }]), { knew: 2, partly: 1, missed: 1, points: 2.5, total: 4 })
    assert.deepEqual(score([]), { knew: 0, partly: 0, missed: 0, points: 0, total: 0 })
  })
})

describe("the clock", () => {
  it("shows minutes and seconds, rounding up, never below zero", () => {
    assert.equal(clock(120), "2:00")
    assert.equal(clock(89.2), "1:30")
    assert.equal(clock(30), "0:30")
    assert.equal(clock(5), "0:05")
    assert.equal(clock(-3), "0:00")
  })
})

describe("the choices in the address", () => {
  it("default to every section and difficulty, 5 questions, 2 minutes, follow-ups on", () => {
    assert.deepEqual(choicesFrom("", SECTIONS), { sections: [], difficulties: [], count: 5, seconds: 120, followUps: true, drill: false, seed: "" })
  })

  it("read back what queryOf wrote", () => {
    const choices = { sections: ["monitoring", "fundamentals"], difficulties: ["advanced"], count: 7, seconds: 180, followUps: false, drill: true, seed: "k3x9" }
    assert.deepEqual(choicesFrom(queryOf(choices), SECTIONS), choices)
  })

  it("drop what they do not know or allow", () => {
    const read = choicesFrom("?sections=monitoring,<script>&difficulty=hard&count=500&time=5&seed=a<b>c", SECTIONS)
    assert.deepEqual(read, { sections: ["monitoring"], difficulties: [], count: 5, seconds: 120, followUps: true, drill: false, seed: "abc" })
  })
})

describe("the follow-up drill", () => {
  const followUpsOf = id => (id.endsWith("0") ? [] : [{ id: `${id}-x` }, { id: `${id}-y` }])
  const drill = (choices, seed) => drawFollowUpDrill(QUESTIONS, followUpsOf, { sections: [], difficulties: [], count: 5, ...choices }, seed)
  const keys = list => list.map(item => `${item.question.id}#${item.followUp.id}`)

  it("is the same for the same seed, and differs for another", () => {
    assert.deepEqual(keys(drill({}, "d1")), keys(drill({}, "d1")))
    assert.notDeepEqual(keys(drill({}, "d1")), keys(drill({}, "d2")))
  })

  it("draws follow-ups of the chosen questions only, each once", () => {
    for (const seed of ["a", "b", "c"]) {
      const drawn = drill({ sections: ["deployment"], count: 8 }, seed)
      assert.equal(drawn.length, 8)
      assert.equal(new Set(keys(drawn)).size, 8)
      for (const item of drawn) {
        assert.equal(item.question.section, "deployment")
        assert.ok(followUpsOf(item.question.id).some(followUp => followUp.id === item.followUp.id))
      }
    }
  })

  it("draws nothing from questions without follow-ups", () => {
    const none = drawFollowUpDrill([QUESTIONS[0], QUESTIONS[10]], followUpsOf, { sections: [], difficulties: [], count: 5 }, "z")
    assert.deepEqual(none, [])
  })
})

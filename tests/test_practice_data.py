"""The practice screens' data (overrides/hooks/practice_data.py, assets/study/answers.json): every
question's short answer and follow-ups, each follow-up with an id that stays when the follow-ups are
reordered or their answers edited, unique within its page; links made relative to the site's root."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
from follow_ups import derived_id, follow_ups_html, source_follow_ups
from guide_catalog import split_front_matter
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<details class="answer"><h2 id="short-answer">Short answer</h2><p>x</p>
<h2 id="follow-up-questions">Follow-up questions</h2>
<ul>
<li><strong id="fu-data-vs-concept">What is the difference between data drift and concept drift?</strong> One moves the inputs.</li>
<li><strong id="fu-detect-drift">How do you <em>detect</em> drift?</strong> See <a href="../monitoring/model-drift/">drift</a>.</li>
<li><strong id="fu-detect-drift-again">How do you detect drift?</strong> Asked twice.</li>
</ul>
<h2 id="common-mistakes">Common mistakes</h2></details>"""

FOLLOW_UPS_MARKDOWN = """??? answer "Reveal the answer"

    ## Follow-up questions

    - **Can you detect concept drift without labels?**{#fu-detect-concept-drift-without-labels} Generally not.
    - **How is training-serving skew different from drift?**{#fu-skew-vs-drift} Skew is a bug from day one.
    - **How often should you retrain?**{#fu-often-should-retrain} It depends on labels.

    ## Common mistakes
"""


def rendered(markdown_text: str) -> str:
    """The Markdown as the build renders it (mkdocs.yml's extensions)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]).convert(markdown_text)


def test_the_derived_id_comes_from_its_question_words_without_stop_words():
    assert derived_id("What is the difference between data drift and concept drift?") == "difference-between-data-drift-concept-drift"
    assert derived_id("How do you <em>detect</em> drift?") == "detect-drift"
    assert derived_id("Why <code>p99</code> &amp; not the mean?") == "p99-not-mean"
    assert derived_id("What is it?") == "follow-up"


def test_a_follow_ups_id_is_the_one_written_in_its_markdown_and_anchors_its_question():
    html = rendered(FOLLOW_UPS_MARKDOWN)
    assert '<strong id="fu-skew-vs-drift">How is training-serving skew different from drift?</strong> Skew' in html
    assert "{#" not in html, "the id must print nothing"
    items = follow_ups_html(html)
    assert [item.id for item in items] == ["detect-concept-drift-without-labels", "skew-vs-drift", "often-should-retrain"]
    assert [item.anchor for item in items][1] == "fu-skew-vs-drift"
    assert all(item.written for item in items)


def test_a_follow_ups_id_survives_rewording_its_question_reordering_and_editing_answers():
    before = {item.question_html: item.id for item in follow_ups_html(rendered(FOLLOW_UPS_MARKDOWN))}
    lines = FOLLOW_UPS_MARKDOWN.splitlines()
    first, second, third = lines[4:7]
    changed = "\n".join([*lines[:4], third.replace("How often should you retrain?", "When is it time to retrain a drifting model?"),
                         first.replace("Generally not.", "Not reliably: input checks see P(x) only."), second, *lines[7:]])
    after = follow_ups_html(rendered(changed + "\n"))
    assert [item.id for item in after] == ["often-should-retrain", "detect-concept-drift-without-labels", "skew-vs-drift"]
    assert after[0].question_html == "When is it time to retrain a drifting model?"
    assert before["How often should you retrain?"] == after[0].id
    assert after[1].answer_html == "Not reliably: input checks see P(x) only."


def test_a_follow_up_without_a_written_id_gets_the_id_the_script_would_write_numbered_past_those_taken():
    without = re.sub(r' id="fu-[^"]*"', "", PAGE)
    assert [item.id for item in follow_ups_html(without)] == ["difference-between-data-drift-concept-drift", "detect-drift", "detect-drift-2"]
    assert not any(item.written for item in follow_ups_html(without))
    mixed = PAGE.replace(' id="fu-detect-drift"', "").replace(' id="fu-detect-drift-again"', "").replace("fu-data-vs-concept", "fu-detect-drift")
    assert [item.id for item in follow_ups_html(mixed)] == ["detect-drift", "detect-drift-2", "detect-drift-3"]
    assert follow_ups_html(PAGE)[1].answer_html.startswith('See <a href="../monitoring/model-drift/">')


def test_every_question_has_its_short_answer_and_every_follow_up_of_its_page(site_dir: Path, questions, built):
    data = json.loads((site_dir / "assets/study/answers.json").read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in data["questions"]}
    assert list(by_id) == [question.path for question in questions], "answers.json follows the guide order"
    total = 0
    for question in questions:
        entry = by_id[question.path]
        assert "<strong>" in entry["short"], f"{question.path}: its short answer has no key term in bold"
        items = built.page(question.path).css("#follow-up-questions + ul > li > strong:first-child")
        assert len(entry["follow_ups"]) == len(items), f"{question.path}: {len(items)} follow-ups on the page, {len(entry['follow_ups'])} in answers.json"
        ids = [item["id"] for item in entry["follow_ups"]]
        meta, body, body_line = split_front_matter((ROOT / "docs" / question.path).read_text(encoding="utf-8"))
        assert ids == [item.id for item in source_follow_ups(body, body_line)], f"{question.path}: answers.json's ids are not the ones written in the Markdown"
        assert [item.attributes.get("id") for item in items] == [f"fu-{item}" for item in ids], f"{question.path}: a follow-up's question has no anchor"
        assert len(set(ids)) == len(ids), f"{question.path}: follow-up ids repeat: {ids}"
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item) for item in ids), ids
        total += len(ids)
        assert entry["subtopic"] == question.subtopic
        assert entry["words"] > 300
    assert total >= 200
    answers_html = " ".join(item["answer"] for entry in data["questions"] for item in entry["follow_ups"])
    links = re.findall(r'href="([^"#:]+)[^"]*"', answers_html)
    assert links, "no follow-up answer links another page: the check below would check nothing"
    for url in links:
        assert (site_dir / url / "index.html").is_file() or (site_dir / url).is_file(), f"a follow-up links to {url}, which is not in the site"

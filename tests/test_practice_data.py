"""The practice screens' data (overrides/hooks/practice_data.py, assets/study/answers.json): every
question's short answer and follow-ups, each follow-up with an id that stays when the follow-ups are
reordered or their answers edited, unique within its page; links made relative to the site's root."""

from __future__ import annotations

import json
import re
from pathlib import Path

from guide_catalog import follow_up_id, follow_ups_html

PAGE = """<details class="answer"><h2 id="short-answer">Short answer</h2><p>x</p>
<h2 id="follow-up-questions">Follow-up questions</h2>
<ul>
<li><strong>What is the difference between data drift and concept drift?</strong> One moves the inputs.</li>
<li><strong>How do you <em>detect</em> drift?</strong> See <a href="../monitoring/model-drift/">drift</a>.</li>
<li><strong>How do you detect drift?</strong> Asked twice.</li>
</ul>
<h2 id="common-mistakes">Common mistakes</h2></details>"""


def test_a_follow_up_id_comes_from_its_question_words_without_stop_words():
    assert follow_up_id("What is the difference between data drift and concept drift?") == "difference-between-data-drift-concept-drift"
    assert follow_up_id("How do you <em>detect</em> drift?") == "detect-drift"
    assert follow_up_id("Why <code>p99</code> &amp; not the mean?") == "p99-not-mean"
    assert follow_up_id("What is it?") == "follow-up"


def test_follow_up_ids_stay_when_follow_ups_are_reordered_or_answers_edited():
    ids = [item.id for item in follow_ups_html(PAGE)]
    assert ids == ["difference-between-data-drift-concept-drift", "detect-drift", "detect-drift-2"]
    items = re.findall(r"<li>.*?</li>", PAGE)
    reordered = PAGE.replace(items[0], "@@").replace(items[1], items[0]).replace("@@", items[1])
    assert {item.id for item in follow_ups_html(reordered)} == set(ids)
    edited = PAGE.replace("One moves the inputs.", "The inputs move; in concept drift the relation moves.")
    assert [item.id for item in follow_ups_html(edited)] == ids
    assert follow_ups_html(PAGE)[1].answer_html.startswith('See <a href="../monitoring/model-drift/">')


def test_every_question_has_its_short_answer_and_every_follow_up_of_its_page(site_dir: Path, questions, built):
    data = json.loads((site_dir / "assets/study/answers.json").read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in data["questions"]}
    assert list(by_id) == [question.path for question in questions], "answers.json follows the guide order"
    total = 0
    for question in questions:
        entry = by_id[question.path]
        assert "<strong>" in entry["short"], f"{question.path}: its short answer has no key term in bold"
        items = built.page(question.path).css("#follow-up-questions + ul > li")
        assert len(entry["follow_ups"]) == len(items), f"{question.path}: {len(items)} follow-ups on the page, {len(entry['follow_ups'])} in answers.json"
        ids = [item["id"] for item in entry["follow_ups"]]
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

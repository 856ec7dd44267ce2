"""Published addresses stay: a question's URL, its anchors and its flashcard id survive sub-topics.

`tests/data/published_addresses.yml` pins what was published before questions were grouped into
sub-topics. Grouping is not a move: every page is still at its URL, holds the anchors that links
and bookmarks point at, and keeps its card (the Anki note GUID, the CSV's `id`), so a reader's
Anki history and links from outside keep working.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from export_all import CARDS_CSV
from guide_catalog import ANSWER_HEADINGS
from selectolax.lexbor import LexborHTMLParser

PUBLISHED = yaml.safe_load((ROOT / "tests" / "data" / "published_addresses.yml").read_text(encoding="utf-8"))
# The answer block and its parts: what "#answer", "#short-answer"... links land on.
ANCHORS = ["answer", *(heading.lower().replace(" ", "-") for heading in ANSWER_HEADINGS)]


@pytest.fixture(scope="module")
def cards(site_dir: Path) -> dict[str, dict]:
    with (site_dir / "downloads" / CARDS_CSV.filename).open(encoding="utf-8", newline="") as file:
        return {row["url"]: row for row in csv.DictReader(file)}


@pytest.mark.parametrize("entry", PUBLISHED, ids=[entry["page"] for entry in PUBLISHED])
def test_a_published_question_keeps_its_url_anchors_and_flashcard_id(entry, site_dir, cards):
    page = site_dir / entry["url"] / "index.html"
    assert page.is_file(), f"{entry['url']} is no longer published"
    html = LexborHTMLParser(page.read_text(encoding="utf-8"))
    ids = {node.attributes["id"] for node in html.css("article [id]")}
    missing = [anchor for anchor in ANCHORS if anchor not in ids]
    assert not missing, f"{entry['url']} lost its anchors {missing}"
    card = next((row for url, row in cards.items() if url.endswith("/" + entry["url"])), None)
    assert card is not None, f"no flashcard links to {entry['url']}"
    assert card["id"] == entry["flashcard_id"], f"{entry['page']}: its flashcard id changed, so Anki would make a new card"


def test_every_published_page_is_still_a_question_page(questions):
    assert {entry["page"] for entry in PUBLISHED} <= {question.path for question in questions}

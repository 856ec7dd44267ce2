"""Flashcards: an Anki deck and a CSV, one card per question with its short answer.

Ids are derived from fixed names and from each question's page path, never drawn at random:
importing a newer deck into Anki updates the cards already there instead of adding copies.
Renaming a question's file gives it a new card.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import UTC, datetime, time
from pathlib import Path

import genanki
from export_documents import GuideInfo
from export_pages import ExportedQuestion
from guide_catalog import SECTION_TITLES
from markupsafe import escape

ID_NAMESPACE = "mlops-interview-guide"
CSV_COLUMNS = ("id", "number", "section", "question", "short_answer", "url")

CARD_FRONT = """<div class="where">{{Section}} &middot; question {{Number}}</div>
<div class="question">{{Question}}</div>"""
CARD_BACK = """{{FrontSide}}
<hr id="answer">
<div class="short-answer">{{Short answer}}</div>
<p class="more"><a href="{{Link}}">Read the full answer</a></p>"""
CARD_CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45; text-align: left;
  color: #111; background: #fff; padding: 0 0.4em; }
.card.nightMode { color: #eee; background: #222; }
.where { font-size: 0.75em; opacity: 0.7; }
.question { font-size: 1.15em; font-weight: bold; margin: 0.3em 0 0.6em; }
.short-answer p { margin: 0 0 0.6em; }
.more { font-size: 0.85em; }"""


def stable_id(name: str) -> int:
    """A fixed 31-bit id for a name, in the range Anki expects for models and decks."""
    digest = int.from_bytes(hashlib.sha256(f"{ID_NAMESPACE}/{name}".encode()).digest()[:4], "big")
    return (1 << 30) + digest % (1 << 30)


def card_id(item: ExportedQuestion) -> str:
    """The note's GUID in Anki, and the `id` column of the CSV: from the page path only."""
    return genanki.guid_for(ID_NAMESPACE, item.question.path)


def write_deck(questions: list[ExportedQuestion], info: GuideInfo, target: Path) -> None:
    model = genanki.Model(
        stable_id("model/question-and-short-answer"),
        f"{info.title}: question and short answer",
        fields=[{"name": name} for name in ("Question", "Short answer", "Section", "Number", "Link")],
        templates=[{"name": "Question, then short answer", "qfmt": CARD_FRONT, "afmt": CARD_BACK}],
        css=CARD_CSS,
    )
    deck = genanki.Deck(stable_id("deck"), info.title)
    for item in questions:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[str(escape(item.question.title)), item.short_answer_html, SECTION_TITLES[item.question.section], str(item.number), item.url],
                tags=[item.question.section, *item.question.tags],
                guid=card_id(item),
                due=item.number,
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    built = datetime.combine(info.built, time(), tzinfo=UTC).timestamp()
    genanki.Package(deck).write_to_file(target, timestamp=built)


def write_csv(questions: list[ExportedQuestion], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for item in questions:
            writer.writerow([card_id(item), item.number, SECTION_TITLES[item.question.section], item.question.title, item.short_answer_text, item.url])


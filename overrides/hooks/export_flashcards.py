"""Flashcards: an Anki deck and a CSV, one card per question with its short answer, and one per
follow-up with its answer (right after its question's card, naming the question it follows).

Ids are derived from fixed names, from each question's page path and from each follow-up's id as
written in the Markdown (`<page path>#<follow-up id>`), never drawn at random and never from the
words: importing a newer deck into Anki updates the cards already there instead of adding copies,
whatever was reworded or reordered. Renaming a question's file gives it new cards.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import UTC, datetime, time
from pathlib import Path

import genanki
from export_documents import GuideInfo
from export_pages import ExportedFollowUp, ExportedQuestion
from guide_catalog import SECTION_TITLES
from markupsafe import escape

ID_NAMESPACE = "mlops-interview-guide"
# `follow_up_to`: the question a follow-up's row follows, empty on a question's own row; for a follow-up,
# `question` is the follow-up's question and `short_answer` its answer.
CSV_COLUMNS = ("id", "number", "section", "question", "short_answer", "url", "follow_up_to")

CARD_FRONT = """<div class="where">{{Section}} &middot; question {{Number}}</div>
<div class="question">{{Question}}</div>"""
CARD_BACK = """{{FrontSide}}
<hr id="answer">
<div class="short-answer">{{Short answer}}</div>
<p class="more"><a href="{{Link}}">Read the full answer</a></p>"""
FOLLOW_UP_FRONT = """<div class="where">{{Section}} &middot; a follow-up to question {{Number}}</div>
<div class="follows">Follows: {{Follow-up to}}</div>
<div class="question">{{Question}}</div>"""
FOLLOW_UP_BACK = """{{FrontSide}}
<hr id="answer">
<div class="short-answer">{{Answer}}</div>
<p class="more"><a href="{{Link}}">This follow-up on its question's page</a></p>"""
CARD_CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.45; text-align: left;
  color: #111; background: #fff; padding: 0 0.4em; }
.card.nightMode { color: #eee; background: #222; }
.where { font-size: 0.75em; opacity: 0.7; }
.follows { font-size: 0.85em; font-style: italic; margin-top: 0.3em; }
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


def follow_up_card_id(item: ExportedQuestion, follow_up: ExportedFollowUp) -> str:
    """A follow-up note's GUID and CSV id: from the page path and the follow-up's written id only."""
    return genanki.guid_for(ID_NAMESPACE, f"{item.question.path}#{follow_up.id}")


def write_deck(questions: list[ExportedQuestion], info: GuideInfo, target: Path) -> None:
    model = genanki.Model(
        stable_id("model/question-and-short-answer"),
        f"{info.title}: question and short answer",
        fields=[{"name": name} for name in ("Question", "Short answer", "Section", "Number", "Link")],
        templates=[{"name": "Question, then short answer", "qfmt": CARD_FRONT, "afmt": CARD_BACK}],
        css=CARD_CSS,
    )
    follow_up_model = genanki.Model(
        stable_id("model/follow-up-and-its-answer"),
        f"{info.title}: follow-up and its answer",
        fields=[{"name": name} for name in ("Question", "Answer", "Follow-up to", "Section", "Number", "Link")],
        templates=[{"name": "Follow-up, then its answer", "qfmt": FOLLOW_UP_FRONT, "afmt": FOLLOW_UP_BACK}],
        css=CARD_CSS,
    )
    deck = genanki.Deck(stable_id("deck"), info.title)
    for item in questions:
        section, tags = SECTION_TITLES[item.question.section], [item.question.section, *item.question.tags]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[str(escape(item.question.title)), item.short_answer_html, section, str(item.number), item.url],
                tags=tags,
                guid=card_id(item),
                due=item.number,
            )
        )
        for follow_up in item.follow_ups:
            deck.add_note(
                genanki.Note(
                    model=follow_up_model,
                    fields=[follow_up.question_html, follow_up.answer_html, str(escape(item.question.title)), section, str(item.number), follow_up.url],
                    tags=[*tags, "follow-up"],
                    guid=follow_up_card_id(item, follow_up),
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
            section = SECTION_TITLES[item.question.section]
            writer.writerow([card_id(item), item.number, section, item.question.title, item.short_answer_text, item.url, ""])
            for follow_up in item.follow_ups:
                row = [follow_up_card_id(item, follow_up), item.number, section, follow_up.question_text, follow_up.answer_text, follow_up.url]
                writer.writerow([*row, item.question.title])


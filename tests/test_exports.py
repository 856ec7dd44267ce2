"""The downloads for offline study, read the way a reader meets them.

The PDFs are read with Poppler (pdftotext, pdfinfo, pdftohtml, pdffonts, pdftoppm), the deck
with SQLite, the CSV with the csv module, and every expectation comes from the built question
pages: the site built once for the session (tests/conftest.py, with EXPORTS=1).
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import posixpath
import re
import shutil
import sqlite3
import subprocess
import zipfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from xml.etree import ElementTree

import genanki
import pytest
from conftest import ROOT, build_site
from export_all import (
    ALL_DOWNLOADS,
    CARDS_CSV,
    DECK,
    DOWNLOADS,
    GUIDE,
    PRACTICE,
    SHORT_SHEET,
    section_guide,
    section_practice,
    section_short_sheet,
)
from export_documents import PRACTICE_LINES, GuideInfo
from export_flashcards import ID_NAMESPACE, write_deck
from export_pages import ExportError, read_questions
from export_pdf import render_pdf
from guide_catalog import ANSWER_HEADINGS, SECTION_TITLES, SECTIONS
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

MM = 72 / 25.4
# Bands of the page, from the @page margins in overrides/print/print.css (20 mm top, 18 mm bottom,
# 17 mm each side): the running header sits in the top band, the page number in the bottom one.
HEADER_BAND = 19 * MM
FOOTER_BAND = 16.5 * MM
SIDE_MARGIN = 17 * MM
BOTTOM_MARGIN = 18 * MM
MIN_LINES_UNDER_SHORT_ANSWER = 55  # points under the top of "Short answer": its title and three lines (orphans: 3)
LIST_MARKER_LINE = re.compile(r"(?m)^(?:\d{1,3}\.|[•◦▪])$")  # pdftotext -raw puts list markers at the end of a page; a line "2026." is text, not a marker
MIN_GUIDE_PAGE_CHARS = 300  # about four lines: less than that is a near-blank page
MIN_PRACTICE_PAGE_CHARS = 40  # a practice page is mostly room to write, but never only that
SITE_URL = "https://mlops-interview-guide.github.io/"
SHORT_SHEET_FOOTER = re.compile(r"Short sheet, page \d+ of \d+")
DARK = bytes(1 if value < 245 else 0 for value in range(256))  # grayscale pixel -> 1 when not near-white


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: run `make system-deps` (Debian package poppler-utils)")
    return path


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Pdf:
    path: Path

    @cached_property
    def info(self) -> dict[str, str]:
        output = subprocess.run([tool("pdfinfo"), str(self.path)], capture_output=True, text=True, check=True).stdout
        return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}

    @property
    def pages(self) -> int:
        return int(self.info["Pages"])

    @property
    def size(self) -> tuple[float, float]:
        width, _, height = self.info["Page size"].split()[:3]
        return float(width), float(height)

    def _band(self, top: float, height: float) -> list[str]:
        width, _ = self.size
        command = [tool("pdftotext"), "-raw", "-x", "0", "-y", str(int(top)), "-W", str(int(width)), "-H", str(int(height)), str(self.path), "-"]
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        return output.split("\f")[: self.pages]

    @cached_property
    def body(self) -> list[str]:
        """Each page's text between the header and footer bands, list markers left out."""
        _, height = self.size
        return [LIST_MARKER_LINE.sub("", page) for page in self._band(HEADER_BAND, height - HEADER_BAND - FOOTER_BAND)]

    @cached_property
    def text(self) -> str:
        """The whole document's text in reading order (columns one after the other), page footers and list markers left out."""
        output = subprocess.run([tool("pdftotext"), "-raw", str(self.path), "-"], capture_output=True, text=True, check=True).stdout
        return LIST_MARKER_LINE.sub("", SHORT_SHEET_FOOTER.sub(" ", output))

    @cached_property
    def headers(self) -> list[str]:
        return self._band(0, HEADER_BAND)

    @cached_property
    def footers(self) -> list[str]:
        _, height = self.size
        return self._band(height - FOOTER_BAND, FOOTER_BAND)

    @cached_property
    def words(self) -> list[tuple[int, float, float, str]]:
        """(page, left edge, right edge, word) of every word, from pdftotext's bounding boxes."""
        output = subprocess.run([tool("pdftotext"), "-bbox", str(self.path), "-"], capture_output=True, text=True, check=True).stdout
        found = []
        for number, page in enumerate(output.split("<page ")[1:], start=1):
            for match in re.finditer(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', page):
                found.append((number, float(match.group(1)), float(match.group(2)), match.group(3)))
        return found

    @cached_property
    def destinations(self) -> dict[str, tuple[int, float]]:
        """Named destinations (the targets of internal links): page, and height from the bottom of the page."""
        output = subprocess.run([tool("pdfinfo"), "-dests", str(self.path)], capture_output=True, text=True, check=True).stdout
        found = {}
        for line in output.splitlines()[1:]:
            match = re.match(r'\s*(\d+) \[ XYZ\s+[\d.]+\s+([\d.]+) .*"(.+)"$', line)
            if match:
                found[match.group(3)] = (int(match.group(1)), float(match.group(2)))
        return found

    @cached_property
    def xml(self) -> ElementTree.Element:
        output = subprocess.run([tool("pdftohtml"), "-xml", "-i", "-q", "-stdout", str(self.path)], capture_output=True, text=True, check=True).stdout
        return ElementTree.fromstring(output)

    def render(self, first: int, last: int, folder: Path, dpi: int = 40) -> list[Image.Image]:
        prefix = folder / self.path.stem
        subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-gray", "-png", "-f", str(first), "-l", str(last), str(self.path), str(prefix)], check=True)
        return [Image.open(file).convert("L") for file in sorted(folder.glob(f"{self.path.stem}*.png"))]


@pytest.fixture(scope="module")
def downloads(site_dir) -> Path:
    return site_dir / "downloads"


@pytest.fixture(scope="module")
def guide(downloads) -> Pdf:
    return Pdf(downloads / GUIDE.filename)


@pytest.fixture(scope="module")
def practice(downloads) -> Pdf:
    return Pdf(downloads / PRACTICE.filename)


@pytest.fixture(scope="module")
def answers(built, questions) -> dict[str, LexborHTMLParser]:
    """Each question's answer block as the site shows it, without its summary and permalinks."""
    found = {}
    for question in questions:
        block = LexborHTMLParser(built.page(question.path).css_first("article details.answer").html)
        for node in block.css("details.answer > summary, a.headerlink, img"):
            node.decompose()
        found[question.path] = block
    return found


def short_answer_text(built, question, *, with_other_phrasings: bool) -> str:
    """The text of a built answer's "Short answer" part, with or without the line of other phrasings
    ("Also asked as", class question-alt) the build adds."""
    answer = built.page(question.path).css_first("article details.answer")
    parts, inside = [], False
    for child in answer.iter():
        if child.tag == "h2":
            if inside:
                break
            inside = child.attributes.get("id") == "short-answer"
        elif inside and (with_other_phrasings or "question-alt" not in (child.attributes.get("class") or "")):
            parts.append(child.text())
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def short_answers(built, questions) -> dict[str, str]:
    """The text of each answer's "Short answer" part, from the built page."""
    return {question.path: short_answer_text(built, question, with_other_phrasings=True) for question in questions}


@dataclass(frozen=True)
class FollowUpOnPage:
    id: str  # from its question's anchor, "fu-<id>"
    question: str
    answer: str


@pytest.fixture(scope="module")
def follow_ups(built, questions) -> dict[str, list[FollowUpOnPage]]:
    """Each question's follow-ups as its built page shows them: the bold question and the answer after it."""
    found = {}
    for question in questions:
        items = []
        for item in built.page(question.path).css("#follow-up-questions + ul > li"):
            strong = item.css_first("strong")
            asked = " ".join(strong.text().split())
            answer = " ".join(item.text().split()).removeprefix(asked).strip()
            items.append(FollowUpOnPage(strong.attributes["id"].removeprefix("fu-"), asked, answer))
        found[question.path] = items
    assert sum(map(len, found.values())) > 2 * len(questions)
    return found


@pytest.fixture(scope="module")
def spoken_answers(built, questions) -> dict[str, str]:
    """The text of each "Short answer" alone, without the line of other phrasings ("Also asked as") the build adds."""
    return {question.path: short_answer_text(built, question, with_other_phrasings=False) for question in questions}


def text_nodes(block: LexborHTMLParser) -> list[str]:
    return [squash(node.text_content or "") for node in block.root.traverse(include_text=True) if node.is_text_node and squash(node.text_content or "")]


def normal(text: str) -> str:
    """Text with every run of whitespace, line breaks included, made one space."""
    return " ".join(text.split())


def heading(number: int, title: str) -> re.Pattern:
    """A question's numbered heading ("12. How do you ...?") in normal text, not the tail of "112."."""
    title_pattern = r"\s?".join(re.escape(character) for character in squash(title))  # lines may break after "/" or "-"
    return re.compile(rf"(?<![\d.]){number}\. {title_pattern}")


def first_body_page(pdf: Pdf) -> int:
    """The 0-based index of the first page after the contents: where the first section starts."""
    first_section = SECTION_TITLES[SECTIONS[0]]
    return next(index for index, page in enumerate(pdf.body) if index > 1 and normal(page).startswith(first_section))


def section_starts(text: str, questions) -> list[int]:
    """Where each section's title stands right before its first question's heading, in section order."""
    starts = []
    for section in SECTIONS:
        number, first = next((number, question) for number, question in enumerate(questions, start=1) if question.section == section)
        match = re.search(re.escape(SECTION_TITLES[section]) + " " + heading(number, first.title).pattern, text)
        assert match, f"section {SECTION_TITLES[section]} does not open with question {number}"
        starts.append(match.start())
    return starts


def toc_entries(text: str, number: int, title: str) -> list[int]:
    """The page numbers that contents entries ("12. Title . . . . 34") give for a question, in normal text."""
    return [int(page) for page in re.findall(heading(number, title).pattern + r"[ .]*?(\d+)", text)]


# -----------------------------------------------------------------------------
# The build and the links to the downloads
# -----------------------------------------------------------------------------


def test_build_makes_every_download_into_the_site(downloads):
    for download in ALL_DOWNLOADS:
        path = downloads / download.filename
        assert path.is_file() and path.stat().st_size > 0, f"{download.filename} is missing or empty"
    for download in (GUIDE, SHORT_SHEET, PRACTICE):
        assert (downloads / download.filename).read_bytes().startswith(b"%PDF-")
    with zipfile.ZipFile(downloads / DECK.filename) as deck:
        assert "collection.anki2" in deck.namelist()


def test_home_page_lists_every_download_with_a_working_link(built, site_dir):
    links = {a.attributes["href"]: a.text(strip=True) for a in built.html("index.html").css("article a[href^='downloads/']")}
    for download in DOWNLOADS:
        href = f"downloads/{download.filename}"
        assert href in links, f"the home page does not link to {download.filename}"
        assert (site_dir / href).is_file()
        assert links[href] == download.label


def test_every_page_header_has_a_download_menu_with_working_links(built, site_dir):
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        menu = built.html(page).css("header.md-header .guide-downloads a")
        targets = [posixpath.normpath(posixpath.join(posixpath.dirname(page), a.attributes["href"])) for a in menu]
        assert targets == [f"downloads/{download.filename}" for download in ALL_DOWNLOADS], page
        assert all((site_dir / target).is_file() for target in targets), page


def test_without_exports_no_page_links_to_downloads(tmp_path):
    site = build_site(ROOT, tmp_path / "site", EXPORTS="0")
    assert not (site / "downloads").exists()
    for page in site.rglob("*.html"):
        assert "downloads/mlops-interview-guide" not in page.read_text(encoding="utf-8"), page
    home = LexborHTMLParser((site / "index.html").read_text(encoding="utf-8"))
    assert "make build" in home.css_first("article").text()


# -----------------------------------------------------------------------------
# Study guide
# -----------------------------------------------------------------------------


def test_guide_cover_names_the_guide_the_number_of_questions_and_the_build_date(guide, questions):
    cover = " ".join(guide.body[0].split())
    assert "MLOps Interview Guide" in cover
    assert f"{len(questions)} interview questions in {len(SECTIONS)} sections" in cover
    built = re.search(r"Built (\w+ \d{1,2}, \d{4})", cover)
    assert built, cover
    day = datetime.strptime(built.group(1), "%B %d, %Y").replace(tzinfo=UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    expected = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch.isdigit() else datetime.now(tz=UTC)
    assert abs((expected - day).days) <= 1, f"built {built.group(1)}"
    assert not normal(guide.headers[0] + guide.footers[0]), "the cover has no header or footer"


def test_guide_contents_list_every_question_once_with_the_page_it_starts_on(guide, questions):
    contents = normal(" ".join(guide.body[1 : first_body_page(guide)]))
    assert contents.startswith("Contents")
    for number, question in enumerate(questions, start=1):
        pages = toc_entries(contents, number, question.title)
        assert len(pages) == 1, f"contents list question {number} {len(pages)} times"
        anchor = f"q-{question.section}-{question.slug}"
        assert pages[0] == guide.destinations[anchor][0], f"question {number}: contents say page {pages[0]}"
        assert heading(number, question.title).search(normal(guide.body[pages[0] - 1])), f"question {number} does not start on page {pages[0]}"


def test_guide_never_starts_a_question_at_the_bottom_of_a_page(guide, questions):
    """The heading, the line under it and the start of the short answer stay together."""
    for number, question in enumerate(questions, start=1):
        anchor = f"q-{question.section}-{question.slug}"
        page, _ = guide.destinations[anchor]
        short_page, short_height = guide.destinations[f"{anchor}-short-answer"]
        assert short_page == page, f"question {number} starts on page {page} but its short answer on page {short_page}"
        assert short_height - BOTTOM_MARGIN >= MIN_LINES_UNDER_SHORT_ANSWER, f"question {number} starts at the bottom of page {page}"


def test_guide_has_one_table_of_contents(guide, questions):
    everything = normal(" ".join(guide.body))
    first = questions[0]
    assert len(toc_entries(everything, 1, first.title)) == 1, "the contents appear more than once"
    assert sum(normal(page).startswith("Contents") for page in guide.body) == 1


def test_guide_body_has_every_question_heading_once_in_section_order(guide, questions):
    body = normal(" ".join(guide.body[first_body_page(guide) :]))
    positions = []
    for number, question in enumerate(questions, start=1):
        found = [match.start() for match in heading(number, question.title).finditer(body)]
        assert len(found) == 1, f"question {number} is a heading {len(found)} times in the body"
        positions.append(found[0])
    assert positions == sorted(positions)
    assert section_starts(body, questions) == sorted(section_starts(body, questions))


def find_across_a_page_break(body: str, node: str, position: int, page_ends: list[int]) -> int:
    """Where `node` ends in `body`, read in order from `position`; -1 if it is not there whole.

    pdftotext (-raw) gives a page's text in drawing order, and a figure's labels are drawn after the
    page's text: a paragraph that runs on to the next page comes back with the labels of a figure
    on its first page between its two parts. So a text may be split once, at a page break, by
    other text; nothing of it may be missing.
    """
    found = body.find(node, position)
    if found >= 0:
        return found + len(node)
    for split in range(len(node) - 1, 0, -1):
        head = body.find(node[:split], position)
        if head < 0:
            continue
        break_after = next((end for end in page_ends if end >= head + split), None)
        tail = body.find(node[split:], head + split)
        if break_after is not None and tail >= break_after and tail - (head + split) < 3000:
            return tail + len(node) - split
    return -1


def test_guide_holds_every_answer_in_full_and_in_order(guide, questions, answers):
    pages = guide.body[first_body_page(guide) :]
    body = squash("".join(pages))
    page_ends = list(itertools.accumulate(len(squash(page)) for page in pages))
    normal_body = normal(" ".join(pages))
    for number, question in enumerate(questions, start=1):
        start = heading(number, question.title).search(normal_body)
        assert start, f"question {number} has no heading in the guide"
        position = len(squash(normal_body[: start.end()]))
        nodes = text_nodes(answers[question.path])
        assert len(nodes) > 50, question.path
        for node in nodes:
            end = find_across_a_page_break(body, node, position, page_ends)
            assert end >= 0, f"{question.path}: answer text missing from the guide, or out of order: {node[:80]!r}"
            position = end


def test_guide_pages_name_the_question_they_continue_in_the_header(guide, questions):
    headings = [(heading(number, question.title), f"{number}. {question.title}") for number, question in enumerate(questions, start=1)]
    current = None  # the question whose answer runs on at the top of the page
    checked = 0
    for index in range(first_body_page(guide), guide.pages):
        body = normal(guide.body[index])
        top = next((body.removeprefix(SECTION_TITLES[section]).lstrip() for section in SECTIONS if body.startswith(SECTION_TITLES[section])), body)
        if current is not None and not any(pattern.match(top) for pattern, _ in headings):
            assert current in normal(guide.headers[index]), f"page {index + 1} continues {current!r} but its header says {guide.headers[index]!r}"
            checked += 1
        started = [(match.start(), text) for pattern, text in headings for match in pattern.finditer(body)]
        if started:
            current = max(started)[1]
    assert checked > len(questions), "too few continued pages to check"


def test_guide_numbers_every_page_but_the_cover_in_the_footer(guide):
    for index in range(1, guide.pages):
        assert " ".join(guide.footers[index].split()) == f"Page {index + 1} of {guide.pages}"


def test_guide_bookmarks_every_section_and_question(guide, questions):
    outline = guide.xml.find("outline")
    assert outline is not None, "the guide has no bookmarks"
    top = [item.text for item in outline.findall("item")]
    assert top == ["Contents", *[SECTION_TITLES[section] for section in SECTIONS]]
    second = [item.text for inner in outline.findall("outline") for item in inner.findall("item")]
    assert second == [f"{number}. {question.title}" for number, question in enumerate(questions, start=1)]


def test_guide_links_are_clickable(guide, questions):
    links = {a.get("href") for a in guide.xml.iter("a")}
    assert SITE_URL in links, "the cover does not link to the site"
    external = {href for href in links if href.startswith("https://") and href != SITE_URL}
    assert len(external) >= len(questions), "the references are not links"
    internal = {href for href in links if not href.startswith(("http:", "https:"))}
    assert internal, "no link inside the guide (contents, related questions)"


def test_guide_draws_every_figure(guide, built, questions):
    body = squash("".join(guide.body))
    drawn = 0
    for question in questions:
        for image in built.page(question.path).css("article details.answer img[src*='#only-light']"):
            svg = (built.site_dir / question.path.removesuffix(".md") / image.attributes["src"].split("#")[0]).resolve()
            labels = [squash("".join(text.itertext())) for text in ElementTree.parse(svg).iter("{http://www.w3.org/2000/svg}text")]
            labels = [label for label in labels if len(label) > 6]
            assert labels, f"{svg.name} has no text to look for"
            assert any(label in body for label in labels), f"{question.path}: figure {svg.name} is not drawn in the guide"
            drawn += 1
    assert drawn > 0, "no figure in the answers"


def test_guide_prints_code_comments_in_italics_and_keywords_in_bold(guide, built, questions):
    """The print keeps the highlighting it can show in gray (export_pages.PRINTED_TOKENS)."""
    fonts = {spec.get("id"): spec.get("family", "") for spec in guide.xml.iter("fontspec")}
    mono = [text for text in guide.xml.iter("text") if "Mono" in fonts.get(text.get("font"), "")]
    italic = [squash("".join(text.itertext())) for text in mono if text.find(".//i") is not None]
    bold = {squash("".join(text.itertext())) for text in mono if text.find(".//b") is not None}
    answer_code = [span for question in questions for span in built.page(question.path).css("article details.answer pre span")]
    comments = [squash(span.text()) for span in answer_code if span.attributes.get("class") == "c1"]
    comments = [comment for comment in comments if len(comment) >= 20][:5]
    assert comments, "no code comment in the answers"
    for comment in comments:
        assert any(comment.startswith(text) and len(text) >= 10 for text in italic), f"comment not printed in italic mono: {comment}"
    keywords = {squash(span.text()) for span in answer_code if span.attributes.get("class") in ("k", "kn")}
    assert keywords & bold, "no code keyword printed in bold mono"


def test_guide_embeds_its_fonts(guide):
    output = subprocess.run([tool("pdffonts"), str(guide.path)], capture_output=True, text=True, check=True).stdout
    rows = output.splitlines()[2:]
    assert rows, "no font in the guide"
    for row in rows:
        assert re.search(r"\byes\s+yes\s+(?:yes|no)\s+\d+\s+\d+\s*$", row), f"font not embedded (subset): {row}"


# -----------------------------------------------------------------------------
# Practice sheet
# -----------------------------------------------------------------------------


def test_practice_sheet_lists_every_question_by_section_numbered_as_in_the_guide(practice, questions):
    text = normal(" ".join(practice.body))
    sections = section_starts(text, questions)
    assert sections == sorted(sections)
    for number, question in enumerate(questions, start=1):
        found = [match.start() for match in heading(number, question.title).finditer(text)]
        assert len(found) == 1, f"question {number} appears {len(found)} times"
        section = SECTIONS.index(question.section)
        after = sections[section + 1] if section + 1 < len(sections) else len(text)
        assert sections[section] < found[0] < after, f"question {number} is outside its section"


def test_practice_sheet_holds_no_answer_text(practice, questions, answers, follow_ups):
    text = squash("".join(practice.body))
    for heading_text in ANSWER_HEADINGS:
        assert squash(heading_text) not in text
    # Links to related questions name them, and the follow-ups' questions are on the sheet: neither is answer text.
    asked = [squash(item.question) for items in follow_ups.values() for item in items]
    titles = "|".join([*(squash(question.title) for question in questions), *asked])
    for question in questions:
        long_nodes = [node for node in text_nodes(answers[question.path]) if len(node) >= 25 and node not in titles]
        assert long_nodes, question.path
        leaked = [node for node in long_nodes if node in text]
        assert not leaked, f"{question.path}: answer text in the practice sheet: {leaked[0][:80]!r}"


def follow_up_line(number: int, index: int, asked: str) -> re.Pattern:
    """A follow-up's numbered line on the practice sheet ("12.3 How do you ...?") in normal text."""
    return re.compile(rf"(?<![\d.]){number}\.{index} " + r"\s?".join(re.escape(character) for character in squash(asked)))


def test_practice_sheet_lists_each_questions_follow_ups_under_it_without_their_answers(practice, questions, follow_ups):
    text = normal(" ".join(practice.body))
    starts = [heading(number, question.title).search(text).start() for number, question in enumerate(questions, start=1)]
    for number, question in enumerate(questions, start=1):
        end = starts[number] if number < len(questions) else len(text)
        place = text[starts[number - 1] : end]
        items = follow_ups[question.path]
        positions = []
        for index, item in enumerate(items, start=1):
            found = follow_up_line(number, index, item.question).search(place)
            assert found, f"question {number}: follow-up {number}.{index} {item.question!r} is not under it"
            positions.append(found.start())
            if len(item.answer) >= 40:
                assert squash(item.answer)[:40] not in squash(place), f"follow-up {number}.{index}: its answer is on the sheet"
        assert positions == sorted(positions), f"question {number}: follow-ups out of order"


def test_practice_sheet_leaves_ruled_room_to_write_under_every_question(practice, questions, tmp_path):
    ruled = 0
    for image in practice.render(1, practice.pages, tmp_path, dpi=72):
        width, height = image.size
        data = image.tobytes()
        long_rows = [data[y * width : (y + 1) * width].translate(DARK).count(1) > 0.6 * width for y in range(height)]
        ruled += sum(1 for y, is_long in enumerate(long_rows) if is_long and not (y and long_rows[y - 1]))
    assert ruled >= PRACTICE_LINES * len(questions), f"{ruled} ruled lines for {len(questions)} questions"


# -----------------------------------------------------------------------------
# Both PDFs: pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "minimum"), [("guide", MIN_GUIDE_PAGE_CHARS), ("practice", MIN_PRACTICE_PAGE_CHARS)])
def test_no_page_is_blank_or_near_blank(name, minimum, request):
    pdf = request.getfixturevalue(name)
    for index, page in enumerate(pdf.body, start=1):
        assert len(squash(page)) >= minimum, f"{pdf.path.name} page {index} holds only {len(squash(page))} characters"


@pytest.mark.parametrize("name", ["guide", "practice"])
def test_no_text_runs_past_the_side_margins(name, request):
    """Long code lines, URLs and table cells wrap: nothing is cut off at the edge of the paper."""
    pdf = request.getfixturevalue(name)
    width, _ = pdf.size
    assert pdf.words
    for page, left, right, word in pdf.words:
        assert left >= SIDE_MARGIN - 1 and right <= width - SIDE_MARGIN + 1, f"{pdf.path.name} page {page}: {word!r} runs into the margin"


def test_page_counts_are_in_a_sane_range(guide, practice, questions):
    count = len(questions)
    assert 2 * count <= guide.pages <= 6 * count + 3, f"the guide has {guide.pages} pages for {count} questions"
    assert count / 5 <= practice.pages <= count, f"the practice sheet has {practice.pages} pages for {count} questions"


def test_first_pages_render_with_visible_content(guide, practice, tmp_path):
    rendered = guide.render(1, 3, tmp_path) + practice.render(1, 1, tmp_path)
    assert len(rendered) == 4
    for image in rendered:
        histogram = image.histogram()
        ink = sum(histogram[:200]) / (image.size[0] * image.size[1])
        assert ink > 0.005, f"a first page renders blank ({ink:.2%} ink)"


def test_pdf_rendering_loads_nothing_from_another_host(tmp_path):
    html = '<html><body><p>Figure:</p><img src="https://example.com/chart.png" alt="chart"></body></html>'
    with pytest.raises(ExportError, match="example.com"):
        render_pdf(html, tmp_path, ROOT / "overrides" / "print" / "print.css", tmp_path / "out.pdf")


# -----------------------------------------------------------------------------
# Flashcards
# -----------------------------------------------------------------------------


def read_deck(path: Path, folder: Path) -> tuple[list[tuple[str, list[str]]], int, dict, dict]:
    """(guid and fields of each note, number of cards, models, decks) from an .apkg file."""
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", folder)
    connection = sqlite3.connect(folder / "collection.anki2")
    try:
        notes = [(guid, fields.split("\x1f")) for guid, fields in connection.execute("select guid, flds from notes order by id")]
        cards = connection.execute("select count(*) from cards").fetchone()[0]
        models, decks = connection.execute("select models, decks from col").fetchone()
    finally:
        connection.close()
    return notes, cards, json.loads(models), json.loads(decks)


def plain(html: str) -> str:
    return " ".join(LexborHTMLParser(html).text(separator=" ").split())


def test_deck_has_one_card_per_question_with_the_question_and_its_short_answer(downloads, questions, short_answers, follow_ups, tmp_path):
    notes, cards, _, _ = read_deck(downloads / DECK.filename, tmp_path)
    total = len(questions) + sum(map(len, follow_ups.values()))
    assert len(notes) == total and cards == total
    by_title = {plain(fields[0]): fields for _, fields in notes if len(fields) == 5}
    for question in questions:
        fields = by_title.get(question.title)
        assert fields is not None, f"no card for {question.title!r}"
        assert squash(plain(fields[1])) == squash(short_answers[question.path]), question.path
        assert len(short_answers[question.path]) > 100


def test_deck_has_one_card_per_follow_up_with_its_answer_naming_its_question(downloads, questions, follow_ups, tmp_path):
    notes, _, models, _ = read_deck(downloads / DECK.filename, tmp_path)
    by_guid = dict(notes)
    fields_of = {model["name"]: [field["name"] for field in model["flds"]] for model in models.values()}
    assert fields_of["MLOps Interview Guide: follow-up and its answer"] == ["Question", "Answer", "Follow-up to", "Section", "Number", "Link"]
    order = [guid for guid, _ in notes]
    for number, question in enumerate(questions, start=1):
        previous = order.index(genanki.guid_for(ID_NAMESPACE, question.path))
        for item in follow_ups[question.path]:
            guid = genanki.guid_for(ID_NAMESPACE, f"{question.path}#{item.id}")
            assert guid in by_guid, f"no card for the follow-up {item.question!r} of {question.path}"
            asked, answer, parent, section, card_number, link = by_guid[guid]
            assert squash(plain(asked)) == squash(item.question) and squash(plain(answer)) == squash(item.answer)
            assert plain(parent) == question.title and section == SECTION_TITLES[question.section] and card_number == str(number)
            assert link == SITE_URL + question.path.removesuffix(".md") + f"/#fu-{item.id}"
            assert order.index(guid) > previous, f"{question.path}: its follow-ups' cards come after its card, in order"
            previous = order.index(guid)


def test_deck_ids_stay_the_same_when_a_question_is_edited(downloads, site_dir, questions, follow_ups, tmp_path):
    built_notes, _, built_models, built_decks = read_deck(downloads / DECK.filename, tmp_path / "built")
    edited = [replace(question, title=question.title.removesuffix("?") + ", in practice?") for question in questions]
    exported, problems = read_questions(site_dir, edited, SITE_URL)  # every question's wording edited
    assert not problems
    for item in exported:  # every follow-up reworded, and the follow-ups of each question in reverse order
        item.follow_ups = [replace(follow_up, question_html="Put otherwise: " + follow_up.question_html) for follow_up in reversed(item.follow_ups)]
    again = tmp_path / "again.apkg"
    write_deck(exported, GuideInfo("MLOps Interview Guide", SITE_URL, datetime.now(tz=UTC).date()), again)
    notes, _, models, decks = read_deck(again, tmp_path / "again")
    assert sorted(guid for guid, _ in notes) == sorted(guid for guid, _ in built_notes)
    assert len({guid for guid, _ in notes}) == len(questions) + sum(map(len, follow_ups.values()))
    assert set(models) == set(built_models) and set(decks) == set(built_decks)
    assert [fields[0] for _, fields in notes] != [fields[0] for _, fields in built_notes]


def test_csv_has_one_row_per_question_with_its_short_answer_and_the_deck_ids(downloads, questions, short_answers, tmp_path):
    with (downloads / CARDS_CSV.filename).open(encoding="utf-8", newline="") as handle:
        every_row = list(csv.DictReader(handle))
    notes, _, _, _ = read_deck(downloads / DECK.filename, tmp_path)
    assert [row["id"] for row in every_row] == [guid for guid, _ in notes]
    rows = [row for row in every_row if not row["follow_up_to"]]
    assert len(rows) == len(questions)
    for number, (row, question) in enumerate(zip(rows, questions, strict=True), start=1):
        assert row["number"] == str(number)
        assert row["section"] == SECTION_TITLES[question.section]
        assert row["question"] == question.title
        assert row["short_answer"] == short_answers[question.path]
        assert row["url"] == SITE_URL + question.path.removesuffix(".md") + "/"


def test_csv_has_a_row_per_follow_up_after_its_question_with_its_answer_and_the_question_it_follows(downloads, questions, follow_ups):
    with (downloads / CARDS_CSV.filename).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = []
    for number, question in enumerate(questions, start=1):
        expected.append((question.title, ""))
        for item in follow_ups[question.path]:
            expected.append((item.question, question.title))
            row = next(row for row in rows if row["id"] == genanki.guid_for(ID_NAMESPACE, f"{question.path}#{item.id}"))
            assert row["number"] == str(number) and row["section"] == SECTION_TITLES[question.section]
            assert (row["question"], row["short_answer"], row["follow_up_to"]) == (item.question, item.answer, question.title)
            assert row["url"] == SITE_URL + question.path.removesuffix(".md") + f"/#fu-{item.id}"
    assert [(row["question"], row["follow_up_to"]) for row in rows] == expected


# -----------------------------------------------------------------------------
# The short sheet for the night before
# -----------------------------------------------------------------------------


def short_sheet_of(section: str | None) -> str:
    return (section_short_sheet(section) if section else SHORT_SHEET).filename


@pytest.mark.parametrize("section", [None, *SECTIONS])
def test_short_sheet_holds_each_question_its_short_answer_and_its_follow_up_questions_only(section, downloads, questions, spoken_answers, follow_ups):
    pdf = Pdf(downloads / short_sheet_of(section))
    text = normal(pdf.text)
    flat = squash(pdf.text)
    assert "short sheet for the night before" in text.lower()
    members = [(number, question) for number, question in enumerate(questions, start=1) if section in (None, question.section)]
    positions = []
    for number, question in members:
        found = [match.start() for match in heading(number, question.title).finditer(text)]
        assert len(found) == 1, f"question {number} appears {len(found)} times in {pdf.path.name}"
        positions.append(found[0])
        assert squash(spoken_answers[question.path]) in flat, f"{pdf.path.name}: the short answer of question {number} is not whole"
        for item in follow_ups[question.path]:
            assert squash(item.question) in flat, f"{pdf.path.name}: question {number}'s follow-up {item.question!r} is missing"
            if len(item.answer) >= 40:
                assert squash(item.answer)[:40] not in flat, f"{pdf.path.name}: the answer of a follow-up of question {number} is in it"
    assert positions == sorted(positions)
    for heading_text in ("In depth", "Example", "Common mistakes", "References", "Also asked as"):
        assert squash(heading_text) not in flat, f"{pdf.path.name} holds {heading_text!r}"
    for number, question in enumerate(questions, start=1):
        if section and question.section != section:
            assert not heading(number, question.title).search(text), f"question {number} of {question.section} is in {pdf.path.name}"


@pytest.mark.parametrize("section", [None, *SECTIONS])
def test_short_sheet_takes_about_a_tenth_of_the_study_guides_pages_or_fewer(section, downloads, guide):
    short = Pdf(downloads / short_sheet_of(section))
    full = guide if section is None else Pdf(downloads / section_guide(section).filename)
    assert 1 <= short.pages <= max(2, full.pages / 10), f"{short.path.name}: {short.pages} pages against {full.pages} of the study guide"
    assert short.size == full.size


def test_short_sheet_text_stays_inside_its_margins_and_type_stays_readable(downloads):
    pdf = Pdf(downloads / SHORT_SHEET.filename)
    width, _ = pdf.size
    assert pdf.words
    for page, left, right, word in pdf.words:
        assert left >= 12 * MM - 1 and right <= width - 12 * MM + 1, f"{pdf.path.name} page {page}: {word!r} runs into the margin"
    output = subprocess.run([tool("pdftohtml"), "-xml", "-i", "-q", "-stdout", "-zoom", "1", str(pdf.path)], capture_output=True, text=True, check=True).stdout
    document = ElementTree.fromstring(output)
    size_of = {spec.get("id"): float(spec.get("size")) for spec in document.iter("fontspec")}
    characters = sorted(size_of[node.get("font")] for node in document.iter("text") for _ in "".join(node.itertext()))
    assert characters[len(characters) // 2] >= 9, f"the short sheet's text is set in {characters[len(characters) // 2]} pt"
    assert characters[len(characters) // 20] >= 8, "more than a twentieth of its text is smaller than 8 pt"


# -----------------------------------------------------------------------------
# A page the exports cannot use
# -----------------------------------------------------------------------------


def test_a_built_page_without_an_answer_is_left_out_with_a_message_naming_it(tmp_path, questions):
    question = questions[0]
    page = tmp_path / question.path.removesuffix(".md") / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<html><body><article><h1>Question</h1><p>No answer here.</p></article></body></html>", encoding="utf-8")
    exported, problems = read_questions(tmp_path, [question], SITE_URL)
    assert exported == []
    assert problems == [f"page '{question.path}' has no answer block (<details class=\"answer\">) in its built page"]


# -----------------------------------------------------------------------------
# Each section's own study guide and practice sheet
# -----------------------------------------------------------------------------


def members_of(section: str, questions) -> list[tuple[int, object]]:
    """(number in the whole guide, question) for the section's questions."""
    return [(number, question) for number, question in enumerate(questions, start=1) if question.section == section]


def test_each_section_page_and_the_home_page_link_to_the_sections_downloads(built, site_dir):
    home = {a.attributes["href"] for a in built.html("index.html").css("article a[href^='downloads/']")}
    for section in SECTIONS:
        page = built.html(f"{section}/index.html")
        links = {a.attributes["href"]: a.text(strip=True) for a in page.css("article .section-downloads a")}
        own = ((section_guide(section), "study guide"), (section_short_sheet(section), "short sheet"), (section_practice(section), "practice sheet"))
        for download, text in own:
            href = f"../downloads/{download.filename}"
            assert links.get(href) == text, f"{section}/ does not link to {download.filename}: {links}"
            assert (site_dir / "downloads" / download.filename).read_bytes().startswith(b"%PDF-")
            assert f"downloads/{download.filename}" in home, f"the home page does not list {download.filename}"


@pytest.mark.parametrize("section", SECTIONS)
def test_a_sections_study_guide_holds_its_questions_numbered_and_paged_as_in_the_whole_guide(section, downloads, guide, questions):
    pdf = Pdf(downloads / section_guide(section).filename)
    title, members = SECTION_TITLES[section], members_of(section, questions)
    cover = normal(pdf.body[0])
    assert f"study guide: {title}".lower() in cover.lower(), cover
    assert f"The {len(members)} questions of the {title} section" in cover
    first_body = next(index for index, page in enumerate(pdf.body) if index > 0 and normal(page).startswith(title))
    contents = normal(" ".join(pdf.body[1:first_body]))
    text = normal(" ".join(pdf.body[first_body:]))
    for number, question in members:
        anchor = f"q-{question.section}-{question.slug}"
        guide_page = guide.destinations[anchor][0]
        assert toc_entries(contents, number, question.title) == [guide_page], f"contents entry of question {number}"
        assert len(heading(number, question.title).findall(text)) == 1, f"question {number} is not in the section's guide once"
        page = pdf.destinations[anchor][0]
        assert normal(pdf.footers[page - 1]) == f"Page {guide_page} of {guide.pages}", f"question {number}: footer of page {page}"
    for number, question in enumerate(questions, start=1):
        if question.section != section:
            assert not heading(number, question.title).search(text), f"question {number} of {question.section} is in the {section} guide"
    assert pdf.pages == len(pdf.body) and pdf.pages > len(members)


@pytest.mark.parametrize("section", SECTIONS)
def test_a_sections_practice_sheet_lists_its_questions_numbered_as_in_the_guide(section, downloads, questions):
    pdf = Pdf(downloads / section_practice(section).filename)
    text = normal(" ".join(pdf.body))
    assert f"practice sheet: {SECTION_TITLES[section]}".lower() in text.lower()
    positions = []
    for number, question in members_of(section, questions):
        found = [match.start() for match in heading(number, question.title).finditer(text)]
        assert len(found) == 1, f"question {number} appears {len(found)} times"
        positions.append(found[0])
    assert positions == sorted(positions)
    for number, question in enumerate(questions, start=1):
        if question.section != section:
            assert not heading(number, question.title).search(text), f"question {number} of {question.section} is in the {section} sheet"

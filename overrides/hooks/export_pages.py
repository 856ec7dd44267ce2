"""The question pages as the exports see them: read from the built site, made ready for print.

Each question's answer is taken from its built page (the `<details class="answer">` block that
MkDocs rendered from the Markdown), so the exports never work from a copy of the content. The
answer is then made self-contained: ids get a per-question prefix, links to other questions
point inside the document, other site links become absolute, images point at files under the
built site, and the parts a printout has no use for (permalinks, code line anchors, the dark
copy of each figure, the lightbox wrapper) are removed. Code keeps the highlighting the print
stylesheet shows (comments in italics, keywords in bold); the other token spans are unwrapped,
since each is a box WeasyPrint lays out (at 200 questions they were over half of all elements,
and about half of the study guide's layout time).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from follow_ups import follow_ups_html
from guide_catalog import SHORT_ANSWER_ID, Question
from markupsafe import escape
from selectolax.lexbor import LexborHTMLParser, LexborNode

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
# Pygments token classes that overrides/print/print.css styles: comments and keywords.
# The line after a short answer that gives the question's other phrasings (questions.py adds it).
OTHER_PHRASINGS = "question-alt"
PRINTED_TOKENS = frozenset({"c", "c1", "cm", "ch", "cs", "k", "kn", "kd", "kc", "ow", "nt"})


class ExportError(Exception):
    """A built page the exports cannot use; the message names the page."""


@dataclass
class ExportedFollowUp:
    """A follow-up of a question, for the flashcards and the sheets: its links made absolute."""

    id: str  # as written in the Markdown (follow_ups.py): stable, unique in its page
    question_html: str
    question_text: str
    answer_html: str
    answer_text: str
    url: str  # its place on the published site: the question's page at the follow-up's anchor


@dataclass
class ExportedQuestion:
    question: Question
    number: int
    anchor: str  # the question's id in a document that holds every question
    answer_html: str  # the answer's parts, ready to place in such a document
    short_answer_html: str  # the "Short answer" part, links made absolute (for flashcards)
    short_answer_text: str
    url: str  # the question's page on the published site
    spoken_answer_html: str = ""  # the short answer alone, without the line of other phrasings ("Also asked as") after it
    follow_ups: list[ExportedFollowUp] = field(default_factory=list)


def built_page_path(docs_path: str) -> str:
    """The site path of a question page (use_directory_urls): `monitoring/model-drift/`."""
    return docs_path[: -len(".md")] + "/"


def anchor_for(question: Question) -> str:
    return f"q-{question.section}-{question.slug}"


def read_questions(site_dir: Path, questions: list[Question], site_url: str) -> tuple[list[ExportedQuestion], list[str]]:
    """Every question of the catalog, in order, with its answer from the built site.

    A page the exports cannot use is left out, and the second list says which and why.
    """
    anchors = {built_page_path(question.path): anchor_for(question) for question in questions}
    exported, problems = [], []
    for number, question in enumerate(questions, start=1):
        try:
            exported.append(_read_question(site_dir, question, number, anchors, site_url))
        except ExportError as error:
            problems.append(str(error))
    return exported, problems


def _read_question(site_dir: Path, question: Question, number: int, anchors: dict[str, str], site_url: str) -> ExportedQuestion:
    page_path = built_page_path(question.path)
    html_file = site_dir / page_path / "index.html"
    if not html_file.is_file():
        raise ExportError(f"page '{question.path}' is missing from the built site ({html_file})")
    page_html = html_file.read_text(encoding="utf-8")
    document = LexborHTMLParser(page_html)
    answer = document.css_first("article details.answer")
    if answer is None:
        raise ExportError(f"page '{question.path}' has no answer block (<details class=\"answer\">) in its built page")
    _remove(answer, "details.answer > summary, a.headerlink, a[id^='__codelineno'], a.glightbox[href*='#only-dark'], img[src*='#only-dark']")
    _unwrap(answer, "a.glightbox")
    short_answer = _section_after(answer, SHORT_ANSWER_ID)
    if not short_answer.body or not short_answer.body.text(strip=True):
        raise ExportError(f"page '{question.path}' has no 'Short answer' part in its answer")
    _make_links_absolute(short_answer, page_path, site_url)
    short_answer_html = "".join(node.html for node in short_answer.css("body > *"))
    spoken_answer_html = "".join(node.html for node in short_answer.css("body > *") if OTHER_PHRASINGS not in (node.attributes.get("class") or "").split())
    short_answer_text = " ".join(short_answer.text().split())
    _prepare_for_print(answer, page_path, anchor_for(question), anchors, site_url)
    return ExportedQuestion(
        question=question,
        number=number,
        anchor=anchor_for(question),
        answer_html=answer.inner_html.strip(),
        short_answer_html=short_answer_html,
        short_answer_text=short_answer_text,
        spoken_answer_html=spoken_answer_html,
        url=urljoin(site_url, page_path),
        follow_ups=[_exported_follow_up(item, page_path, site_url) for item in follow_ups_html(page_html)],
    )


def _exported_follow_up(item, page_path: str, site_url: str) -> ExportedFollowUp:
    question, answer = LexborHTMLParser(item.question_html), LexborHTMLParser(item.answer_html)
    for fragment in (question, answer):
        _make_links_absolute(fragment, page_path, site_url)
    return ExportedFollowUp(
        id=item.id,
        question_html=question.body.inner_html.strip(),
        question_text=" ".join(question.body.text().split()),
        answer_html=answer.body.inner_html.strip(),
        answer_text=" ".join(answer.body.text().split()),
        url=f"{urljoin(site_url, page_path)}#{item.anchor}",
    )


def _remove(root: LexborNode, selector: str) -> None:
    for node in root.css(selector):
        node.decompose()


def _unwrap(root: LexborNode, selector: str) -> None:
    for node in root.css(selector):
        node.unwrap()


def _section_after(answer: LexborNode, heading_id: str) -> LexborHTMLParser:
    """The elements between the h2 with this id and the next h2, as a document of their own."""
    parts = []
    inside = False
    for child in answer.iter():
        if child.tag == "h2":
            if inside:
                break
            inside = child.attributes.get("id") == heading_id
            continue
        if inside:
            parts.append(child.html)
    return LexborHTMLParser("\n".join(parts))


def _make_links_absolute(root: LexborHTMLParser | LexborNode, page_path: str, site_url: str) -> None:
    for link in root.css("a[href]"):
        href = link.attributes["href"] or ""
        if not EXTERNAL.match(href):
            link.attrs["href"] = urljoin(urljoin(site_url, page_path), href)


def _prepare_for_print(answer: LexborNode, page_path: str, anchor: str, anchors: dict[str, str], site_url: str) -> None:
    """Make the answer self-contained inside a document that holds every question."""
    for node in answer.css("[id]"):
        node.attrs["id"] = f"{anchor}-{node.attributes['id']}"
    for link in answer.css("a[href]"):
        link.attrs["href"] = _print_href(link.attributes["href"] or "", page_path, anchor, anchors, site_url)
    for image in answer.css("img[src]"):
        image.attrs["src"] = _site_relative(page_path, image.attributes["src"] or "")
        if "loading" in image.attributes:
            del image.attrs["loading"]
    _plain_code(answer)
    for details in answer.css("details"):
        _details_to_admonition(details)
    for level in (4, 3, 2):  # the answer's parts sit one level below the question's heading
        for heading in answer.css(f"h{level}"):
            _retag(heading, f"h{level + 1}")


def _plain_code(answer: LexborNode) -> None:
    """Unwrap the token spans of highlighted code that print the same as plain text."""
    for span in answer.css("pre span"):
        classes = (span.attributes.get("class") or "").split()
        if classes and classes[0] not in PRINTED_TOKENS:
            span.unwrap()


def _print_href(href: str, page_path: str, anchor: str, anchors: dict[str, str], site_url: str) -> str:
    if EXTERNAL.match(href):
        return href
    parts = urlsplit(href)
    if not parts.path:
        return f"#{anchor}-{parts.fragment}" if parts.fragment else f"#{anchor}"
    target = _site_relative(page_path, parts.path)
    target_page = target if target.endswith("/") else target + "/"
    if target_page in anchors:
        fragment = f"-{parts.fragment}" if parts.fragment else ""
        return f"#{anchors[target_page]}{fragment}"
    return urljoin(site_url, target) + (f"#{parts.fragment}" if parts.fragment else "")


def _site_relative(page_path: str, value: str) -> str:
    """A link or image path of a built page, made relative to the site's root; fragments dropped."""
    path = urlsplit(value).path
    resolved = posixpath.normpath(posixpath.join(page_path, path))
    return resolved + "/" if path.endswith("/") and not resolved.endswith("/") else resolved


def _details_to_admonition(details: LexborNode) -> None:
    """A collapsible block inside an answer prints open, as a plain admonition with its title."""
    summary = details.css_first("summary")
    title = summary.text(strip=True) if summary is not None else ""
    if summary is not None:
        summary.decompose()
    classes = " ".join(c for c in (details.attributes.get("class") or "").split() if c != "answer")
    heading = f'<p class="admonition-title">{escape(title)}</p>' if title else ""
    details.replace_with(LexborHTMLParser(f'<div class="admonition {classes}">{heading}{details.inner_html}</div>').body.child)


def _retag(node: LexborNode, tag: str) -> None:
    attributes = "".join(f' {name}="{escape(value or "")}"' for name, value in node.attributes.items())
    node.replace_with(LexborHTMLParser(f"<{tag}{attributes}>{node.inner_html}</{tag}>").body.child)


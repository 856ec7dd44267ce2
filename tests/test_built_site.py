"""What a reader gets from the built site: pages, answers, navigation, search, self-hosted assets."""

from __future__ import annotations

import re

from conftest import ROOT
from guide_catalog import ANSWER_HEADINGS, SECTION_TITLES, SECTIONS, declared_subtopics
from pagefind_index import indexed_pages

EXTERNAL_ASSET = re.compile(r"""(?:src|href|srcset)=["'](?:https?:)?//""")
CSS_EXTERNAL = re.compile(r"url\(\s*['\"]?(?:https?:)?//|@import\s+['\"]?(?:https?:)?//")


def test_every_question_page_hides_its_answer_in_one_closed_details_block(built, questions):
    for question in questions:
        blocks = built.page(question.path).css("article details.answer")
        assert len(blocks) == 1, f"{question.path}: {len(blocks)} answer blocks"
        answer = blocks[0]
        assert "open" not in answer.attributes, f"{question.path}: the answer is open on load"
        assert answer.css_first("summary").text(strip=True) == "Reveal the answer"
        headings = [h2.text(strip=True).rstrip("¶") for h2 in answer.css("h2")]
        assert [h for h in headings if h in ANSWER_HEADINGS] == list(ANSWER_HEADINGS), question.path


def test_question_page_title_is_the_question_and_its_only_h1(built, questions):
    for question in questions:
        page = built.page(question.path)
        h1s = page.css("article h1")
        assert [h1.text(strip=True).rstrip("¶") for h1 in h1s] == [question.title]
        assert page.css_first("title").text().startswith(question.title)


def test_meta_description_comes_from_front_matter(built, questions):
    for question in questions:
        meta = built.page(question.path).css_first('meta[name="description"]')
        assert meta is not None and meta.attributes["content"] == question.description, question.path


def test_navigation_holds_the_five_sections_in_order(built):
    home = built.html("index.html")
    labels = [item.text(strip=True) for item in home.css("nav.md-nav--primary > ul > li.md-nav__item--nested > a.md-nav__link")]
    assert labels == [SECTION_TITLES[section] for section in SECTIONS]



def test_a_question_page_sidebar_shows_its_section_and_sub_topics_not_every_question(built, questions):
    """navigation.prune: the other sections are one link each, and so are the page's other sub-topics."""
    for question in questions:
        page = built.page(question.path)
        titles = {link.text(strip=True) for link in page.css("nav.md-nav--primary a.md-nav__link")}
        for other in questions:
            shown = other.title in titles
            same_group = other.section == question.section and other.subtopic == question.subtopic
            assert shown == same_group, f"{question.path}: sidebar {'shows' if shown else 'hides'} {other.path}"
        for section in SECTIONS:
            assert SECTION_TITLES[section] in titles, f"{question.path}: no link to the {section} section"
        subtopics = declared_subtopics(ROOT / "docs", question.section)
        labels = {node.text(strip=True) for node in page.css("nav.md-nav--primary .md-nav__link")}
        for subtopic in subtopics:
            assert subtopic.title in labels, f"{question.path}: sub-topic {subtopic.title} is not in the sidebar"


def test_each_section_page_lists_all_its_questions_by_sub_topic_with_difficulty_and_summary(built, questions):
    for section in SECTIONS:
        page = built.html(f"{section}/index.html")
        items = page.css("article ol.question-list > li")
        expected = [question for question in questions if question.section == section]
        assert len(items) == len(expected), section
        for item, question in zip(items, expected, strict=True):
            assert item.attributes["value"] == str(questions.index(question) + 1), "numbered as in the whole guide"
            assert item.css_first("a").text(strip=True) == question.title
            assert item.css_first(".difficulty").text(strip=True) == question.difficulty
            assert question.description in item.text()
        subtopics = declared_subtopics(ROOT / "docs", section)
        headings = [(h2.attributes["id"], h2.text(strip=True).rstrip("¶")) for h2 in page.css("article h2.question-group")]
        assert headings == [(subtopic.id, subtopic.title) for subtopic in subtopics], section
        for heading in page.css("article h2.question-group"):
            # Each sub-topic is a group that folds, open at first: its heading is the summary.
            fold = heading.parent.parent
            assert fold.tag == "details" and "open" in fold.attributes and heading.parent.tag == "summary", section
            titles = [a.text(strip=True) for a in fold.css("ol.question-list > li > .question-list__title > a")]
            members = [q.title for q in expected if q.subtopic == heading.attributes["id"]]
            assert titles == members, f"{section}: sub-topic {heading.attributes['id']}"
        jump = [(a.attributes["href"], a.text(deep=False, strip=True)) for a in page.css("article nav.question-jump a")]
        assert jump == [(f"#{subtopic.id}", subtopic.title) for subtopic in subtopics], section


def test_home_page_counts_questions_per_section(built, questions):
    table = built.html("index.html").css_first("article table")
    counts = {
        row.css("td")[0].text(strip=True): row.css("td")[1].text(strip=True)
        for row in table.css("tbody tr")
    }
    for section in SECTIONS:
        assert counts[SECTION_TITLES[section]] == str(sum(q.section == section for q in questions))
    assert counts["All sections"] == str(len(questions))
    assert f"{len(questions)} in all" in " ".join(built.html("index.html").css_first("article").text().split())


def test_search_index_holds_every_question_and_its_answer_text(site_dir, built, questions):
    pages = indexed_pages(site_dir)
    for question in questions:
        location = question.path.removesuffix(".md") + "/"
        assert location in pages, f"{question.path} is not in the search index (Pagefind)"
        page = pages[location]
        headings = {anchor["id"]: anchor["text"] for anchor in page["anchors"]}
        assert question.title in headings.values(), question.path
        assert "short-answer" in headings and "in-depth" in headings, question.path
        short_answer = built.page(question.path).css_first("#short-answer").next.next.text()
        assert " ".join(short_answer.split())[:80] in page["content"], question.path


def test_other_phrasings_of_a_question_are_shown_and_searchable(built, site_dir, questions):
    pages = indexed_pages(site_dir)
    for question in questions:
        page = pages[question.path.removesuffix(".md") + "/"]
        # The search worker ranks a page whose title or other phrasing a query is first: it reads them here.
        assert page["meta"].get("alt_titles", "").split(" | ") == (question.alt_titles or [""]), question.path
        # Inside the answer, after its short answer: the phrasings name the answer's concepts.
        meta_line = built.page(question.path).css_first("article details.answer .question-alt")
        if not question.alt_titles:
            continue
        for alt in question.alt_titles:
            assert alt in meta_line.text(), f"{question.path}: '{alt}' not shown"
            assert alt in page["content"], f"{question.path}: '{alt}' not searchable"


def test_related_questions_link_to_pages_by_their_current_titles(built, questions):
    titles = {question.path: question.title for question in questions}
    for question in questions:
        answer = built.page(question.path).css_first("article details.answer")
        heading = answer.css_first("h2#related-questions")
        assert heading is not None, question.path
        links = [a.text(strip=True) for a in heading.next.next.css("a")] if heading.next else []
        assert links == [titles[path] for path in question.related], question.path


def test_no_page_or_stylesheet_loads_anything_from_another_host(site_dir):
    offenders = []
    for html in site_dir.rglob("*.html"):
        for match in EXTERNAL_ASSET.finditer(html.read_text(encoding="utf-8")):
            context = html.read_text(encoding="utf-8")[max(0, match.start() - 60) : match.end() + 60]
            if not re.search(r"<a\b[^>]*$|rel=\"canonical\"|property=\"og:", context[:80]):
                offenders.append(f"{html.relative_to(site_dir)}: {context!r}")
    for css in site_dir.rglob("*.css"):
        if CSS_EXTERNAL.search(css.read_text(encoding="utf-8", errors="replace")):
            offenders.append(str(css.relative_to(site_dir)))
    assert not offenders, "\n".join(offenders)

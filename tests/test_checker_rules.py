"""The checker's rule functions (scripts/sitecheck/), called in process on small pages built in memory.

tests/test_check_site.py proves that each rule is wired into the checker, one damage case per
message, on a strict build of a damaged copy of the site. These tests are the fast half: no build,
no copy, one small input per side of every date, count and threshold the rules hold (reviewed
today passes and tomorrow fails; 500 and 1,200 prose words; an 80-word short answer; 40 characters
of figure alt text; the caption within three lines; syllabus ids; one H1, one answer block...).
They alone drive the mutation testing of the rules (`make mutate`, README "Mutation testing"), so
they import the rules as `scripts.sitecheck.*`, the module names mutmut gives the files it mutates.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT / "overrides" / "hooks", ROOT):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from scripts.sitecheck import built_site, page_rules, site_rules, syllabus_rules  # noqa: E402
from scripts.sitecheck.markdown_source import headings, html_images_without_alt, links, prose_lines  # noqa: E402
from scripts.sitecheck.page_rules import SourcePage, check_page, read_page  # noqa: E402
from scripts.sitecheck.problems import Problem  # noqa: E402

TODAY = date(2026, 12, 7)
QUESTION = "monitoring/case.md"
HEADING_WORDS = 10  # Short answer (2), In depth (2), Example (1), Follow-up questions (2), Common mistakes (2), References (1)
REFERENCE = "    1. A paper. <https://example.com/paper>"


def words(count: int, word: str = "word") -> str:
    return " ".join([word] * count)


def answer(short: int = 20, depth: int = 600, *, depth_lines: tuple[str, ...] = (), short_lines: tuple[str, ...] = ()) -> str:
    """An answer block with HEADING_WORDS + short + depth words of prose (plus what the extra lines hold)."""
    parts = [
        '??? answer "Reveal the answer"',
        "",
        "    ## Short answer",
        "",
        *(["    " + words(short)] if short else []),
        *short_lines,
        "",
        "    ## In depth",
        "",
        *(["    " + words(depth)] if depth else []),
        *depth_lines,
        "",
        "    ## Example",
        "",
        "    ## Follow-up questions",
        "",
        "    ## Common mistakes",
        "",
        "    ## References",
        "",
        REFERENCE,
    ]
    return "\n".join(parts) + "\n"


def front_matter(**overrides) -> str:
    meta = {
        "title": "What is a case?",
        "description": "One sentence about the case.",
        "difficulty": "intermediate",
        "tags": "[monitoring]",
        "related": "[monitoring/other.md]",
        "reviewed": "2026-12-01",
    }
    meta.update(overrides)
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in meta.items() if value is not None) + "---\n"


def question_text(body: str | None = None, **meta) -> str:
    return front_matter(**meta) + "\n# What is a case?\n\n" + (answer() if body is None else body)


def write_page(tmp_path: Path, text: str, docs_path: str = QUESTION) -> SourcePage:
    docs = tmp_path / "docs"
    (docs / docs_path).parent.mkdir(parents=True, exist_ok=True)
    (docs / docs_path).write_text(text, encoding="utf-8")
    page, problems = read_page(docs, docs_path, "docs/")
    assert problems == [], problems
    return page


def problems_of(tmp_path: Path, text: str, docs_path: str = QUESTION) -> list[str]:
    page = write_page(tmp_path, text, docs_path)
    return [str(problem) for problem in check_page(page, {"monitoring", "drift"}, {QUESTION, "monitoring/other.md"})]


def messages(problems: list[Problem]) -> list[str]:
    return [problem.message for problem in problems]


@pytest.fixture
def fixed_today(monkeypatch):
    monkeypatch.setattr(page_rules, "today", lambda: TODAY)
    return TODAY


def test_a_complete_question_page_has_no_problem(tmp_path):
    assert problems_of(tmp_path, question_text()) == []


# ---------------------------------------------------------------------------------------------
# reviewed: a real date, today or earlier
# ---------------------------------------------------------------------------------------------


def reviewed_problems(tmp_path: Path, value) -> list[str]:
    return problems_of(tmp_path, question_text(reviewed=value))


@pytest.mark.parametrize("day", [TODAY, TODAY - timedelta(days=1), date(2020, 1, 1)], ids=["today", "yesterday", "long-ago"])
def test_reviewed_today_or_earlier_passes(tmp_path, fixed_today, day):
    assert reviewed_problems(tmp_path, day.isoformat()) == []


def test_reviewed_tomorrow_is_in_the_future(tmp_path, fixed_today):
    line = 7  # the sixth key of the front matter
    assert reviewed_problems(tmp_path, "2026-12-08") == [f"docs/{QUESTION}:{line}: reviewed 2026-12-08 is in the future (today is 2026-12-07)"]


def test_reviewed_today_by_the_real_clock_passes_and_tomorrow_fails(tmp_path):
    """Without a fixed day: the rule compares with the checker's own today (UTC)."""
    now = page_rules.today()
    assert now == datetime.now(page_rules.UTC).date()
    page = SourcePage(QUESTION, f"docs/{QUESTION}", meta={"reviewed": now})
    assert page_rules.check_reviewed(page) == []
    page.meta["reviewed"] = now + timedelta(days=1)
    assert messages(page_rules.check_reviewed(page)) == [f"reviewed {(now + timedelta(days=1)).isoformat()} is in the future (today is {now.isoformat()})"]


def test_reviewed_as_a_datetime_is_read_as_its_day(fixed_today):
    page = SourcePage(QUESTION, f"docs/{QUESTION}", meta={"reviewed": datetime(2026, 12, 7, 23, 59)}, key_lines={"reviewed": 9})
    assert page_rules.check_reviewed(page) == []
    page.meta["reviewed"] = datetime(2026, 12, 8, 0, 0)
    assert page_rules.check_reviewed(page) == [Problem(f"docs/{QUESTION}", 9, "reviewed 2026-12-08 is in the future (today is 2026-12-07)")]


@pytest.mark.parametrize("value", ["2026-12-07", " 2026-12-07 ", "2026-12-01"])
def test_reviewed_as_a_string_date_is_read(fixed_today, value):
    page = SourcePage(QUESTION, f"docs/{QUESTION}", meta={"reviewed": value})
    assert page_rules.check_reviewed(page) == []


def test_reviewed_as_a_string_date_in_the_future_fails(fixed_today):
    page = SourcePage(QUESTION, f"docs/{QUESTION}", meta={"reviewed": " 2026-12-08"})
    assert messages(page_rules.check_reviewed(page)) == ["reviewed 2026-12-08 is in the future (today is 2026-12-07)"]


@pytest.mark.parametrize("value", ["last week", "2026-13-01", "2026-02-30", "2026-12-1", "12/07/2026", 20261207, None])
def test_reviewed_that_is_not_a_date_is_refused_at_its_line(fixed_today, value):
    page = SourcePage(QUESTION, f"docs/{QUESTION}", meta={"reviewed": value}, key_lines={"reviewed": 8})
    assert page_rules.check_reviewed(page) == [
        Problem(f"docs/{QUESTION}", 8, f"reviewed '{value}' is not a date: write the day of the last review as YYYY-MM-DD")
    ]


def test_reviewed_missing_is_reported_once_as_a_missing_key(tmp_path, fixed_today):
    assert problems_of(tmp_path, question_text(reviewed=None)) == [f"docs/{QUESTION}:1: front matter has no 'reviewed'"]


# ---------------------------------------------------------------------------------------------
# The answer's prose: 500 to 1,200 words; the short answer: at most 80
# ---------------------------------------------------------------------------------------------


def word_problems(tmp_path: Path, **options) -> list[str]:
    return [problem for problem in problems_of(tmp_path, question_text(answer(**options))) if "words" in problem]


OPENER_LINE = 12  # 8 front matter lines, a blank, the H1, a blank: the answer opens on line 12


@pytest.mark.parametrize("total", [500, 501, 1199, 1200], ids=["at-500", "one-over-500", "one-under-1200", "at-1200"])
def test_answer_words_within_500_to_1200_pass(tmp_path, total):
    assert word_problems(tmp_path, short=20, depth=total - HEADING_WORDS - 20) == []


@pytest.mark.parametrize("total", [499, 1201, 0 + HEADING_WORDS + 1], ids=["one-under-500", "one-over-1200", "nearly-empty"])
def test_answer_words_outside_500_to_1200_fail(tmp_path, total):
    assert word_problems(tmp_path, short=1, depth=total - HEADING_WORDS - 1) == [
        f"docs/{QUESTION}:{OPENER_LINE}: answer has {total} words; it must have 500 to 1200"
    ]


def test_code_references_and_figure_alt_text_do_not_count_as_answer_words(tmp_path):
    extra = (
        "",
        "    ```python",
        "    " + words(50, "code"),
        "    ```",
        "",
        "    ![" + words(30, "alt") + "](image.png)",
    )
    # 499 words of prose: the 80 words of code and alt text would lift them over 500 if they counted.
    assert word_problems(tmp_path, short=20, depth=499 - HEADING_WORDS - 20, depth_lines=extra) == [
        f"docs/{QUESTION}:{OPENER_LINE}: answer has 499 words; it must have 500 to 1200"
    ]
    long_reference = ("    2. " + words(40, "cited") + " <https://example.com/book>",)
    body = answer(short=20, depth=499 - HEADING_WORDS - 20).replace(REFERENCE, REFERENCE + "\n" + long_reference[0])
    assert [p for p in problems_of(tmp_path, question_text(body)) if "words" in p] == [
        f"docs/{QUESTION}:{OPENER_LINE}: answer has 499 words; it must have 500 to 1200"
    ]


def test_words_of_the_answer_count_hyphens_apostrophes_and_numbers_as_in_the_rule(tmp_path):
    # "Follow-up", "model's", "3.5" and "A/B" (two words): 5 words.
    line = ("    Follow-up model's 3.5 A/B",)
    assert word_problems(tmp_path, short=20, depth=499 - HEADING_WORDS - 20 - 5, depth_lines=line) == [
        f"docs/{QUESTION}:{OPENER_LINE}: answer has 499 words; it must have 500 to 1200"
    ]


SHORT_LINE = 14  # the '## Short answer' heading


@pytest.mark.parametrize("count", [79, 80])
def test_short_answer_of_80_words_or_fewer_passes(tmp_path, count):
    assert word_problems(tmp_path, short=count, depth=600) == []


@pytest.mark.parametrize("count", [81, 120])
def test_short_answer_over_80_words_fails_at_its_heading(tmp_path, count):
    assert word_problems(tmp_path, short=count, depth=600) == [
        f"docs/{QUESTION}:{SHORT_LINE}: short answer has {count} words; it must have at most 80 (what a candidate says in 30 seconds)"
    ]


def test_short_answer_link_targets_are_not_counted_but_link_text_is(tmp_path):
    # 78 words, then a link whose text is two words and whose target holds five: 80 words.
    link = ("    [two words](../monitoring/a-b-c-d.md#e-f),",)
    assert word_problems(tmp_path, short=78, depth=600, short_lines=link) == []
    link = ("    [three more words](../monitoring/a-b-c-d.md#e-f),",)
    assert word_problems(tmp_path, short=78, depth=600, short_lines=link) == [
        f"docs/{QUESTION}:{SHORT_LINE}: short answer has 81 words; it must have at most 80 (what a candidate says in 30 seconds)"
    ]


def test_short_answer_words_stop_at_the_next_section(tmp_path):
    # 80 words in the short answer; the 600 of In depth are not its words.
    assert word_problems(tmp_path, short=80, depth=600) == []


def test_short_answer_as_the_last_section_counts_to_the_end_of_the_block():
    body = "\n".join(["    ## Short answer", "", "    " + words(81)])
    block = list(enumerate(body.splitlines(), start=20))
    found = headings(body, 20, 2, "    ")
    page = SourcePage(QUESTION, f"docs/{QUESTION}")
    assert messages(page_rules.check_short_answer_length(page, found, block)) == [
        "short answer has 81 words; it must have at most 80 (what a candidate says in 30 seconds)"
    ]


def test_without_a_short_answer_section_its_length_is_not_checked():
    page = SourcePage(QUESTION, f"docs/{QUESTION}")
    assert page_rules.check_short_answer_length(page, [(3, "In depth")], [(4, "    " + words(200))]) == []


# ---------------------------------------------------------------------------------------------
# Figures: 40+ characters of alt text, a caption within three lines, both palette variants
# ---------------------------------------------------------------------------------------------


def figure_problems(tmp_path: Path, alt: str, between: int = 0, dark: bool = True, light_target: str = "x-light.svg#only-light") -> list[str]:
    lines = [f"![{alt}](../assets/figures/{light_target})"]
    if dark:
        lines.append(f"![{alt}](../assets/figures/x-dark.svg#only-dark)")
    lines += [""] * between + ["/// caption", "What the figure shows.", "///"]
    text = front_matter() + "\n# What is a case?\n\n" + "\n".join(lines) + "\n\n" + answer()
    return [problem for problem in problems_of(tmp_path, text) if "figure" in problem]


FIGURE_LINE = 12


def test_figure_alt_text_of_40_characters_passes(tmp_path):
    assert figure_problems(tmp_path, "a" * 40) == []


def test_figure_alt_text_of_39_characters_fails_for_each_variant(tmp_path):
    message = "needs alt text that says what it shows (40+ characters)"
    assert figure_problems(tmp_path, "a" * 39) == [
        f"docs/{QUESTION}:{FIGURE_LINE}: figure '../assets/figures/x-light.svg' {message}",
        f"docs/{QUESTION}:{FIGURE_LINE + 1}: figure '../assets/figures/x-dark.svg' {message}",
    ]


def test_figure_alt_text_is_measured_without_its_outer_spaces(tmp_path):
    assert len(figure_problems(tmp_path, "  " + "a" * 39 + "  ")) == 2


def test_a_caption_three_lines_after_a_figure_passes_and_four_lines_after_fails(tmp_path):
    # The dark variant is one line after the light one: a caption after one blank line is three
    # lines after the light variant and two after the dark one.
    assert figure_problems(tmp_path, "a" * 40, between=1) == []
    assert figure_problems(tmp_path, "a" * 40, between=2) == [
        f"docs/{QUESTION}:{FIGURE_LINE}: figure '../assets/figures/x-light.svg' has no '/// caption' block right after it"
    ]


def test_a_caption_before_the_figure_does_not_count_and_a_figure_may_end_the_page(tmp_path):
    figure = "![" + "a" * 40 + "](../assets/figures/x-{0}.svg#only-{0})"
    text = front_matter() + "\n# What is a case?\n\n" + answer() + "\n/// caption\nText\n///\n" + figure.format("light") + "\n" + figure.format("dark") + "\n"
    found = [problem for problem in problems_of(tmp_path, text) if "figure" in problem]
    assert [problem.split(": ", 1)[1] for problem in found] == [
        "figure '../assets/figures/x-light.svg' has no '/// caption' block right after it",
        "figure '../assets/figures/x-dark.svg' has no '/// caption' block right after it",
    ]


def test_a_caption_right_before_a_figure_is_not_its_caption(tmp_path):
    figure = "![" + "a" * 40 + "](../assets/figures/x-{0}.svg#only-{0})"
    text = front_matter() + "\n# What is a case?\n\n/// caption\n" + figure.format("light") + "\n" + figure.format("dark") + "\n\n" + answer()
    found = [problem.split(": ", 1)[1] for problem in problems_of(tmp_path, text) if "figure" in problem]
    assert found == [
        "figure '../assets/figures/x-light.svg' has no '/// caption' block right after it",
        "figure '../assets/figures/x-dark.svg' has no '/// caption' block right after it",
    ]


def test_a_figure_needs_its_other_palette_variant(tmp_path):
    assert figure_problems(tmp_path, "a" * 40, dark=False) == [
        f"docs/{QUESTION}:{FIGURE_LINE}: figure '../assets/figures/x-light.svg' has no dark palette variant next to it"
    ]


@pytest.mark.parametrize("target", ["x-light.svg", "x-light.svg#only-dark", "x.svg#only-light", "x-dark.svg#only-light"])
def test_a_figure_names_its_variant_in_its_file_and_fragment(tmp_path, target):
    file = target.partition("#")[0]
    assert f"docs/{QUESTION}:{FIGURE_LINE}: figure '../assets/figures/{file}' must end in -light.svg#only-light or -dark.svg#only-dark" in (
        figure_problems(tmp_path, "a" * 40, light_target=target)
    )


def test_an_image_outside_the_figures_folder_is_not_a_figure(tmp_path):
    text = front_matter() + "\n# What is a case?\n\n![short](../assets/x-light.svg)\n\n" + answer()
    assert problems_of(tmp_path, text) == []


# ---------------------------------------------------------------------------------------------
# Front matter of a question page
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["[M01]", "[F01, D99, M00, E10, T42]", "[]"])
def test_syllabus_ids_of_one_section_letter_and_two_digits_pass(tmp_path, value):
    assert problems_of(tmp_path, question_text(syllabus=value)) == []


@pytest.mark.parametrize(
    "value, shown",
    [("[M1]", "['M1']"), ("[M001]", "['M001']"), ("[A01]", "['A01']"), ("[m01]", "['m01']"), ("[M01, 7]", "['M01', 7]"),
     ("M01", "'M01'"), ("[x M01]", "['x M01']")],
)
def test_syllabus_ids_of_another_shape_fail_at_their_line(tmp_path, value, shown):
    assert problems_of(tmp_path, question_text(syllabus=value)) == [
        f"docs/{QUESTION}:8: 'syllabus' must be a list of ids such as [M01, M06], not {shown}"
    ]


def test_required_and_unknown_keys(tmp_path):
    assert problems_of(tmp_path, question_text(tags=None, search="yes")) == [
        f"docs/{QUESTION}:1: front matter has no 'tags'",
        f"docs/{QUESTION}:1: unknown front matter key 'search' (allowed: title, description, difficulty, tags, alt_titles, "
        "related, reviewed, syllabus, subtopic)",
    ]


@pytest.mark.parametrize(
    "meta, message",
    [
        ({"title": "What is a case"}, "title 'What is a case' is not a question: it must end with '?'"),
        ({"difficulty": "easy"}, "difficulty 'easy' is not one of: foundational, intermediate, advanced"),
        ({"tags": "[monitoring, kittens]"}, "tag 'kittens' is not in the vocabulary (extra.tag_vocabulary in mkdocs.yml)"),
        ({"tags": "[]"}, "'tags' must list at least one entry"),
        ({"tags": "monitoring"}, "'tags' must be a list of non-empty strings"),
        ({"related": "[monitoring/case.md]"}, "related question 'monitoring/case.md' is the page itself"),
        ({"related": "[monitoring/gone.md]"}, "related question 'monitoring/gone.md' is not a question page under docs/"),
        ({"related": "[]"}, "'related' must list at least one entry"),
        ({"related": "[7]"}, "'related' must be a list of non-empty strings"),
        ({"alt_titles": "[' ']"}, "'alt_titles' must be a list of non-empty strings"),
        ({"description": "''"}, "description must be one non-empty sentence"),
        ({"description": "No full stop"}, "description must be exactly one sentence ending with '.'"),
        ({"description": "One sentence. Two sentences."}, "description must be exactly one sentence ending with '.'"),
        ({"description": "Ends with a question?"}, "description must be exactly one sentence ending with '.'"),
    ],
)
def test_each_front_matter_rule_reports_its_problem(tmp_path, meta, message):
    title = meta.get("title", "What is a case?")
    body = answer()
    text = front_matter(**meta) + f"\n# {title}\n\n" + body
    assert problems_of(tmp_path, text) == [f"docs/{QUESTION}:1: {message}"]


@pytest.mark.parametrize("meta", [{"alt_titles": "[]"}, {"alt_titles": None}, {"description": "Version 3.5 of a tool, e.g. this one."}])
def test_front_matter_that_the_rules_allow(tmp_path, meta):
    assert problems_of(tmp_path, question_text(**meta)) == []


# ---------------------------------------------------------------------------------------------
# The body: one H1, one collapsed answer block with its sections in order, references, placeholders
# ---------------------------------------------------------------------------------------------


def test_h1_rules(tmp_path):
    text = front_matter() + "\n# What is a case?\n\n# Another H1\n\n" + answer()
    assert problems_of(tmp_path, text) == [f"docs/{QUESTION}:12: more than one H1: only the question may be an H1"]
    text = front_matter() + "\n# What is another case?\n\n" + answer()
    assert problems_of(tmp_path, text) == [f"docs/{QUESTION}:10: H1 'What is another case?' differs from the front matter title 'What is a case?'"]
    text = front_matter() + "\n\nSome text first.\n\n" + answer()
    assert problems_of(tmp_path, text) == [f"docs/{QUESTION}:11: no H1: the page must start with '# What is a case?'"]


def test_a_page_without_a_title_reports_only_that(tmp_path):
    text = front_matter(title=None) + "\n# What is a case?\n\n" + answer()
    assert problems_of(tmp_path, text) == [f"docs/{QUESTION}:1: front matter has no 'title'"] * 2


def test_one_answer_block_passes_and_a_second_fails(tmp_path):
    text = question_text(answer() + "\n" + answer())
    found = problems_of(tmp_path, text)
    assert f"docs/{QUESTION}:{OPENER_LINE + 20}: more than one answer block (the first is at line {OPENER_LINE})" in found
    assert all("more than one answer block" not in problem for problem in found if f":{OPENER_LINE}:" in problem)


def test_answer_block_open_empty_or_missing(tmp_path):
    opened = question_text(answer().replace("??? answer", "???+ answer"))
    assert problems_of(tmp_path, opened) == [f"docs/{QUESTION}:{OPENER_LINE}: answer block must be collapsed: use '???', not '???+'"]
    empty = question_text('??? answer "Reveal the answer"\n\nNot indented.\n')
    assert problems_of(tmp_path, empty) == [f"docs/{QUESTION}:{OPENER_LINE}: answer block is empty"]
    ended = question_text('??? answer "Reveal the answer"\nNot indented.\n    Indented, but after the block ended.\n')
    assert problems_of(tmp_path, ended) == [f"docs/{QUESTION}:{OPENER_LINE}: answer block is empty"]
    missing = front_matter() + "\n\n\nJust text.\n"
    assert problems_of(tmp_path, missing)[-1] == f"docs/{QUESTION}:{OPENER_LINE}: no answer block: add one '??? answer \"Reveal the answer\"' block"


def test_answer_sections_missing_out_of_order_and_the_related_section(tmp_path):
    body = answer().replace("    ## Example\n", "")
    found = problems_of(tmp_path, question_text(body))
    assert f"docs/{QUESTION}:{OPENER_LINE}: answer has no '## Example' section" in found
    assert not any("out of order" in problem for problem in found)
    swapped = answer().replace("## Example", "## TEMP").replace("## In depth", "## Example").replace("## TEMP", "## In depth")
    assert problems_of(tmp_path, question_text(swapped)) == [
        f"docs/{QUESTION}:{OPENER_LINE}: answer sections out of order: expected Short answer, In depth, Example, Follow-up questions, "
        "Common mistakes, References"
    ]
    related = answer().replace("    ## References", "    ## Related questions\n\n    ## References")
    assert problems_of(tmp_path, question_text(related)) == [
        f"docs/{QUESTION}:28: remove the 'Related questions' section: the build makes it from 'related:'"
    ]


def test_references_need_a_url(tmp_path):
    body = answer().replace(REFERENCE, "    1. A paper without an address.")
    assert problems_of(tmp_path, question_text(body)) == [f"docs/{QUESTION}:{OPENER_LINE}: References list no source with a URL"]


def test_a_url_outside_the_references_does_not_count_as_one(tmp_path):
    body = answer(depth_lines=("    See <https://example.com/elsewhere>.",)).replace(REFERENCE, "    1. A paper without an address.")
    assert f"docs/{QUESTION}:{OPENER_LINE}: References list no source with a URL" in problems_of(tmp_path, question_text(body))


@pytest.mark.parametrize("word", ["TODO", "tbd", "FIXME", "XXX", "Lorem Ipsum"])
def test_placeholder_text_is_refused_outside_code(tmp_path, word):
    body = answer(depth_lines=(f"    A {word} here.",))
    assert problems_of(tmp_path, question_text(body)) == [f"docs/{QUESTION}:21: placeholder text '{word}' left in the page"]
    fenced = answer(depth_lines=("    ```", f"    {word}", "    ```"))
    assert problems_of(tmp_path, question_text(fenced)) == []


def test_placeholder_words_inside_longer_words_pass(tmp_path):
    assert problems_of(tmp_path, question_text(answer(depth_lines=("    TODOS XXXL TBDs",)))) == []


def test_images_need_alt_text(tmp_path):
    text = front_matter() + '\n# What is a case?\n\n![](../assets/x.png)\n\n<img src="../assets/y.png">\n\n<img alt="" src="z.png">\n\n' + (
        '<img alt="A diagram" src="../assets/ok.png">\n\n![An image](../assets/ok.png)\n\n' + answer()
    )
    assert problems_of(tmp_path, text) == [
        f"docs/{QUESTION}:12: image '../assets/x.png' has no alt text",
        f"docs/{QUESTION}:14: raw HTML <img> has no alt text",
        f"docs/{QUESTION}:16: raw HTML <img> has no alt text",
    ]


def test_a_page_outside_the_five_sections(tmp_path):
    text = "---\ntitle: Elsewhere\n---\n\n# Elsewhere\n"
    assert problems_of(tmp_path, text, "blog/post.md") == [
        "docs/blog/post.md:1: page is outside the five sections: fundamentals, deployment, monitoring, ethics, tips"
    ]
    assert problems_of(tmp_path, text, "about.md") == []
    assert problems_of(tmp_path, text, "assets/notes.md") == []
    assert problems_of(tmp_path, text, "monitoring/index.md") == []


def test_front_matter_key_lines_and_unreadable_files(tmp_path):
    page = write_page(tmp_path, question_text(syllabus="[M01]"))
    assert page.key_line("reviewed") == 7 and page.key_line("syllabus") == 8 and page.key_line("subtopic") == 1
    assert page.body_line == 10
    page = write_page(tmp_path, front_matter() + "subtopic: a body line, not a key\n\n# What is a case?\n")
    assert page.key_line("subtopic") == 1
    (tmp_path / "docs" / "monitoring" / "bad.md").write_bytes(b"---\ntitle: \xff\n---\n")
    page, problems = read_page(tmp_path / "docs", "monitoring/bad.md", "docs/")
    assert page.unreadable and problems == [Problem("docs/monitoring/bad.md", 1, "file is not valid UTF-8 text")]
    (tmp_path / "docs" / "monitoring" / "open.md").write_text("---\ntitle: x\n", encoding="utf-8")
    page, problems = read_page(tmp_path / "docs", "monitoring/open.md", "docs/")
    assert page.unreadable and problems == [Problem("docs/monitoring/open.md", 1, "front matter not closed: no second '---' line")]


# ---------------------------------------------------------------------------------------------
# Reading Markdown: prose outside code, links, headings
# ---------------------------------------------------------------------------------------------


def test_markdown_reading():
    body = "a\n```\n[x](y.md)\n```\n[t](<z.md> \"T\") `[no](code.md)` ![i](p.png)\n[ref]: r.md\n<a href=\"h.md\">h</a><img src=\"i.png\">"
    assert prose_lines(body, 5) == [(5, "a"), (9, body.splitlines()[4]), (10, "[ref]: r.md"), (11, body.splitlines()[6])]
    found = links(body, 5)
    assert [(link.line, link.target, link.text, link.is_image, link.raw_html, link.html_tag) for link in found] == [
        (9, "z.md", "t", False, False, ""),
        (9, "p.png", "i", True, False, ""),
        (10, "r.md", "", False, False, ""),
        (11, "h.md", "", False, True, "a"),
        (11, "i.png", "", True, True, "img"),
    ]
    assert html_images_without_alt(body, 5) == [11]
    assert headings("# One\n## Two {#two}\n    ## Indented ##\n## Three ##", 1, 2) == [(2, "Two"), (4, "Three")]
    assert headings("    ## Indented ##", 1, 2, "    ") == [(1, "Indented")]
    assert headings("## Appendix X\n## <Tag>", 1, 2) == [(1, "Appendix X"), (2, "<Tag>")]
    assert [link.target for link in links("[x](<Xfile.mdX>)", 1)] == ["Xfile.mdX"]


# ---------------------------------------------------------------------------------------------
# Rules across pages: navigation, duplicate questions, links, syllabus ids
# ---------------------------------------------------------------------------------------------

NAV = [
    {"Home": "index.md"},
    {"Fundamentals": ["fundamentals/index.md", "fundamentals/intro.md"]},
    {"Deployment": ["deployment/index.md"]},
    {"Monitoring": ["monitoring/index.md"]},
    {"Ethics": ["ethics/index.md"]},
    {"Tips": ["tips/index.md"]},
]


def test_nav_sections_in_order_pass():
    assert site_rules.check_nav_sections(NAV, "nav:\n", 1) == []
    assert site_rules.check_nav_sections(NAV + [{"About": ["about.md"]}], "nav:\n", 1) == []


def test_nav_sections_out_of_order_or_missing_fail():
    swapped = [NAV[0], NAV[2], NAV[1], *NAV[3:]]
    assert site_rules.check_nav_sections(swapped, "", 3) == [
        Problem(
            "mkdocs.yml", 3,
            "nav sections must be, in order: Fundamentals, Deployment, Monitoring, Ethics, Tips; found: Deployment, Fundamentals, Monitoring, Ethics, Tips",
        )
    ]
    assert site_rules.check_nav_sections(NAV[:-1], "", 3)[0].line == 3


def test_nav_section_must_open_with_its_index_and_hold_its_own_pages():
    nav = [dict(item) for item in NAV]
    nav[1] = {"Fundamentals": ["fundamentals/intro.md", "fundamentals/index.md", "tips/x.md"]}
    nav[2] = {"Deployment": []}
    nav[3] = {"Monitoring": ["monitoring/index.md", "ethics/y.md"]}
    config_text = "nav:\n  - x\n  - tips/x.md\n"
    assert site_rules.check_nav_sections(nav, config_text, 5)[-1] == Problem("mkdocs.yml", 5, "'ethics/y.md' is listed under 'Monitoring' but lives elsewhere")
    assert site_rules.check_nav_sections(nav, config_text, 1) == [
        Problem("mkdocs.yml", 1, "nav section 'Fundamentals' must start with 'fundamentals/index.md'"),
        Problem("mkdocs.yml", 3, "'tips/x.md' is listed under 'Fundamentals' but lives elsewhere"),
        Problem("mkdocs.yml", 1, "nav section 'Deployment' must start with 'deployment/index.md'"),
        Problem("mkdocs.yml", 1, "'ethics/y.md' is listed under 'Monitoring' but lives elsewhere"),
    ]


def test_line_of_finds_the_first_line_holding_the_text():
    assert site_rules.line_of("a\nb x\nb x", "b") == 2
    assert site_rules.line_of("a", "z") == 1 and site_rules.line_of("a", "z", 7) == 7


def source_page(docs_path: str, title: str, alt_titles=(), unreadable=False) -> SourcePage:
    return SourcePage(docs_path, f"docs/{docs_path}", meta={"title": title, "alt_titles": list(alt_titles)}, unreadable=unreadable)


def test_normalized_question():
    assert site_rules.normalized("What is   DRIFT, really?") == "what is drift really"


def test_duplicate_questions_ignore_case_and_punctuation():
    pages = {
        "monitoring/a.md": source_page("monitoring/a.md", "What is drift?"),
        "monitoring/b.md": source_page("monitoring/b.md", "what is   DRIFT"),
        "monitoring/c.md": source_page("monitoring/c.md", "What is skew?", alt_titles=["What is drift?", "What is skew?"]),
        "monitoring/d.md": source_page("monitoring/d.md", "What is drift?", unreadable=True),
        "monitoring/index.md": source_page("monitoring/index.md", "What is drift?"),
    }
    assert site_rules.check_duplicate_questions(pages) == [
        Problem("docs/monitoring/b.md", 1, "asks the same question as docs/monitoring/a.md"),
        Problem("docs/monitoring/c.md", 1, "alt title 'What is drift?' is the question of docs/monitoring/a.md"),
    ]


def test_source_links(tmp_path):
    docs = tmp_path / "docs"
    (docs / "monitoring" / "folder").mkdir(parents=True)
    (docs / "monitoring" / "other.md").write_text("x", encoding="utf-8")
    (docs / "assets").mkdir()
    (docs / "assets" / "x.png").write_text("x", encoding="utf-8")
    lines = [
        "[ok](other.md#in-depth)",
        "[bad anchor](other.md#nowhere)",
        "[self](#short-answer)",
        "[self bad](#nowhere)",
        "[gone](gone.md)",
        "[out](../../x.md)",
        "[abs](/monitoring/other.md)",
        "[dir](folder)",
        "![remote](https://example.com/x.png)",
        "[site](https://example.com/)",
        "[mail](mailto:a@example.com)",
        '<script src="//cdn.example.com/x.js"></script>',
        '<a href="gone.html">raw</a>',
        "![ok](../assets/x.png#part)",
        "[plain](other.md)",
    ]
    page = SourcePage("monitoring/case.md", "docs/monitoring/case.md", body="\n".join(lines), body_line=5)
    ids = {"monitoring/other.md": {"in-depth"}, "monitoring/case.md": {"short-answer"}}
    found = site_rules.check_source_links(page, docs, ids.get)
    assert [(problem.line, problem.message) for problem in found] == [
        (6, "broken anchor 'other.md#nowhere': monitoring/other.md has no heading or element with id 'nowhere'"),
        (8, "broken anchor '#nowhere': monitoring/case.md has no heading or element with id 'nowhere'"),
        (9, "broken link 'gone.md': monitoring/gone.md does not exist in docs/"),
        (10, "link '../../x.md' escapes docs/"),
        (11, "absolute link '/monitoring/other.md': use a path relative to this page"),
        (12, "link 'folder' points to a folder: link to its index.md"),
        (13, "'https://example.com/x.png' loads from another host; keep assets under docs/assets/"),
        (16, "'//cdn.example.com/x.js' loads from another host; keep assets under docs/assets/"),
    ]
    top = SourcePage("about.md", "docs/about.md", body="[up](..)\n[up too](../)", body_line=1)
    assert messages(site_rules.check_source_links(top, docs, ids.get)) == ["link '..' escapes docs/", "link '../' escapes docs/"]
    # A page that was not built has no ids to check anchors against.
    assert site_rules.check_source_links(page, docs, lambda path: None)[0].line == 9


def test_built_html_path():
    assert site_rules.built_html_path("index.md") == "index.html"
    assert site_rules.built_html_path("monitoring/index.md") == "monitoring/index.html"
    assert site_rules.built_html_path("monitoring/model-drift.md") == "monitoring/model-drift/index.html"


def test_question_paths(tmp_path):
    for path in ("monitoring/a.md", "monitoring/index.md", "about.md", "monitoring/deep/b.md", "blog/c.md"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    assert site_rules.question_paths(tmp_path) == {"monitoring/a.md"}


SYLLABUS = """banks_total: 12
complete_sections: [fundamentals, kittens]
questions:
  - {id: M01, section: monitoring, banks: 8, question: "What is drift?"}
  - {id: M02, section: monitoring, banks: 2, question: "What is skew?"}
"""


def test_syllabus_ids_exist_and_each_belongs_to_one_page(tmp_path):
    (tmp_path / "overrides" / "data").mkdir(parents=True)
    (tmp_path / "overrides" / "data" / "syllabus.yml").write_text(SYLLABUS, encoding="utf-8")

    def page(path, ids, unreadable=False):
        return SourcePage(path, f"docs/{path}", meta={"syllabus": ids}, key_lines={"syllabus": 8}, unreadable=unreadable)

    pages = {
        "monitoring/0.md": page("monitoring/0.md", "M02"),
        "monitoring/a.md": page("monitoring/a.md", ["M01"]),
        "monitoring/b.md": page("monitoring/b.md", ["M01", 7, "M02", "M99"]),
        "monitoring/c.md": page("monitoring/c.md", "M02"),
        "monitoring/d.md": page("monitoring/d.md", ["M02"], unreadable=True),
        "monitoring/index.md": page("monitoring/index.md", ["M02"]),
    }
    assert syllabus_rules.check_syllabus_ids(pages, tmp_path) == [
        Problem("overrides/data/syllabus.yml", 1, "complete_sections names 'kittens', which is not one of: fundamentals, deployment, monitoring, ethics, tips"),
        Problem("docs/monitoring/b.md", 8, "syllabus id 'M01' is already answered by docs/monitoring/a.md: each id maps to one page"),
        Problem("docs/monitoring/b.md", 8, "syllabus id 'M99' is not in overrides/data/syllabus.yml"),
    ]
    (tmp_path / "overrides" / "data" / "syllabus.yml").write_text("banks_total: 12\n", encoding="utf-8")
    assert syllabus_rules.check_syllabus_ids(pages, tmp_path) == [
        Problem("overrides/data/syllabus.yml", 1, "the syllabus needs 'banks_total' (a number) and 'questions' (a list)")
    ]


# ---------------------------------------------------------------------------------------------
# Rules on the built pages, on a few small HTML files (no build)
# ---------------------------------------------------------------------------------------------


def built(tmp_path: Path, files: dict[str, str]) -> built_site.BuiltSite:
    for path, html in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, encoding="utf-8")
    return built_site.BuiltSite(tmp_path, "/guide", None)


ANSWER_HTML = '<details class="answer"><summary>Reveal</summary></details>'


def test_one_h1_passes_and_two_fail(tmp_path):
    site = built(tmp_path, {"a/index.html": "<h1>A</h1>", "b/index.html": "<h1>B</h1><h1>C</h1>", "c/index.html": "<h1>1</h1><h1>2</h1><h1>3</h1>"})
    assert built_site._check_one_h1(site, {"b/index.html": "docs/b.md"}) == [
        Problem("docs/b.md", 1, "built page has 2 H1 headings; only the title may be an H1"),
        Problem("site/c/index.html", 1, "built page has 3 H1 headings; only the title may be an H1"),
    ]


def test_second_h1_line_in_the_source(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "p.md").write_text("---\ntitle: x\n---\n# One\n```\n# not\n```\nText\n===\n", encoding="utf-8")
    assert built_site._second_h1_line(tmp_path, "docs/p.md") == 9
    (tmp_path / "docs" / "c.md").write_text("---\n# a YAML comment\ntitle: x\n---\n# One\nText\n# Two\n", encoding="utf-8")
    assert built_site._second_h1_line(tmp_path, "docs/c.md") == 7
    (tmp_path / "docs" / "latin1.md").write_bytes(b"---\ntitle: \xe9\n---\n# One\n# Two\n")
    assert built_site._second_h1_line(tmp_path, "docs/latin1.md") == 5
    (tmp_path / "docs" / "n.md").write_text("# One\n---\n# Two\n", encoding="utf-8")
    assert built_site._second_h1_line(tmp_path, "docs/n.md") == 3
    (tmp_path / "docs" / "q.md").write_text("---\ntitle: x\n---\n# One\n", encoding="utf-8")
    assert built_site._second_h1_line(tmp_path, "docs/q.md") == 1
    assert built_site._second_h1_line(None, "docs/p.md") == 1
    assert built_site._second_h1_line(tmp_path, "site/p.html") == 1


@pytest.mark.parametrize(
    "html, expected",
    [
        (ANSWER_HTML, []),
        ("<p>none</p>", ["built page has 0 answer blocks; it must have exactly one"]),
        (ANSWER_HTML * 2, ["built page has 2 answer blocks; it must have exactly one"]),
        ('<details class="answer" open><summary>R</summary></details>', ["built page shows the answer open; it must be collapsed"]),
        ('<details class="note"></details>' + ANSWER_HTML, []),
    ],
)
def test_exactly_one_collapsed_answer_in_a_built_question_page(tmp_path, html, expected):
    site = built(tmp_path, {"monitoring/case/index.html": html})
    assert built_site._check_answer_rendered(site, QUESTION) == [Problem(f"docs/{QUESTION}", 1, message) for message in expected]


def test_a_question_missing_from_the_built_site(tmp_path):
    assert built_site._check_answer_rendered(built(tmp_path, {}), QUESTION) == [Problem(f"docs/{QUESTION}", 1, "page is missing from the built site")]


def test_a_page_loading_from_another_host_is_reported_once_with_the_count_of_other_pages(tmp_path):
    remote = '<script src="https://cdn.example.com/x.js"></script>'
    one = '<img src="//img.example.com/y.png"><link rel="canonical" href="https://example.com/">'
    site = built(tmp_path, {"a/index.html": remote, "b/index.html": remote + remote, "c/index.html": remote + one, "d/index.html": "<p>x</p>"})
    assert built_site._check_other_hosts(site, {"a/index.html": "docs/a.md"}) == [
        Problem("docs/a.md", 1, "built page loads 'https://cdn.example.com/x.js' from another host (and 2 other pages)"),
        Problem("site/c/index.html", 1, "built page loads '//img.example.com/y.png' from another host"),
    ]
    (tmp_path / "d" / "index.html").write_text(one, encoding="utf-8")
    site = built_site.BuiltSite(tmp_path)
    assert "built page loads '//img.example.com/y.png' from another host (and 1 other pages)" in messages(built_site._check_other_hosts(site, {}))


def test_what_a_built_page_fetches():
    parser = built_site._PageParser()
    parser.feed(
        '<link rel="stylesheet" href="s.css"><link rel="alternate canonical" href="alt.html"><link rel="preconnect" href="//x">'
        '<img srcset="a.png 1x, b.png 2x" src="c.png"><svg><use href="#i"></use></svg><a href="page.html">p</a>'
        '<div style="background: url(\'bg.png\')"></div><style>@import "i.css"; .x { background: url(u.png) }</style><p>url(no.png)</p>'
    )
    assert parser.fetched == ["s.css", "//x", "c.png", "a.png", "b.png", "#i", "bg.png", "i.css", "u.png"]


def test_what_a_built_page_holds():
    parser = built_site._PageParser()
    parser.feed(
        '<a name="anchor">a</a><div name="not-an-id"></div><h2 id="h">H</h2>'
        '<img srcset="s.png 1x"><video poster="p.png"></video><object data="d.svg"></object>'
        '<details open><summary>no class</summary></details><details class="note answer" open></details><details class="answer"></details>'
        '<image xlink:href="x.png"></image><link href="no-rel.html"><style>a { background: url(in-style.png) }</style><p style="">t</p>'
    )
    assert parser.ids == {"anchor", "h"}
    assert [(tag, attribute) for tag, attribute, _ in parser.references] == [
        ("img", "srcset"), ("video", "poster"), ("object", "data"), ("link", "href"),
    ]
    assert parser.answer_blocks == [True, False]
    assert parser.fetched == ["s.png", "p.png", "d.svg", "x.png", "in-style.png"]
    parser = built_site._PageParser()
    parser.feed('<style>.a { color: red }</style><p>url(not-fetched.png)</p>')
    assert parser.fetched == []


def test_a_section_page_lists_the_first_link_of_each_item_of_its_own_list():
    parser = built_site._PageParser()
    parser.feed(
        '<ul><li><a href="before/">b</a></li></ul>'
        '<ol class="question-list"><li><span>1</span><a href="one/">1</a><a href="also/">x</a>'
        '<ul><li><a href="nested/">n</a></li></ul><ol><li><a href="nested-too/">n</a></li></ol></li>'
        '<li><a href="two/#top">2</a></li></ol>'
        '<ul><li><a href="after/">a</a></li></ul><ol><li><a href="after-too/">a</a></li></ol>'
    )
    assert parser.question_list == ["one/", "two/#top"]


def test_built_site_base_path():
    assert built_site.BuiltSite(Path("site")).base_path == "/"
    assert built_site.BuiltSite(Path("site"), "/guide/").base_path == "/guide/"
    assert built_site.BuiltSite(Path("site"), "/guide").base_path == "/guide/"


def test_broken_references_in_built_pages_are_reported_once(tmp_path):
    site = built(
        tmp_path,
        {
            "index.html": '<a href="a/">a</a><a href="a/#here">h</a><a href="a/#gone">g</a><a href="missing/">m</a><img src="x.png">'
            '<a href="/guide/a/">root</a><a href="/elsewhere/">other base</a><a href="https://example.com/">ext</a><a href="#">top</a>'
            '<a href="/guide/gone/">gone</a><link rel="stylesheet" href="gone.css">',
            "a/index.html": '<h2 id="here">H</h2><a href="../missing/">m</a><a href="sub/">sub</a><a href="/missing/">m</a>',
            "a/sub/index.html": "<p>sub</p>",
        },
    )
    reported: set[str] = set()
    found = built_site._check_references(site, "index.html", "docs/index.md", reported)
    found += built_site._check_references(site, "a/index.html", "docs/a.md", reported)
    assert found == [
        Problem("docs/index.md", 1, "built page links to 'a/#gone', which does not exist"),
        Problem("docs/index.md", 1, "built page links to 'missing/', which does not exist"),
        Problem("docs/index.md", 1, "built page references missing file 'x.png'"),
        Problem("docs/index.md", 1, "built page links to '/elsewhere/', which does not exist"),
        Problem("docs/index.md", 1, "built page links to '/guide/gone/', which does not exist"),
        Problem("docs/index.md", 1, "built page references missing file 'gone.css'"),
        Problem("docs/a.md", 1, "built page links to '/missing/', which does not exist"),
    ]


def test_section_pages_list_their_questions(tmp_path):
    html = '<ol class="question-list"><li><a href="case/">Case</a><ul><li><a href="../nested/">n</a></li></ul></li></ol><ul><li><a href="x/">x</a></li></ul>'
    site = built(tmp_path, {"monitoring/index.html": html})
    sections = {"monitoring": [QUESTION, "monitoring/nested.md", "monitoring/x.md"], "ethics": ["ethics/bias.md"]}
    assert built_site._check_section_indexes(site, sections) == [
        Problem("docs/monitoring/index.md", 1, "section index does not list monitoring/nested.md"),
        Problem("docs/monitoring/index.md", 1, "section index does not list monitoring/x.md"),
    ]


def test_search_index_and_stylesheets(tmp_path, monkeypatch):
    (tmp_path / "latin1.css").write_bytes(b"/* \xe9 */\na { background: url(//x.example/i.png) }\n")
    css = "a { color: red }\n@import url(//fonts.example.com/f.css);\nb { background: url('https://x.example/i.png') }"
    site = built(tmp_path, {"s.css": css, "ok.css": "a{}"})
    assert built_site._check_stylesheets(site) == [
        Problem("site/latin1.css", 2, "stylesheet loads from another host"),
        Problem("site/s.css", 2, "stylesheet loads from another host"),
        Problem("site/s.css", 3, "stylesheet loads from another host"),
    ]
    monkeypatch.setattr(site, "search_locations", lambda: {"monitoring/case/"})
    assert built_site._check_search_index(site, [QUESTION, "ethics/bias.md"]) == [Problem("docs/ethics/bias.md", 1, "page is missing from the search index")]


def test_build_warnings_become_problems_at_their_place(tmp_path):
    (tmp_path / "docs" / "monitoring").mkdir(parents=True)
    (tmp_path / "docs" / "monitoring" / "case.md").write_text("a\n[x](gone.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - old.md\n", encoding="utf-8")
    found = built_site.build_warnings_as_problems(
        [
            "Aborted with 3 warnings in strict mode!",
            "docs/monitoring/case.md:4: a hook's own message",
            "Doc file 'monitoring/case.md' contains a link 'gone.md', but the target is not found.",
            "Doc file 'monitoring/removed.md' contains a link 'x.md', but the target is not found.",
            "Excluding 'monitoring/case.md' from the site: page 'monitoring/case.md' is odd",
            "A reference to 'old.md' is not found",
            "Something else",
        ],
        tmp_path,
    )
    assert [(problem.path, problem.line) for problem in found] == [
        ("docs/monitoring/case.md", 4),
        ("docs/monitoring/case.md", 2),
        ("docs/monitoring/removed.md", 1),
        ("docs/monitoring/case.md", 1),
        ("mkdocs.yml", 3),
        ("mkdocs.yml", 1),
    ]
    assert [problem.message for problem in found] == [
        "mkdocs: a hook's own message",
        "mkdocs: Doc file 'monitoring/case.md' contains a link 'gone.md', but the target is not found.",
        "mkdocs: Doc file 'monitoring/removed.md' contains a link 'x.md', but the target is not found.",
        "mkdocs: Excluding 'monitoring/case.md' from the site: page 'monitoring/case.md' is odd",
        "mkdocs: A reference to 'old.md' is not found",
        "mkdocs: Something else",
    ]


# Follow-up ids ---------------------------------------------------------------------------------


def with_follow_ups(*items: str, depth: int = 600) -> str:
    text = question_text(answer(depth=depth))
    return text.replace("    ## Follow-up questions\n", "    ## Follow-up questions\n\n" + "".join(f"    {item}\n" for item in items), 1)


def follow_up_problems_of(tmp_path: Path, *items: str) -> list[tuple[int, str]]:
    page = write_page(tmp_path, with_follow_ups(*items))
    first = page.body_line + page.body.splitlines().index("    ## Follow-up questions") + 2  # the list's first line
    return [(problem.line - first, problem.message) for problem in page_rules.check_follow_up_ids(page)]


def test_follow_ups_with_well_formed_ids_of_their_own_pass(tmp_path):
    items = ("- **Why?**{#fu-why} Because.", "- **How, in 2 steps?**{#fu-how-in-2-steps} Two steps,", "  continued on a second line.")
    assert follow_up_problems_of(tmp_path, *items) == []
    assert problems_of(tmp_path, with_follow_ups(*items)) == []


def test_a_follow_up_without_an_id_is_named_with_the_script_that_writes_it(tmp_path):
    assert follow_up_problems_of(tmp_path, "- **Why?**{#fu-why} Because.", "- **And how?** Like this.") == [
        (1, "follow-up 'And how?' has no id: run `python scripts/add_follow_up_ids.py`, which writes {#fu-<id>} after each bold "
         "question that lacks one")
    ]


@pytest.mark.parametrize("written", [" {#fu-why}", "{#why}", "{#fu-Why}", "{#fu-why_not}", "{#fu-}", "{#fu-why-}", "{: #fu-why }", "{#fu-a b}"])
def test_a_malformed_follow_up_id_is_named_as_written(tmp_path, written):
    ((line, message),) = follow_up_problems_of(tmp_path, f"- **Why?**{written} Because.")
    assert line == 0
    assert message == (f"follow-up id '{written.strip()}' is malformed: write it right after the bold question, with no space, as "
                       "{#fu-<id>} with the id in lowercase kebab-case, such as **Why?**{#fu-some-words}")


def test_an_id_used_twice_in_a_page_is_named_at_its_second_use_with_the_first(tmp_path):
    items = ("- **Why?**{#fu-why} Because.", "- **What?**{#fu-what} That.", "- **Why again?**{#fu-why} Asked twice.", "- **Why once more?**{#fu-why} Thrice.")
    found = follow_up_problems_of(tmp_path, *items)
    assert [line for line, _ in found] == [2, 3]
    assert all("follow-up id 'why' is used twice in this page (first at line " in message for _, message in found)
    first = write_page(tmp_path, with_follow_ups(*items)).body.splitlines().index("    - **Why?**{#fu-why} Because.")
    assert all(f"(first at line {first + write_page(tmp_path, with_follow_ups(*items)).body_line})" in message for _, message in found)


def test_a_long_follow_up_question_is_shortened_in_the_message(tmp_path):
    question = "How would you " + "really " * 12 + "do it?"
    ((_, message),) = follow_up_problems_of(tmp_path, f"- **{question}** Like so.")
    assert message.startswith("follow-up 'How would you really really") and "...' has no id" in message
    assert len(message.split("'")[1]) == 60


def test_only_the_follow_up_list_of_the_answer_is_read(tmp_path):
    mistakes = "    ## Common mistakes\n"
    text = with_follow_ups("- **Why?**{#fu-why} Because.").replace(mistakes, mistakes + "\n    - **Bold, no id needed.** Fine.\n", 1)
    assert page_rules.check_follow_up_ids(write_page(tmp_path, text)) == []


def test_follow_up_ids_are_not_counted_as_answer_words(tmp_path):
    # HEADING_WORDS + 20 short + 464 depth + 16 in the follow-ups: exactly 500 prose words with the ids left out.
    items = ("- **One two three?**{#fu-one-two-three} Four five six seven eight.",) * 2
    items = (items[0], items[1].replace("fu-one-two-three", "fu-one-two-three-2"))
    assert problems_of(tmp_path, with_follow_ups(*items, depth=500 - HEADING_WORDS - 20 - 16)) == []
    too_few = with_follow_ups(*items, depth=500 - HEADING_WORDS - 20 - 17)
    assert any("answer has 499 words" in problem for problem in problems_of(tmp_path, too_few))

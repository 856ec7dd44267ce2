"""The tool landscape as data (overrides/data/landscape.yml, read by landscape_data.py): when a change counts as
after a review, how a page names a tool, every bad entry reported at its line, and the pages made from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from landscape_data import Day, load_landscape, named_tools, readable_lines

ROOT = Path(__file__).resolve().parent.parent
LANDSCAPE, PROBLEMS = load_landscape(ROOT)


def tool(name: str):
    return next(item for item in LANDSCAPE.tools if item.name == name)


def test_the_project_landscape_has_no_problems_and_records_the_december_2026_changes():
    assert PROBLEMS == []
    kinds = {(item.name, change.kind) for item in LANDSCAPE.tools for change in item.changes}
    assert {("Seldon Core", "license"), ("NannyML", "acquisition"), ("DVC", "acquisition"), ("Gemini Enterprise Agent Platform", "rename")} <= kinds
    assert all(change.source.startswith("https://") for item in LANDSCAPE.tools for change in item.changes)


def test_a_change_announced_on_the_review_day_counts_as_reviewed_and_a_later_one_does_not():
    (incident,) = tool("Trivy and trivy-action").changes
    assert not incident.after(date(2026, 3, 19))
    assert incident.after(date(2026, 3, 18))


def test_a_change_that_takes_effect_later_counts_from_its_announcement():
    end = next(change for change in tool("Vertex Explainable AI").changes if change.kind == "end-of-life")
    assert end.effective.first == date(2027, 3, 16)
    assert not end.after(date(2026, 12, 1))


def test_a_change_known_by_its_month_only_counts_from_the_month_s_last_day():
    (acquisition,) = tool("NannyML").changes
    assert acquisition.announced == Day(date(2025, 6, 1), "month")
    assert acquisition.announced.text == "June 2025" and acquisition.announced.iso == "2025-06"
    assert acquisition.after(date(2025, 6, 29)) and not acquisition.after(date(2025, 6, 30))


def test_a_page_names_a_tool_as_a_whole_word_in_any_case_outside_fenced_code():
    text = "---\ntitle: x\n---\n```python\nimport nannyml\n```\nWe used DVC-tracked data.\nSee NANNYML docs.\nwandbx is not wandb\n"
    found = {item.name: line for item, line in named_tools(LANDSCAPE, text)}
    assert found == {"NannyML": 8, "DVC": 7, "Weights & Biases": 9}  # "wandbx" is not a name; "wandb" is
    assert [line for line, _ in readable_lines(text)] == [1, 2, 3, 7, 8, 9]


def test_a_tool_whose_name_is_an_english_word_is_matched_with_its_case():
    text = "Evidently, the drift was real.\nevidently it was.\n"
    assert [item.name for item, _ in named_tools(LANDSCAPE, text, only_changed=False)] == ["Evidently"]
    assert [line for item, line in named_tools(LANDSCAPE, "evidently it was.\n", only_changed=False)] == []


def test_every_bad_entry_is_reported_at_its_line_in_one_run(tmp_path):
    data = tmp_path / "overrides" / "data"
    data.mkdir(parents=True)
    (data / "landscape.yml").write_text(
        "tools:\n"
        "  - name: Good\n"
        "    does: Does a thing.\n"
        "    license: MIT\n"
        "    owner: Someone\n"
        "    names: [Good]\n"
        "    status: Active\n"
        "    as_of: 2026-12-07\n"
        "    source: https://example.org/good\n"
        "    changes:\n"
        "      - kind: merger\n"
        "        announced: 2026-02-30\n"
        "        summary: Bad kind and date, no source.\n"
        "  - name: Bad\n"
        "    does: Another thing.\n",
        encoding="utf-8",
    )
    landscape, problems = load_landscape(tmp_path)
    assert landscape.tools == []
    assert problems == [
        (11, "Good: a change has no 'source'"),
        (11, "Good: unknown kind 'merger' (one of: rename, license, acquisition, foundation, deprecation, end-of-life, archived, incident)"),
        (12, "Good: announced '2026-02-30' is not a date: write YYYY-MM-DD, or YYYY-MM (YYYY) when the source gives only the month (year)"),
        (14, "Bad: no 'as_of'"),
        (14, "Bad: no 'license'"),
        (14, "Bad: no 'names'"),
        (14, "Bad: no 'owner'"),
        (14, "Bad: no 'source'"),
        (14, "Bad: no 'status'"),
    ]


def test_the_landscape_page_lists_every_tool_and_change_and_the_home_page_links_to_it(built):
    page = built.html("landscape/index.html")
    tables = page.css("article table")
    assert [row.css_first("td strong").text() for row in tables[0].css("tbody tr")] == sorted((item.name for item in LANDSCAPE.tools), key=str.casefold)
    assert len(tables[1].css("tbody tr")) == sum(len(item.changes) for item in LANDSCAPE.tools)
    assert "landscape/" in [link.attributes.get("href") for link in built.html("index.html").css("article a")]


def test_a_page_naming_a_changed_tool_has_a_tool_status_note_inside_its_answer(built):
    note = built.page("monitoring/model-drift.md").css_first("article details .admonition.info")
    assert note is not None and note.css_first(".admonition-title").text() == "Tool status"
    assert "NannyML" in note.text() and note.css_first('a[href="../../landscape/"]') is not None
    assert built.page("fundamentals/class-imbalance.md").css_first("article details .admonition.info") is None

"""scripts/add_follow_up_ids.py writes the follow-up ids a page lacks: each the id the follow-up had before
ids were written (so marks saved in browsers keep working), never touching an id already there, so a
second run changes nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import markdown
from follow_ups import derived_id, follow_ups_html
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "add_follow_up_ids.py"
SOURCE = ROOT / "docs" / "monitoring" / "model-drift.md"
WRITTEN_ID = re.compile(r"\{#fu-[a-z0-9-]+\}")


def run(*pages: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, pages)], capture_output=True, text=True, cwd=ROOT)


def page_without_ids(tmp_path: Path, extra: str = "") -> Path:
    """A copy of a real page with its follow-ups' ids taken out, and `extra` lines added to the list."""
    text = WRITTEN_ID.sub("", SOURCE.read_text(encoding="utf-8"))
    text = text.replace("\n\n    ## Common mistakes", "\n" + extra + "\n    ## Common mistakes") if extra else text
    page = tmp_path / "model-drift.md"
    page.write_text(text, encoding="utf-8")
    return page


def ids_before_ids_were_written(page: Path) -> list[str]:
    """What the build gave each follow-up before ids were written: derived from the rendered page."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    renderer = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    return [item.id for item in follow_ups_html(renderer.convert(body))]


def test_it_writes_each_missing_id_as_the_id_saved_marks_use_and_a_second_run_changes_nothing(tmp_path):
    page = page_without_ids(tmp_path, "    - **Can you detect `concept drift` without [labels](../index.md)?** Asked again.\n")
    before = ids_before_ids_were_written(page)
    assert before[0] == "detect-concept-drift-without-labels" and before[-1] == "detect-concept-drift-without-labels-2"
    result = run(page)
    assert result.returncode == 0, result.stderr
    written = re.findall(r"\{#fu-([a-z0-9-]+)\}", page.read_text(encoding="utf-8"))
    assert written == before
    assert f"{page.name}:" in result.stdout and "5 id(s) added in 1 of 1 page(s)" in result.stdout
    once = page.read_bytes()
    again = run(page)
    assert again.returncode == 0 and page.read_bytes() == once
    assert "0 id(s) added in 0 of 1 page(s)" in again.stdout


def test_it_never_changes_an_id_already_written_even_when_the_question_was_reworded(tmp_path):
    page = page_without_ids(tmp_path)
    text = page.read_text(encoding="utf-8").replace(
        "**How do you correct for label shift?**", "**What do you do when the class priors move?**{#fu-correct-label-shift}"
    )
    text = text.replace("**How often should you retrain?**", "**How do you correct for label shift?**")
    page.write_text(text, encoding="utf-8")
    assert run(page).returncode == 0
    result = page.read_text(encoding="utf-8")
    assert "**What do you do when the class priors move?**{#fu-correct-label-shift}" in result
    assert "**How do you correct for label shift?**{#fu-correct-label-shift-2}" in result, "the id taken is numbered past"
    assert derived_id("How do you correct for label shift?") == "correct-label-shift"


def test_it_leaves_a_malformed_id_to_the_author_and_names_its_line(tmp_path):
    page = page_without_ids(tmp_path)
    text = page.read_text(encoding="utf-8").replace("**How often should you retrain?**", "**How often should you retrain?** {#fu-often}")
    page.write_text(text, encoding="utf-8")
    line = next(number for number, line in enumerate(text.splitlines(), start=1) if "{#fu-often}" in line)
    result = run(page)
    assert result.returncode == 1
    assert f"{page.name}:{line}: left alone, malformed id '{{#fu-often}}'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "**How often should you retrain?** {#fu-often}" in page.read_text(encoding="utf-8")
    assert len(WRITTEN_ID.findall(page.read_text(encoding="utf-8"))) == 4, "the other follow-ups got their ids"


def test_every_follow_up_of_the_guide_has_its_id_written(tmp_path):
    pages = sorted((ROOT / "docs").glob("*/*.md"))
    copies = []
    for number, source in enumerate(pages):
        copy = tmp_path / f"{number}-{source.name}"
        copy.write_bytes(source.read_bytes())
        copies.append(copy)
    result = run(*copies)
    assert result.returncode == 0, result.stderr
    assert f"0 id(s) added in 0 of {len(copies)} page(s)" in result.stdout

"""The Markdown linter reads our pages as Material renders them, and pre-commit runs the same linters as `make lint`.

`make lint` runs the linter on docs/; these tests show that it reads what it must and nothing else.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LINTER = ROOT / "scripts" / "lint_markdown.py"
VENV_BIN = Path(sys.executable).parent

PAGE_WITH_PROBLEMS_IN_ITS_ANSWER = """\
---
title: Is this a question?
description: One sentence that describes the page.
---

# Is this a question?

??? answer "Reveal the answer"

    ## Short answer
    A paragraph right under its heading, on a line far longer than any sensible limit on line length would allow.

    !!! note "A nested note"
        Trailing spaces here.{spaces}
        #Not a heading

    Closing words.
"""

CLEAN_PAGE = """\
---
title: Is this a question?
description: One sentence that describes the page.
---

# Is this a question?

Some words, then a tip.

!!! tip "A tip"

    Text inside a tip, on a line far longer than any sensible limit on line length would allow, which is fine here.

??? answer "Reveal the answer"

    ## Short answer

    An answer.

    !!! note "A nested note"
        A note, then a fenced block:

        ```python
        print("indented code inside a note")
        ```

    | Column | Other |
    | --- | --- |
    | a | b |
"""


def run_linter(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(LINTER), *map(str, paths)], cwd=ROOT, capture_output=True, text=True)


def test_markdown_linter_reads_inside_answer_and_note_blocks_at_the_original_line_and_column(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE_WITH_PROBLEMS_IN_ITS_ANSWER.format(spaces="   "), encoding="utf-8")
    result = run_linter(page)
    assert result.returncode == 1
    found = {re.match(r".*page\.md:(\d+):(\d+): (MD\d+): ", line).groups() for line in result.stdout.splitlines()}
    assert found == {("10", "5", "MD022"), ("14", "30", "MD009"), ("15", "9", "MD018")}, result.stdout
    assert "Traceback" not in result.stderr


def test_markdown_linter_accepts_front_matter_admonitions_fences_tables_and_long_lines(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(CLEAN_PAGE, encoding="utf-8")
    result = run_linter(page)
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdown_linter_names_a_missing_path_without_a_traceback(tmp_path):
    result = run_linter(tmp_path / "missing.md")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def pre_commit_hooks() -> list[dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return [hook | {"repo": repo["repo"]} for repo in config["repos"] for hook in repo["hooks"]]


def test_pre_commit_configuration_is_valid_and_fetches_no_hook_repository():
    binary = VENV_BIN / "pre-commit"
    assert binary.is_file(), f"pre-commit is not installed in {VENV_BIN}: run `make setup`"
    result = subprocess.run([str(binary), "validate-config", ".pre-commit-config.yaml"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in pre_commit_hooks():
        assert hook["repo"] == "local" and hook["language"] == "system", hook["id"]
        assert hook["entry"].startswith(".venv/bin/"), f"{hook['id']}: runs a tool from outside .venv"


def test_pre_commit_runs_every_linter_that_make_lint_and_the_tests_run():
    dry_run = subprocess.run(["make", "-n", "lint"], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    lint_commands = [line for line in dry_run.stdout.splitlines() if line.startswith(".venv/bin/")]
    assert lint_commands, dry_run.stdout
    hook_entries = [hook["entry"] for hook in pre_commit_hooks()]
    for command in lint_commands:
        tool = " ".join(shlex.split(command)[:2] if command.startswith(".venv/bin/python") else shlex.split(command)[:1])
        assert any(entry.startswith(tool) for entry in hook_entries), f"`make lint` runs {command!r}, no pre-commit hook does"
    # actionlint runs in the tests (tests/test_workflow.py) rather than in `make lint`.
    assert any(re.match(r"\.venv/bin/actionlint\b", entry) for entry in hook_entries)

"""The checker refuses every kind of damage the page contract forbids, naming the file and line.

A copy of the real site is damaged in many ways at once, the checker runs once on it, and each
rule's test asserts its own exact message: this also proves that all problems come out in one run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT / "scripts" / "check_site.py"


def copy_site(destination: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(ROOT / "overrides", destination / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    return destination


def run_checker(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECKER), "--root", str(root)], capture_output=True, text=True)


def edit(root: Path, path: str, old: str, new: str, count: int = 1) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"damage cannot apply: {old!r} not in {path}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def append(root: Path, path: str, text: str) -> int:
    """Append lines; return the line number of the first appended line."""
    file = root / path
    current = file.read_text(encoding="utf-8")
    if not current.endswith("\n"):
        current += "\n"
    file.write_text(current + text, encoding="utf-8")
    return current.count("\n") + 1


def line_of(root: Path, path: str, needle: str) -> int:
    for number, line in enumerate((root / path).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@dataclass
class Damaged:
    root: Path
    result: subprocess.CompletedProcess
    expected: dict[str, str]

    @property
    def lines(self) -> list[str]:
        return self.result.stdout.splitlines()


def damage(root: Path) -> dict[str, str]:
    """Break the copy in every way the contract forbids; return rule name -> exact expected line."""
    expected = {}

    page = "docs/fundamentals/what-is-mlops.md"
    text = (root / page).read_text(encoding="utf-8")
    (root / page).write_text(text.split("---\n", 2)[2], encoding="utf-8")
    expected["front_matter_missing"] = f"{page}:1: front matter missing: the file must start with a '---' line"

    page = "docs/fundamentals/why-mlops-matters.md"
    edit(root, page, "---\n", '---\ntags: [lifecycle\nextra: "x"\n')
    expected["front_matter_malformed_yaml"] = f"{page}:3: front matter is not valid YAML: expected ',' or ']', but got ':'"

    page = "docs/fundamentals/mlops-vs-devops.md"
    title = "What is the difference between MLOps and DevOps?"
    edit(root, page, title, title.rstrip("?"), count=2)
    expected["title_not_a_question"] = f"{page}:1: title '{title.rstrip('?')}' is not a question: it must end with '?'"

    page = "docs/fundamentals/supervised-vs-unsupervised.md"
    title = "What is the difference between supervised and unsupervised machine learning?"
    edit(root, page, f"# {title}", "# Supervised versus unsupervised")
    expected["h1_differs_from_title"] = (
        f"{page}:{line_of(root, page, '# Supervised versus')}: H1 'Supervised versus unsupervised' differs from the front matter title '{title}'"
    )

    page = "docs/fundamentals/missing-and-inconsistent-data.md"
    line = append(root, page, "\n# A second title\n")
    expected["second_h1"] = f"{page}:{line + 1}: more than one H1: only the question may be an H1"

    page = "docs/fundamentals/feature-engineering.md"
    edit(root, page, '??? answer "', '???+ answer "')
    expected["answer_open"] = f"{page}:{line_of(root, page, '???+ answer')}: answer block must be collapsed: use '???', not '???+'"

    page = "docs/fundamentals/curse-of-dimensionality.md"
    edit(root, page, '??? answer "Reveal the answer"', '!!! note "Reveal the answer"')
    expected["answer_missing"] = (
        f"{page}:{line_of(root, page, '# How do you')}: no answer block: add one '??? answer \"Reveal the answer\"' block"
    )

    page = "docs/deployment/deployment-challenges.md"
    edit(root, page, "difficulty: ", "difficulty: easy\nold_difficulty: ")
    expected["difficulty_unknown"] = f"{page}:1: difficulty 'easy' is not one of: foundational, intermediate, advanced"
    expected["front_matter_unknown_key"] = (
        f"{page}:1: unknown front matter key 'old_difficulty' "
        "(allowed: title, description, difficulty, tags, alt_titles, related, reviewed, syllabus, subtopic)"
    )

    page = "docs/deployment/data-versioning.md"
    edit(root, page, "tags:\n", "tags:\n  - blockchain\n")
    expected["tag_outside_vocabulary"] = f"{page}:1: tag 'blockchain' is not in the vocabulary (extra.tag_vocabulary in mkdocs.yml)"

    page = "docs/deployment/containerization.md"
    edit(root, page, "related:\n", "related:\n  - deployment/no-such-question.md\n")
    expected["related_missing"] = f"{page}:1: related question 'deployment/no-such-question.md' is not a question page under docs/"

    page = "docs/deployment/ci-cd.md"
    line = append(root, page, "\n    See [this page](../monitoring/missing-page.md).\n")
    expected["broken_link"] = f"{page}:{line + 1}: broken link '../monitoring/missing-page.md': monitoring/missing-page.md does not exist in docs/"

    page = "docs/deployment/model-retraining.md"
    line = append(root, page, "\n    See [drift](../monitoring/model-drift.md#no-such-heading).\n")
    expected["broken_anchor"] = (
        f"{page}:{line + 1}: broken anchor '../monitoring/model-drift.md#no-such-heading': "
        "monitoring/model-drift.md has no heading or element with id 'no-such-heading'"
    )

    page = "docs/deployment/ab-testing.md"
    line = append(root, page, "\n    See [the README](../../README.md).\n")
    expected["link_escapes_docs"] = f"{page}:{line + 1}: link '../../README.md' escapes docs/"

    page = "docs/deployment/reproducibility.md"
    line = append(root, page, '\n    See <a href="../ghost-page/">a ghost</a>.\n')
    expected["raw_html_broken_link"] = f"{page}:{line + 1}: built page links to '../ghost-page/', which does not exist"

    page = "docs/monitoring/model-drift.md"
    line = append(root, page, "\n    ![](../assets/favicon.svg)\n")
    expected["image_without_alt"] = f"{page}:{line + 1}: image '../assets/favicon.svg' has no alt text"

    page = "docs/monitoring/production-monitoring.md"
    line = append(root, page, "\n    ![A chart](../assets/missing-chart.svg)\n")
    expected["image_missing"] = f"{page}:{line + 1}: broken link '../assets/missing-chart.svg': assets/missing-chart.svg does not exist in docs/"

    page = "docs/monitoring/evaluation-metrics.md"
    line = append(root, page, "\n    ![A logo](https://cdn.example.com/logo.png)\n")
    expected["asset_from_another_host"] = f"{page}:{line + 1}: 'https://cdn.example.com/logo.png' loads from another host; keep assets under docs/assets/"

    page = "docs/ethics/explainability.md"
    line = append(root, page, "\n    TODO: add a SHAP plot.\n")
    expected["placeholder_text"] = f"{page}:{line + 1}: placeholder text 'TODO' left in the page"
    edit(root, page, "description: ", "description: Two sentences here. ")
    expected["description_not_one_sentence"] = f"{page}:1: description must be exactly one sentence ending with '.'"

    page = "docs/ethics/bias.md"
    text = (root / page).read_text(encoding="utf-8")
    head, _, _ = text.partition('??? answer "Reveal the answer"')
    (root / page).write_text(head + '??? answer "Reveal the answer"\n', encoding="utf-8")
    expected["answer_empty"] = f"{page}:{line_of(root, page, '??? answer')}: answer block is empty"

    page = "docs/tips/tips-for-success.md"
    edit(root, page, "    ## Common mistakes", "    ## Mistakes")
    expected["answer_section_missing"] = f"{page}:{line_of(root, page, '??? answer')}: answer has no '## Common mistakes' section"

    page = "docs/tips/common-pitfalls.md"
    edit(root, page, "    ## Example", "    ## Example\n\n" + "    Padding words for length. " * 120 + "\n")
    expected["answer_too_long"] = f"{page}:{line_of(root, page, '??? answer')}: answer has WORDS words; it must have 500 to 1200"
    edit(root, page, "    ## References", "    ## Related questions\n\n    - [x](../ethics/bias.md)\n\n    ## References")
    expected["hand_written_related_section"] = (
        f"{page}:{line_of(root, page, '## Related questions')}: remove the 'Related questions' section: the build makes it from 'related:'"
    )

    page = "docs/ethics/security-again.md"
    shutil.copy(root / "docs/ethics/model-security.md", root / page)
    edit(root, "mkdocs.yml", "      - ethics/bias.md\n", "      - ethics/bias.md\n      - ethics/security-again.md\n")
    expected["duplicate_question"] = f"{page}:1: asks the same question as docs/ethics/model-security.md"

    page = "docs/monitoring/orphan.md"
    (root / page).write_text((root / "docs/tips/index.md").read_text(encoding="utf-8"), encoding="utf-8")
    expected["page_not_in_nav"] = f"{page}:1: page is not in the navigation (nav: in mkdocs.yml)"

    page = "docs/extras/notes.md"
    (root / "docs/extras").mkdir()
    (root / page).write_text("---\ntitle: Notes\ndescription: Notes.\n---\n\n# Notes\n", encoding="utf-8")
    expected["page_outside_sections"] = f"{page}:1: page is outside the five sections: fundamentals, deployment, monitoring, ethics, tips"

    page = "docs/monitoring/model-drift.md"
    edit(root, page, "    /// caption\n", "    /// note\n")
    dark = "../assets/figures/data-drift-psi-dark.svg#only-dark"
    expected["figure_without_caption"] = f"{page}:{line_of(root, page, dark)}: figure '{dark.split('#')[0]}' has no '/// caption' block right after it"

    page = "docs/deployment/containerization.md"
    text = (root / page).read_text(encoding="utf-8")
    dark_line = next(line for line in text.splitlines() if "containers-vs-vms-dark.svg" in line)
    edit(root, page, dark_line + "\n", "")
    light_line = next(line for line in text.splitlines() if "containers-vs-vms-light.svg" in line)
    edit(root, page, light_line, "    ![A diagram](../assets/figures/containers-vs-vms-light.svg#only-light)")
    light = "../assets/figures/containers-vs-vms-light.svg"
    expected["figure_alt_too_short"] = (
        f"{page}:{line_of(root, page, light)}: figure '{light}' needs alt text that says what it shows (40+ characters)"
    )
    expected["figure_without_dark_variant"] = f"{page}:{line_of(root, page, light)}: figure '{light}' has no dark palette variant next to it"

    edit(root, "mkdocs.yml", "      - monitoring/evaluation-metrics.md\n", "      - monitoring/evaluation-metrics.md\n      - monitoring/ghost.md\n")
    expected["nav_entry_missing"] = f"mkdocs.yml:{line_of(root, 'mkdocs.yml', 'monitoring/ghost.md')}: nav entry 'monitoring/ghost.md' does not exist in docs/"
    return expected


@pytest.fixture(scope="module")
def damaged(tmp_path_factory) -> Damaged:
    root = copy_site(tmp_path_factory.mktemp("damaged"))
    expected = damage(root)
    return Damaged(root, run_checker(root), expected)


RULES = [
    "front_matter_missing",
    "front_matter_malformed_yaml",
    "title_not_a_question",
    "h1_differs_from_title",
    "second_h1",
    "answer_open",
    "answer_missing",
    "difficulty_unknown",
    "front_matter_unknown_key",
    "tag_outside_vocabulary",
    "related_missing",
    "broken_link",
    "broken_anchor",
    "link_escapes_docs",
    "raw_html_broken_link",
    "image_without_alt",
    "image_missing",
    "asset_from_another_host",
    "placeholder_text",
    "description_not_one_sentence",
    "answer_empty",
    "answer_section_missing",
    "hand_written_related_section",
    "answer_too_long",
    "duplicate_question",
    "page_not_in_nav",
    "page_outside_sections",
    "nav_entry_missing",
    "figure_without_caption",
    "figure_alt_too_short",
    "figure_without_dark_variant",
]


@pytest.mark.parametrize("rule", RULES)
def test_checker_names_file_line_and_problem_for(rule, damaged):
    expected = damaged.expected[rule]
    if "WORDS" in expected:
        pattern = re.escape(expected).replace("WORDS", r"\d+")
        assert any(re.fullmatch(pattern, line) for line in damaged.lines), f"no line matches {expected}\n{damaged.result.stdout}"
    else:
        assert expected in damaged.lines, f"missing: {expected}\n--- checker output ---\n{damaged.result.stdout}"


def test_every_rule_is_exercised_by_a_damage(damaged):
    assert sorted(damaged.expected) == sorted(RULES)


def test_damaged_site_fails_with_one_line_per_problem_and_no_traceback(damaged):
    assert damaged.result.returncode == 1
    assert "Traceback" not in damaged.result.stdout + damaged.result.stderr
    assert all(re.match(r"^[\w./-]+:\d+: \S", line) for line in damaged.lines), damaged.result.stdout
    assert len(damaged.lines) == len(set(damaged.lines)), "a problem is reported twice"


def test_clean_copy_of_the_site_passes(tmp_path):
    result = run_checker(copy_site(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("no problems")

"""The checker refuses every kind of damage the page contract forbids, naming the file and line.

Each damage case below breaks a copy of the real site in one way and returns the exact lines the
checker must print for it. All the cases of one copy are applied together and the checker runs
once on that copy: this also proves that all problems come out in one run. A few damages stop the
checker early (mkdocs.yml that is not YAML, nav sections out of order, a file that is not UTF-8),
and a question page listed in the nav stops the strict build before the built-site rules run,
so they get a copy of their own.

Every message the checker can print (every `Problem(...)`, `page.problem(...)` and
`FrontMatterError(...)` in scripts/sitecheck/, scripts/check_site.py and
overrides/hooks/guide_catalog.py) must come out of at least one case:
`test_every_message_the_checker_can_print_has_a_damage_case` fails otherwise, naming the message.

To cover a new rule, add one function anywhere in the table:

    @case("answer_short_too_long")
    def _(root):
        page = new_question(root, "ethics/bias.md", "ethics/case-short-answer.md")
        ...damage it...
        return [f"{page}:{line_of(root, page, '## Short answer')}: short answer has 95 words; ..."]

Damage a page no other case needs (`new_question` makes one), or append to the end of a page:
an edit that adds or removes lines above another case's damage moves the line that case expects.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT / "scripts" / "check_site.py"
# Where the checker's messages are written: each call below with a message built from text is a
# message the checker can print.
MESSAGE_SOURCES = [
    *sorted((ROOT / "scripts" / "sitecheck").glob("*.py")),
    ROOT / "scripts" / "check_site.py",
    ROOT / "overrides" / "hooks" / "guide_catalog.py",
    ROOT / "overrides" / "hooks" / "guide_structure.py",
    ROOT / "overrides" / "hooks" / "follow_ups.py",
]
MESSAGE_CALLS = {"Problem", "problem", "FrontMatterError", "StructureProblem", "FollowUpProblem"}
PROBLEM_LINE = re.compile(r"^(?P<path>[\w./-]+):(?P<line>\d+): (?P<message>\S.*)$")

# A line the checker must print: the exact text, a pattern, or a function that returns either
# (called once every case has damaged the copy: for a line number other cases can still move).
Expected = str | re.Pattern | Callable[[], "str | re.Pattern"]


# ---------------------------------------------------------------------------------------------
# Helpers that damage a copy of the site
# ---------------------------------------------------------------------------------------------


def copy_site(destination: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(ROOT / "overrides", destination / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    (destination / "node_modules").symlink_to(ROOT / "node_modules")  # Rollup, for the build (study_bundle.py)
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


def title_of(root: Path, page: str) -> str:
    return yaml.safe_load((root / page).read_text(encoding="utf-8").split("---\n", 2)[1])["title"]


def new_question(root: Path, source: str, path: str) -> str:
    """A new question page for one case: a copy of `source` (docs path) asking its own question, in
    the same section and sub-topic (question pages are placed by their front matter, not by the nav).
    Returns its path from the project root (docs/...)."""
    title = title_of(root, f"docs/{source}")
    own_title = f"{title.rstrip('?')} (case {path.rsplit('/', 1)[-1].removesuffix('.md')})?"
    text = (root / "docs" / source).read_text(encoding="utf-8").replace(title, own_title)
    text = re.sub(r"\nalt_titles:\n(?:  - .*\n)+", "\n", text)  # its other phrasings are the source's
    text = re.sub(r"\nsyllabus: .*\n", "\n", text)  # each syllabus id is answered by one page
    (root / "docs" / path).write_text(text, encoding="utf-8")
    return f"docs/{path}"


def set_front_matter(root: Path, page: str, **values) -> None:
    """Rewrite a page's front matter with some keys set (None removes a key). Moves the body's lines."""
    _, block, body = (root / page).read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(block)
    for key, value in values.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    (root / page).write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The table: one damage case per rule
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    damage: Callable[[Path], list[Expected]]  # damages the copy; returns the lines it must print
    copy: str  # cases that share a copy are checked in one run


CASES: dict[str, Case] = {}


def case(name: str, copy: str = "main"):
    """Register a damage case (see the module's docstring)."""

    def register(damage: Callable[[Path], list[Expected]]):
        assert name not in CASES, f"two damage cases are named {name!r}"
        CASES[name] = Case(name, damage, copy)
        return damage

    return register


# Front matter -------------------------------------------------------------------------------


@case("front_matter_missing")
def _(root):
    page = "docs/fundamentals/what-is-mlops.md"
    (root / page).write_text((root / page).read_text(encoding="utf-8").split("---\n", 2)[2], encoding="utf-8")
    return [f"{page}:1: front matter missing: the file must start with a '---' line"]


@case("front_matter_malformed_yaml")
def _(root):
    page = "docs/fundamentals/why-mlops-matters.md"
    edit(root, page, "---\n", '---\ntags: [lifecycle\nextra: "x"\n')
    return [f"{page}:3: front matter is not valid YAML: expected ',' or ']', but got ':'"]


@case("front_matter_not_closed")
def _(root):
    page = "docs/tips/unclosed.md"
    (root / page).write_text("---\ntitle: Unclosed?\n\n# Unclosed?\n", encoding="utf-8")
    return [f"{page}:1: front matter not closed: no second '---' line"]


@case("front_matter_not_a_mapping")
def _(root):
    page = "docs/tips/listed.md"
    (root / page).write_text("---\n- title\n- description\n---\n\n# Listed\n", encoding="utf-8")
    return [f"{page}:2: front matter must be a mapping of keys to values"]


@case("front_matter_without_title")
def _(root):
    page = "docs/progress.md"
    edit(root, page, "title: Your progress\n", "")
    return [f"{page}:1: front matter has no 'title'"]


@case("front_matter_required_key_missing")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-no-difficulty.md")
    set_front_matter(root, page, difficulty=None)
    return [f"{page}:1: front matter has no 'difficulty'"]


@case("title_not_a_question")
def _(root):
    page = "docs/fundamentals/mlops-vs-devops.md"
    title = "What is the difference between MLOps and DevOps?"
    edit(root, page, title, title.rstrip("?"), count=2)
    return [f"{page}:1: title '{title.rstrip('?')}' is not a question: it must end with '?'"]


@case("difficulty_unknown_and_unknown_key")
def _(root):
    page = "docs/deployment/deployment-challenges.md"
    edit(root, page, "difficulty: ", "difficulty: easy\nold_difficulty: ")
    return [
        f"{page}:1: difficulty 'easy' is not one of: foundational, intermediate, advanced",
        f"{page}:1: unknown front matter key 'old_difficulty' "
        "(allowed: title, description, difficulty, tags, alt_titles, related, reviewed, syllabus, subtopic)",
    ]


@case("tag_outside_vocabulary")
def _(root):
    page = "docs/deployment/data-versioning.md"
    edit(root, page, "tags:\n", "tags:\n  - blockchain\n")
    return [f"{page}:1: tag 'blockchain' is not in the vocabulary (extra.tag_vocabulary in mkdocs.yml)"]


@case("description_not_one_sentence")
def _(root):
    page = "docs/ethics/explainability.md"
    edit(root, page, "description: ", "description: Two sentences here. ")
    return [f"{page}:1: description must be exactly one sentence ending with '.'"]


@case("description_empty")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-empty-description.md")
    set_front_matter(root, page, description="")
    return [f"{page}:1: description must be one non-empty sentence"]


@case("list_key_not_a_list")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-tags-not-a-list.md")
    set_front_matter(root, page, alt_titles="How do you run an experiment?")
    return [f"{page}:1: 'alt_titles' must be a list of non-empty strings"]


@case("list_key_empty")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-no-related.md")
    set_front_matter(root, page, related=[])
    return [f"{page}:1: 'related' must list at least one entry"]


@case("related_missing")
def _(root):
    page = "docs/deployment/containerization.md"
    edit(root, page, "related:\n", "related:\n  - deployment/no-such-question.md\n")
    return [f"{page}:1: related question 'deployment/no-such-question.md' is not a question page under docs/"]


@case("related_is_the_page_itself")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-related-itself.md")
    set_front_matter(root, page, related=["deployment/case-related-itself.md"])
    return [f"{page}:1: related question 'deployment/case-related-itself.md' is the page itself"]


@case("alt_title_is_another_question")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-alt-title.md")
    other = "docs/monitoring/model-drift.md"
    set_front_matter(root, page, alt_titles=[title_of(root, other)])
    return [f"{page}:1: alt title '{title_of(root, other)}' is the question of {other}"]


@case("duplicate_question")
def _(root):
    page = "docs/ethics/security-again.md"
    shutil.copy(root / "docs/ethics/model-security.md", root / page)
    return [f"{page}:1: asks the same question as docs/ethics/model-security.md"]


# Title and H1 -------------------------------------------------------------------------------


@case("h1_differs_from_title")
def _(root):
    page = "docs/fundamentals/supervised-vs-unsupervised.md"
    title = "What is the difference between supervised and unsupervised machine learning?"
    edit(root, page, f"# {title}", "# Supervised versus unsupervised")
    line = line_of(root, page, "# Supervised versus")
    return [f"{page}:{line}: H1 'Supervised versus unsupervised' differs from the front matter title '{title}'"]


@case("no_h1")
def _(root):
    page = "docs/tags.md"
    edit(root, page, "# Questions by tag\n", "")
    return [f"{page}:{line_of(root, page, 'Each question carries')}: no H1: the page must start with '# Questions by tag'"]


@case("second_h1")
def _(root):
    page = "docs/fundamentals/missing-and-inconsistent-data.md"
    line = append(root, page, "\n# A second title\n")
    return [f"{page}:{line + 1}: more than one H1: only the question may be an H1"]


@case("second_h1_inside_the_answer")
def _(root):
    page = "docs/monitoring/evaluation-metrics.md"
    line = append(root, page, "\n    # A title inside the answer\n")
    return [f"{page}:{line + 1}: built page has 2 H1 headings; only the title may be an H1"]


# The answer block ---------------------------------------------------------------------------


@case("answer_open")
def _(root):
    page = "docs/fundamentals/feature-engineering.md"
    edit(root, page, '??? answer "', '???+ answer "')
    return [
        f"{page}:{line_of(root, page, '???+ answer')}: answer block must be collapsed: use '???', not '???+'",
        f"{page}:1: built page shows the answer open; it must be collapsed",
    ]


@case("answer_missing")
def _(root):
    page = "docs/fundamentals/curse-of-dimensionality.md"
    edit(root, page, '??? answer "Reveal the answer"', '!!! note "Reveal the answer"')
    return [f"{page}:{line_of(root, page, '# How do you')}: no answer block: add one '??? answer \"Reveal the answer\"' block"]


@case("two_answer_blocks")
def _(root):
    page = "docs/deployment/deployment-challenges.md"
    first = line_of(root, page, '??? answer "Reveal the answer"')
    line = append(root, page, '\n??? answer "Reveal the answer"\n\n    A second answer.\n')
    return [
        f"{page}:{line + 1}: more than one answer block (the first is at line {first})",
        f"{page}:1: built page has 2 answer blocks; it must have exactly one",
    ]


@case("answer_empty")
def _(root):
    page = "docs/ethics/bias.md"
    head, _, _ = (root / page).read_text(encoding="utf-8").partition('??? answer "Reveal the answer"')
    (root / page).write_text(head + '??? answer "Reveal the answer"\n', encoding="utf-8")
    return [f"{page}:{line_of(root, page, '??? answer')}: answer block is empty"]


@case("answer_section_missing")
def _(root):
    page = "docs/tips/tips-for-success.md"
    edit(root, page, "    ## Common mistakes", "    ## Mistakes")
    return [f"{page}:{line_of(root, page, '??? answer')}: answer has no '## Common mistakes' section"]


@case("answer_sections_out_of_order")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-sections-order.md")
    edit(root, page, "    ## Example", "    ## Placeholder-example")
    edit(root, page, "    ## In depth", "    ## Example")
    edit(root, page, "    ## Placeholder-example", "    ## In depth")
    return [
        f"{page}:{line_of(root, page, '??? answer')}: answer sections out of order: expected "
        "Short answer, In depth, Example, Follow-up questions, Common mistakes, References"
    ]


@case("short_answer_too_long")
def _(root):
    page = new_question(root, "monitoring/production-monitoring.md", "monitoring/case-long-short-answer.md")
    edit(root, page, "    ## In depth", "    " + "More words a candidate would not have time to say. " * 3 + "\n\n    ## In depth")
    line = line_of(root, page, "## Short answer")
    return [re.compile(rf"{re.escape(page)}:{line}: short answer has \d+ words; it must have at most 80 \(what a candidate says in 30 seconds\)")]


@case("follow_up_ids_missing_malformed_or_repeated")
def _(root):
    page = new_question(root, "monitoring/model-drift.md", "monitoring/case-follow-up-ids.md")
    edit(root, page, "**Can you detect concept drift without labels?**{#fu-detect-concept-drift-without-labels}",
         "**Can you detect concept drift without labels?**")
    edit(root, page, "**How is training-serving skew different from drift?**{#fu-training-serving-skew-different-from-drift}",
         "**How is training-serving skew different from drift?** {#fu-training-serving-skew-different-from-drift}")
    edit(root, page, "**How do you correct for label shift?**{#fu-correct-label-shift}", "**How do you correct for label shift?**{#Label_Shift}")
    edit(root, page, "**How often should you retrain?**{#fu-often-should-retrain}", "**How often should you retrain?**{#fu-correct-label-shift}")
    asked_twice = "- **And the label shift again?**{#fu-correct-label-shift} Asked twice.\n    "
    edit(root, page, "- **How often should you retrain?**", asked_twice + "- **How often should you retrain?**")
    return [
        f"{page}:{line_of(root, page, '**Can you detect concept drift')}: follow-up 'Can you detect concept drift without labels?' has no id: "
        "run `python scripts/add_follow_up_ids.py`, which writes {#fu-<id>} after each bold question that lacks one",
        f"{page}:{line_of(root, page, '**How is training-serving skew')}: follow-up id '{{#fu-training-serving-skew-different-from-drift}}' "
        "is malformed: write it right after the bold question, with no space, as {#fu-<id>} with the id in lowercase kebab-case, "
        "such as **How is training-serving skew different from drift?**{#fu-some-words}",
        f"{page}:{line_of(root, page, '**How do you correct for label shift?**')}: follow-up id '{{#Label_Shift}}' is malformed: write it "
        "right after the bold question, with no space, as {#fu-<id>} with the id in lowercase kebab-case, "
        "such as **How do you correct for label shift?**{#fu-some-words}",
        f"{page}:{line_of(root, page, '**How often should you retrain?**')}: follow-up id 'correct-label-shift' is used twice in this page "
        f"(first at line {line_of(root, page, '**And the label shift again?**')}): give this follow-up an id of its own, {{#fu-<another-id>}}",
    ]


@case("answer_too_long_and_related_by_hand")
def _(root):
    page = "docs/tips/common-pitfalls.md"
    edit(root, page, "    ## Example", "    ## Example\n\n" + "    Padding words for length. " * 120 + "\n")
    edit(root, page, "    ## References", "    ## Related questions\n\n    - [x](../ethics/bias.md)\n\n    ## References")
    opener = line_of(root, page, "??? answer")
    return [
        re.compile(rf"{re.escape(page)}:{opener}: answer has \d+ words; it must have 500 to 1200"),
        f"{page}:{line_of(root, page, '## Related questions')}: remove the 'Related questions' section: the build makes it from 'related:'",
    ]


@case("answer_too_short")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-short.md")
    head = (root / page).read_text(encoding="utf-8").partition('??? answer "Reveal the answer"')[0]
    sections = ["Short answer", "In depth", "Example", "Follow-up questions", "Common mistakes"]
    answer = "".join(f"    ## {title}\n\n    A few words.\n\n" for title in sections) + "    ## References\n\n    - <https://example.com/paper>\n"
    (root / page).write_text(head + '??? answer "Reveal the answer"\n\n' + answer, encoding="utf-8")
    return [f"{page}:{line_of(root, page, '??? answer')}: answer has 25 words; it must have 500 to 1200"]


@case("references_without_a_url")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-references.md")
    text = (root / page).read_text(encoding="utf-8").split("    ## References")[0]
    (root / page).write_text(text + "    ## References\n\n    - A paper without an address.\n", encoding="utf-8")
    return [f"{page}:{line_of(root, page, '??? answer')}: References list no source with a URL"]


@case("placeholder_text")
def _(root):
    page = "docs/ethics/explainability.md"
    line = append(root, page, "\n    TODO: add a SHAP plot.\n")
    return [f"{page}:{line + 1}: placeholder text 'TODO' left in the page"]


# Links, images and figures in the Markdown --------------------------------------------------


@case("broken_link")
def _(root):
    page = "docs/deployment/ci-cd.md"
    line = append(root, page, "\n    See [this page](../monitoring/missing-page.md).\n")
    return [f"{page}:{line + 1}: broken link '../monitoring/missing-page.md': monitoring/missing-page.md does not exist in docs/"]


@case("broken_anchor")
def _(root):
    page = "docs/deployment/model-retraining.md"
    line = append(root, page, "\n    See [drift](../monitoring/model-drift.md#no-such-heading).\n")
    return [
        f"{page}:{line + 1}: broken anchor '../monitoring/model-drift.md#no-such-heading': "
        "monitoring/model-drift.md has no heading or element with id 'no-such-heading'"
    ]


@case("link_escapes_docs")
def _(root):
    page = "docs/deployment/ci-cd.md"
    line = append(root, page, "\n    See [the README](../../README.md).\n")
    return [f"{page}:{line + 1}: link '../../README.md' escapes docs/"]


@case("absolute_link")
def _(root):
    page = "docs/deployment/ci-cd.md"
    line = append(root, page, "\n    See [drift](/monitoring/model-drift.md).\n")
    return [f"{page}:{line + 1}: absolute link '/monitoring/model-drift.md': use a path relative to this page"]


@case("link_to_a_folder")
def _(root):
    page = "docs/deployment/ci-cd.md"
    line = append(root, page, "\n    See [the ethics questions](../ethics).\n")
    return [f"{page}:{line + 1}: link '../ethics' points to a folder: link to its index.md"]


@case("image_without_alt")
def _(root):
    page = "docs/monitoring/model-drift.md"
    line = append(root, page, "\n    ![](../assets/favicon.svg)\n")
    return [f"{page}:{line + 1}: image '../assets/favicon.svg' has no alt text"]


@case("raw_html_image_without_alt")
def _(root):
    page = "docs/monitoring/model-drift.md"
    line = append(root, page, '\n    <img src="../../assets/favicon.svg">\n')
    return [f"{page}:{line + 1}: raw HTML <img> has no alt text"]


@case("image_missing")
def _(root):
    page = "docs/monitoring/production-monitoring.md"
    line = append(root, page, "\n    ![A chart](../assets/missing-chart.svg)\n")
    return [f"{page}:{line + 1}: broken link '../assets/missing-chart.svg': assets/missing-chart.svg does not exist in docs/"]


@case("asset_from_another_host")
def _(root):
    page = "docs/monitoring/evaluation-metrics.md"
    line = append(root, page, "\n    ![A logo](https://cdn.example.com/logo.png)\n")
    return [f"{page}:{line + 1}: 'https://cdn.example.com/logo.png' loads from another host; keep assets under docs/assets/"]


@case("figure_without_caption")
def _(root):
    page = "docs/monitoring/model-drift.md"
    edit(root, page, "    /// caption\n", "    /// note\n")
    dark = "../assets/figures/data-drift-psi-dark.svg#only-dark"
    return [f"{page}:{line_of(root, page, dark)}: figure '{dark.split('#')[0]}' has no '/// caption' block right after it"]


@case("figure_alt_too_short_and_without_dark_variant")
def _(root):
    page = "docs/deployment/containerization.md"
    text = (root / page).read_text(encoding="utf-8")
    dark_line = next(line for line in text.splitlines() if "containers-vs-vms-dark.svg" in line)
    edit(root, page, dark_line + "\n", "")
    light_line = next(line for line in text.splitlines() if "containers-vs-vms-light.svg" in line)
    edit(root, page, light_line, "    ![A diagram](../assets/figures/containers-vs-vms-light.svg#only-light)")
    light = "../assets/figures/containers-vs-vms-light.svg"
    line = line_of(root, page, light)
    return [
        f"{page}:{line}: figure '{light}' needs alt text that says what it shows (40+ characters)",
        f"{page}:{line}: figure '{light}' has no dark palette variant next to it",
    ]


@case("figure_without_palette_suffix")
def _(root):
    page = "docs/ethics/explainability.md"
    figure = "../assets/figures/data-drift-psi-light.svg"
    alt = "Two histograms of a feature drifting between a reference and a production window"
    line = append(root, page, f"\n    ![{alt}]({figure})\n    /// caption\n    Drift.\n    ///\n")
    return [f"{page}:{line + 1}: figure '{figure}' must end in -light.svg#only-light or -dark.svg#only-dark"]


# Review date and syllabus mapping -----------------------------------------------------------


@case("reviewed_missing")
def _(root):
    page = new_question(root, "ethics/model-security.md", "ethics/case-no-review-date.md")
    set_front_matter(root, page, reviewed=None)
    return [f"{page}:1: front matter has no 'reviewed'"]


@case("reviewed_not_a_date")
def _(root):
    page = new_question(root, "tips/tips-for-success.md", "tips/case-review-not-a-date.md")
    edit(root, page, "reviewed: 2026-12-01", "reviewed: last week")
    line = line_of(root, page, "reviewed:")
    return [f"{page}:{line}: reviewed 'last week' is not a date: write the day of the last review as YYYY-MM-DD"]


@case("reviewed_in_future")
def _(root):
    page = new_question(root, "monitoring/evaluation-metrics.md", "monitoring/case-review-in-future.md")
    edit(root, page, "reviewed: 2026-12-01", "reviewed: 2999-01-01")
    today = datetime.now(UTC).date().isoformat()
    return [f"{page}:{line_of(root, page, 'reviewed:')}: reviewed 2999-01-01 is in the future (today is {today})"]


@case("syllabus_id_unknown")
def _(root):
    page = "docs/monitoring/production-monitoring.md"
    edit(root, page, "syllabus: [M16, M17]", "syllabus: [M16, M17, M99]")
    return [lambda: f"{page}:{line_of(root, page, 'syllabus:')}: syllabus id 'M99' is not in overrides/data/syllabus.yml"]


@case("syllabus_id_on_two_pages")
def _(root):
    page = "docs/tips/common-pitfalls.md"
    edit(root, page, "syllabus: [M14]", "syllabus: [M14, M01]")
    return [
        lambda: f"{page}:{line_of(root, page, 'syllabus:')}: syllabus id 'M01' is already answered by "
        "docs/monitoring/model-drift.md: each id maps to one page"
    ]


@case("reviewed_impossible_date")
def _(root):
    page = new_question(root, "tips/tips-for-success.md", "tips/case-review-impossible-date.md")
    edit(root, page, "reviewed: 2026-12-01", "reviewed: 2026-13-01")
    line = line_of(root, page, "reviewed:")
    return [re.compile(re.escape(f"{page}:{line}: front matter has an impossible date: ") + r".*month.*")]


@case("syllabus_not_a_list_of_ids")
def _(root):
    page = new_question(root, "ethics/bias.md", "ethics/case-syllabus-not-a-list.md")
    set_front_matter(root, page, syllabus="E01")
    return [f"{page}:{line_of(root, page, 'syllabus:')}: 'syllabus' must be a list of ids such as [M01, M06], not 'E01'"]


@case("syllabus_complete_section_unknown")
def _(root):
    edit(root, "overrides/data/syllabus.yml", "complete_sections: [", "complete_sections: [robotics, ")
    return [
        "overrides/data/syllabus.yml:1: complete_sections names 'robotics', which is not one of: "
        "fundamentals, deployment, monitoring, ethics, tips"
    ]


@case("syllabus_id_of_a_complete_section_unanswered")
def _(root):
    edit(root, "docs/fundamentals/ml-roles.md", "syllabus: [F32]", "syllabus: []")
    syllabus = "overrides/data/syllabus.yml"
    return [
        f"{syllabus}:{line_of(root, syllabus, 'id: F32')}: syllabus id 'F32' of the complete section 'fundamentals' is answered by no page: "
        '"How do ML engineer, data scientist, data engineer and MLOps/platform roles differ?"'
    ]


# The tool landscape and the list of changes -------------------------------------------------


def first_line_naming(root: Path, path: str, name: str) -> int:
    """The first line naming a tool as the checker finds it: whole word, any case, outside fenced code."""
    inside = False
    for number, line in enumerate((root / path).read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"^\s*(```|~~~)", line):
            inside = not inside
        elif not inside and re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", line, re.IGNORECASE):
            return number
    raise AssertionError(f"{name!r} not in {path}")


@case("tool_changed_after_the_review")
def _(root):
    # The page names Trivy; the trivy-action compromise (19 March 2026) came after a review on 18 March.
    page = new_question(root, "ethics/model-security.md", "ethics/case-tool-changed-after-review.md")
    edit(root, page, "reviewed: 2026-12-01", "reviewed: 2026-03-18")
    return [
        f"{page}:{first_line_naming(root, page, 'Trivy')}: names Trivy and trivy-action, whose security incident was announced "
        "2026-03-19 after this page's review (2026-03-18): review the page"
    ]


@case("retired_tool_name_without_the_current_one")
def _(root):
    page = new_question(root, "fundamentals/feature-store.md", "fundamentals/case-retired-name.md")
    edit(root, page, "Gemini Enterprise Agent Platform", "Google's platform", count=-1)
    return [
        f"{page}:{first_line_naming(root, page, 'Vertex AI')}: uses the retired name 'Vertex AI' and never gives the current name "
        "'Gemini Enterprise Agent Platform': say 'Gemini Enterprise Agent Platform' (renamed 2026-04-22)"
    ]


@case("review_without_a_what_changed_entry")
def _(root):
    # A new page reviewed on 1 December 2026 with no line in changes.yml for it.
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-review-without-entry.md")
    return [
        f"{page}:{line_of(root, page, 'reviewed:')}: reviewed 2026-12-01 has no entry for this page on that day in "
        "overrides/data/changes.yml: add one line saying what the review changed"
    ]


@case("landscape_entries_malformed", copy="landscape-data")
def _(root):
    # A bad landscape.yml stops the build: a copy of its own. Every bad entry is reported in one run.
    data = "overrides/data/landscape.yml"
    edit(root, data, "announced: 2024-01-22", "announced: 2024-13-22")
    edit(root, data, "kind: incident", "kind: breach")
    edit(root, data, "    source: https://raw.githubusercontent.com/treeverse/dvc/main/README.rst\n", "")
    return [
        f"{data}:{line_of(root, data, 'announced: 2024-13-22')}: Seldon Core: announced '2024-13-22' is not a date: "
        "write YYYY-MM-DD, or YYYY-MM (YYYY) when the source gives only the month (year)",
        f"{data}:{line_of(root, data, 'kind: breach')}: Trivy and trivy-action: unknown kind 'breach' "
        "(one of: rename, license, acquisition, foundation, deprecation, end-of-life, archived, incident)",
        f"{data}:{line_of(root, data, '- name: DVC')}: DVC: no 'source'",
    ]


# Pages and the navigation -------------------------------------------------------------------


@case("page_not_in_nav")
def _(root):
    page = "docs/orphan.md"
    (root / page).write_text((root / "docs/tips/index.md").read_text(encoding="utf-8"), encoding="utf-8")
    return [f"{page}:1: page is not in the navigation (nav: in mkdocs.yml)"]


@case("page_outside_sections")
def _(root):
    page = "docs/extras/notes.md"
    (root / "docs/extras").mkdir()
    (root / page).write_text("---\ntitle: Notes\ndescription: Notes.\n---\n\n# Notes\n", encoding="utf-8")
    return [f"{page}:1: page is outside the five sections: fundamentals, deployment, monitoring, ethics, tips"]


@case("nav_entry_missing")
def _(root):
    edit(root, "mkdocs.yml", "  - Home: index.md\n", "  - Home: index.md\n  - Ghost: ghost.md\n")
    return [lambda: f"mkdocs.yml:{line_of(root, 'mkdocs.yml', 'ghost.md')}: nav entry 'ghost.md' does not exist in docs/"]


@case("nav_lists_a_page_twice")
def _(root):
    edit(root, "mkdocs.yml", "  - Tags: tags.md\n", "  - Tags: tags.md\n  - Tags again: tags.md\n")
    return [lambda: f"mkdocs.yml:{line_of(root, 'mkdocs.yml', 'tags.md')}: nav lists 'tags.md' twice"]


@case("nav_page_in_another_section")
def _(root):
    edit(root, "mkdocs.yml", "  - Progress: progress.md\n", "")
    edit(root, "mkdocs.yml", "      - ethics/index.md\n", "      - ethics/index.md\n      - progress.md\n")
    moved = "progress.md"
    return [lambda: f"mkdocs.yml:{line_of(root, 'mkdocs.yml', moved)}: '{moved}' is listed under 'Ethics' but lives elsewhere"]


@case("nav_section_without_its_index_first", copy="nav")
def _(root):
    edit(root, "mkdocs.yml", "  - Tips:\n      - tips/index.md\n", "  - Tips:\n      - tips/common-pitfalls.md\n      - tips/index.md\n")
    listed = "tips/common-pitfalls.md"
    return [
        lambda: f"mkdocs.yml:{line_of(root, 'mkdocs.yml', 'nav:')}: nav section 'Tips' must start with 'tips/index.md'",
        lambda: f"mkdocs.yml:{line_of(root, 'mkdocs.yml', listed)}: nav lists the question page '{listed}': "
        "question pages are placed by their front matter (subtopic), remove the line",
    ]


# Sub-topics: declared by a section's index.md, named by its question pages (guide_structure.py)


def declared_ids(root: Path, section: str) -> str:
    meta = yaml.safe_load((root / "docs" / section / "index.md").read_text(encoding="utf-8").split("---\n", 2)[1])
    return ", ".join(entry["id"] for entry in meta["subtopics"])


@case("subtopic_unknown")
def _(root):
    page = new_question(root, "fundamentals/feature-engineering.md", "fundamentals/case-subtopic-typo.md")
    edit(root, page, "subtopic: data-and-features", "subtopic: data-and-fetaures")
    line = line_of(root, page, "subtopic:")
    return [lambda: f"{page}:{line}: unknown sub-topic 'data-and-fetaures': fundamentals/index.md declares {declared_ids(root, 'fundamentals')}"]


@case("subtopic_missing")
def _(root):
    page = new_question(root, "fundamentals/feature-engineering.md", "fundamentals/case-no-subtopic.md")
    set_front_matter(root, page, subtopic=None)
    return [
        lambda: f"{page}:{line_of(root, page, 'difficulty:')}: no 'subtopic': fundamentals/index.md declares sub-topics, "
        f"so the page must name one of: {declared_ids(root, 'fundamentals')}"
    ]


@case("subtopic_not_an_id")
def _(root):
    page = new_question(root, "fundamentals/feature-engineering.md", "fundamentals/case-subtopic-list.md")
    set_front_matter(root, page, subtopic=["data-and-features"])
    return [f"{page}:{line_of(root, page, 'subtopic:')}: 'subtopic' must be a sub-topic id, such as 'data-and-features'"]


def without_subtopics(root: Path, section: str) -> str:
    """Take a section's sub-topic declaration out of its index.md (every section declares some now);
    returns the index's path. Its pages still name theirs, unless the case removes them too."""
    index = f"docs/{section}/index.md"
    text = (root / index).read_text(encoding="utf-8")
    flat = re.sub(r"# The sub-topics of this section.*\n", "", text)
    flat = re.sub(r"subtopics:\n(?:  .*\n)+", "", flat)
    assert flat != text, f"{index} declares no sub-topics to take out"
    (root / index).write_text(flat, encoding="utf-8")
    return index


# A section that declares no sub-topics: Tips made flat, as a section may be (its pages then name none).
@case("subtopic_in_a_section_without_subtopics", copy="flat-section")
def _(root):
    without_subtopics(root, "tips")
    for file in (root / "docs" / "tips").glob("*.md"):
        file.write_text(re.sub(r"\nsubtopic: .*\n", "\n", file.read_text(encoding="utf-8")), encoding="utf-8")
    page = new_question(root, "tips/tips-for-success.md", "tips/case-stray-subtopic.md")
    set_front_matter(root, page, subtopic="serving")
    return [
        f"{page}:{line_of(root, page, 'subtopic:')}: subtopic 'serving', but tips/index.md declares no sub-topics: "
        "remove the key or declare it there"
    ]


@case("subtopic_without_pages")
def _(root):
    index = "docs/fundamentals/index.md"
    edit(root, index, "    title: Data and features\n", "    title: Data and features\n  - id: serving-at-scale\n    title: Serving at scale\n")
    return [
        lambda: f"{index}:{line_of(root, index, 'serving-at-scale')}: sub-topic 'serving-at-scale' is declared but no page "
        "of fundamentals/ names it (subtopic: serving-at-scale)"
    ]


@case("subtopics_not_a_list")
def _(root):
    index = without_subtopics(root, "ethics")
    edit(root, index, "---\n", "---\nsubtopics: 3\n")
    return [f"{index}:2: 'subtopics' must be a list of sub-topics, each with an 'id' and a 'title'"]


@case("subtopic_declarations_malformed")
def _(root):
    index = without_subtopics(root, "tips")
    declared = (
        "subtopics:\n"
        "  - just a heading\n"
        "  - id: Drift_Detection\n    title: Drift\n"
        "  - id: quality\n    title: Quality\n    colour: red\n"
        "  - id: quality\n    title: Quality again\n"
        "  - id: alerts\n"
    )
    edit(root, index, "---\n", "---\n" + declared)
    return [
        f"{index}:2: sub-topic 1 must be a mapping with an 'id' and a 'title'",
        f"{index}:4: sub-topic 2 needs an 'id' in kebab-case, such as 'data-and-features'",
        f"{index}:6: sub-topic 3 has unknown key(s) colour (allowed: id, title)",
        f"{index}:6: sub-topic 'quality' is declared twice",
        f"{index}:11: sub-topic 5 needs a 'title', the heading readers see",
    ]


@case("question_page_in_nav", copy="nav")
def _(root):
    listed = "fundamentals/what-is-mlops.md"
    edit(root, "mkdocs.yml", "      - fundamentals/index.md\n", f"      - fundamentals/index.md\n      - {listed}\n")
    return [
        lambda: f"mkdocs.yml:{line_of(root, 'mkdocs.yml', listed)}: nav lists the question page '{listed}': "
        "question pages are placed by their front matter (subtopic), remove the line"
    ]


@case("nav_sections_out_of_order", copy="nav-order")
def _(root):
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    ethics = re.search(r"(?m)^  - Ethics:\n(?:      - .*\n)+", config).group(0)
    config = config.replace(ethics, "").replace("  - Monitoring:\n", ethics + "  - Monitoring:\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return [
        f"mkdocs.yml:{line_of(root, 'mkdocs.yml', 'nav:')}: nav sections must be, in order: "
        "Fundamentals, Deployment, Monitoring, Ethics, Tips; found: Fundamentals, Deployment, Ethics, Monitoring, Tips"
    ]


@case("config_not_yaml", copy="config-not-yaml")
def _(root):
    edit(root, "mkdocs.yml", "strict: true", "strict: [true")
    return [re.compile(r"mkdocs\.yml:\d+: not valid YAML: .+")]


@case("page_not_utf8", copy="not-utf8")
def _(root):
    page = "docs/tips/latin1.md"
    (root / page).write_bytes("---\ntitle: Na\xefve?\n---\n\n# Na\xefve?\n".encode("latin-1"))
    return [f"{page}:1: file is not valid UTF-8 text"]


# The built site -----------------------------------------------------------------------------


@case("raw_html_broken_link")
def _(root):
    page = "docs/deployment/reproducibility.md"
    line = append(root, page, '\n    See <a href="../ghost-page/">a ghost</a>.\n')
    return [f"{page}:{line + 1}: built page links to '../ghost-page/', which does not exist"]


@case("raw_html_missing_file")
def _(root):
    page = "docs/deployment/reproducibility.md"
    line = append(root, page, '\n    <audio controls src="../../assets/no-such-talk.ogg"></audio>\n')
    return [f"{page}:{line + 1}: built page references missing file '../../assets/no-such-talk.ogg'"]


@case("request_to_another_host")
def _(root):
    # Web fonts from the theme: an address with no file extension, on every page.
    edit(root, "mkdocs.yml", "  font: false\n", "  font:\n    text: Roboto\n")
    # Raw HTML the Markdown rules do not read: a srcset and a CSS url() in a style attribute.
    page = "docs/ethics/model-security.md"
    srcset = append(root, page, '\n    <img src="../../assets/favicon.svg" srcset="https://cdn.example.com/logo@2x.png 2x" alt="The logo">\n')
    style = append(root, page, '\n    <div style="background: url(https://cdn.example.com/paper.png)">Note</div>\n')
    return [
        re.compile(r"site/404\.html:1: built page loads 'https://fonts\.googleapis\.com/css\?family=Roboto[^']*' from another host \(and \d+ other pages\)"),
        re.compile(r"site/404\.html:1: built page loads 'https://fonts\.gstatic\.com' from another host \(and \d+ other pages\)"),
        f"{page}:{srcset + 1}: built page loads 'https://cdn.example.com/logo@2x.png' from another host",
        f"{page}:{style + 1}: built page loads 'https://cdn.example.com/paper.png' from another host",
    ]


@case("stylesheet_from_another_host")
def _(root):
    (root / "docs/assets/stylesheets/remote.css").write_text('@import url("https://fonts.googleapis.com/css?family=Inter");\n', encoding="utf-8")
    return ["site/assets/stylesheets/remote.css:1: stylesheet loads from another host"]


@case("section_page_without_its_list")
def _(root):
    edit(root, "docs/tips/index.md", "<!-- section-questions -->", "")
    return [
        "docs/tips/index.md:1: section index does not list tips/common-pitfalls.md",
        # The sidebar and the nav still link to every question: only the page's own list counts.
    ]


@case("page_left_out_of_the_build")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-excluded.md")
    append(root, "mkdocs.yml", "exclude_docs: |\n  deployment/case-excluded.md\n")
    return [
        f"{page}:1: page is missing from the built site",
        f"{page}:1: page is missing from the search index",
    ]


@case("page_left_out_of_search")
def _(root):
    page = new_question(root, "deployment/ab-testing.md", "deployment/case-not-searchable.md")
    # Material's way to leave a page out of its search: refused, as the guide's search must hold every question.
    set_front_matter(root, page, search={"exclude": True})
    return [
        f"{page}:1: unknown front matter key 'search' (allowed: title, description, difficulty, tags, alt_titles, related, reviewed, syllabus, subtopic)"
    ]


# ---------------------------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------------------------


@dataclass
class CheckedCopy:
    root: Path
    result: subprocess.CompletedProcess
    expected: dict[str, list[Expected]]  # case name -> lines

    @property
    def lines(self) -> list[str]:
        return self.result.stdout.splitlines()


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, CheckedCopy]:
    """Copy name -> the checker's run on that copy, damaged by all of its cases."""
    copies = {}
    for copy in dict.fromkeys(item.copy for item in CASES.values()):
        root = copy_site(tmp_path_factory.mktemp(copy))
        expected = {item.name: item.damage(root) for item in CASES.values() if item.copy == copy}
        expected = {name: [line() if callable(line) else line for line in lines] for name, lines in expected.items()}
        copies[copy] = CheckedCopy(root, run_checker(root), expected)
    return copies


def printed(line: str, expected: Expected) -> bool:
    return bool(expected.fullmatch(line)) if isinstance(expected, re.Pattern) else line == expected


@pytest.mark.parametrize("name", list(CASES))
def test_checker_names_file_line_and_problem_for(name, checked):
    copy = checked[CASES[name].copy]
    for expected in copy.expected[name]:
        shown = expected.pattern if isinstance(expected, re.Pattern) else expected
        assert any(printed(line, expected) for line in copy.lines), f"missing: {shown}\n--- checker output ---\n{copy.result.stdout}{copy.result.stderr}"


@pytest.mark.parametrize("copy", list(dict.fromkeys(item.copy for item in CASES.values())))
def test_damaged_copy_fails_with_one_line_per_problem_and_no_traceback(copy, checked):
    result = checked[copy].result
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert all(PROBLEM_LINE.match(line) for line in checked[copy].lines), result.stdout
    assert len(checked[copy].lines) == len(set(checked[copy].lines)), "a problem is reported twice"


def test_a_second_h1_reported_in_the_markdown_is_not_reported_again_from_the_built_page(checked):
    page = "docs/fundamentals/missing-and-inconsistent-data.md"
    assert not [line for line in checked["main"].lines if line.startswith(f"{page}:") and "H1 headings" in line]


def message_templates() -> list[tuple[str, re.Pattern]]:
    """(where, pattern) of every message the checker's code can print: literal text stays, each
    value filled in at run time matches anything."""

    def pattern(node) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return re.escape(node.value)
        if isinstance(node, ast.JoinedStr):
            return "".join(re.escape(part.value) if isinstance(part, ast.Constant) else ".*?" for part in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = pattern(node.left), pattern(node.right)
            return None if left is None and right is None else (left or ".*?") + (right or ".*?")
        return None  # a message passed on from elsewhere (error.message, problem.message)

    found = []
    for file in MESSAGE_SOURCES:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            text = pattern(node.args[-1]) if called in MESSAGE_CALLS else None
            if text is not None:
                found.append((f"{file.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node.args[-1])}", re.compile(text)))
    return found


def test_the_message_list_is_read_from_the_checker_code():
    templates = message_templates()
    assert len(templates) >= 50, templates
    assert any(where.startswith("scripts/sitecheck/built_site.py") for where, _ in templates)
    assert any("front matter missing" in where for where, _ in templates)


def test_every_message_the_checker_can_print_has_a_damage_case(checked):
    messages = [match.group("message") for copy in checked.values() for line in copy.lines for match in [PROBLEM_LINE.match(line)] if match]
    uncovered = [where for where, template in message_templates() if not any(template.fullmatch(message) for message in messages)]
    assert not uncovered, (
        "no damage case makes the checker print these messages; add a @case for each in tests/test_check_site.py:\n"
        + "\n".join(uncovered)
    )


def test_clean_copy_of_the_site_passes(tmp_path):
    result = run_checker(copy_site(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("no problems")

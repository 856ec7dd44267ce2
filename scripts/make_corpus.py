"""Generate a copy of the guide with N question pages, to measure builds and exports at scale.

Usage: python scripts/make_corpus.py --questions 200 --out /tmp/corpus

The copy holds the project's mkdocs.yml, overrides/ and docs/, with the real question pages
repeated in turn until there are N: page i is a variant of real page i mod R (R real pages),
with its own file name and a title of its own ("... (variant 2)?"), so that it builds strictly
and keeps to the page contract. Links to question pages left out (N < R) become plain text.

Sub-topics: as a grown guide would, every section of the corpus is split into sub-topics of at
most SUBTOPIC_SIZE questions. A copy keeps its real page's sub-topic, split into parts when it
grows past that ("Data and features", "Data and features, part 2"...); a section without
sub-topics gets parts of its own ("Part 1", "Part 2"...) once it holds more than SUBTOPIC_SIZE.
Each section's index.md declares them, so the corpus passes the checker's sub-topic rules.
The corpus is meant for a temporary folder: never commit one.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from changes import CHANGES_FILE  # noqa: E402
from check_site import load_config  # noqa: E402
from guide_catalog import SECTIONS, Question, declared_subtopics, load_catalog, split_front_matter  # noqa: E402

SUBTOPIC_SIZE = 20  # at most this many questions per sub-topic of the corpus
MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<path>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)")


class CorpusError(Exception):
    pass


def make_corpus(size: int, dest: Path, source: Path = ROOT) -> Path:
    """Write the corpus into `dest` (created; must not exist or be empty); return the project folder."""
    if size < 1:
        raise CorpusError("the corpus needs at least one question")
    if dest.exists() and any(dest.iterdir()):
        raise CorpusError(f"{dest} is not empty: choose a new folder")
    _, _, problems = load_config(source)
    if problems:
        raise CorpusError(f"{source}/mkdocs.yml cannot be read: {problems[0].message}")
    real = load_catalog(source / "docs")
    if not real:
        raise CorpusError(f"{source}/docs holds no question page")
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(source / "overrides", dest / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(source / "docs", dest / "docs", ignore=_question_pages)
    if (source / "node_modules").is_dir():  # the build's npm tools (Rollup, overrides/hooks/study_bundle.py)
        (dest / "node_modules").symlink_to((source / "node_modules").resolve())
    plan = corpus_plan(real, size)
    paths = {path for path, _, _ in plan}
    subtopics = corpus_subtopics(plan, source / "docs")
    for path, original, variant in plan:
        text = (source / "docs" / original.path).read_text(encoding="utf-8")
        page = variant_page(text, original, path, variant, paths, subtopics.assigned.get(path))
        (dest / "docs" / path).write_text(page, encoding="utf-8")
    for section, declared in subtopics.declared.items():
        declare_subtopics(dest / "docs" / section / "index.md", declared)
    copy_changes(source / CHANGES_FILE, dest / CHANGES_FILE, plan)
    return dest


def copy_changes(source: Path, dest: Path, plan: list[tuple[str, Question, int]]) -> None:
    """Each page of the corpus gets its real page's "What changed" entries (the checker asks for one
    on each page's review day), and no entry names a real page the corpus left out."""
    entries = (yaml.safe_load(source.read_text(encoding="utf-8")) or {}).get("changes") or []
    by_page: dict[str, list[dict]] = {}
    for entry in entries:
        by_page.setdefault(str(entry.get("page")), []).append(entry)
    copied = [{**entry, "page": path} for path, original, _ in plan for entry in by_page.get(original.path, [])]
    dest.write_text(yaml.safe_dump({"changes": copied}, sort_keys=False, allow_unicode=True), encoding="utf-8")


def corpus_plan(real: list[Question], size: int) -> list[tuple[str, Question, int]]:
    """(path in the corpus, the real page it copies, variant number: 1 for the real page itself)."""
    plan = []
    for index in range(size):
        original = real[index % len(real)]
        variant = index // len(real) + 1
        path = original.path if variant == 1 else original.path.removesuffix(".md") + f"-{variant}.md"
        plan.append((path, original, variant))
    return plan


@dataclass
class CorpusSubtopics:
    declared: dict[str, list[dict]] = field(default_factory=dict)  # section -> [{id, title}] for its index.md
    assigned: dict[str, str] = field(default_factory=dict)  # corpus page path -> sub-topic id


def corpus_subtopics(plan: list[tuple[str, Question, int]], source_docs: Path) -> CorpusSubtopics:
    """Each section's sub-topics, at most SUBTOPIC_SIZE pages each (see the module's docstring)."""
    result = CorpusSubtopics()
    for section in SECTIONS:
        pages = [(path, original) for path, original, _ in plan if original.section == section]
        real = declared_subtopics(source_docs, section)
        if real:
            groups = [(subtopic.id, subtopic.title, [path for path, original in pages if original.subtopic == subtopic.id]) for subtopic in real]
        elif len(pages) > SUBTOPIC_SIZE:
            groups = [("part", "Part", [path for path, _ in pages])]
        else:
            continue  # a small section without sub-topics stays flat, as on the real site
        declared = result.declared.setdefault(section, [])
        for base_id, base_title, members in groups:
            for part, start in enumerate(range(0, len(members), SUBTOPIC_SIZE), start=1):
                subtopic_id, title = _part(base_id, base_title, part, numbered=not real)
                declared.append({"id": subtopic_id, "title": title})
                result.assigned.update((path, subtopic_id) for path in members[start : start + SUBTOPIC_SIZE])
    return result


def _part(base_id: str, base_title: str, part: int, numbered: bool) -> tuple[str, str]:
    if numbered:
        return f"{base_id}-{part}", f"{base_title} {part}"
    if part == 1:
        return base_id, base_title
    return f"{base_id}-{part}", f"{base_title}, part {part}"


def declare_subtopics(index: Path, declared: list[dict]) -> None:
    meta, body, _ = split_front_matter(index.read_text(encoding="utf-8"))
    meta["subtopics"] = declared
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    index.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def variant_title(title: str, variant: int) -> str:
    if variant == 1:
        return title
    return f"{title.removesuffix('?')} (variant {variant})?"


def variant_page(text: str, original: Question, path: str, variant: int, paths: set[str], subtopic: str | None) -> str:
    meta, body, _ = split_front_matter(text)
    title = variant_title(original.title, variant)
    meta["title"] = title
    if subtopic:
        meta["subtopic"] = subtopic
    else:
        meta.pop("subtopic", None)
    if meta.get("alt_titles"):
        meta["alt_titles"] = [variant_title(alt, variant) for alt in meta["alt_titles"]]
    if variant != 1 and meta.get("syllabus"):
        meta["syllabus"] = []  # a syllabus id maps to one page: the original keeps it
    if meta.get("related"):
        meta["related"] = [related for related in meta["related"] if related in paths]
        if not meta["related"]:
            del meta["related"]
    body = body.replace(f"# {original.title}\n", f"# {title}\n", 1)
    body = MD_LINK.sub(lambda match: _link_or_text(match, path, paths), body)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n{body}"


def _link_or_text(match: re.Match, page: str, paths: set[str]) -> str:
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group("path")))
    is_question = target.split("/")[0] in SECTIONS and not target.endswith("/index.md")
    return match.group("text") if is_question and target not in paths else match.group(0)


def _question_pages(folder: str, names: list[str]) -> list[str]:
    """For copytree: leave out the question pages (the corpus writes its own), keep the rest."""
    if Path(folder).name not in SECTIONS:
        return []
    return [name for name in names if name.endswith(".md") and name != "index.md"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=200, help="number of question pages (default: 200)")
    parser.add_argument("--out", type=Path, required=True, help="a new or empty folder for the corpus project")
    args = parser.parse_args(argv)
    try:
        project = make_corpus(args.questions, args.out.resolve())
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"make_corpus: {args.questions} questions in {project}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Generate a copy of the guide with N question pages, to measure builds and exports at scale.

Usage: python scripts/make_corpus.py --questions 200 --out /tmp/corpus

The copy holds the project's mkdocs.yml, overrides/ and docs/, with the real question pages
repeated in turn until there are N: page i is a variant of real page i mod R (R real pages),
with its own file name and a title of its own ("... (variant 2)?"), so that it builds strictly
and keeps to the page contract. Links to question pages left out (N < R) become plain text.
The corpus is meant for a temporary folder: never commit one.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from check_site import load_config  # noqa: E402
from guide_catalog import SECTION_TITLES, SECTIONS, Question, load_catalog, split_front_matter  # noqa: E402

MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<path>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)")


class CorpusError(Exception):
    pass


def make_corpus(size: int, dest: Path, source: Path = ROOT) -> Path:
    """Write the corpus into `dest` (created; must not exist or be empty); return the project folder."""
    if size < 1:
        raise CorpusError("the corpus needs at least one question")
    if dest.exists() and any(dest.iterdir()):
        raise CorpusError(f"{dest} is not empty: choose a new folder")
    config_text = (source / "mkdocs.yml").read_text(encoding="utf-8")
    config, _, problems = load_config(source)
    if problems:
        raise CorpusError(f"{source}/mkdocs.yml cannot be read: {problems[0].message}")
    nav = config.get("nav") or []
    real = load_catalog(source / "docs", nav)
    if not real:
        raise CorpusError(f"{source}/mkdocs.yml lists no question page")
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / "overrides", dest / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(source / "docs", dest / "docs", ignore=_question_pages)
    plan = corpus_plan(real, size)
    paths = {path for path, _, _ in plan}
    for path, original, variant in plan:
        text = (source / "docs" / original.path).read_text(encoding="utf-8")
        (dest / "docs" / path).write_text(variant_page(text, original, path, variant, paths), encoding="utf-8")
    (dest / "mkdocs.yml").write_text(with_nav(config_text, nav, plan), encoding="utf-8")
    return dest


def corpus_plan(real: list[Question], size: int) -> list[tuple[str, Question, int]]:
    """(path in the corpus, the real page it copies, variant number: 1 for the real page itself)."""
    plan = []
    for index in range(size):
        original = real[index % len(real)]
        variant = index // len(real) + 1
        path = original.path if variant == 1 else original.path.removesuffix(".md") + f"-{variant}.md"
        plan.append((path, original, variant))
    return plan


def variant_title(title: str, variant: int) -> str:
    if variant == 1:
        return title
    return f"{title.removesuffix('?')} (variant {variant})?"


def variant_page(text: str, original: Question, path: str, variant: int, paths: set[str]) -> str:
    meta, body, _ = split_front_matter(text)
    title = variant_title(original.title, variant)
    meta["title"] = title
    if meta.get("alt_titles"):
        meta["alt_titles"] = [variant_title(alt, variant) for alt in meta["alt_titles"]]
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


def with_nav(config_text: str, source_nav: list, plan: list[tuple[str, Question, int]]) -> str:
    """mkdocs.yml with each section's pages replaced by the corpus pages; the rest kept as written."""
    nav = []
    for item in source_nav:
        title = next(iter(item)) if isinstance(item, dict) else None
        section = next((key for key, value in SECTION_TITLES.items() if value == title), None)
        if section is None:
            nav.append(item)
            continue
        pages = [path for path, original, _ in plan if original.section == section]
        nav.append({title: [f"{section}/index.md", *pages]})
    lines = config_text.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if line.rstrip() == "nav:")
    end = next((index for index in range(start + 1, len(lines)) if re.match(r"[A-Za-z_]", lines[index])), len(lines))
    block = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=10_000)
    return "".join(lines[:start]) + block + "".join(lines[end:])


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

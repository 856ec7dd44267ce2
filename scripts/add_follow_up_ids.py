"""Write the missing follow-up ids into question pages: `- **Question?**{#fu-<id>} answer`.

Usage: python scripts/add_follow_up_ids.py [--root DIR] [PAGE.md ...]

With no page named, every question page under docs/. Only follow-ups without an id are touched; an id
already written is never changed, so running it again changes nothing. Each new id is the one the
follow-up had before ids were written (the first six words of its question that are not stop words,
numbered -2, -3 past the ids its page already uses: follow_ups.derived_id), so marks readers saved in
their browsers keep working. The question is rendered with the site's own Markdown extensions first,
exactly as the build rendered it when it derived that id. A malformed id is left for the author (the
checker names it). Prints each id it adds as `path:line: {#fu-<id>}`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from follow_ups import derived_id, id_markup, source_follow_ups, unique_ids  # noqa: E402
from guide_catalog import FrontMatterError, is_question_path, split_front_matter  # noqa: E402


def question_renderer(root: Path):
    """Render a follow-up's question as the build does: Python-Markdown with mkdocs.yml's extensions."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    renderer = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])

    def render(question_markdown: str) -> str:
        renderer.reset()
        return renderer.convert(f"**{question_markdown}**")

    return render


def add_ids(text: str, render) -> tuple[str, list[tuple[int, str]], list[tuple[int, str]]]:
    """The page's text with the missing ids written, the (line, markup) of each id added, and the
    (line, text) of each malformed id left alone."""
    _, body, body_line = split_front_matter(text)
    items = source_follow_ups(body, body_line)
    written = [item.id if item.well_formed else None for item in items]
    ids = unique_ids(written, [derived_id(render(item.question)) for item in items])
    lines = text.splitlines(keepends=True)
    added, malformed = [], []
    for item, follow_up_id in zip(items, ids, strict=True):
        if item.attempt:
            malformed.append((item.line, item.attempt.strip()))
        elif item.id is None:
            line = lines[item.line - 1]
            lines[item.line - 1] = line[: item.end] + id_markup(follow_up_id) + line[item.end :]
            added.append((item.line, id_markup(follow_up_id)))
    return "".join(lines), added, malformed


def question_pages(root: Path) -> list[Path]:
    docs = root / "docs"
    return sorted(file for file in docs.glob("*/*.md") if is_question_path(file.relative_to(docs).as_posix()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder holding mkdocs.yml and docs/")
    parser.add_argument("pages", nargs="*", type=Path, help="question pages to update (default: every question page)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    pages = [page.resolve() for page in args.pages] or question_pages(root)
    render = question_renderer(root)
    changed, count, failed = 0, 0, False
    for page in pages:
        shown = os.path.relpath(page, Path.cwd())
        try:
            text = page.read_text(encoding="utf-8")
            updated, added, malformed = add_ids(text, render)
        except (OSError, UnicodeDecodeError) as error:
            print(f"{shown}:1: cannot read the page: {error}", file=sys.stderr)
            failed = True
            continue
        except FrontMatterError as error:
            print(f"{shown}:{error.line}: {error.message}", file=sys.stderr)
            failed = True
            continue
        for line, markup in added:
            print(f"{shown}:{line}: {markup}")
        for line, attempt in malformed:
            print(f"{shown}:{line}: left alone, malformed id '{attempt}': write it as {{#fu-<id>}} right after the bold question", file=sys.stderr)
            failed = True
        if updated != text:
            page.write_text(updated, encoding="utf-8")
            changed += 1
            count += len(added)
    print(f"add_follow_up_ids: {count} id(s) added in {changed} of {len(pages)} page(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

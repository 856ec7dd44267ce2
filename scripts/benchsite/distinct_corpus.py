"""Give the repeated pages of a generated corpus words of their own, so that compression stays honest.

scripts/make_corpus.py fills a corpus by repeating the real question pages. gzip finds those
repeats and would shrink the search index, the navigation and every list of titles far below what
distinct questions weigh. So each repeated copy gets its own words: every word of four letters or
more becomes a word of the same length drawn from the real pages, by a substitution of its own per
copy. Sizes stay the same and each copy keeps its inner repetitions; Markdown syntax, code, links,
headings (so anchors) and tags are kept, so the corpus still builds strictly.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml
from guide_catalog import split_front_matter

_PROTECTED = r"`[^`]*`|\]\([^)]*\)|<[^>]*>|\{[^}]*\}|https?://\S+|\+\+[^+]+\+\+|&\w+;"
_TOKENS = re.compile(rf"(?P<keep>{_PROTECTED})|(?P<word>[A-Za-z]{{4,}})")
_KEPT_LINES = ("#", "???", "!!!", "///", "*[", "![", "[^")


def _words_by_length(texts: list[str]) -> dict[int, list[str]]:
    words: dict[int, set[str]] = {}
    for text in texts:
        for match in _TOKENS.finditer(text):
            if match.group("word"):
                word = match.group("word").lower()
                words.setdefault(len(word), set()).add(word)
    return {length: sorted(found) for length, found in words.items()}


class _Substitution:
    """One copy's word substitution: the same word always becomes the same word of equal length."""

    def __init__(self, vocabulary: dict[int, list[str]], seed: str):
        self.vocabulary = vocabulary
        self.random = random.Random(seed)
        self.mapping: dict[str, str] = {}

    def word(self, word: str) -> str:
        lower = word.lower()
        if lower not in self.mapping:
            choices = self.vocabulary.get(len(lower))
            self.mapping[lower] = self.random.choice(choices) if choices else lower
        new = self.mapping[lower]
        if word.isupper():
            return new.upper()
        return new.capitalize() if word[0].isupper() else new

    def text(self, text: str) -> str:
        return _TOKENS.sub(lambda match: self.word(match.group("word")) if match.group("word") else match.group(0), text)

    def markdown(self, body: str, title: str, new_title: str) -> str:
        lines = []
        in_code = False
        for line in body.splitlines(keepends=True):
            stripped = line.lstrip()
            if stripped.startswith(("```", "~~~")):
                in_code = not in_code
            if line.startswith(f"# {title}"):
                lines.append(line.replace(title, new_title, 1))
            elif in_code or stripped.startswith(("```", "~~~", *_KEPT_LINES)):
                lines.append(line)
            else:
                lines.append(self.text(line))
        return "".join(lines)


def make_copies_distinct(project: Path, source_docs: Path, real_paths: set[str]) -> int:
    """Give every question page of `project` that is not one of `real_paths` words of its own; return their number."""
    docs = project / "docs"
    copies = [path for path in sorted(docs.glob("*/*.md")) if path.relative_to(docs).as_posix() not in real_paths and path.name != "index.md"]
    vocabulary = _words_by_length([(source_docs / path).read_text(encoding="utf-8") for path in sorted(real_paths)])
    for path in copies:
        meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
        substitution = _Substitution(vocabulary, path.relative_to(docs).as_posix())
        title = str(meta.get("title", ""))
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                meta[key] = substitution.text(meta[key])
        if isinstance(meta.get("alt_titles"), list):
            meta["alt_titles"] = [substitution.text(str(alt)) for alt in meta["alt_titles"]]
        body = substitution.markdown(body, title, str(meta.get("title", "")))
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=10_000)
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return len(copies)

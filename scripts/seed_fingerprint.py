"""Record what the tests need to know about the seed article, without storing its text.

Usage: python scripts/seed_fingerprint.py [PATH_TO_ARTICLE]

Writes tests/data/seed_questions.txt (the article's questions, which are our page titles) and
tests/data/seed_shingles.txt (a SHA-1 of every run of 12 consecutive words of its answers), so
the content tests run anywhere, including CI hosts that have no copy of ../shared/.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT.parent / "shared" / "seed" / "mlops-interview-questions-article.txt"
DATA = ROOT / "tests" / "data"
SHINGLE_WORDS = 12


def questions(text: str) -> list[str]:
    """Stand-alone lines ending in '?': two introductory questions, then the numbered ones."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line.endswith("?") and len(line) < 160 and not line.startswith(("Are you", "•")):
            found.append(re.sub(r"^\d+\.\s*", "", line))
    return found


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))


def shingle_hashes(text: str) -> set[str]:
    asked = set(questions(text))
    prose = "\n".join(line for line in text.splitlines() if re.sub(r"^\d+\.\s*", "", line.strip()) not in asked)
    tokens = words(prose)
    return {hash_words(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def hash_words(run: list[str]) -> str:
    return hashlib.sha1(" ".join(run).encode("utf-8")).hexdigest()


def main(argv: list[str]) -> int:
    article = Path(argv[0]) if argv else DEFAULT_ARTICLE
    if not article.is_file():
        print(f"{article}: no such file: pass the seed article's path", file=sys.stderr)
        return 2
    text = article.read_text(encoding="utf-8")
    (DATA / "seed_questions.txt").write_text("\n".join(questions(text)) + "\n", encoding="utf-8")
    (DATA / "seed_shingles.txt").write_text("\n".join(sorted(shingle_hashes(text))) + "\n", encoding="utf-8")
    print(f"{len(questions(text))} questions, {len(shingle_hashes(text))} shingles written to {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Read the Pagefind index of a built site (written by overrides/hooks/search_engine.py).

Pagefind keeps each indexed page in a fragment file, `pagefind/fragment/*.pf_fragment`: gzip of
the bytes `pagefind_dcd` and a JSON object (`url`, `content`, `meta`, `anchors`...). The checker,
the tests and the benchmark read the index through this module only.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

PAGEFIND_DIR = "pagefind"
FRAGMENT_PREFIX = b"pagefind_dcd"


class PagefindIndexError(Exception):
    pass


def indexed_pages(site_dir: Path) -> dict[str, dict]:
    """Site-relative URL ("monitoring/model-drift/") -> the page's fragment; {} when there is no index."""
    pages = {}
    for path in sorted((Path(site_dir) / PAGEFIND_DIR / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(FRAGMENT_PREFIX):
            raise PagefindIndexError(f"{path}: not a Pagefind fragment")
        fragment = json.loads(data[len(FRAGMENT_PREFIX) :])
        pages[fragment["url"].lstrip("/")] = fragment
    return pages


def bundle_files(site_dir: Path) -> list[Path]:
    """Every file of the Pagefind bundle (its scripts, WebAssembly, index and fragments)."""
    return sorted(path for path in (Path(site_dir) / PAGEFIND_DIR).rglob("*") if path.is_file())

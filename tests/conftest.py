"""Shared fixtures: the site is built once per test run into a temporary folder.

`make test` runs the tests in two processes (pytest-xdist, `--dist loadfile`): the first that
needs the built site builds it, the other waits for that build and uses it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from selectolax.lexbor import LexborHTMLParser as HTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from check_site import load_config  # noqa: E402
from guide_catalog import Question, load_catalog  # noqa: E402
from sitecheck.site_rules import built_html_path  # noqa: E402
from syllabus_data import load_syllabus  # noqa: E402

BUILD_ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def build_site(root: Path, site_dir: Path, **extra_env: str) -> Path:
    """Build strictly; fail the test with MkDocs' own output when the build fails."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=root,
        env={**BUILD_ENV, **extra_env},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return site_dir


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The site as `make build` makes it: with the downloads for offline study (EXPORTS=1)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build_site(ROOT, tmp_path_factory.mktemp("site"), EXPORTS="1")
    shared = tmp_path_factory.getbasetemp().parent / "site"  # the run's folder, shared by its workers
    built = shared.with_name("site.built")  # a failed build leaves none: the next worker builds again, and fails alike
    with FileLock(f"{shared}.lock"):
        if not built.is_file():
            build_site(ROOT, shared, EXPORTS="1")
            built.touch()
    return shared


@pytest.fixture(scope="session")
def config() -> dict:
    loaded, _, problems = load_config(ROOT)
    assert not problems, problems
    return loaded


@pytest.fixture(scope="session")
def questions(config) -> list[Question]:
    found = load_catalog(ROOT / "docs", config["nav"])
    assert found, "no question pages found in the nav"
    return found


@pytest.fixture(scope="session")
def syllabus_banks(questions) -> dict[str, int]:
    """How many public question banks ask each question page's question (0: not counted)."""
    syllabus = load_syllabus(ROOT)
    return {question.path: syllabus.frequency(question.syllabus).banks for question in questions}


class BuiltPages:
    """Parsed HTML of the built site, by docs path or site path."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self._cache: dict[str, HTMLParser] = {}

    def html(self, site_path: str) -> HTMLParser:
        if site_path not in self._cache:
            self._cache[site_path] = HTMLParser((self.site_dir / site_path).read_text(encoding="utf-8"))
        return self._cache[site_path]

    def page(self, docs_path: str) -> HTMLParser:
        return self.html(built_html_path(docs_path))


@pytest.fixture(scope="session")
def built(site_dir) -> BuiltPages:
    return BuiltPages(site_dir)


# The longest test files first: with two test processes (`make test`), the other process works
# through the rest meanwhile instead of one of them running a long file alone at the end.
LONGEST_FIRST = ("test_corpus_at_scale.py", "test_check_site.py")


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: LONGEST_FIRST.index(item.path.name) if item.path.name in LONGEST_FIRST else len(LONGEST_FIRST))

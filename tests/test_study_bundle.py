"""The study tools reach readers bundled (overrides/hooks/study_bundle.py): main.js holds what every
page needs at once and fetches nothing more before it runs; the code that loads on demand keeps its
module's name; no module is served on its own as well; every file is minified, without comments."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from study_bundle import STUDY_DIR

STUDY = ROOT / "docs" / STUDY_DIR
MODULES = sorted(STUDY.glob("*.js"))
# The modules main.js imports with import(): each loads when its page or moment comes.
ON_DEMAND = sorted(set(re.findall(r'import\("\./([\w-]+\.js)"\)', (STUDY / "main.js").read_text(encoding="utf-8"))))
STATIC_IMPORT = re.compile(r'(?:^|[;}\s])import\s*(?:[\w{][^;]*?from\s*)?["\'][^"\']+["\']')


def built_files(site_dir) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted((site_dir / STUDY_DIR).glob("*.js"))}


def test_main_js_is_one_file_that_imports_nothing_before_it_runs(site_dir):
    main = built_files(site_dir)["main.js"]
    assert STATIC_IMPORT.search(main) is None, f"the bundled main.js imports another file first: {STATIC_IMPORT.search(main).group(0)!r}"
    for name in ("storage.js", "selftest.js", "answers.js", "shortcuts.js", "trail.js", "pinned.js"):
        assert not (site_dir / STUDY_DIR / name).exists(), f"{name}, which every question page needs, is served on its own"


def test_each_module_loaded_on_demand_is_a_file_of_its_own_with_its_name(site_dir):
    assert {"filter.js", "question-checklist.js", "figure-viewer.js", "home.js", "lightbox.js", "progress-page.js"} <= set(ON_DEMAND)
    built = built_files(site_dir)
    for name in ON_DEMAND:
        assert name in built, f"{name}, loaded on demand, is not in the built site under its name"


def test_the_bundle_holds_no_more_files_than_main_js_and_the_on_demand_ones_with_what_they_share(site_dir):
    built = built_files(site_dir)
    assert len(built) < len(MODULES), f"the bundle has {len(built)} files for {len(MODULES)} modules"


@pytest.mark.parametrize("source", MODULES, ids=lambda path: path.name)
def test_no_module_keeps_its_comments_in_the_bundle(site_dir, source):
    comment = next(line.strip() for line in source.read_text(encoding="utf-8").splitlines() if line.strip().startswith("//"))
    for name, text in built_files(site_dir).items():
        assert comment not in text, f"{name} keeps a comment of {source.name}: {comment!r}"

"""The first browser test (tests/browser/conftest.py runs it first): the study tools set up each
kind of page they serve without a console error or an uncaught error.

When they are broken, this test names the script error at once; the other browser tests fail
within seconds too (the session's `study_tools_ready` check, and the short wait on the tools).
"""

from __future__ import annotations

from playwright.sync_api import expect

from .browser_support import open_page, study_tools_selector

PAGES = ["monitoring/model-drift.md", "monitoring/index.md", "progress.md"]


def test_study_tools_set_up_a_question_a_section_and_the_progress_page_without_a_script_error(page, recorder):
    for docs_path in PAGES:
        open_page(page, docs_path)
        expect(page.locator(study_tools_selector(docs_path))).to_have_count(1)
        assert recorder.errors() == [], f"{docs_path}: the pages' scripts reported errors"

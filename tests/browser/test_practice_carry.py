"""Carrying progress to another browser (issue 25): the progress page downloads the marks and their
schedule as a file; another browser imports it, merges it by the newest mark per question and says what
it did; a file that is not JSON, of another version, 10 MB big or carrying markup is refused with a
clear message and changes nothing, and its text never becomes markup. In both palettes, on a phone too,
and axe finds nothing on the part."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from . import viewports
from .browser_support import STORAGE_KEY, open_context, open_page, stored_marks

phone = viewports.phone
laptop = viewports.laptop

OLD = "2026-11-20T09:00:00.000Z"
# An hour ago: a "knew" then is not due before tomorrow.
NEW = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def records_json(records: dict) -> str:
    return json.dumps({"version": 2, "records": records})


def seeded_context(browser, server, records: dict, **options):
    context, recorder = open_context(browser, server, **options)
    context.add_init_script(
        f"if (location.origin === {server.rstrip('/')!r} && !localStorage.getItem({STORAGE_KEY!r}))"
        f" localStorage.setItem({STORAGE_KEY!r}, {records_json(records)!r})"
    )
    return context, recorder


def import_file(page, name: str, content: bytes) -> None:
    page.get_by_label("Import progress from a file").set_input_files({"name": name, "mimeType": "application/json", "buffer": content})


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_progress_moves_to_another_browser_and_merges_by_the_newest_mark(browser, server, study_tools_ready, palette):
    first_records = {
        "fundamentals/what-is-mlops.md": {"grades": [{"grade": "knew", "at": NEW}]},
        "monitoring/model-drift.md": {"grades": [{"grade": "missed", "at": OLD}]},
        "monitoring/evaluation-metrics.md": {"seen": NEW},
    }
    first, first_recorder = seeded_context(browser, server, first_records, color_scheme=palette)
    page = first.new_page()
    open_page(page, "progress.md")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download your progress").click()
    assert download.value.suggested_filename.startswith("mlops-interview-guide-progress-")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["version"] == 2 and exported["format"] == "mlops-interview-guide-progress"
    assert exported["records"] == first_records
    assert exported["schedule"]["monitoring/model-drift.md"] == {"box": 1, "due": "2026-11-21"}
    expect(page.get_by_role("status").filter(has_text="Downloaded the marks of 3 questions")).to_be_visible()
    first.close()
    first_recorder.check()

    # The other browser knew model drift since (newer), and never saw the others.
    second_records = {"monitoring/model-drift.md": {"grades": [{"grade": "knew", "at": NEW}]}}
    second, second_recorder = seeded_context(browser, server, second_records, color_scheme=palette)
    page = second.new_page()
    open_page(page, "progress.md")
    expect(page.locator('tfoot [data-count="known"]')).to_have_text("1")
    import_file(page, "progress.json", json.dumps(exported).encode())
    expect(page.locator(".study-carry__status")).to_have_text(
        "Imported: 2 questions added; 1 question kept as they were (the marks in this browser were as new or newer)."
    )
    records = stored_marks(page)["records"]
    assert records["monitoring/model-drift.md"] == second_records["monitoring/model-drift.md"], "the newer mark was kept"
    assert records["fundamentals/what-is-mlops.md"] == first_records["fundamentals/what-is-mlops.md"]
    assert records["monitoring/evaluation-metrics.md"] == {"seen": NEW}
    expect(page.locator('tfoot [data-count="known"]')).to_have_text("2")
    axe = Axe().run(page, context=".study-carry")
    assert axe.violations_count == 0, axe.generate_report()
    second.close()
    second_recorder.check()


HOSTILE = '<img src=x onerror="document.title=1">'
BAD_FILES = {
    "not JSON": (b"grades,knew\n", "This file is not JSON"),
    "another app's JSON": (b'{"deck": "anki"}', "This file is not a progress file of the MLOps Interview Guide"),
    "an unknown version": (
        json.dumps({"format": "mlops-interview-guide-progress", "version": 3, "records": {}}).encode(),
        'format version "3"; this guide reads version 2',
    ),
    "10 MB": (b" " * (10 * 1024 * 1024), "This file is 10.0 MB"),
    "markup in strings": (
        json.dumps(
            {
                "format": "mlops-interview-guide-progress",
                "version": 2,
                "records": {"fundamentals/what-is-mlops.md": {"grades": [{"grade": HOSTILE, "at": NEW}]}},
            }
        ).encode(),
        f'unknown grade "{HOSTILE}"',
    ),
}


def test_a_bad_foreign_or_hostile_file_gets_a_clear_message_and_changes_nothing(phone):
    seeded = {"monitoring/model-drift.md": {"grades": [{"grade": "missed", "at": OLD}]}}
    phone.context.add_init_script(f"if (!localStorage.getItem({STORAGE_KEY!r})) localStorage.setItem({STORAGE_KEY!r}, {records_json(seeded)!r})")
    open_page(phone, "progress.md")
    status = phone.locator(".study-carry__status")
    for what, (content, message) in BAD_FILES.items():
        import_file(phone, f"{what}.json", content)
        expect(status, what).to_contain_text(message)
        expect(status, what).to_contain_text("Nothing was changed.")
        assert stored_marks(phone)["records"] == seeded, f"{what}: the marks changed"
    assert phone.locator(".study-carry img").count() == 0, "imported text became markup"
    assert phone.title() != "1"
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the progress page is {width} px wide on a 390 px phone"


def test_the_import_is_usable_by_keyboard(laptop):
    open_page(laptop, "progress.md")
    download = laptop.get_by_role("button", name="Download your progress")
    download.focus()
    with laptop.expect_download() as saved:
        laptop.keyboard.press("Enter")
    assert saved.value.path().stat().st_size > 0  # the download has finished before the next key
    laptop.keyboard.press("Tab")
    expect(laptop.get_by_label("Import progress from a file")).to_be_focused()
    with laptop.expect_file_chooser() as chooser:
        laptop.keyboard.press("Space")
    chooser.value.set_files({"name": "p.json", "mimeType": "application/json", "buffer": b"{}"})
    expect(laptop.locator(".study-carry__status")).to_contain_text("not a progress file")



"""The two screens issue 11 was found on: a 390x844 phone (touch) and a 1366x900 laptop.

Import the fixtures into a test module (`from .viewports import phone, laptop`) to use them; each
gives a fresh page in its own recorded context, whose checks run when the test ends.
"""

from __future__ import annotations

import pytest

from .browser_support import open_context

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
LAPTOP = {"viewport": {"width": 1366, "height": 900}}


def _page(browser, server, **options):
    context, recorder = open_context(browser, server, **options)
    yield context.new_page()
    context.close()
    recorder.check()


@pytest.fixture
def phone(browser, server):
    yield from _page(browser, server, **PHONE)


@pytest.fixture
def laptop(browser, server):
    yield from _page(browser, server, **LAPTOP)


@pytest.fixture(params=["default", "slate"])
def phone_in_both_palettes(request, browser, server):
    """A phone page in the light (default) and the dark (slate) palette."""
    yield from _page(browser, server, color_scheme="light" if request.param == "default" else "dark", **PHONE)

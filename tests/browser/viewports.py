"""The screens issues 11 and 23 were found on: 390x844 and 375x667 phones (touch) and a 1366x900 laptop.

Import the fixtures into a test module (`from .viewports import phone, laptop`) to use them; each
gives a fresh page in its own recorded context, whose checks run when the test ends.
"""

from __future__ import annotations

import pytest

from .browser_support import open_context

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
SMALL_PHONE = {**PHONE, "viewport": {"width": 375, "height": 667}}
LAPTOP = {"viewport": {"width": 1366, "height": 900}}
PHONES = {"390x844": PHONE, "375x667": SMALL_PHONE}


def _page(browser, server, **options):
    context, recorder = open_context(browser, server, **options)
    yield context.new_page()
    context.close()
    recorder.check()


@pytest.fixture
def phone(browser, server):
    yield from _page(browser, server, **PHONE)


@pytest.fixture
def small_phone(browser, server):
    yield from _page(browser, server, **SMALL_PHONE)


@pytest.fixture(params=list(PHONES))
def each_phone(request, browser, server):
    """A page on each phone screen: 390x844, then 375x667."""
    yield from _page(browser, server, **PHONES[request.param])


@pytest.fixture
def laptop(browser, server):
    yield from _page(browser, server, **LAPTOP)


@pytest.fixture(params=["default", "slate"])
def phone_in_both_palettes(request, browser, server):
    """A phone page in the light (default) and the dark (slate) palette."""
    yield from _page(browser, server, color_scheme="light" if request.param == "default" else "dark", **PHONE)

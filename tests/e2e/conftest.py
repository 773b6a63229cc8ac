"""Browser journeys: Playwright drives Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            # One worker runs all journeys, so that each browser starts only once.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser: Browser, live_server, settings) -> Iterator[Callable[..., Page]]:
    """Opens a page in a browser context of its own, so that several people can be signed in at
    the same time (`page` is the first); `options` go to `browser.new_context` (`viewport=…`).
    The test fails on a JavaScript error on any of them."""
    settings.SITE_URL = live_server.url
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def open_one(**options: Any) -> Page:
        context = browser.new_context(locale="de-DE", base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield open_one
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    return open_page()


class AccessibilityChecker:
    """Runs axe-core with the WCAG 2.0/2.1 A and AA rules and remembers what it checked."""

    def __init__(self) -> None:
        self.axe = Axe()
        self.checked: list[str] = []

    def __call__(self, page: Page, within: str | None = None) -> None:
        """Check the whole page, or only the elements that the selector `within` finds."""
        page.wait_for_load_state("networkidle")
        results = self.axe.run(
            page,
            context=within,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        self.checked.append(page.url)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    def with_phone_menu(self, page: Page) -> None:
        """Check a page at phone size with its menu (the `<details>` "Menu" in the header)
        closed, then the header with the menu and its first section open (the rest of the page
        does not change); the menu is closed again afterwards."""
        menu = page.locator("details.tr-nav__menu")
        toggle = menu.locator("summary.tr-nav__toggle")
        expect(toggle).to_be_visible()
        expect(menu).not_to_have_attribute("open", re.compile(".*"))
        self(page)
        toggle.click()
        section = menu.locator(".tr-nav__section > details").first
        section.locator("summary").click()
        expect(section.locator(".tr-nav__link").first).to_be_visible()
        self(page, within="header")
        toggle.click()
        expect(section).to_be_hidden()


@pytest.fixture
def check_a11y() -> AccessibilityChecker:
    return AccessibilityChecker()

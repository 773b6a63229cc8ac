"""What every journey needs: the German text of a source text, signing in and out, the status
message and a minimal PDF. Journeys import these instead of defining their own."""

from __future__ import annotations

import re

from django.utils import translation
from playwright.sync_api import Page, expect

from transferraum.accounts.tests.factories import PASSWORD

# WeasyPrint renders a dossier of a whole round in a few seconds on an idle machine; with both
# cores busy (the other tests, the live server) it can take several times as long. Tests do not
# judge speed (benchmarks do), so a download may take up to a minute.
PDF_TIMEOUT_MS = 60_000

# A file that the upload checks accept as a PDF (its content starts with the PDF signature).
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def de(text: str, **values: object) -> str:
    """The German interface text for an English source text (the journeys run in German)."""
    with translation.override("de"):
        translated = translation.gettext(text)
    return translated % values if values else translated


def de_n(singular: str, plural: str, number: int, **values: object) -> str:
    """The German singular or plural for `number`, filled with `values`."""
    with translation.override("de"):
        return translation.ngettext(singular, plural, number) % values


def text(value: str) -> re.Pattern[str]:
    """A pattern that finds `value` inside a longer text, case-insensitively."""
    return re.compile(re.escape(value), re.I)


def fill_login_form(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill and send the sign-in form on the page that shows it; the person is then signed in."""
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("navigation", name="Persönliches Menü")).to_be_visible()


def log_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Open the sign-in page and sign in with the German interface."""
    page.goto("/konto/login/")
    fill_login_form(page, email, password)


def open_personal_menu(page: Page) -> None:
    """Open the person's own menu in the header (profile, language, sign-out)."""
    menu = page.get_by_role("navigation", name="Persönliches Menü")
    if not menu.locator("details[open]").count():
        menu.locator("summary").click()
    expect(menu.get_by_role("button", name="Abmelden")).to_be_visible()


def log_out(page: Page) -> None:
    open_personal_menu(page)
    page.get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("link", name="Anmelden").first).to_be_visible()


def expect_message(page: Page, message: str) -> None:
    """A status message (Django's messages framework) with this text is shown."""
    expect(page.get_by_role("status").filter(has_text=message)).to_be_visible()

"""What every journey needs: the German text of a source text, signing in and out, the status
message and a minimal PDF. Journeys import these instead of defining their own."""

from __future__ import annotations

import re

from django.utils import translation
from playwright.sync_api import Page, expect

from transferraum.accounts.tests.factories import PASSWORD
from transferraum.demo.mfa import DEMO_TOTP_SECRET

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


def totp_code(secret: str, email: str) -> str:
    """The code an authenticator app with `secret` shows now. allauth refuses a code used
    twice; journeys sign the same demo person in several times within 30 seconds, so the mark
    of an earlier use of this code by `email` is dropped (the test process shares the live
    server's cache)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import (
        TOTP,
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )
    from django.core.cache import cache

    code = format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))
    for authenticator in Authenticator.objects.filter(
        user__email=email, type=Authenticator.Type.TOTP
    ):
        cache.delete(TOTP(authenticator)._get_used_cache_key(code))
    return code


def fill_login_form(
    page: Page, email: str, password: str = PASSWORD, totp_secret: str = DEMO_TOTP_SECRET
) -> None:
    """Fill and send the sign-in form on the page that shows it; the person is then signed in.
    A person with an authenticator app (the demo's staff) enters its code in the second step."""
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    menu = page.get_by_role("navigation", name="Persönliches Menü")
    code_field = page.get_by_label(de("Code"), exact=True)
    expect(menu.or_(code_field)).to_be_visible()
    if code_field.is_visible():
        code_field.fill(totp_code(totp_secret, email))
        page.get_by_role("button", name="Anmelden").click()
    expect(menu).to_be_visible()


def log_in(
    page: Page, email: str, password: str = PASSWORD, totp_secret: str = DEMO_TOTP_SECRET
) -> None:
    """Open the sign-in page and sign in with the German interface."""
    page.goto("/konto/login/")
    fill_login_form(page, email, password, totp_secret)


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

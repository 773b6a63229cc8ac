"""A coordinator without a second factor is sent to set one up: enrols an authenticator app
(the code computed from the secret the page shows), signs out and signs in with it. A security
key is added through Chromium's virtual authenticator. The sessions page lists the browser.
axe-core checks every page."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import Page, expect

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import PASSWORD, UserFactory

from .helpers import de, fill_login_form, log_out, totp_code


@pytest.fixture
def coordinator(db) -> User:
    return UserFactory(
        email="koordination@uni-leipzig.example", name="Katrin Vogel", role=User.Role.COORDINATOR
    )


@pytest.fixture
def enforced(settings):
    settings.MFA_REQUIRED_ENFORCED = True


def confirm_password(page: Page) -> None:
    """allauth asks for the password once more before a factor is added."""
    expect(page).to_have_url(re.compile(r"/konto/reauthenticate/"))
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name=de("Confirm")).click()


def test_a_coordinator_is_made_to_enrol_totp_and_signs_in_with_it(
    page: Page, check_a11y, coordinator, enforced
):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(coordinator.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()

    # Every page leads to the explanation until a factor exists.
    expect(page.get_by_role("heading", name=de("Please set up a second factor"))).to_be_visible()
    expect(page.get_by_text(de("you coordinate the programme").capitalize())).to_be_visible()
    check_a11y(page)
    page.goto("/konto/profil/")
    expect(page).to_have_url(re.compile(r"/konto/zweiter-faktor/noetig/"))

    page.get_by_role("link", name=de("Set up an authenticator app")).click()
    check_a11y(page)
    confirm_password(page)
    expect(page.get_by_role("heading", name=de("Set up an authenticator app"))).to_be_visible()
    check_a11y(page)
    secret = page.get_by_label(de("Key for typing in")).input_value()
    page.get_by_label(de("Authenticator code")).fill(totp_code(secret, coordinator.email))
    page.get_by_role("button", name=de("Activate")).click()

    expect(page.get_by_role("heading", name=de("Recovery codes"))).to_be_visible()
    expect(page.get_by_role("list", name=de("Unused recovery codes")).locator("li")).to_have_count(
        10
    )
    check_a11y(page)
    page.get_by_role("link", name=de("Done: to my area")).click()
    expect(page).to_have_url(re.compile(r"/mein-bereich/"))

    page.goto("/konto/2fa/")
    expect(page.locator("[data-mfa-totp=active]")).to_be_visible()
    check_a11y(page)

    log_out(page)
    page.goto("/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(coordinator.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name=de("Second factor"))).to_be_visible()
    check_a11y(page)
    page.get_by_label(de("Code"), exact=True).fill(totp_code(secret, coordinator.email))
    page.get_by_role("button", name="Anmelden").click()

    expect(page).to_have_url(re.compile(r"/mein-bereich/"))
    expect(page.get_by_role("navigation", name="Persönliches Menü")).to_be_visible()


def test_the_sessions_page_names_this_browser(page: Page, check_a11y, coordinator):
    secret = "TRANSFERRAUMDEMOTRANSFERRAUMDEMO"
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(coordinator, secret)
    page.goto("/konto/login/")
    fill_login_form(page, coordinator.email, totp_secret=secret)

    page.goto("/konto/sessions/")

    expect(page.get_by_role("heading", name=de("Where you are signed in"))).to_be_visible()
    expect(page.locator("[data-session]")).to_have_count(1)
    expect(page.locator("[data-session]")).to_contain_text("Chrome auf Linux")
    expect(page.locator("[data-session]")).to_contain_text(de("this device"))
    check_a11y(page)


def test_a_security_key_is_added_with_a_virtual_authenticator(
    page: Page, check_a11y, coordinator, enforced, live_server
):
    """WebAuthn needs a secure context: the live server answers on localhost."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    page.goto(live_server.url.replace("127.0.0.1", "localhost") + "/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(coordinator.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name=de("Add a security key or passkey")).click()
    confirm_password(page)
    check_a11y(page)

    page.get_by_label("Name").fill("USB-Schlüssel")
    page.get_by_role("button", name=de("Add")).click()

    expect(page.get_by_role("heading", name=de("Recovery codes"))).to_be_visible()
    key = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.WEBAUTHN)
    assert key.data["name"] == "USB-Schlüssel"
    page.goto(live_server.url.replace("127.0.0.1", "localhost") + "/mein-bereich/")
    expect(page).to_have_url(re.compile(r"/mein-bereich/"))

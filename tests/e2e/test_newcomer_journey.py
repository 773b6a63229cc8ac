"""A newcomer finds the platform, a coordinator invites a town officer, the officer joins."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from transferraum.actors.models import Membership, Organisation
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.regions.models import Municipality
from transferraum.regions.services import region_load_reference

from .helpers import fill_login_form, log_out, open_personal_menu


@pytest.fixture
def programme_data(transactional_db, coordinator):
    region_load_reference()
    return OrganisationFactory(
        name="Stadtverwaltung Eilenburg",
        kind=Organisation.Kind.TOWN,
        municipality=Municipality.objects.get(ags="14730110"),
    )


def test_newcomer_coordinator_invites_officer_who_joins(page: Page, check_a11y, programme_data):
    # A newcomer opens the German home page and looks at the region.
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Transfer über Köpfe")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    check_a11y(page)

    # … switches to English and back.
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("navigation", name="Main navigation")).to_be_visible()
    expect(page.get_by_role("link", name="Explore the region")).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name="Deutsch").click()
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("link", name="Region entdecken")).to_be_visible()

    # The coordinator logs in.
    page.get_by_role("link", name="Anmelden").first.click()
    check_a11y(page)
    fill_login_form(page, "koordination@uni-leipzig.example")
    # … and returns to the page she came from, now logged in.
    expect(page.get_by_role("heading", level=1)).to_have_text("Transfer über Köpfe")
    open_personal_menu(page)
    page.get_by_role("link", name="Mein Profil").click()
    expect(page.get_by_role("heading", name="Mein Profil")).to_be_visible()
    check_a11y(page)

    # … finds the town's administration and invites an officer.
    # "Verzeichnis" in the section "Netzwerk" is the one entry for the organisations.
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    navigation.locator("summary", has_text="Netzwerk").click()
    navigation.get_by_role("link", name="Verzeichnis").click()
    check_a11y(page)
    page.get_by_role("link", name="Stadtverwaltung Eilenburg").click()
    page.get_by_role("link", name="Mitglieder und Einladungen verwalten").click()
    check_a11y(page)
    page.get_by_label("E-Mail-Adresse").fill("stadtplanung@eilenburg.example")
    page.get_by_label(re.compile(r"^Name")).fill("Nora Neumann")
    page.get_by_label("Position").fill("Stadtplanung")
    page.get_by_label("Rolle in der Organisation").select_option(label="Administrator/in")
    page.get_by_role("button", name="Einladung senden").click()
    expect(
        page.get_by_text("Die Einladung an stadtplanung@eilenburg.example wurde verschickt.")
    ).to_be_visible()
    expect(
        page.get_by_role("button", name="Einladung an stadtplanung@eilenburg.example zurückziehen")
    ).to_be_visible()
    check_a11y(page)
    log_out(page)

    # The officer follows the link from the e-mail, sets a password and sees the town's page.
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/einladung/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Stadtverwaltung Eilenburg beitreten")
    check_a11y(page)
    page.get_by_label("Ihr Name").fill("Nora Neumann")
    page.get_by_label("Passwort", exact=True).fill("Mulde-Ufer-2026!")
    page.get_by_label("Passwort wiederholen").fill("anders")
    page.get_by_role("button", name="Konto anlegen und beitreten").click()
    # at the field, and in the summary at the top, which names the field
    expect(
        page.get_by_text("Die beiden Passwörter unterscheiden sich.", exact=True)
    ).to_be_visible()
    expect(
        page.get_by_text("Passwort wiederholen: Die beiden Passwörter unterscheiden sich.")
    ).to_be_visible()
    expect(page.get_by_label("Ihr Name")).to_have_value("Nora Neumann")
    check_a11y(page)
    page.get_by_label("Passwort", exact=True).fill("Mulde-Ufer-2026!")
    page.get_by_label("Passwort wiederholen").fill("Mulde-Ufer-2026!")
    page.get_by_role("button", name="Konto anlegen und beitreten").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Stadtverwaltung Eilenburg")
    expect(
        page.get_by_text("Willkommen! Sie sind jetzt Mitglied von Stadtverwaltung Eilenburg.")
    ).to_be_visible()
    expect(page.get_by_text("Nora Neumann, Stadtplanung")).to_be_visible()
    check_a11y(page)
    assert Membership.objects.get(user__email="stadtplanung@eilenburg.example").role == "admin"

    # The link works only once.
    page.goto(link)
    expect(page.get_by_text("bereits angenommen")).to_be_visible()

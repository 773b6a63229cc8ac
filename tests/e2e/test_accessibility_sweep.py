"""Every page a person can reach, checked with axe-core once in German and once in English."""

import pytest
from playwright.sync_api import Page, expect

from transferraum.accounts.tests.factories import PASSWORD
from transferraum.actors.services import organisation_index, profile_for
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.challenges.catalogue import catalogue_load
from transferraum.regions.services import region_load_reference

PUBLIC = [
    "/",
    "/region/",
    "/verzeichnis/",
    "/verzeichnis/karte/",
    "/organisationen/",
    "/netzwerk/",
    "/herausforderungen/",
    "/transferformate/",
    "/transferformate/praxisprojekt/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/suche/?q=Eilenburg",
    "/datenquellen/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/gibt-es-nicht/",
]
COORDINATOR = [
    "/mein-bereich/",
    "/konto/profil/",
    "/profil/bearbeiten/",
    "/organisationen/neu/",
    "/kompetenzen/",
    "/herausforderungen/meine/",
    "/pruefung/",
    "/konto/password/change/",
    "/meine-studien/",
]


@pytest.fixture
def site(transactional_db, coordinator):
    region_load_reference()
    catalogue_load()
    profile_for(coordinator)
    # something for the search page to find
    organisation_index(OrganisationFactory(name="Stadtverwaltung Eilenburg"))


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_passes_axe(page: Page, check_a11y, site, language):
    if language == "en":
        page.goto("/")
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    for path in PUBLIC:
        page.goto(path)
        check_a11y(page)

    page.goto("/konto/login/")
    page.locator("#id_login").fill("koordination@uni-leipzig.example")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.tr-form button[type=submit]").click()
    expect(page.locator("form[action='/konto/logout/']")).to_be_attached()
    for path in COORDINATOR:
        page.goto(path)
        check_a11y(page)

"""A company owner in Zeitz adds an offer and a need, finds a partner in the directory and on
the map, and the browser's back button returns to the earlier results."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from transferraum.actors.aggregates import map_cells_refresh
from transferraum.actors.models import Listing, ListingCategory, Organisation
from transferraum.actors.services import organisation_index
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.actors.vocabulary import competences_load_starter
from transferraum.regions.models import Municipality
from transferraum.regions.services import region_load_reference

from .helpers import log_in


@pytest.fixture
def partner(transactional_db, owner_zeitz, company_zeitz) -> Organisation:
    """A geodata company in Eilenburg that offers data and looks for interns; the town
    administration of Eilenburg close by, so that the two crowd into one cluster on the map."""
    region_load_reference()
    competences_load_starter()
    eilenburg = Municipality.objects.get(ags="14730110")
    partner = OrganisationFactory(
        name="Geodaten Muldental GmbH",
        kind=Organisation.Kind.COMPANY,
        municipality=eilenburg,
        lat=Decimal("51.461500"),
        lon=Decimal("12.640100"),
        short_description="Luftbilder, Drohnenbefliegung und Karten für Betriebe und Gemeinden",
    )
    Listing.objects.create(
        organisation=partner,
        direction=Listing.Direction.OFFER,
        category=ListingCategory.DATA,
        text="Luftbilder von Betriebsgeländen",
    )
    Listing.objects.create(
        organisation=partner,
        direction=Listing.Direction.NEED,
        category=ListingCategory.INTERNSHIPS,
        text="Praktikum in der Fernerkundung",
    )
    organisation_index(partner)
    town = OrganisationFactory(
        name="Stadtverwaltung Eilenburg", kind=Organisation.Kind.TOWN, municipality=eilenburg
    )
    organisation_index(town)
    organisation_index(company_zeitz)
    map_cells_refresh()  # factories write around the services that rebuild the map's cells
    return partner


def test_owner_adds_offer_and_need_and_finds_a_partner_in_directory_and_map(
    page: Page, check_a11y, partner, company_zeitz
):
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    # Tiles are unreachable in the tests; block any stray request too.
    page.route("**/map-tiles-disabled/**", lambda route: route.abort())

    # The owner logs in and completes the company's profile with an offer and a need.
    log_in(page, "inhaberin@zeitzer-werkstaetten.example")

    page.goto(f"/organisationen/{company_zeitz.slug}/bearbeiten/")
    listings = page.locator("#listings")
    expect(listings.get_by_role("heading", name="Angebote und Bedarfe")).to_be_visible()
    check_a11y(page)
    listings.get_by_label("Wir bieten").check()
    listings.get_by_label("Kategorie").select_option(label="Praktika")
    listings.get_by_label("In wenigen Worten").fill("Praktikum im Metallbau")
    listings.get_by_role("button", name="Hinzufügen").click()
    expect(listings).to_contain_text("Praktikum im Metallbau")
    listings.get_by_label("Wir suchen").check()
    listings.get_by_label("Kategorie").select_option(label="Daten")
    listings.get_by_label("In wenigen Worten").fill("Luftbilder unseres Betriebsgeländes")
    listings.get_by_role("button", name="Hinzufügen").click()
    expect(listings).to_contain_text("Luftbilder unseres Betriebsgeländes")
    check_a11y(page)

    # The directory, from the main navigation's section "Netzwerk", lists every organisation.
    navigation = page.get_by_role("navigation", name="Hauptnavigation")
    navigation.locator("summary", has_text="Netzwerk").click()
    navigation_link = navigation.locator('a[href="/verzeichnis/"]')
    navigation_link.click()
    expect(page).to_have_url(re.compile(r"/verzeichnis/$"))
    expect(navigation_link).to_have_attribute("aria-current", "page")
    results = page.locator("#directory-results")
    expect(results.get_by_role("link", name="Zeitzer Werkstätten GmbH")).to_be_visible()
    expect(results.get_by_role("link", name="Stadtverwaltung Eilenburg")).to_be_visible()
    # Its own offers and needs show on the company's card.
    expect(results).to_contain_text("Praktika")
    check_a11y(page)

    # Typing in the search box updates the results without loading the page again.
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#id_q").press_sequentially("Luftbilder", delay=30)
    expect(page).to_have_url(re.compile(r"/verzeichnis/\?q=Luftbilder$"))
    expect(results.get_by_role("link", name="Geodaten Muldental GmbH")).to_be_visible()
    # Both need or offer aerial images: the partner and the owner's own company.
    expect(results.get_by_role("link", name="Stadtverwaltung Eilenburg")).to_have_count(0)
    expect(page.locator("#directory-status")).to_contain_text("2")

    # Only those who offer data: the partner.
    page.locator("#id_angebot").select_option("data")
    expect(page).to_have_url(re.compile(r"/verzeichnis/\?q=Luftbilder&angebot=data$"))
    expect(results.get_by_role("link", name="Zeitzer Werkstätten GmbH")).to_have_count(0)
    expect(results.get_by_role("link", name="Geodaten Muldental GmbH")).to_be_visible()
    expect(page.locator("#directory-status")).to_contain_text("1")
    assert page.evaluate("window.stillTheSamePage") is True
    check_a11y(page)

    # Back: the earlier results and the fields as they were; forward again.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/verzeichnis/\?q=Luftbilder$"))
    expect(results.get_by_role("link", name="Zeitzer Werkstätten GmbH")).to_be_visible()
    expect(page.locator("#id_angebot")).to_have_value("")
    expect(page.locator("#id_q")).to_have_value("Luftbilder")
    page.go_forward()
    expect(page).to_have_url(re.compile(r"angebot=data$"))
    expect(results.get_by_role("link", name="Zeitzer Werkstätten GmbH")).to_have_count(0)
    expect(page.locator("#id_angebot")).to_have_value("data")

    # A reload of the pushed address is a whole page with the same results.
    page.reload()
    expect(page.locator("#id_q")).to_have_value("Luftbilder")
    expect(page.locator("#id_angebot")).to_have_value("data")
    expect(results.get_by_role("link", name="Geodaten Muldental GmbH")).to_be_visible()

    # The same filters on the map: one marker, and the list beside it names the partner.
    results.locator('a[href="/verzeichnis/karte/?q=Luftbilder&angebot=data"]').click()
    map_element = page.locator("#directory-map")
    expect(map_element).to_have_attribute("data-loaded", "true")
    expect(map_element).to_have_attribute("data-points", "1")
    expect(map_element.locator(".leaflet-marker-icon")).to_have_count(1)
    map_list = page.locator("#map-list")
    expect(map_list.get_by_role("link", name="Geodaten Muldental GmbH")).to_be_visible()
    expect(page.locator("#map-attribution")).to_contain_text("GeoBasis-DE / BKG")
    check_a11y(page)

    # The marker's popup links to the partner's page.
    map_element.locator(".leaflet-marker-icon").click()
    popup_link = map_element.locator(".leaflet-popup").get_by_role(
        "link", name="Geodaten Muldental GmbH"
    )
    expect(popup_link).to_have_attribute("href", partner.get_absolute_url())

    # Without the search all three organisations are on the map; the two in Eilenburg crowd
    # into one cluster at the zoom that shows Zeitz as well.
    page.locator("#id_q").fill("")
    page.locator("#id_angebot").select_option("")
    expect(page).to_have_url(re.compile(r"/verzeichnis/karte/$"))
    expect(map_element).to_have_attribute("data-points", "3")
    expect(map_list.get_by_role("link")).to_have_count(3)
    expect(map_element.locator(".marker-cluster")).to_have_count(1)
    expect(map_element.locator(".marker-cluster")).to_contain_text("2")
    check_a11y(page)

    # Back: the map and its list show the partner alone again.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/verzeichnis/karte/\?q=Luftbilder&angebot=data$"))
    expect(map_element).to_have_attribute("data-points", "1")
    expect(map_list.get_by_role("link")).to_have_count(1)
    expect(page.locator("#id_angebot")).to_have_value("data")

    # The list is the way in without the map.
    map_list.get_by_role("link", name="Geodaten Muldental GmbH").click()
    expect(page).to_have_url(re.compile(f"{partner.get_absolute_url()}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Geodaten Muldental GmbH")
    assert csp_errors == []

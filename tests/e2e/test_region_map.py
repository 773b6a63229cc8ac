"""The region map draws its shapes from our GeoJSON even when no map tiles can be loaded; the
directory's map shows the clusters the server computes for its view."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from transferraum.actors.aggregates import map_cells_refresh
from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.regions.models import Municipality
from transferraum.regions.services import region_load_reference


@pytest.fixture
def region(transactional_db):
    region_load_reference()


def test_map_shows_districts_and_towns_without_tiles(page: Page, check_a11y, region):
    # Tiles are unreachable in the tests (see config.settings.test); block any stray request too.
    page.route("**/*.png", lambda route: route.abort())
    page.goto("/region/")

    map_element = page.locator("#region-map")
    expect(map_element).to_have_attribute("data-loaded", "true")
    # 4 districts of the initiative + Leipzig + 2 town shapes + 2 town points
    expect(page.locator("#region-map path.leaflet-interactive")).to_have_count(9)
    expect(page.locator("#map-attribution")).to_contain_text("GeoBasis-DE / BKG")
    expect(page.get_by_role("table")).to_contain_text("Erzgebirgskreis")
    check_a11y(page)

    page.goto("/datenquellen/")
    expect(page.locator("#attribution")).to_contain_text("Zensus 2022")
    check_a11y(page)


def test_pages_fit_a_phone_screen(page: Page, check_a11y, region):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/", "/region/", "/organisationen/", "/konto/login/", "/barrierefreiheit/"):
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    check_a11y(page)


@pytest.fixture
def crowded(transactional_db):
    """Thirty organisations around Zeitz and one in Eilenburg: more than a page of the list."""
    region_load_reference()
    zeitz = Municipality.objects.get(name="Zeitz")
    eilenburg = Municipality.objects.get(name="Eilenburg")
    for n in range(30):
        OrganisationFactory(
            name=f"Werkstatt {n:02d}",
            kind=Organisation.Kind.COMPANY,
            municipality=zeitz,
            lat=Decimal("51.04") + Decimal(n % 6) / 500,
            lon=Decimal("12.12") + Decimal(n // 6) / 500,
        )
    OrganisationFactory(
        name="Stadtverwaltung Eilenburg", kind=Organisation.Kind.TOWN, municipality=eilenburg
    )
    map_cells_refresh()  # factories write around the services that rebuild the map's cells


def test_map_clusters_on_the_server_and_zooms_into_a_cluster(page: Page, check_a11y, crowded):
    page.route("**/map-tiles-disabled/**", lambda route: route.abort())
    data_requests: list[str] = []
    page.on(
        "request",
        lambda request: data_requests.append(request.url) if "karte.json" in request.url else None,
    )
    page.goto("/verzeichnis/karte/")

    map_element = page.locator("#directory-map")
    expect(map_element).to_have_attribute("data-loaded", "true")
    expect(map_element).to_have_attribute("data-points", "31")
    # Zeitz's thirty crowd into one cluster; Eilenburg's town is a point of its own.
    cluster = map_element.locator(".tr-map-cluster")
    expect(cluster).to_have_count(1)
    expect(cluster).to_contain_text("30")
    expect(map_element.locator(".leaflet-marker-icon")).to_have_count(2)
    assert all("bbox=" in url and "zoom=" in url for url in data_requests)
    # The list beside the map is paginated.
    expect(page.locator("#map-list li")).to_have_count(20)
    expect(page.locator("#map-status")).to_contain_text("31")
    check_a11y(page)

    # Selecting the cluster zooms in; the map asks for the new view and shows smaller groups.
    zoom = int(re.search(r"zoom=(\d+)", data_requests[-1]).group(1))
    with page.expect_request(lambda request: "karte.json" in request.url) as request:
        cluster.click()
    assert int(re.search(r"zoom=(\d+)", request.value.url).group(1)) == zoom + 2
    expect(map_element).to_have_attribute("data-loaded", "true")
    expect(map_element).to_have_attribute("data-points", "31")

    # The next page of the list; the map stays where it is.
    asked = len(data_requests)
    page.locator("#map-page-next").click()
    expect(page).to_have_url(re.compile(r"/verzeichnis/karte/\?seite=2$"))
    expect(page.locator("#map-list li")).to_have_count(11)
    assert len(data_requests) == asked
    check_a11y(page)

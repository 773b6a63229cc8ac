"""The region map draws its shapes from our GeoJSON even when no map tiles can be loaded."""

import pytest
from playwright.sync_api import Page, expect

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

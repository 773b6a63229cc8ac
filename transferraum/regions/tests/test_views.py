import pytest
from django.urls import reverse

from transferraum.regions.services import region_load_reference


@pytest.fixture
def region(db):
    region_load_reference()


@pytest.mark.django_db
def test_home_page_shows_the_programme_and_the_map(client, region):
    content = client.get("/").content.decode()

    assert "Transfer über Köpfe" in content
    assert 'id="region-map"' in content
    assert "kern.min.css" in content
    assert "Eilenburg" in content and "Zeitz" in content
    assert "GeoBasis-DE / BKG" in content  # attribution next to the map


@pytest.mark.django_db
def test_region_page_lists_the_districts_as_the_maps_text_alternative(client, region):
    content = client.get(reverse("regions:region")).content.decode()

    for name in ("Nordsachsen", "Landkreis Leipzig", "Burgenlandkreis", "Erzgebirgskreis"):
        assert name in content
    assert "https://www.bkg.bund.de" in content
    assert "https://www.govdata.de/dl-de/by-2-0" in content


@pytest.mark.django_db
def test_region_page_uses_the_configured_tile_server(client, region, settings):
    settings.MAP_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Kacheln: Beispiel"

    content = client.get(reverse("regions:region")).content.decode()

    assert 'data-tile-url="https://tiles.example/{z}/{x}/{y}.png"' in content
    assert 'data-tile-attribution="Kacheln: Beispiel"' in content


@pytest.mark.django_db
def test_map_data_has_the_districts_and_partner_towns(
    client, region, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = client.get(reverse("regions:map-data"))

    data = response.json()
    assert data["type"] == "FeatureCollection"
    kinds = {}
    for feature in data["features"]:
        kinds.setdefault(feature["properties"]["kind"], set()).add(feature["properties"]["name"])
    assert kinds["district"] == {
        "Nordsachsen",
        "Landkreis Leipzig",
        "Burgenlandkreis",
        "Erzgebirgskreis",
    }
    assert kinds["partner_town"] == {"Eilenburg", "Zeitz"}
    assert kinds["partner_town_point"] == {"Eilenburg", "Zeitz"}
    assert kinds["context"] == {"Leipzig (kreisfreie Stadt)"}


@pytest.mark.django_db
def test_region_pages_answer_404_before_the_reference_data_is_loaded(client):
    assert client.get(reverse("regions:region")).status_code == 404
    assert client.get(reverse("regions:map-data")).status_code == 404
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_data_sources_page_shows_the_required_attribution(client):
    content = client.get(reverse("regions:data-sources")).content.decode()

    assert "Gemeindeverzeichnis GV-ISys, Stand 31.12.2019" in content
    assert "Zensus 2022" in content
    assert "Daten verändert" in content
    assert 'id="attribution"' in content

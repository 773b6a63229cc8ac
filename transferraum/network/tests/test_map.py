"""The map's data: organisations of the visible area, clustered on a grid by the database."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from transferraum.actors.aggregates import MAP_CELL_MAX_ZOOM, map_cells_refresh
from transferraum.actors.models import Organisation
from transferraum.actors.services import organisation_index, organisation_register
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.core.pagination import CappedPaginator
from transferraum.network import map as network_map
from transferraum.network import views
from transferraum.network.directory import DirectoryFilters
from transferraum.network.map import MAX_ZOOM, MIN_ZOOM, MapView, located_organisations, map_data
from transferraum.network.tests.test_directory import build_directory
from transferraum.regions.tests.factories import MunicipalityFactory, eilenburg, zeitz

# Around Eilenburg and Zeitz, the region's two partner towns.
REGION = "11.9,50.9,12.9,51.6"


@pytest.fixture
def directory(town_eilenburg, company_zeitz):
    built = build_directory(town_eilenburg, company_zeitz)
    # Factories write around the services that enqueue the rebuild of the map's cells.
    map_cells_refresh()
    return built


@pytest.fixture
def client(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def view(query: str = "") -> MapView:
    return MapView.from_query(QueryDict(query))


def filters(query: str = "") -> DirectoryFilters:
    return DirectoryFilters.from_query(QueryDict(query)).for_map()


def _spread(count: int, *, name: str = "Betrieb") -> list[Organisation]:
    """`count` organisations with own coordinates on a line across the region (the map's
    cells rebuilt)."""
    organisations = [
        OrganisationFactory(
            name=f"{name} {n}",
            municipality=zeitz(),
            lat=Decimal("51.0") + Decimal(n % 50) / 100,
            lon=Decimal("12.0") + Decimal(n // 50) / 100,
        )
        for n in range(count)
    ]
    map_cells_refresh()
    return organisations


@pytest.mark.django_db
def test_close_zoom_shows_each_organisation_as_a_point(directory):
    with translation.override("de"):
        data = map_data(filters(), view(f"bbox={REGION}&zoom=16"))

    points = {point["name"]: point for point in data["points"]}
    # The institute has neither coordinates nor a town.
    assert set(points) == {
        "Geodaten Muldental GmbH",
        "Stadtverwaltung Eilenburg",
        "Zeitzer Werkstätten GmbH",
    }
    assert data["clusters"] == []
    assert data["count"] == data["shown"] == 3
    # Own coordinates first, else the town's centre.
    assert (points["Geodaten Muldental GmbH"]["lat"], points["Geodaten Muldental GmbH"]["lon"]) == (
        51.461,
        12.64,
    )
    assert points["Zeitzer Werkstätten GmbH"] == {
        "name": "Zeitzer Werkstätten GmbH",
        "url": directory.company.get_absolute_url(),
        "kind": "company",
        "kind_label": "Unternehmen",
        "town": "Zeitz",
        "lat": 51.050371,
        "lon": 12.134473,
    }


@pytest.mark.django_db
def test_the_region_zoom_clusters_neighbours_and_keeps_a_loner_a_point(directory):
    data = map_data(filters(), view(f"bbox={REGION}&zoom=9"))

    # The two in Eilenburg share a cell; Zeitz is alone in its own.
    assert [p["name"] for p in data["points"]] == ["Zeitzer Werkstätten GmbH"]
    assert len(data["clusters"]) == 1
    cluster = data["clusters"][0]
    assert cluster["count"] == 2
    assert cluster["lat"] == pytest.approx((51.461 + 51.459845) / 2)
    assert data["bounds"] == [
        [pytest.approx(51.050371), pytest.approx(12.134473)],
        [pytest.approx(51.461), pytest.approx(12.64)],
    ]


@pytest.mark.django_db
def test_only_the_visible_area_is_sent_but_the_count_is_of_all(directory):
    # Around Zeitz only.
    data = map_data(filters(), view("bbox=12.0,50.95,12.3,51.15&zoom=12"))

    assert [p["name"] for p in data["points"]] == ["Zeitzer Werkstätten GmbH"]
    assert data["clusters"] == []
    assert data["shown"] == 1
    assert data["count"] == 3


@pytest.mark.django_db
def test_points_follow_the_filters(directory):
    close = view(f"bbox={REGION}&zoom=16")

    assert [p["name"] for p in map_data(filters("angebot=internships"), close)["points"]] == [
        "Zeitzer Werkstätten GmbH"
    ]
    empty = map_data(filters("q=GIS"), close)
    assert empty["points"] == empty["clusters"] == []
    assert empty["count"] == 0
    assert empty["bounds"] is None


@pytest.mark.django_db
def test_answer_is_bounded_however_many_organisations(db, monkeypatch):
    monkeypatch.setattr(network_map, "MAX_CELLS", 5)
    _spread(120)

    for zoom in (4, 9, 13, 18):
        data = map_data(filters(), view(f"bbox={REGION}&zoom={zoom}"))
        assert len(data["points"]) + len(data["clusters"]) <= 5
        assert data["count"] == 120
    # At a low zoom everything is one cluster.
    assert map_data(filters(), view("zoom=2"))["clusters"] == [
        {"lat": pytest.approx(51.22), "lon": pytest.approx(12.0075), "count": 120}
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", MapView()),
        ("zoom=12", MapView(zoom=12)),
        ("zoom=99", MapView(zoom=18)),
        ("zoom=-1&bbox=1,2,3", MapView()),
        ("zoom=x&bbox=a,b,c,d", MapView()),
        ("bbox=nan,1,2,3", MapView()),
        ("bbox=3,50,1,52", MapView()),  # west east of east
        ("bbox=-500,-100,500,100&zoom=3", MapView(3, -180.0, -90.0, 180.0, 90.0)),
        ("bbox=12.1,51.0,12.7,51.5&zoom=10", MapView(10, 12.1, 51.0, 12.7, 51.5)),
    ],
)
def test_view_parameters_are_cleaned(query, expected):
    assert view(query) == expected


@pytest.mark.django_db
def test_map_data_answers_json_for_the_view(client, directory):
    response = client.get(
        reverse("network:map-data"), {"kreis": "14730", "bbox": REGION, "zoom": "16"}
    )

    data = response.json()
    assert data["count"] == 2
    assert {p["name"] for p in data["points"]} == {
        "Geodaten Muldental GmbH",
        "Stadtverwaltung Eilenburg",
    }
    assert set(data["points"][0]) == {"name", "url", "kind", "kind_label", "town", "lat", "lon"}


@pytest.mark.django_db
def test_map_list_renders_one_page_and_pages_on(client, monkeypatch, db):
    monkeypatch.setattr(views, "PAGE_SIZE", 10)
    _spread(25)

    first = client.get(reverse("network:map")).content.decode()
    third = client.get(reverse("network:map"), {"seite": "3"}, headers={"HX-Request": "true"})

    assert first.count('<li><a class="kern-link" href="/organisationen/') == 10
    assert "25 organisations on the map" in first
    assert 'href="/verzeichnis/karte/?seite=2"' in first
    # The map's data address has no page: paging the list leaves the map alone.
    assert 'data-url="/verzeichnis/karte.json"' in first
    content = third.content.decode()
    assert content.count('<li><a class="kern-link" href="/organisationen/') == 5
    assert third["HX-Push-Url"] == "/verzeichnis/karte/?seite=3"


@pytest.mark.django_db
def test_map_list_counts_a_region_only_up_to_the_limit(client, monkeypatch, db):
    monkeypatch.setattr(views, "PAGE_SIZE", 10)
    monkeypatch.setattr(CappedPaginator, "limit", 20)
    _spread(25)

    page = client.get(reverse("network:map"), {"seite": "9"}).content.decode()

    assert "More than 20 organisations on the map." in page
    # The pages end at the limit: the last one holds the 20th organisation.
    assert page.count('<li><a class="kern-link" href="/organisationen/') == 10
    assert "/verzeichnis/karte/?seite=2" in page and "?seite=3" not in page


def _queries(client, url: str, params: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["network:map", "network:map-data"])
@pytest.mark.parametrize("params", [{}, {"bbox": REGION, "zoom": "11", "art": "company"}])
def test_map_needs_constant_queries_at_two_sizes(client, db, name, params):
    MunicipalityFactory(name="Ort")
    _spread(5)
    few = _queries(client, reverse(name), params)
    _spread(60, name="Mehr")

    assert _queries(client, reverse(name), params) <= few


def _generated(count: int, *, seed: int = 7, name: str = "Generiert") -> None:
    """`count` organisations of every kind in two towns, most with their own coordinates
    scattered up to a few kilometres around the town, some at the town's centre."""
    rng = random.Random(seed)
    towns = [zeitz(), eilenburg()]
    kinds = Organisation.Kind.values
    for n in range(count):
        town = towns[n % 2]
        own = rng.random() < 0.8
        organisation = OrganisationFactory(
            name=f"{name} {n}",
            kind=kinds[n % len(kinds)],
            municipality=town,
            lat=(town.lat + Decimal(f"{rng.uniform(-0.05, 0.05):.6f}")) if own else None,
            lon=(town.lon + Decimal(f"{rng.uniform(-0.08, 0.08):.6f}")) if own else None,
        )
        organisation_index(organisation)
    map_cells_refresh()


FILTERS = ["", "art=company", "art=town&art=startup", "kreis=14730", "gemeinde=15084590"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", FILTERS)
def test_clusters_and_points_add_up_to_the_filtered_count_at_every_zoom(query):
    _generated(150)
    expected = located_organisations(filters(query)).count()
    assert expected > 0

    for zoom in range(MIN_ZOOM, MAX_ZOOM + 1):
        for bounds in ("", f"bbox={REGION}&"):
            data = map_data(filters(query), view(f"{bounds}zoom={zoom}"))
            shown = sum(c["count"] for c in data["clusters"]) + len(data["points"])
            assert shown == data["shown"] == data["count"] == expected, (query, zoom, bounds)
            assert all(c["count"] > 1 for c in data["clusters"])


@pytest.mark.django_db
@pytest.mark.parametrize("zoom", range(MIN_ZOOM, MAP_CELL_MAX_ZOOM + 1))
def test_the_cell_table_groups_as_the_organisations_do(zoom):
    _generated(80)
    plain = filters("art=company&art=town")

    table = network_map._cells_from_table(plain, view(f"zoom={zoom}"))
    direct = network_map._cells_from_organisations(
        located_organisations(plain), view(f"zoom={zoom}")
    )

    def key(cell):
        return (cell["count"], cell["first"])

    assert sorted(map(key, table)) == sorted(map(key, direct))
    centres = {cell["first"]: (cell["lat"], cell["lon"]) for cell in direct}
    for cell in table:
        assert (cell["lat"], cell["lon"]) == pytest.approx(centres[cell["first"]])
    assert network_map._extent_from_table(plain) == pytest.approx(
        network_map._extent_from_organisations(located_organisations(plain))
    )


@pytest.mark.django_db
@pytest.mark.parametrize("zoom", range(MIN_ZOOM, MAX_ZOOM + 1))
def test_the_answer_is_bounded_at_every_zoom(monkeypatch, zoom):
    monkeypatch.setattr(network_map, "MAX_CELLS", 4)
    _generated(60)

    for query in ("", "q=Generiert"):
        data = map_data(filters(query), view(f"bbox={REGION}&zoom={zoom}"))
        assert len(data["points"]) + len(data["clusters"]) <= 4
        assert data["count"] == 60


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"bbox": REGION, "zoom": "9"},
        {"bbox": REGION, "zoom": "16", "kreis": "14730"},
        {"bbox": REGION, "zoom": "11", "q": "Generiert"},
    ],
)
def test_map_data_needs_constant_queries_whatever_the_zoom_and_size(client, params):
    _generated(6)
    few = _queries(client, reverse("network:map-data"), params)
    _generated(90, seed=8, name="Generiert mehr")

    # One query fewer when no cell holds a single organisation.
    assert _queries(client, reverse("network:map-data"), params) <= few


@pytest.mark.django_db
def test_an_organisation_the_services_add_reaches_the_map_after_commit(
    coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation_register(
            actor=coordinator, name="Neue Werkstatt", kind="company", municipality=zeitz()
        )

    data = map_data(filters(), view("zoom=16"))
    assert [p["name"] for p in data["points"]] == ["Neue Werkstatt"]

"""The page and the JSON show the numbers a recomputation from the rows gives."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.network.tests.recompute import Expected, expected_numbers
from transferraum.regions.tests.factories import eilenburg, zeitz


class PageReader(HTMLParser):
    """Collects the `<data>` values, the body rows of each table by id, and checked inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {}
        self.tables: dict[str, list[list[tuple[str, str | None]]]] = {}
        self.checked: set[tuple[str, str]] = set()
        self.graph_attrs: dict[str, str] = {}
        self._table: str | None = None
        self._in_body = False
        self._cell: list[str] | None = None
        self._href: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "data" and "id" in attrs:
            self.data[attrs["id"]] = attrs["value"]
        elif tag == "table":
            self._table = attrs.get("id")
            self.tables[self._table] = []
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._in_body:
            self._cell, self._href = [], None
        elif tag == "a" and self._cell is not None:
            self._href = attrs["href"]
        elif tag == "input" and "checked" in attrs:
            self.checked.add((attrs["name"], attrs["value"]))
        elif attrs.get("id") == "network-graph":
            self.graph_attrs = attrs

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[self._table][-1].append(("".join(self._cell).strip(), self._href))
            self._cell = None
        elif tag == "tbody":
            self._in_body = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def read(content: bytes) -> PageReader:
    reader = PageReader()
    reader.feed(content.decode())
    return reader


def assert_page_agrees(reader: PageReader, expected: Expected) -> None:
    slug_of = {o.get_absolute_url(): o.slug for o in Organisation.objects.all()}

    assert int(reader.data["summary-nodes"]) == len(expected.organisations)
    assert int(reader.data["summary-edges"]) == len(expected.edges)
    assert int(reader.data["summary-components"]) == expected.components
    assert float(reader.data["summary-density"]) == pytest.approx(expected.density)
    assert float(reader.data["summary-mean-degree"]) == pytest.approx(expected.mean_degree)
    assert int(reader.data["summary-max-degree"]) == expected.max_degree
    assert int(reader.data["summary-isolated"]) == expected.isolated

    edges = {
        frozenset((slug_of[row[0][1]], slug_of[row[1][1]])): int(row[2][0])
        for row in reader.tables.get("network-edges", [])
    }
    assert edges == expected.edges
    assert len(reader.tables.get("network-edges", [])) == len(expected.edges)

    degree_rows = reader.tables.get("network-degrees", [])
    degree = {slug_of[row[0][1]]: int(row[3][0]) for row in degree_rows}
    assert degree == expected.degree
    shown = [int(row[3][0]) for row in degree_rows]
    assert shown == sorted(shown, reverse=True)


def assert_json_agrees(data: dict, expected: Expected) -> None:
    slug_of = {str(o.pk): o.slug for o in Organisation.objects.all()}
    nodes = data["elements"]["nodes"]
    edges = data["elements"]["edges"]

    assert {slug_of[n["data"]["id"]] for n in nodes} == expected.organisations
    assert {
        frozenset((slug_of[e["data"]["source"]], slug_of[e["data"]["target"]])): e["data"]["weight"]
        for e in edges
    } == expected.edges
    assert {slug_of[n["data"]["id"]]: n["data"]["degree"] for n in nodes} == expected.degree
    summary = data["summary"]
    assert summary["nodes"] == len(expected.organisations)
    assert summary["edges"] == len(expected.edges)
    assert summary["components"] == expected.components
    assert summary["density"] == pytest.approx(expected.density)
    assert summary["mean_degree"] == pytest.approx(expected.mean_degree)
    assert summary["max_degree"] == expected.max_degree
    assert summary["isolated"] == expected.isolated


FILTERS = [
    pytest.param({}, None, None, id="everything"),
    pytest.param({"art": ["company"]}, {"company"}, None, id="companies"),
    pytest.param({"art": ["town", "civil_society"]}, {"town", "civil_society"}, None, id="kinds"),
    pytest.param({"kreis": ["15084"]}, None, {"15084"}, id="burgenlandkreis"),
    pytest.param(
        {"art": ["company", "startup"], "kreis": ["15084", "14730"]},
        {"company", "startup"},
        {"15084", "14730"},
        id="kinds-and-districts",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "kinds", "districts"), FILTERS)
def test_page_shows_the_numbers_of_a_recomputation(client, network, query, kinds, districts):
    response = client.get(reverse("network:graph"), query)

    assert response.status_code == 200
    assert_page_agrees(read(response.content), expected_numbers(kinds=kinds, districts=districts))


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "kinds", "districts"), FILTERS)
def test_json_has_the_numbers_of_a_recomputation(client, network, query, kinds, districts):
    response = client.get(reverse("network:graph-data"), query)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert_json_agrees(response.json(), expected_numbers(kinds=kinds, districts=districts))


@pytest.mark.django_db
def test_known_network_has_the_expected_key_figures(client, network):
    reader = read(client.get(reverse("network:graph")).content)

    assert reader.data["summary-nodes"] == "8"
    assert reader.data["summary-edges"] == "6"
    assert reader.data["summary-components"] == "3"
    assert float(reader.data["summary-density"]) == pytest.approx(6 / 28)
    assert reader.data["summary-max-degree"] == "3"
    assert reader.data["summary-isolated"] == "1"
    # The strongest link comes first in the table.
    first = reader.tables["network-edges"][0]
    assert {first[0][0], first[1][0]} == {"Gründerwerkstatt Zeitz", "Zeitzer Werkstätten GmbH"}
    assert first[2][0] == "2"


@pytest.mark.django_db
def test_filter_state_lives_in_the_url_and_reaches_the_drawing(client, network):
    response = client.get(reverse("network:graph"), {"art": ["company", "town"], "kreis": "15084"})
    reader = read(response.content)

    assert reader.checked == {("art", "company"), ("art", "town"), ("kreis", "15084")}
    assert reader.graph_attrs["data-url"] == (
        reverse("network:graph-data") + "?art=town&art=company&kreis=15084"
    )


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored(client, network):
    response = client.get(reverse("network:graph"), {"art": "castle", "kreis": ["99999", "x"]})
    reader = read(response.content)

    assert reader.checked == set()
    assert reader.data["summary-nodes"] == "8"
    assert reader.graph_attrs["data-url"] == reverse("network:graph-data")
    data = client.get(reverse("network:graph-data"), {"art": "castle"}).json()
    assert data["summary"]["nodes"] == 8


@pytest.mark.django_db
def test_district_filter_offers_the_districts_that_have_organisations(client, network):
    content = client.get(reverse("network:graph")).content.decode()

    assert 'id="kreis-14730"' in content
    assert 'id="kreis-15084"' in content
    for value in Organisation.Kind.values:
        assert f'id="art-{value}"' in content


@pytest.mark.django_db
def test_empty_platform_shows_zeros(client):
    reader = read(client.get(reverse("network:graph")).content)

    assert reader.data["summary-nodes"] == "0"
    assert reader.data["summary-density"] == "0.0"
    assert "network-edges" not in reader.tables
    assert client.get(reverse("network:graph-data")).json()["elements"] == {
        "nodes": [],
        "edges": [],
    }


@pytest.mark.django_db
def test_json_nodes_link_to_the_organisation_page(client, network):
    nodes = client.get(reverse("network:graph-data")).json()["elements"]["nodes"]
    town = next(n["data"] for n in nodes if n["data"]["id"] == str(network.town.pk))

    assert town["url"] == network.town.get_absolute_url()
    assert town["kind"] == "town"
    assert town["district"] == "14730"
    assert town["degree"] == 2


@pytest.mark.django_db
def test_page_has_no_inline_script_or_style_and_is_in_the_navigation(client, network):
    content = client.get(reverse("network:graph")).content.decode()

    assert " style=" not in content
    assert "<script>" not in content
    assert "<style" not in content
    assert "network/graph.js" in content
    assert "vendor/cytoscape/cytoscape.min.js" in content
    url = reverse("network:graph")
    assert f'href="{url}" aria-current="page"' in content


@pytest.mark.django_db
def test_only_safe_methods(client):
    assert client.post(reverse("network:graph")).status_code == 405
    assert client.post(reverse("network:graph-data")).status_code == 405


def _add_organisations(count: int) -> None:
    """`count` organisations in a chain, each sharing one person with the next."""
    organisations = [
        OrganisationFactory(
            name=f"Kette {i}",
            kind=Organisation.Kind.COMPANY,
            municipality=eilenburg() if i % 2 else zeitz(),
        )
        for i in range(count)
    ]
    for first, second in zip(organisations, organisations[1:], strict=False):
        membership = MembershipFactory(organisation=first)
        MembershipFactory(user=membership.user, organisation=second)


def _count_queries(client, url: str, query: dict) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, query).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["network:graph", "network:graph-data"])
@pytest.mark.parametrize("query", [{}, {"art": "company", "kreis": "14730"}])
def test_query_count_does_not_grow_with_the_organisations(
    client, django_assert_max_num_queries, name, query
):
    url = reverse(name)
    _add_organisations(5)
    few = _count_queries(client, url, query)
    _add_organisations(15)

    with django_assert_max_num_queries(few):
        response = client.get(url, query)

    assert response.status_code == 200
    assert few <= 2


@pytest.mark.django_db
def test_query_count_for_a_logged_in_person_stays_small(
    client, researcher, django_assert_max_num_queries
):
    _add_organisations(15)
    client.force_login(researcher)

    with django_assert_max_num_queries(5):
        response = client.get(reverse("network:graph"))

    assert response.status_code == 200

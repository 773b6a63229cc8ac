"""The page and the JSON show the numbers a recomputation from the rows gives."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.actors.aggregates import organisation_links_refresh
from transferraum.actors.models import Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.network import views
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

    # Small networks are drawn whole: every linked organisation, every link.
    assert {slug_of[n["data"]["id"]] for n in nodes} == set(expected.degree)
    assert {
        frozenset((slug_of[e["data"]["source"]], slug_of[e["data"]["target"]])): e["data"]["weight"]
        for e in edges
    } == expected.edges
    assert {slug_of[n["data"]["id"]]: n["data"]["degree"] for n in nodes} == expected.degree
    summary = data["summary"]
    assert summary["nodes"] == len(expected.organisations)
    assert summary["edges"] == len(expected.edges)
    assert summary["drawn_edges"] == len(expected.edges)
    assert summary["drawn_components"] == expected.components
    assert summary["is_cut"] is False
    assert summary["density"] == pytest.approx(expected.density)
    assert summary["mean_degree"] == pytest.approx(expected.mean_degree)
    assert summary["max_degree"] == expected.max_degree
    assert summary["isolated"] == expected.isolated


FILTERS = [
    pytest.param({}, {}, id="everything"),
    pytest.param({"art": ["company"]}, {"kinds": {"company"}}, id="companies"),
    pytest.param(
        {"art": ["town", "civil_society"]}, {"kinds": {"town", "civil_society"}}, id="kinds"
    ),
    pytest.param({"kreis": "15084"}, {"district": "15084"}, id="burgenlandkreis"),
    pytest.param({"gemeinde": "14730110"}, {"municipality": "14730110"}, id="eilenburg"),
    pytest.param(
        {"art": ["company", "startup"], "kreis": "15084"},
        {"kinds": {"company", "startup"}, "district": "15084"},
        id="kinds-and-district",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_page_shows_the_numbers_of_a_recomputation(client, network, query, expected):
    response = client.get(reverse("network:graph"), query)

    assert response.status_code == 200
    assert_page_agrees(read(response.content), expected_numbers(**expected))


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_json_has_the_numbers_of_a_recomputation(client, network, query, expected):
    response = client.get(reverse("network:graph-data"), query)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert_json_agrees(response.json(), expected_numbers(**expected))


@pytest.mark.django_db
def test_known_network_has_the_expected_key_figures(client, network):
    response = client.get(reverse("network:graph"))
    reader = read(response.content)

    assert reader.data["summary-nodes"] == "8"
    assert reader.data["summary-edges"] == "6"
    # Among the drawn links: the Eilenburg–Zeitz group and the Kreis–Stadtwerke pair.
    assert reader.data["summary-components"] == "2"
    assert float(reader.data["summary-density"]) == pytest.approx(6 / 28)
    assert reader.data["summary-max-degree"] == "3"
    assert reader.data["summary-isolated"] == "1"
    # The strongest link comes first in the table.
    first = reader.tables["network-edges"][0]
    assert {first[0][0], first[1][0]} == {"Gründerwerkstatt Zeitz", "Zeitzer Werkstätten GmbH"}
    assert first[2][0] == "2"
    assert "Die Zeichnung zeigt alle 6 Verbindungen." in response.content.decode()


@pytest.mark.django_db
def test_filter_state_lives_in_the_url_and_reaches_the_drawing(client, network):
    response = client.get(
        reverse("network:graph"), {"art": ["company", "town"], "kreis": "15084", "zeitraum": "36"}
    )
    reader = read(response.content)
    content = response.content.decode()

    assert reader.checked == {("art", "company"), ("art", "town")}
    assert '<option value="15084" selected>' in content
    assert '<option value="36" selected>' in content
    assert reader.graph_attrs["data-url"] == (
        reverse("network:graph-data") + "?art=town&art=company&kreis=15084&zeitraum=36"
    )
    # Each active filter is a chip that removes it.
    assert 'href="/netzwerk/?art=town&amp;art=company&amp;kreis=15084"' in content


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored(client, network):
    response = client.get(
        reverse("network:graph"),
        {"art": "castle", "kreis": ["99999", "x"], "zeitraum": "7", "seite": "x"},
    )
    reader = read(response.content)

    assert response.status_code == 200
    assert reader.checked == set()
    assert reader.data["summary-nodes"] == "8"
    assert reader.graph_attrs["data-url"] == reverse("network:graph-data")
    data = client.get(reverse("network:graph-data"), {"art": "castle", "gemeinde": "0"}).json()
    assert data["summary"]["nodes"] == 8


@pytest.mark.django_db
def test_district_and_town_filters_offer_places_that_have_organisations(client, network):
    content = client.get(reverse("network:graph")).content.decode()

    assert '<option value="14730">Nordsachsen</option>' in content
    assert '<option value="15084">Burgenlandkreis</option>' in content
    assert '<option value="14730110">Eilenburg</option>' in content
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
def test_page_loads_only_its_small_script_and_has_no_inline_code(client, network):
    content = client.get(reverse("network:graph")).content.decode()

    assert " style=" not in content
    assert "<script>" not in content
    assert "<style" not in content
    assert "network/graph.js" in content
    # Cytoscape is named for graph.js to fetch when the drawing opens, never loaded as a script.
    assert 'src="/static/vendor/cytoscape/cytoscape.min.js"' not in content
    assert 'data-script="/static/vendor/cytoscape/cytoscape.min.js"' in content
    url = reverse("network:graph")
    assert f'href="{url}" aria-current="page"' in content


@pytest.mark.django_db
def test_only_safe_methods(client):
    assert client.post(reverse("network:graph")).status_code == 405
    assert client.post(reverse("network:graph-data")).status_code == 405


def _add_organisations(count: int, *, prefix: str = "Kette") -> None:
    """`count` organisations in a chain, each sharing one person with the next."""
    organisations = [
        OrganisationFactory(
            name=f"{prefix} {i}",
            kind=Organisation.Kind.COMPANY,
            municipality=eilenburg() if i % 2 else zeitz(),
        )
        for i in range(count)
    ]
    for first, second in zip(organisations, organisations[1:], strict=False):
        membership = MembershipFactory(organisation=first)
        MembershipFactory(user=membership.user, organisation=second)
    organisation_links_refresh()


def _count_queries(client, url: str, query: dict) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, query).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["network:graph", "network:graph-data"])
@pytest.mark.parametrize(
    "query",
    [{}, {"art": "company", "kreis": "14730", "gemeinde": "14730110", "zeitraum": "12"}],
)
def test_query_count_does_not_grow_with_the_organisations(
    client, monkeypatch, django_assert_max_num_queries, name, query
):
    monkeypatch.setattr(views, "DRAWN_LINKS", 4)
    monkeypatch.setattr(views, "LINKS_PAGE_SIZE", 3)
    url = reverse(name)
    _add_organisations(5)
    few = _count_queries(client, url, query)
    _add_organisations(25, prefix="Mehr")

    with django_assert_max_num_queries(few):
        response = client.get(url, query)

    assert response.status_code == 200
    assert few <= 12


@pytest.mark.django_db
def test_json_holds_at_most_the_strongest_links_whatever_the_data(client, monkeypatch):
    monkeypatch.setattr(views, "DRAWN_LINKS", 4)
    _add_organisations(20)
    strong = MembershipFactory(organisation=OrganisationFactory(name="Stark A"))
    MembershipFactory(user=strong.user, organisation=OrganisationFactory(name="Stark B"))
    second = MembershipFactory(organisation=strong.organisation)
    MembershipFactory(user=second.user, organisation=Organisation.objects.get(name="Stark B"))
    organisation_links_refresh()

    data = client.get(reverse("network:graph-data")).json()

    edges = data["elements"]["edges"]
    assert len(edges) == 4
    assert len(data["elements"]["nodes"]) <= 8
    assert edges[0]["data"]["weight"] == 2  # the strongest link is drawn
    assert data["summary"]["edges"] == 20
    assert data["summary"]["drawn_edges"] == 4
    assert data["summary"]["is_cut"] is True


@pytest.mark.django_db
def test_page_says_how_much_the_drawing_leaves_out(client, monkeypatch):
    monkeypatch.setattr(views, "DRAWN_LINKS", 4)
    _add_organisations(20)

    content = client.get(reverse("network:graph")).content.decode()

    assert "Die Zeichnung zeigt die 4 stärksten von 19 Verbindungen." in content


@pytest.mark.django_db
def test_table_of_links_renders_one_page_and_pages_on(client, monkeypatch):
    monkeypatch.setattr(views, "LINKS_PAGE_SIZE", 5)
    _add_organisations(13)  # 12 links

    first = read(client.get(reverse("network:graph")).content)
    last = client.get(reverse("network:graph"), {"seite": "3", "art": "company"})
    beyond = read(client.get(reverse("network:graph"), {"seite": "99"}).content)

    assert len(first.tables["network-edges"]) == 5
    assert len(read(last.content).tables["network-edges"]) == 2
    assert 'href="/netzwerk/?art=company&amp;seite=2"' in last.content.decode()
    assert len(beyond.tables["network-edges"]) == 2
    assert len(first.tables["network-degrees"]) <= 20


@pytest.mark.django_db
def test_htmx_asks_for_the_next_page_of_links_alone(client, monkeypatch):
    monkeypatch.setattr(views, "LINKS_PAGE_SIZE", 5)
    _add_organisations(13)

    response = client.get(reverse("network:graph"), {"seite": "2"}, headers={"HX-Request": "true"})
    content = response.content.decode()

    assert content.lstrip().startswith('<section id="network-links"')
    assert "network-summary" not in content
    assert len(read(response.content).tables["network-edges"]) == 5
    assert response["HX-Push-Url"] == "/netzwerk/?seite=2"


@pytest.mark.django_db
def test_query_count_for_a_logged_in_person_stays_small(
    client, researcher, django_assert_max_num_queries
):
    _add_organisations(15)
    client.force_login(researcher)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("network:graph"))

    assert response.status_code == 200


@pytest.mark.django_db
def test_empty_fields_of_the_filter_form_lead_to_the_tidy_address(client, network):
    response = client.get(
        reverse("network:graph"), {"art": "town", "kreis": "", "gemeinde": "", "zeitraum": "12"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/netzwerk/?art=town&zeitraum=12"

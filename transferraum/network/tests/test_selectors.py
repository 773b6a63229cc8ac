"""The graph's reads aggregate in SQL and agree with a recomputation from the rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from transferraum.actors.aggregates import organisation_links_refresh
from transferraum.actors.models import Membership
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.network.selectors import (
    GraphFilters,
    drawn_graph,
    graph_degrees,
    graph_link_counts,
    graph_links,
    graph_organisations,
    network_figures,
    organisations_by_id,
)
from transferraum.network.tests.recompute import expected_numbers


def _pairs(filters: GraphFilters | None = None) -> dict[frozenset[int], int]:
    return {
        frozenset((row["first"], row["second"])): row["weight"]
        for row in graph_links(filters or GraphFilters())
    }


@pytest.mark.django_db
def test_organisations_sharing_members_are_linked_with_the_number_of_shared_people(network):
    n = network

    assert _pairs() == {
        frozenset((n.town.pk, n.heimatverein.pk)): 1,
        frozenset((n.town.pk, n.institute.pk)): 1,
        frozenset((n.institute.pk, n.company.pk)): 1,
        frozenset((n.institute.pk, n.werkstatt.pk)): 1,
        frozenset((n.company.pk, n.werkstatt.pk)): 2,
        frozenset((n.kreis.pk, n.stadtwerke.pk)): 1,
    }


@pytest.mark.django_db
def test_links_come_strongest_first_each_pair_once_in_order(network):
    rows = list(graph_links(GraphFilters()))

    assert rows[0]["weight"] == 2
    assert [row["weight"] for row in rows] == sorted((row["weight"] for row in rows), reverse=True)
    assert all(row["first"] < row["second"] for row in rows)
    assert graph_links(GraphFilters()).count() == len(rows) == 6


@pytest.mark.django_db
def test_a_deactivated_person_links_nothing(network):
    linked = {row["node"] for row in graph_degrees(GraphFilters())}

    assert network.loner.pk not in linked
    assert network.town.pk in linked


@pytest.mark.django_db
def test_degrees_count_distinct_neighbours_most_linked_first(network):
    rows = graph_degrees(GraphFilters())
    degree = {row["node"]: row["degree"] for row in rows}

    # The institute: town, company, Gründerwerkstatt. Company–Werkstatt's two people count once.
    assert rows[0] == {"node": network.institute.pk, "degree": 3}
    assert degree[network.company.pk] == 2
    assert len(rows) == 7
    assert graph_degrees(GraphFilters(), limit=2) == rows[:2]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param(GraphFilters(), {}, id="everything"),
        pytest.param(GraphFilters(kinds=("company",)), {"kinds": {"company"}}, id="companies"),
        pytest.param(
            GraphFilters(kinds=("company", "startup", "university_unit")),
            {"kinds": {"company", "startup", "university_unit"}},
            id="kinds",
        ),
        pytest.param(GraphFilters(district="15084"), {"district": "15084"}, id="burgenlandkreis"),
        pytest.param(
            GraphFilters(municipality="14730110"), {"municipality": "14730110"}, id="eilenburg"
        ),
        pytest.param(
            GraphFilters(kinds=("company", "startup"), district="15084"),
            {"kinds": {"company", "startup"}, "district": "15084"},
            id="kinds-and-district",
        ),
    ],
)
def test_links_and_figures_agree_with_a_recomputation(network, filters, expected):
    want = expected_numbers(**expected)
    slug = {o.pk: o.slug for o in graph_organisations(GraphFilters())}
    links = list(graph_links(filters))
    drawn = drawn_graph(links, organisations_by_id(slug))
    figures = network_figures(filters, counts=graph_link_counts(filters), drawn=drawn)

    assert {slug[o.pk] for o in graph_organisations(filters)} == want.organisations
    assert {frozenset((slug[r["first"]], slug[r["second"]])): r["weight"] for r in links} == (
        want.edges
    )
    assert {slug[r["node"]]: r["degree"] for r in graph_degrees(filters)} == want.degree
    assert figures.organisations == len(want.organisations)
    assert figures.links == len(want.edges)
    assert figures.density == pytest.approx(want.density)
    assert figures.mean_degree == pytest.approx(want.mean_degree)
    assert figures.max_degree == want.max_degree
    assert figures.isolated == want.isolated
    assert figures.drawn_components == want.components


@pytest.mark.django_db
def test_period_keeps_links_that_began_within_it(network):
    old = timezone.now() - timedelta(days=800)
    # The Kreis–Stadtwerke link and the company's second person are older than a year.
    Membership.objects.filter(organisation__in=[network.kreis, network.stadtwerke]).update(
        created_at=old
    )
    Membership.objects.filter(user__name="Uwe Schmied").update(created_at=old)
    since = timezone.now() - timedelta(days=365)

    pairs = _pairs(GraphFilters(period="12"))

    assert frozenset((network.kreis.pk, network.stadtwerke.pk)) not in pairs
    # Werkstatt–company: the owner joined the Werkstatt recently, the second person long ago.
    assert pairs[frozenset((network.company.pk, network.werkstatt.pk))] == 1
    slug = {o.pk: o.slug for o in graph_organisations(GraphFilters())}
    assert {frozenset(slug[pk] for pk in pair): w for pair, w in pairs.items()} == (
        expected_numbers(since=since).edges
    )
    assert frozenset((network.kreis.pk, network.stadtwerke.pk)) in _pairs(GraphFilters(period="36"))


@pytest.mark.django_db
def test_drawn_graph_holds_the_ends_of_the_given_links_only(network):
    links = list(graph_links(GraphFilters())[:2])
    drawn = drawn_graph(
        links, organisations_by_id(o.pk for o in graph_organisations(GraphFilters()))
    )

    assert len(drawn.edges) == 2
    assert {node.id for node in drawn.nodes} == {e for edge in drawn.edges for e in edge.pair}
    werkstatt = next(node for node in drawn.nodes if node.id == network.werkstatt.pk)
    assert werkstatt.district == "15084"
    assert werkstatt.kind == "startup"


@pytest.mark.django_db
def test_reads_take_one_query_each_however_many_organisations(db, django_assert_num_queries):
    for i in range(12):
        first = MembershipFactory(organisation=OrganisationFactory(name=f"Verein {i}"))
        MembershipFactory(user=first.user, organisation=OrganisationFactory(name=f"Firma {i}"))
    organisation_links_refresh()

    with django_assert_num_queries(1):
        links = list(graph_links(GraphFilters())[:5])
    with django_assert_num_queries(1):
        organisations = organisations_by_id(
            end for row in links for end in (row["first"], row["second"])
        )

    assert len(links) == 5
    assert len(organisations) == 10

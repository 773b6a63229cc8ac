from __future__ import annotations

import pytest

from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.network.graph import components, degrees
from transferraum.network.selectors import (
    SOURCE_MEMBERSHIP,
    cooperation_graph,
    districts_of,
    graph_organisations,
)
from transferraum.network.tests.recompute import expected_numbers


def _pairs(graph):
    return {frozenset((e.source, e.target)): e.weight for e in graph.edges}


@pytest.mark.django_db
def test_organisations_sharing_members_are_linked_with_the_number_of_shared_people(network):
    n = network
    graph = cooperation_graph()

    assert _pairs(graph) == {
        frozenset((n.town.pk, n.heimatverein.pk)): 1,
        frozenset((n.town.pk, n.institute.pk)): 1,
        frozenset((n.institute.pk, n.company.pk)): 1,
        frozenset((n.institute.pk, n.werkstatt.pk)): 1,
        frozenset((n.company.pk, n.werkstatt.pk)): 2,
        frozenset((n.kreis.pk, n.stadtwerke.pk)): 1,
    }
    assert all(edge.sources == (SOURCE_MEMBERSHIP,) for edge in graph.edges)


@pytest.mark.django_db
def test_every_organisation_is_a_node_with_its_kind_and_district(network):
    nodes = {node.id: node for node in cooperation_graph().nodes}

    assert len(nodes) == 8
    assert nodes[network.town.pk].kind == "town"
    assert nodes[network.town.pk].district == "14730"
    assert nodes[network.werkstatt.pk].district == "15084"
    assert nodes[network.institute.pk].district is None
    assert nodes[network.town.pk].label == "Stadtverwaltung Eilenburg"


@pytest.mark.django_db
def test_a_deactivated_person_links_nothing(network):
    graph = cooperation_graph()

    assert degrees(graph)[network.loner.pk] == 0
    assert {network.loner.pk} in components(graph)


@pytest.mark.django_db
def test_graph_agrees_with_a_recomputation_from_the_rows(network):
    graph = cooperation_graph()
    expected = expected_numbers()
    slug = {pk: o.slug for pk, o in graph_organisations().items()}

    assert {slug[node.id] for node in graph.nodes} == expected.organisations
    assert {frozenset((slug[e.source], slug[e.target])): e.weight for e in graph.edges} == (
        expected.edges
    )
    assert len(components(graph)) == expected.components == 3


@pytest.mark.django_db
def test_districts_of_lists_each_district_once_by_name(network):
    districts = districts_of(graph_organisations().values())

    assert [d.name for d in districts] == ["Burgenlandkreis", "Nordsachsen"]


@pytest.mark.django_db
def test_the_graph_takes_two_queries_however_many_organisations(db, django_assert_num_queries):
    for i in range(12):
        first = MembershipFactory(organisation=OrganisationFactory(name=f"Verein {i}"))
        MembershipFactory(user=first.user, organisation=OrganisationFactory(name=f"Firma {i}"))

    with django_assert_num_queries(2):
        graph = cooperation_graph()

    assert len(graph.nodes) == 24
    assert len(graph.edges) == 12

"""Reads that build the cooperation graph from other apps' data in a constant number of queries."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations

from transferraum.actors.models import Membership, Organisation
from transferraum.network.graph import Edge, Graph, Node, NodeId, edges_merge
from transferraum.regions.models import District

# Label of each source of edges; later sources (projects, events, recommendations) add theirs.
SOURCE_MEMBERSHIP = "membership"


def graph_organisations() -> dict[NodeId, Organisation]:
    """Every organisation with its municipality and district, keyed by id (one query)."""
    organisations = Organisation.objects.select_related("municipality__district").order_by("name")
    return {organisation.pk: organisation for organisation in organisations}


def districts_of(organisations: Iterable[Organisation]) -> list[District]:
    """The districts the given organisations are in, by name, without a query of their own."""
    districts = {
        organisation.municipality.district.key: organisation.municipality.district
        for organisation in organisations
        if organisation.municipality is not None
    }
    return sorted(districts.values(), key=lambda district: district.name)


def membership_edges() -> list[Edge]:
    """Pairs of organisations that share members; the weight is the number of shared people.

    Only active accounts count: a deactivated person no longer links organisations (one query).
    """
    rows = Membership.objects.filter(user__is_active=True).values_list("user_id", "organisation_id")
    organisations_of: defaultdict[int, set[int]] = defaultdict(set)
    for user_id, organisation_id in rows:
        organisations_of[user_id].add(organisation_id)
    shared: Counter[tuple[int, int]] = Counter()
    for organisation_ids in organisations_of.values():
        shared.update(combinations(sorted(organisation_ids), 2))
    return [
        Edge.between(a, b, weight=weight, source=SOURCE_MEMBERSHIP)
        for (a, b), weight in sorted(shared.items())
    ]


def cooperation_graph(organisations: Mapping[NodeId, Organisation] | None = None) -> Graph:
    """Organisations as nodes, linked where they work together (two queries).

    Pass `organisations` from `graph_organisations()` when the caller needs them too; edges to
    organisations outside that mapping (e.g. created in between) are left out.
    """
    if organisations is None:
        organisations = graph_organisations()
    nodes = tuple(
        Node(
            id=pk,
            label=organisation.name,
            kind=organisation.kind,
            district=(
                organisation.municipality.district.key
                if organisation.municipality is not None
                else None
            ),
        )
        for pk, organisation in organisations.items()
    )
    edges = edges_merge(membership_edges())
    return Graph(
        nodes=nodes,
        edges=tuple(
            edge for edge in edges if edge.source in organisations and edge.target in organisations
        ),
    )

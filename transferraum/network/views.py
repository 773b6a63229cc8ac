from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from transferraum.actors.models import Organisation
from transferraum.network.graph import (
    Edge,
    Graph,
    NodeId,
    cytoscape_elements,
    degrees,
    graph_filter,
    graph_summarise,
)
from transferraum.network.selectors import (
    SOURCE_MEMBERSHIP,
    cooperation_graph,
    districts_of,
    graph_organisations,
)
from transferraum.regions.models import District

SOURCE_LABELS = {SOURCE_MEMBERSHIP: _("Shared membership")}


@dataclass(frozen=True)
class _Filtered:
    graph: Graph
    organisations: dict[NodeId, Organisation]
    districts: list[District]
    kinds_chosen: list[str]
    districts_chosen: list[str]
    query: str


@dataclass(frozen=True)
class EdgeRow:
    first: Organisation
    second: Organisation
    weight: int
    sources: list[str]


def _edge_row(edge: Edge, organisations: dict[NodeId, Organisation]) -> EdgeRow:
    first, second = sorted(
        (organisations[edge.source], organisations[edge.target]), key=lambda o: (o.name, o.pk)
    )
    sources = [str(SOURCE_LABELS.get(source, source)) for source in edge.sources]
    return EdgeRow(first=first, second=second, weight=edge.weight, sources=sources)


def _filtered_graph(request: HttpRequest) -> _Filtered:
    """The graph after the `art` (kind) and `kreis` (district key) filters; unknown values drop."""
    organisations = graph_organisations()
    districts = districts_of(organisations.values())
    requested_kinds = set(request.GET.getlist("art"))
    requested_keys = set(request.GET.getlist("kreis"))
    # In the order of the choices, so that one selection has one URL.
    kinds = [kind for kind in Organisation.Kind.values if kind in requested_kinds]
    keys = [district.key for district in districts if district.key in requested_keys]
    graph = graph_filter(cooperation_graph(organisations), kinds=kinds, districts=keys)
    query = urlencode([("art", kind) for kind in kinds] + [("kreis", key) for key in keys])
    return _Filtered(graph, organisations, districts, kinds, keys, query)


@require_safe
def graph_page(request: HttpRequest) -> HttpResponse:
    """The cooperation graph with its key figures; the tables carry the same data as the drawing."""
    filtered = _filtered_graph(request)
    graph, organisations = filtered.graph, filtered.organisations
    degree = degrees(graph)
    edge_rows = sorted(
        (_edge_row(edge, organisations) for edge in graph.edges),
        key=lambda row: (-row.weight, row.first.name, row.second.name),
    )
    degree_rows = sorted(
        ((organisations[node.id], degree[node.id]) for node in graph.nodes),
        key=lambda row: (-row[1], row[0].name),
    )
    kinds_present = {node.kind for node in graph.nodes}
    data_url = reverse("network:graph-data")
    return render(
        request,
        "network/graph.html",
        {
            "summary": graph_summarise(graph),
            "edge_rows": edge_rows,
            "degree_rows": degree_rows,
            "kind_choices": [
                (value, label, value in filtered.kinds_chosen)
                for value, label in Organisation.Kind.choices
            ],
            "district_choices": [
                (district.key, district.name, district.key in filtered.districts_chosen)
                for district in filtered.districts
            ],
            "is_filtered": bool(filtered.kinds_chosen or filtered.districts_chosen),
            "legend": [
                (value, label)
                for value, label in Organisation.Kind.choices
                if value in kinds_present
            ],
            "data_url": f"{data_url}?{filtered.query}" if filtered.query else data_url,
        },
    )


@require_safe
def graph_data(request: HttpRequest) -> JsonResponse:
    """The filtered graph as Cytoscape.js elements, with the same key figures as the page."""
    filtered = _filtered_graph(request)
    payload: dict[str, Any] = {
        "elements": cytoscape_elements(
            filtered.graph,
            urls={pk: o.get_absolute_url() for pk, o in filtered.organisations.items()},
            kind_labels={value: str(label) for value, label in Organisation.Kind.choices},
        ),
        "summary": asdict(graph_summarise(filtered.graph)),
    }
    return JsonResponse(payload)

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from django.conf import settings
from django.core.paginator import Page
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from transferraum.actors.models import Organisation
from transferraum.core.filters import Filters, multiple_choice
from transferraum.core.htmx import render_page_or_partial, wants_partial
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.pagination import (
    CappedPaginator,
    capped_count,
    count_text,
    pagination_context,
)
from transferraum.network.directory import (
    ORGANISATIONS,
    PAGE_SIZE,
    PEOPLE,
    DirectoryFilters,
    directory_organisations,
    directory_people,
    directory_selects,
    map_points,
)
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
class GraphFilters(Filters):
    """The graph's filters: kinds of organisation (`art`) and districts (`kreis`), both any
    number; the districts are those of the graph's organisations (`from_query(…, choices=…)`)."""

    kinds: tuple[str, ...] = multiple_choice(
        "art", choices=Organisation.Kind.choices, label=_("Kind of organisation")
    )
    districts: tuple[str, ...] = multiple_choice("kreis", choices=(), label=_("District"))


@dataclass(frozen=True)
class _Filtered:
    graph: Graph
    organisations: dict[NodeId, Organisation]
    districts: list[District]
    filters: GraphFilters


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
    filters = GraphFilters.from_query(
        request.GET, choices={"districts": [(d.key, d.name) for d in districts]}
    )
    graph = graph_filter(
        cooperation_graph(organisations),
        kinds=list(filters.kinds),
        districts=list(filters.districts),
    )
    return _Filtered(graph, organisations, districts, filters)


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
                (value, label, value in filtered.filters.kinds)
                for value, label in Organisation.Kind.choices
            ],
            "district_choices": [
                (district.key, district.name, district.key in filtered.filters.districts)
                for district in filtered.districts
            ],
            "is_filtered": filtered.filters.is_filtered,
            "legend": [
                (value, label)
                for value, label in Organisation.Kind.choices
                if value in kinds_present
            ],
            "data_url": data_url + filtered.filters.querystring(),
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


# --- directory and map ------------------------------------------------------------------------


def _filter_form(filters: DirectoryFilters, *, action: str, target: str) -> dict[str, Any]:
    """What the shared filter form (network/_filters.html) shows; read only for full pages."""
    return {
        "action": action,
        "target": target,
        "kind_choices": [
            (value, label, value in filters.kinds) for value, label in Organisation.Kind.choices
        ],
        "selects": directory_selects(filters),
    }


@dataclass(frozen=True)
class Tab:
    label: str
    count: str  # "12", "more than 1000"
    url: str
    current: bool


@require_safe
def directory(request: HtmxHttpRequest) -> HttpResponse:
    """Organisations and people by words, kind, place, competence, offers and needs."""
    filters = DirectoryFilters.from_query(request.GET)
    organisations = directory_organisations(filters)
    people = directory_people(request.user, filters)
    page: Page[Any]
    # The other tab's count stops past the limit as well: no second full scan.
    if filters.tab == PEOPLE:
        paginator = CappedPaginator(people, PAGE_SIZE)
        page = paginator.get_page(filters.page)
        counts = {ORGANISATIONS: capped_count(organisations), PEOPLE: paginator.counted}
    else:
        paginator = CappedPaginator(organisations, PAGE_SIZE)
        page = paginator.get_page(filters.page)
        counts = {ORGANISATIONS: paginator.counted, PEOPLE: capped_count(people)}
    # A page number beyond the last shows the last page, and the address says so.
    filters = replace(filters, page=page.number)
    base = reverse("network:directory")
    context: dict[str, Any] = {
        "filters": filters,
        "page": page,
        **pagination_context(page, lambda number: base + filters.querystring(page=number)),
        "people_tab": filters.tab == PEOPLE,
        "tabs": [
            Tab(
                label=str(label),
                count=count_text(counts[tab]),
                url=base + filters.querystring(tab=tab, page=1),
                current=tab == filters.tab,
            )
            for tab, label in ((ORGANISATIONS, _("Organisations")), (PEOPLE, _("People")))
        ],
        "chips": filters.chips(base),
        "reset_url": base + filters.cleared().querystring(),
        "map_url": reverse("network:map") + filters.for_map().querystring(),
    }
    if not wants_partial(request):
        context |= _filter_form(filters, action=base, target="#directory-results")
    return render_page_or_partial(
        request, "network/directory.html", "results", context, push_url=base + filters.querystring()
    )


@require_safe
def directory_map(request: HtmxHttpRequest) -> HttpResponse:
    """The organisations of the directory on the region's map; the list beside it is the same."""
    filters = DirectoryFilters.from_query(request.GET).for_map()
    base = reverse("network:map")
    context: dict[str, Any] = {
        "filters": filters,
        "points": map_points(filters),
        "data_url": reverse("network:map-data") + filters.querystring(),
        "directory_url": reverse("network:directory") + filters.querystring(),
        "chips": filters.chips(base),
        "reset_url": base,
    }
    if not wants_partial(request):
        context |= _filter_form(filters, action=base, target="#map-results")
        context |= {
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        }
    return render_page_or_partial(
        request, "network/map.html", "results", context, push_url=base + filters.querystring()
    )


@require_safe
def directory_map_data(request: HttpRequest) -> JsonResponse:
    """The map's points: organisations matching the filters that have a place."""
    points = map_points(DirectoryFilters.from_query(request.GET).for_map())
    return JsonResponse({"count": len(points), "points": points})

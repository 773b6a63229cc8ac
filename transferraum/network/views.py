from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from transferraum.actors.models import Organisation
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
)
from transferraum.network.graph import cytoscape_elements
from transferraum.network.map import MapView, map_data, map_list
from transferraum.network.selectors import (
    DRAWN_LINKS,
    LINKS_PAGE_SIZE,
    SOURCE_MEMBERSHIP,
    TOP_ORGANISATIONS,
    GraphFilters,
    drawn_graph,
    graph_degrees,
    graph_link_counts,
    graph_links,
    graph_selects,
    network_figures,
    organisations_by_id,
)

SOURCE_LABELS = {SOURCE_MEMBERSHIP: _("Shared membership")}


@dataclass(frozen=True)
class EdgeRow:
    first: Organisation
    second: Organisation
    weight: int
    sources: list[str]


@require_safe
def graph_page(request: HtmxHttpRequest) -> HttpResponse:
    """The cooperation network, bounded: its figures (counted in SQL), one page of its links,
    the strongest first, and the most linked organisations. The drawing of the strongest
    `DRAWN_LINKS` links loads only when asked for (its script is large); htmx asks for the next
    page of links alone."""
    filters = GraphFilters.from_query(request.GET)
    base = reverse("network:graph")
    if "" in request.GET.values():
        # The filter form sends its empty selects too: one selection has one address.
        return redirect(base + filters.querystring())
    counts = graph_link_counts(filters)
    paginator = Paginator(graph_links(filters), LINKS_PAGE_SIZE)
    paginator.count = counts.links  # known from the degrees: the links are not counted again
    page: Page[Any] = paginator.get_page(filters.page)
    filters = replace(filters, page=page.number)
    partial = wants_partial(request)
    drawn_links = [] if partial else list(graph_links(filters)[:DRAWN_LINKS])
    if drawn_links and page.number == 1 and LINKS_PAGE_SIZE <= DRAWN_LINKS:
        # The first page of links is the head of the drawn ones: one reading of the links less.
        page.object_list = drawn_links[:LINKS_PAGE_SIZE]
    top = [] if partial else list(graph_degrees(filters)[:TOP_ORGANISATIONS])
    organisations = organisations_by_id(
        [end for row in [*page, *drawn_links] for end in (row["first"], row["second"])]
        + [row["node"] for row in top]
    )
    sources = [str(SOURCE_LABELS[SOURCE_MEMBERSHIP])]
    context: dict[str, Any] = {
        "filters": filters,
        "page": page,
        **pagination_context(page, lambda number: base + filters.querystring(page=number)),
        "edge_rows": [
            EdgeRow(
                first=organisations[row["first"]],
                second=organisations[row["second"]],
                weight=row["weight"],
                sources=sources,
            )
            for row in page
        ],
    }
    if not partial:
        drawn = drawn_graph(drawn_links, organisations)
        kinds_present = {node.kind for node in drawn.nodes}
        context |= {
            "figures": network_figures(filters, counts=counts, drawn=drawn),
            "degree_rows": [(organisations[row["node"]], row["degree"]) for row in top],
            "kind_choices": [
                (value, label, value in filters.kinds) for value, label in Organisation.Kind.choices
            ],
            "selects": graph_selects(filters),
            "chips": filters.chips(base),
            "reset_url": base + filters.cleared().querystring(),
            "legend": [
                (value, label)
                for value, label in Organisation.Kind.choices
                if value in kinds_present
            ],
            "data_url": reverse("network:graph-data") + filters.querystring(page=1),
        }
    return render_page_or_partial(
        request, "network/graph.html", "links", context, push_url=base + filters.querystring()
    )


@require_safe
def graph_data(request: HttpRequest) -> JsonResponse:
    """The strongest `DRAWN_LINKS` links of the filtered network as Cytoscape.js elements, with
    the same key figures as the page."""
    filters = GraphFilters.from_query(request.GET)
    drawn_links = list(graph_links(filters)[:DRAWN_LINKS])
    organisations = organisations_by_id(
        [row["first"] for row in drawn_links] + [row["second"] for row in drawn_links]
    )
    drawn = drawn_graph(drawn_links, organisations)
    figures = network_figures(filters, counts=graph_link_counts(filters), drawn=drawn)
    payload: dict[str, Any] = {
        "elements": cytoscape_elements(
            drawn,
            urls={pk: o.get_absolute_url() for pk, o in organisations.items()},
            kind_labels={value: str(label) for value, label in Organisation.Kind.choices},
        ),
        "summary": figures.as_dict(),
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
    """The organisations of the directory on the region's map; the list beside it names the
    same organisations, a page at a time. The map asks for its points itself (karte.json)."""
    parsed = DirectoryFilters.from_query(request.GET)
    filters = replace(parsed.for_map(), page=parsed.page)
    page: Page[Any] = Paginator(map_list(filters), PAGE_SIZE).get_page(filters.page)
    filters = replace(filters, page=page.number)
    base = reverse("network:map")
    context: dict[str, Any] = {
        "filters": filters,
        "page": page,
        **pagination_context(page, lambda number: base + filters.querystring(page=number)),
        "data_url": reverse("network:map-data") + filters.querystring(page=1),
        "directory_url": reverse("network:directory") + filters.querystring(page=1),
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
    """The map's points and clusters for the visible area (`bbox`) and `zoom`, by the filters."""
    filters = DirectoryFilters.from_query(request.GET).for_map()
    return JsonResponse(map_data(filters, MapView.from_query(request.GET)))

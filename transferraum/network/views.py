from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from transferraum.actors.models import Organisation
from transferraum.core.access_log import access_record
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.listing import listing
from transferraum.core.pagination import (
    capped_count,
    count_text,
)
from transferraum.network.directory import (
    DIRECTORY_PEOPLE,
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
    found = listing(
        request,
        graph_links(filters),
        filters,
        url=base,
        per_page=LINKS_PAGE_SIZE,
        count=counts.links,  # known from the degrees: the links are not counted again
    )
    filters, page, partial = found.filters, found.page, found.partial
    drawn_links = [] if partial else list(graph_links(filters)[:DRAWN_LINKS])
    if drawn_links and page.number == 1 and LINKS_PAGE_SIZE <= DRAWN_LINKS:
        # The first page of links is the head of the drawn ones: one reading of the links less.
        page.object_list = drawn_links[:LINKS_PAGE_SIZE]
    top = [] if partial else graph_degrees(filters, limit=TOP_ORGANISATIONS)
    organisations = organisations_by_id(
        [end for row in [*page, *drawn_links] for end in (row["first"], row["second"])]
        + [row["node"] for row in top]
    )
    sources = [str(SOURCE_LABELS[SOURCE_MEMBERSHIP])]
    context: dict[str, Any] = found.context | {
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
    base = reverse("network:directory")
    lists = {ORGANISATIONS: organisations, PEOPLE: people}
    found = listing(request, lists[filters.tab], filters, url=base, per_page=PAGE_SIZE)
    filters = found.filters
    if filters.tab == PEOPLE and request.user.is_authenticated and request.user.is_coordinator:
        access_record(
            viewer=request.user,
            place=DIRECTORY_PEOPLE,
            people=[profile.user_id for profile in found.page],
        )
    # The other tab's count stops past the limit as well: no second full scan.
    counts = {
        tab: found.counted if tab == filters.tab else capped_count(objects)
        for tab, objects in lists.items()
    }
    context: dict[str, Any] = found.context | {
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
        "reset_url": base + filters.cleared().querystring(),
        "map_url": reverse("network:map") + filters.for_map().querystring(),
    }
    if not found.partial:
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
    base = reverse("network:map")
    found = listing(request, map_list(filters), filters, url=base, per_page=PAGE_SIZE)
    filters = found.filters
    context = found.context | {
        "data_url": reverse("network:map-data") + filters.querystring(page=1),
        "directory_url": reverse("network:directory") + filters.querystring(page=1),
    }
    if not found.partial:
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

"""The public tracker: the recommendations of the whole programme or of one town, where each
stands, and the numbers adopted, implemented and rejected.

Everyone sees what `selectors.visible_to` allows them: the public sees handed-over ones that are
not confidential; the partner, the team and the coordinators see their confidential ones too,
and the authors their drafts. The numbers count exactly the recommendations the list shows
(handed over and visible to the viewer), so the public numbers leave confidential ones out; the
research figures (`figures.py`) count them all.

The filters live in the URL under the German names the page shows (`ort`, `thema`, `runde`,
`status`, `an`, `seite`). Unknown values are dropped, never raised. The view parses, selects
(every query is in `selectors`: the list, the options, the town) and renders.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, cast
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe
from django_htmx.http import push_url

from transferraum.challenges.models import TopicField
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.pagination import pagination_context
from transferraum.recommendations import selectors
from transferraum.recommendations.figures import (
    facts_load,
    figures_by_town_and_round,
    figures_total,
)
from transferraum.recommendations.models import Recommendation, RecommendationQuerySet
from transferraum.recommendations.standing import standing

PAGE_SIZE = 25


@dataclass(frozen=True)
class TrackerFilters(selectors.TrackerQuery):
    """The filters as the URL carries them (`selectors.TrackerQuery`, cleaned) and the page."""

    page: int = 1

    @classmethod
    def from_query(cls, data: QueryDict) -> TrackerFilters:
        """Parse the GET parameters; unknown values are dropped (`selectors.tracker_query`)."""

        def value(key: str) -> str:
            return data.get(key, "").replace("\x00", "").strip()

        page = value("seite")
        query = selectors.tracker_query(
            municipality=value("ort"),
            topic=value("thema"),
            round=value("runde"),
            status=value("status"),
            addressee=value("an"),
        )
        return cls(
            **asdict(query), page=int(page) if page.isdecimal() and 0 < int(page) < 10**6 else 1
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.municipality or self.topic or self.round or self.status or self.addressee)

    def params(self) -> list[tuple[str, str]]:
        items = [
            (key, value)
            for key, value in (
                ("ort", self.municipality),
                ("thema", self.topic),
                ("runde", str(self.round or "")),
                ("status", self.status),
                ("an", self.addressee),
            )
            if value
        ]
        if self.page > 1:
            items.append(("seite", str(self.page)))
        return items

    def querystring(self, **changes: Any) -> str:
        filters = replace(self, **changes) if changes else self
        items = filters.params()
        return f"?{urlencode(items)}" if items else ""


def _wants_partial(request: HtmxHttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


@require_safe
def tracker(request: HtmxHttpRequest) -> HttpResponse:
    # parse
    filters = TrackerFilters.from_query(request.GET)
    # select
    user = request.user
    recommendations = selectors.tracker_recommendations(user, filters)
    page = Paginator(recommendations, PAGE_SIZE).get_page(filters.page)
    filters = replace(filters, page=page.number)
    facts = facts_load(cast(RecommendationQuerySet, recommendations))
    by_town = figures_by_town_and_round(facts)
    ags = selectors.ags_by_municipality(row.municipality_id for row in by_town)
    # render
    base = reverse("recommendations:tracker")
    partial = _wants_partial(request)
    context: dict[str, Any] = {
        "filters": filters,
        "page": page,
        "rows": [(r, standing(r)) for r in page.object_list],
        **pagination_context(page, lambda number: base + filters.querystring(page=number)),
        "total": figures_total(facts),
        "by_town": [(row, ags.get(row.municipality_id or 0, "")) for row in by_town],
        "municipality": selectors.tracker_municipality(filters.municipality),
        "confidential": selectors.confidential_reach(user),
        "reset_url": base,
        "partial": partial,
        "focus_results": partial and (request.htmx.trigger or "").startswith("tracker-page-"),
    }
    if partial:
        response = render(request, "recommendations/tracker.html#results", context)
        push_url(response, base + filters.querystring())
    else:
        context |= {
            "towns": selectors.tracker_towns(user),
            "topics": TopicField.objects.all(),
            "rounds": selectors.tracker_rounds(user),
            "statuses": Recommendation.Status.choices
            if user.is_authenticated
            else [
                (value, label)
                for value, label in Recommendation.Status.choices
                if value not in Recommendation.PREPARATION_STATUSES
            ],
            "addressees": Recommendation.Addressee.choices,
        }
        response = render(request, "recommendations/tracker.html", context)
    patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
    return response


urlpatterns: list[URLPattern] = [
    path("empfehlungen/", tracker, name="tracker"),
]

"""The public tracker: the recommendations of the whole programme or of one town, where each
stands, and the numbers adopted, implemented and rejected.

Everyone sees what `selectors.visible_to` allows them: the public sees handed-over ones that are
not confidential; the partner, the team and the coordinators see their confidential ones too,
and the authors their drafts. The numbers count exactly the recommendations the list shows
(handed over and visible to the viewer), so the public numbers leave confidential ones out; the
research figures (`figures.py`) count them all.

The filters live in the URL under the German names the page shows (`ort`, `thema`, `runde`,
`status`, `an`, `seite`). Unknown values are dropped, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, cast
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe
from django_htmx.http import push_url

from transferraum.challenges.models import TopicField
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.pagination import pagination_context
from transferraum.projects.models import Round
from transferraum.recommendations.dossier import standing
from transferraum.recommendations.figures import (
    facts_load,
    figures_by_town_and_round,
    figures_total,
)
from transferraum.recommendations.models import Recommendation, RecommendationQuerySet
from transferraum.recommendations.selectors import visible_to
from transferraum.regions.models import Municipality

PAGE_SIZE = 25


@dataclass(frozen=True)
class TrackerFilters:
    """What the person asked for, cleaned: every value is one the platform knows."""

    municipality: str = ""  # Municipality.ags (`ort`)
    topic: str = ""  # TopicField.slug of the project's challenge (`thema`)
    round: int | None = None  # Round.pk (`runde`)
    status: str = ""  # Recommendation.Status (`status`)
    addressee: str = ""  # Recommendation.Addressee (`an`)
    page: int = 1

    @classmethod
    def from_query(cls, data: QueryDict) -> TrackerFilters:
        """Parse the GET parameters; unknown values are ignored (at most three small queries)."""

        def value(key: str) -> str:
            return data.get(key, "").replace("\x00", "").strip()

        ags, topic, round_pk = value("ort"), value("thema"), value("runde")
        status, addressee, page = value("status"), value("an"), value("seite")
        return cls(
            municipality=(
                ags
                if ags.isdecimal()
                and len(ags) == 8
                and Municipality.objects.filter(ags=ags).exists()
                else ""
            ),
            topic=topic if topic and TopicField.objects.filter(slug=topic).exists() else "",
            round=(
                int(round_pk)
                if round_pk.isdecimal()
                and len(round_pk) < 10
                and Round.objects.filter(pk=int(round_pk)).exists()
                else None
            ),
            status=status if status in Recommendation.Status.values else "",
            addressee=addressee if addressee in Recommendation.Addressee.values else "",
            page=int(page) if page.isdecimal() and 0 < int(page) < 10**6 else 1,
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


def tracker_recommendations(user: Any, filters: TrackerFilters) -> QuerySet[Recommendation]:
    """The recommendations `user` may see that match the filters, the latest change first, with
    everything a row shows (one query a page)."""
    recommendations = visible_to(user).defer("municipality__boundary")
    if filters.municipality:
        recommendations = recommendations.filter(municipality__ags=filters.municipality)
    if filters.topic:
        recommendations = recommendations.filter(
            Exists(
                TopicField.objects.filter(
                    slug=filters.topic, challenges__projects=OuterRef("project_id")
                )
            )
        )
    if filters.round:
        recommendations = recommendations.filter(round_id=filters.round)
    if filters.status:
        recommendations = recommendations.filter(status=filters.status)
    if filters.addressee:
        recommendations = recommendations.filter(addressee_kind=filters.addressee)
    return recommendations.order_by("-updated_at", "-pk")


def _wants_partial(request: HtmxHttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


@require_safe
def tracker(request: HtmxHttpRequest) -> HttpResponse:
    filters = TrackerFilters.from_query(request.GET)
    recommendations = tracker_recommendations(request.user, filters)
    page = Paginator(recommendations, PAGE_SIZE).get_page(filters.page)
    filters = replace(filters, page=page.number)
    facts = facts_load(cast(RecommendationQuerySet, recommendations))
    base = reverse("recommendations:tracker")
    visible = visible_to(request.user)
    municipality = (
        Municipality.objects.defer("boundary").get(ags=filters.municipality)
        if filters.municipality
        else None
    )
    by_town = figures_by_town_and_round(facts)
    ags = dict(
        Municipality.objects.filter(pk__in=[row.municipality_id for row in by_town]).values_list(
            "pk", "ags"
        )
    )
    partial = _wants_partial(request)
    context: dict[str, Any] = {
        "filters": filters,
        "page": page,
        "rows": [(r, standing(r)) for r in page.object_list],
        **pagination_context(page, lambda number: base + filters.querystring(page=number)),
        "total": figures_total(facts),
        "by_town": [(row, ags.get(row.municipality_id or 0, "")) for row in by_town],
        "municipality": municipality,
        "reset_url": base,
        "partial": partial,
        "focus_results": partial and (request.htmx.trigger or "").startswith("tracker-page-"),
    }
    if partial:
        response = render(request, "recommendations/tracker.html#results", context)
        push_url(response, base + filters.querystring())
    else:
        context |= {
            "towns": Municipality.objects.defer("boundary")
            .filter(pk__in=visible.values("municipality_id"))
            .order_by("name"),
            "topics": TopicField.objects.all(),
            "rounds": Round.objects.filter(pk__in=visible.values("round_id")).order_by("-pk"),
            "statuses": Recommendation.Status.choices
            if request.user.is_authenticated
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

"""The public tracker: the recommendations of the whole programme or of one town, where each
stands, and the numbers adopted, implemented and rejected.

Everyone sees what `selectors.visible_to` allows them: the public sees handed-over ones that are
not confidential; the partner, the team and the coordinators see their confidential ones too,
and the authors their drafts. The numbers count exactly the recommendations the list shows
(handed over and visible to the viewer), so the public numbers leave confidential ones out; the
research figures (`figures.py`) count them all.

The filters (`selectors.TrackerFilters`, on `core.filters`) live in the URL under the German
names the page shows (`ort`, `thema`, `runde`, `status`, `an`, `seite`). Unknown values are
dropped, never raised. The view parses, selects
(every query is in `selectors`: the list, the options, the town) and renders.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_safe

from transferraum.challenges.models import TopicField
from transferraum.core.filters import Select
from transferraum.core.htmx import render_page_or_partial, wants_partial
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.pagination import pagination_context
from transferraum.recommendations import selectors
from transferraum.recommendations.figures import counts_load
from transferraum.recommendations.models import Recommendation, RecommendationQuerySet
from transferraum.recommendations.standing import standing

PAGE_SIZE = 25


def _selects(user: Any, filters: selectors.TrackerFilters) -> list[Select]:
    """The selects of the filter form: towns and rounds of what `user` may see (two queries,
    and one for the topics); the public is offered no status of preparation."""
    statuses = [
        (value, label)
        for value, label in Recommendation.Status.choices
        if user.is_authenticated or value not in Recommendation.PREPARATION_STATUSES
    ]
    return [
        filters.select("municipality", [(t.ags, t.name) for t in selectors.tracker_towns(user)]),
        filters.select("topic", [(topic.slug, topic.name) for topic in TopicField.objects.all()]),
        filters.select("round", [(r.pk, r.name) for r in selectors.tracker_rounds(user)]),
        filters.select("status", statuses),
        filters.select("addressee"),
    ]


@require_safe
def tracker(request: HtmxHttpRequest) -> HttpResponse:
    # parse
    filters = selectors.TrackerFilters.from_query(request.GET)
    # select
    user = request.user
    recommendations = selectors.tracker_recommendations(user, filters)
    page = Paginator(recommendations, PAGE_SIZE).get_page(filters.page)
    filters = replace(filters, page=page.number)
    figures = counts_load(cast(RecommendationQuerySet, recommendations))
    # render
    base = reverse("recommendations:tracker")
    partial = wants_partial(request)
    context: dict[str, Any] = {
        "filters": filters,
        "page": page,
        "rows": [(r, standing(r)) for r in page.object_list],
        **pagination_context(page, lambda number: base + filters.querystring(page=number)),
        "figures": figures,
        "municipality": selectors.tracker_municipality(filters.municipality),
        "confidential": selectors.confidential_reach(user),
        "chips": filters.chips(base),
        "reset_url": base,
        "partial": partial,
        "focus_results": partial and (request.htmx.trigger or "").startswith("tracker-page-"),
    }
    if not partial:
        context["selects"] = _selects(user, filters)
    return render_page_or_partial(
        request,
        "recommendations/tracker.html",
        "results",
        context,
        push_url=base + filters.querystring(),
    )


urlpatterns: list[URLPattern] = [
    path("empfehlungen/", tracker, name="tracker"),
]

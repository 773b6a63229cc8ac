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

from typing import Any, cast

from django.http import HttpResponse
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_safe

from transferraum.challenges.models import TopicField
from transferraum.core.filters import Select
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.listing import listing
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
    figures = counts_load(cast(RecommendationQuerySet, recommendations))
    # render
    base = reverse("recommendations:tracker")
    found = listing(
        request,
        recommendations,
        filters,
        url=base,
        per_page=PAGE_SIZE,
        name="tracker",
        capped=False,
    )
    filters, partial = found.filters, found.partial
    context: dict[str, Any] = found.context | {
        "rows": [(r, standing(r)) for r in found.page.object_list],
        "figures": figures,
        "municipality": selectors.tracker_municipality(filters.municipality),
        "confidential": selectors.confidential_reach(user),
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

"""What the platform's search (`core.site_search`) finds among recommendations: only those the
viewer may see (`selectors.visible_to`: the public ones handed over; drafts and confidential
ones only for the people who work on them)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from transferraum.core.site_search import (
    SearchHit,
    SearchProvider,
    first_and_total,
    search_register,
)
from transferraum.recommendations.selectors import TrackerFilters, recommendations_found


def search_recommendations(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
    """At most two queries."""
    found, total = first_and_total(recommendations_found(viewer, query), limit)
    hits = [
        SearchHit(
            recommendation.title,
            recommendation.get_absolute_url(),
            " · ".join(
                str(part)
                for part in (recommendation.municipality, recommendation.get_status_display())
                if part
            ),
        )
        for recommendation in found
    ]
    return hits, total


def _tracker_url(query: str) -> str:
    return reverse("recommendations:tracker") + TrackerFilters(query=query).querystring()


search_register(
    SearchProvider(
        "recommendations",
        _("Recommendations"),
        search_recommendations,
        order=50,
        list_url=_tracker_url,
    )
)

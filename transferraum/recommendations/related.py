"""What recommendations add to other pages (`core.related`): the recommendations from a
challenge's projects and an organisation's recommendations, as far as the viewer may see them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from transferraum.core.related import (
    CHALLENGE,
    ORGANISATION,
    RelatedGroup,
    RelatedProvider,
    related_register,
)
from transferraum.core.site_search import SearchHit, first_and_total
from transferraum.recommendations.selectors import TrackerFilters, recommendations_of


def _group(recommendations: Any, limit: int, list_url: str = "") -> RelatedGroup | None:
    found, total = first_and_total(recommendations, limit)
    if not found:
        return None
    items = [
        SearchHit(
            recommendation.title,
            recommendation.get_absolute_url(),
            str(recommendation.get_status_display()),
        )
        for recommendation in found
    ]
    return RelatedGroup("recommendations", _("Recommendations"), items, total, list_url=list_url)


def _challenge_recommendations(challenge: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    return _group(recommendations_of(viewer, challenge_id=challenge.pk), limit)


def _organisation_recommendations(
    organisation: Any, viewer: Any, limit: int
) -> RelatedGroup | None:
    """The organisation's recommendations `viewer` may see; all of them in the tracker."""
    return _group(
        recommendations_of(viewer, organisation_id=organisation.pk),
        limit,
        reverse("recommendations:tracker")
        + TrackerFilters(organisation=organisation.slug).querystring(),
    )


related_register(
    RelatedProvider(CHALLENGE, "recommendations", _challenge_recommendations, order=30),
    RelatedProvider(ORGANISATION, "recommendations", _organisation_recommendations, order=30),
)

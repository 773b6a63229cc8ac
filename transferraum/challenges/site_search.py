"""What the platform's search (`core.site_search`) finds among challenges: those on the board,
and for members of the organisation and coordinators also the others they may see."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from transferraum.challenges.selectors import BoardFilters, challenges_found
from transferraum.core.site_search import (
    SearchHit,
    SearchProvider,
    first_and_total,
    search_register,
)


def search_challenges(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
    """Matches only the public parts (see `services.challenge_index`); two queries."""
    found, total = first_and_total(challenges_found(viewer, query), limit)
    hits = [
        SearchHit(
            challenge.title,
            challenge.get_absolute_url(),
            f"{challenge.organisation.name} · {challenge.get_status_display()}",
        )
        for challenge in found
    ]
    return hits, total


def _board_url(query: str) -> str:
    return reverse("challenges:board") + BoardFilters(query=query).querystring()


search_register(
    SearchProvider("challenges", _("Challenges"), search_challenges, order=30, list_url=_board_url)
)

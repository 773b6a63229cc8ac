"""What the platform's search (`core.site_search`) finds among opportunities: those on the
feed (published and not expired)."""

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
from transferraum.opportunities.selectors import FeedFilters, feed_opportunities


def search_opportunities(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
    found, total = first_and_total(feed_opportunities(FeedFilters(query=query)), limit)
    hits = [
        SearchHit(
            item.title,
            item.get_absolute_url(),
            f"{item.get_kind_display()} · {item.organisation.name} · {item.municipality.name}",
        )
        for item in found
    ]
    return hits, total


def _feed_url(query: str) -> str:
    return reverse("opportunities:feed") + FeedFilters(query=query).querystring()


search_register(
    SearchProvider(
        "opportunities", _("Opportunities"), search_opportunities, order=35, list_url=_feed_url
    )
)

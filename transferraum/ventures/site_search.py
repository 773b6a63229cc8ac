"""What the platform's search finds among ventures: only published public profiles (their
search text is empty until then, see `services.venture_search_text`)."""

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
from transferraum.ventures.selectors import DirectoryFilters, ventures_found


def search_ventures(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
    """At most two queries."""
    found, total = first_and_total(ventures_found(query), limit)
    hits = [
        SearchHit(
            venture.name,
            venture.get_absolute_url(),
            " · ".join(
                str(part)
                for part in (venture.one_line, venture.municipality, venture.get_stage_display())
                if part
            ),
        )
        for venture in found
    ]
    return hits, total


def _directory_url(query: str) -> str:
    return reverse("ventures:directory") + DirectoryFilters(query=query).querystring()


search_register(
    SearchProvider("ventures", _("Ventures"), search_ventures, order=60, list_url=_directory_url)
)

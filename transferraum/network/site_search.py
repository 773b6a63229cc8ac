"""What the platform's search (`core.site_search`) finds in the directory: organisations and the
people the viewer may see, with the same filters and rules as the directory's own lists."""

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
from transferraum.network.directory import (
    ORGANISATIONS,
    PEOPLE,
    DirectoryFilters,
    directory_organisations,
    directory_people,
)


def _filters(query: str, tab: str) -> DirectoryFilters:
    return DirectoryFilters(query=query, tab=tab)


def _directory_url(query: str, tab: str) -> str:
    return reverse("network:directory") + _filters(query, tab).querystring()


def search_organisations(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
    """Every organisation's page is public (two queries and two for the directory's prefetch)."""
    found, total = first_and_total(
        directory_organisations(_filters(query, ORGANISATIONS)).prefetch_related(None), limit
    )
    hits = [
        SearchHit(
            organisation.name,
            organisation.get_absolute_url(),
            " · ".join(
                str(part)
                for part in (organisation.get_kind_display(), organisation.municipality)
                if part
            ),
        )
        for organisation in found
    ]
    return hits, total


def search_people(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
    """Only the profiles whose visibility lets `viewer` see them (the directory's rule)."""
    found, total = first_and_total(
        directory_people(viewer, _filters(query, PEOPLE)).prefetch_related(None), limit
    )
    hits = [
        SearchHit(
            str(profile.user),
            profile.get_absolute_url(),
            str(profile.user.study_programme or ""),
        )
        for profile in found
    ]
    return hits, total


search_register(
    SearchProvider(
        "organisations",
        _("Organisations"),
        search_organisations,
        order=10,
        list_url=lambda query: _directory_url(query, ORGANISATIONS),
    ),
    SearchProvider(
        "people",
        _("People"),
        search_people,
        order=20,
        list_url=lambda query: _directory_url(query, PEOPLE),
    ),
)

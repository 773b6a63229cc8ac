"""What the platform's search (`core.site_search`) finds among projects: those of rounds past
preparation, and those of a round in preparation for its coordinators, supervisors and partner."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from transferraum.core.site_search import (
    SearchHit,
    SearchProvider,
    first_and_total,
    search_register,
)
from transferraum.projects.selectors.rounds import projects_found


def search_projects(query: str, viewer: Any, limit: int) -> tuple[list[SearchHit], int]:
    """Matches the public texts (see `services.rounds.project_index`); at most two queries."""
    found, total = first_and_total(projects_found(viewer, query), limit)
    hits = [
        SearchHit(
            project.title,
            project.get_absolute_url(),
            f"{project.challenge.organisation.name} · {project.round.name}",
        )
        for project in found
    ]
    return hits, total


# The showcase lists completed projects only and has no search: no list page to link.
search_register(SearchProvider("projects", _("Projects"), search_projects, order=40))

"""What projects add to other pages (`core.related`): a challenge's projects and the projects of
an organisation's challenges, as far as the viewer may see them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from transferraum.core.related import (
    CHALLENGE,
    ORGANISATION,
    RelatedGroup,
    RelatedProvider,
    related_register,
)
from transferraum.core.site_search import SearchHit, first_and_total
from transferraum.projects.selectors.rounds import projects_of


def _group(projects: Any, limit: int) -> RelatedGroup | None:
    found, total = first_and_total(projects, limit)
    if not found:
        return None
    items = [
        SearchHit(
            project.title,
            project.get_absolute_url(),
            f"{project.round.name} · {project.get_status_display()}",
        )
        for project in found
    ]
    return RelatedGroup("projects", _("Projects"), items, total)


def _challenge_projects(challenge: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    return _group(projects_of(viewer, challenge_id=challenge.pk), limit)


def _organisation_projects(organisation: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    return _group(projects_of(viewer, organisation_id=organisation.pk), limit)


related_register(
    RelatedProvider(CHALLENGE, "projects", _challenge_projects, order=20),
    RelatedProvider(ORGANISATION, "projects", _organisation_projects, order=20),
)

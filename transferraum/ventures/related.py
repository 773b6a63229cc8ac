"""What ventures add to other pages (`core.related`): a project's page shows the ventures that
came from it, as far as the viewer may see them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from transferraum.core.related import (
    ORGANISATION,
    PROJECT,
    RelatedGroup,
    RelatedProvider,
    related_register,
)
from transferraum.core.site_search import SearchHit, first_and_total
from transferraum.ventures.selectors import ventures_from_project, ventures_of_organisation


def _project_ventures(project: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    found, total = first_and_total(ventures_from_project(project, viewer), limit)
    if not found:
        return None
    items = [
        SearchHit(venture.name, venture.get_absolute_url(), str(venture.get_stage_display()))
        for venture in found
    ]
    return RelatedGroup("ventures", _("Ventures from this project"), items, total)


def _organisation_ventures(organisation: Any, viewer: Any, limit: int) -> RelatedGroup | None:
    found, total = first_and_total(ventures_of_organisation(organisation), limit)
    if not found:
        return None
    items = [
        SearchHit(venture.name, venture.get_absolute_url(), str(venture.get_stage_display()))
        for venture in found
    ]
    return RelatedGroup("ventures", _("Ventures"), items, total)


related_register(
    RelatedProvider(PROJECT, "ventures", _project_ventures, order=40),
    RelatedProvider(ORGANISATION, "ventures", _organisation_ventures, order=40),
)

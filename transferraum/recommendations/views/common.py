"""Fetch-and-authorise helpers shared by the views of recommendations."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.permissions import may_view, roles_for


def recommendation_for(user: Any, pk: int) -> tuple[Recommendation, set[str]]:
    """The recommendation and the viewer's workflow roles; 404 when the viewer may not see it,
    so that drafts and confidential recommendations stay unknown."""
    recommendation = get_object_or_404(
        Recommendation.objects.select_related(
            "project__round",
            "project__challenge__organisation",
            "round",
            "municipality",
            "addressee_organisation",
            "responsible_person",
            "created_by",
            "approved_by",
        ).defer("municipality__boundary"),
        pk=pk,
    )
    roles = roles_for(user, recommendation)
    if not may_view(recommendation, roles):
        raise Http404
    return recommendation, roles

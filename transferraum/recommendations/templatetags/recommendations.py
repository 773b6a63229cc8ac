"""`{% project_recommendations project %}`: the recommendations section of a team's workspace
(what the viewer may see of the project's recommendations, and the way to write one)."""

from __future__ import annotations

from typing import Any

from django import template

from transferraum.projects.models import Project
from transferraum.recommendations.permissions import can_write_for
from transferraum.recommendations.selectors import visible_to
from transferraum.recommendations.standing import standing

register = template.Library()


@register.inclusion_tag("recommendations/_workspace_recommendations.html", takes_context=True)
def project_recommendations(context: template.Context, project: Project) -> dict[str, Any]:
    """A constant number of queries: the list and the check whether the viewer may write."""
    user = context["request"].user
    recommendations = (
        visible_to(user)
        .filter(project=project)
        .defer("municipality__boundary")
        .order_by("-updated_at", "-pk")
    )
    return {
        "project": project,
        "rows": [(r, standing(r)) for r in recommendations],
        "can_write": can_write_for(user, project),
    }

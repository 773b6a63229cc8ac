"""Who may see what of the indicators: everyone the public figures and the impact report;
coordinators and researchers the dashboard and the records behind each figure."""

from __future__ import annotations

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer


def can_view_dashboard(viewer: Viewer) -> bool:
    """Coordinators and researchers: the full figures, without suppression."""
    return bool(
        viewer.is_authenticated
        and viewer.is_active
        and (viewer.is_coordinator or viewer.has_role(User.Role.RESEARCHER))
    )


def can_view_records(viewer: Viewer) -> bool:
    """The list of records a figure counts: the same people as the dashboard."""
    return can_view_dashboard(viewer)


def can_see_names(viewer: Viewer) -> bool:
    """Names of the people counted (students, visitors on site): coordinators only; researchers
    count people without needing their names."""
    return bool(viewer.is_authenticated and viewer.is_coordinator)

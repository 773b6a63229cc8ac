"""Who may do what with role requests: plain predicates, tested as a table."""

from __future__ import annotations

from transferraum.accounts.models import RoleRequest, User
from transferraum.accounts.types import Viewer


def _active(viewer: Viewer) -> bool:
    return bool(viewer.is_authenticated and viewer.is_active)


def can_request_role(viewer: Viewer) -> bool:
    """Every signed-in person may ask for a role they do not have; coordinators hold them all."""
    return _active(viewer) and isinstance(viewer, User) and not viewer.is_coordinator


def can_decide_role_requests(viewer: Viewer) -> bool:
    """Coordinators grant and refuse role requests."""
    return _active(viewer) and isinstance(viewer, User) and viewer.is_coordinator


def can_manage_roles(viewer: Viewer) -> bool:
    """Coordinators give a person a role directly or take one away."""
    return can_decide_role_requests(viewer)


def can_view_role_request(viewer: Viewer, role_request: RoleRequest) -> bool:
    """The requester and the coordinators see a request."""
    return _active(viewer) and (
        viewer.pk == role_request.user_id or can_decide_role_requests(viewer)
    )


def can_withdraw_role_request(viewer: Viewer, role_request: RoleRequest) -> bool:
    return _active(viewer) and viewer.pk == role_request.user_id and role_request.is_open


def can_view_processing_record(viewer: Viewer) -> bool:
    """The record of processing activities (Art. 30 GDPR) is for the coordinators."""
    return can_decide_role_requests(viewer)

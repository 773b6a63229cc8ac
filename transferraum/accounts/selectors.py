"""Reads of role requests, scoped to the person who reads; the fetch-and-authorise family."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import REQUESTABLE_ROLES, DataExport, RoleRequest, User
from transferraum.accounts.permissions import (
    can_decide_role_requests,
    can_manage_roles,
    can_view_role_request,
)
from transferraum.accounts.types import Viewer
from transferraum.core.access_log import access_place
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, choice


def role_request_for_viewer(viewer: Viewer, pk: int) -> RoleRequest:
    """The request for its person and the coordinators; 404 to everybody else, as when it does
    not exist."""
    role_request = get_object_or_404(
        RoleRequest.objects.select_related("user", "study_programme", "decided_by"), pk=pk
    )
    if not can_view_role_request(viewer, role_request):
        raise Http404
    return role_request


def role_request_for_reviewer(viewer: Viewer, pk: int) -> RoleRequest:
    """The request for deciding on it: 403 to everybody but coordinators before anything is
    looked up, 404 when unknown."""
    if not can_decide_role_requests(viewer):
        raise PermissionDenied(gettext("Only coordinators decide on role requests."))
    return get_object_or_404(
        RoleRequest.objects.select_related("user", "study_programme", "decided_by"), pk=pk
    )


def person_for_role_manager(viewer: Viewer, pk: int) -> User:
    """A person whose roles a coordinator changes: 403 to everybody else before anything is
    looked up, 404 when unknown."""
    if not can_manage_roles(viewer):
        raise PermissionDenied(gettext("Only coordinators give and take roles."))
    return get_object_or_404(User.objects.prefetch_related("role_rows"), pk=pk)


@dataclass(frozen=True)
class RoleRequestFilters(Filters):
    """The queue's filters (`rolle`, `seite`): no role means every open request."""

    role: str = choice(
        "rolle",
        choices=[(role.value, role.label) for role in REQUESTABLE_ROLES],
        label=_("Role"),
        empty_label=_("All roles"),
    )


# The queue shows the requesters to coordinators: every page is recorded (core.access_log).
ROLE_REQUEST_QUEUE = access_place(
    "accounts.role_requests", _("Coordinators' queue of role requests")
)


def role_requests_queue(viewer: Viewer, filters: RoleRequestFilters) -> QuerySet[RoleRequest]:
    """Open requests for the coordinators, oldest first; nothing for anybody else."""
    if not can_decide_role_requests(viewer):
        return RoleRequest.objects.none()
    requests = RoleRequest.objects.open().select_related("user", "study_programme")
    if filters.role:
        requests = requests.filter(role=filters.role)
    return requests.order_by("created_at", "pk")


def role_requests_of(user: User) -> QuerySet[RoleRequest]:
    """A person's own requests, newest first, for their profile."""
    return (
        RoleRequest.objects.filter(user=user)
        .select_related("study_programme")
        .order_by("-created_at", "-pk")
    )


def role_requests_waiting(user: Viewer) -> QuerySet[RoleRequest]:
    """What waits for this person, for the start page: a coordinator's open requests to decide
    (oldest first), a requester's own open requests; nothing for a visitor."""
    if not user.is_authenticated:
        return RoleRequest.objects.none()
    if can_decide_role_requests(user):
        return role_requests_queue(user, RoleRequestFilters())
    return RoleRequest.objects.open().filter(user=user).order_by("created_at", "pk")


def data_export_for_owner(viewer: Viewer, pk: int) -> DataExport:
    """An export for the person it belongs to; 404 to everybody else, as when it does not
    exist."""
    if not viewer.is_authenticated:
        raise Http404
    export = DataExport.objects.filter(pk=pk, user=viewer).first()
    if export is None:
        raise Http404
    return export


def data_exports_of(user: User) -> QuerySet[DataExport]:
    """The person's exports that have not been purged, the newest first."""
    return DataExport.objects.filter(user=user).order_by("-created_at", "-pk")[:5]

"""Reads of organisations, scoped to the viewer where rules apply."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from transferraum.actors.models import Invitation, Membership, Organisation
from transferraum.actors.permissions import can_manage_organisation
from transferraum.core.errors import PermissionDenied


def organisations_list(*, kind: str | None = None) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("municipality__district").annotate(
        member_count=Count("memberships")
    )
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations.order_by("kind", "name")


def organisation_for_manage(user: Any, slug: str) -> Organisation:
    """The organisation if `user` may manage it: 404 when unknown, 403 when not allowed."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    if not can_manage_organisation(user, organisation):
        raise PermissionDenied(
            _("Only coordinators and the organisation's administrators may do this.")
        )
    return organisation


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("-role", "user__name")


def pending_invitations_of(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.pending().select_related("invited_by")

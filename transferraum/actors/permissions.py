"""Who may do what with organisations: plain predicates, tested as a table."""

from __future__ import annotations

from typing import Any

from transferraum.actors.models import Membership, Organisation


def _is_admin_of(user: Any, organisation: Organisation) -> bool:
    return Membership.objects.filter(
        user_id=user.pk, organisation=organisation, role=Membership.Role.ADMIN
    ).exists()


def can_manage_organisation(user: Any, organisation: Organisation) -> bool:
    """Coordinators manage every organisation; an organisation's admins manage their own."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_coordinator or _is_admin_of(user, organisation)


def can_invite(user: Any, organisation: Organisation) -> bool:
    return can_manage_organisation(user, organisation)


def can_see_members(user: Any, organisation: Organisation) -> bool:
    """Until people choose their visibility (actors issue), members are shown to members only."""
    if not user.is_authenticated:
        return False
    return user.is_coordinator or organisation.memberships.filter(user_id=user.pk).exists()

"""Who may do what with organisations: plain predicates, tested as a table."""

from __future__ import annotations

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership, Organisation, PersonProfile


def _is_admin_of(user: User, organisation: Organisation) -> bool:
    return Membership.objects.filter(
        user_id=user.pk, organisation=organisation, role=Membership.Role.ADMIN
    ).exists()


def can_manage_organisation(user: Viewer, organisation: Organisation) -> bool:
    """Coordinators manage every organisation; an organisation's admins manage their own."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_coordinator or _is_admin_of(user, organisation)


def can_invite(user: Viewer, organisation: Organisation) -> bool:
    return can_manage_organisation(user, organisation)


def can_see_members(user: Viewer, organisation: Organisation) -> bool:
    """Until people choose their visibility (actors issue), members are shown to members only."""
    if not user.is_authenticated:
        return False
    return user.is_coordinator or organisation.memberships.filter(user_id=user.pk).exists()


def can_edit_organisation(user: Viewer, organisation: Organisation) -> bool:
    """Profile, logo, competences, offers and needs: same people who manage it."""
    return can_manage_organisation(user, organisation)


def can_create_organisation(user: Viewer) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_coordinator)


def can_curate_competences(user: Viewer) -> bool:
    return can_create_organisation(user)


def is_programme_member(viewer: Viewer) -> bool:
    """A verified member of the programme: an active person with a role in it (granted by the
    coordinators or a university) or a membership of one of its organisations. Registration is
    open, so being signed in alone makes nobody a member. At most one query (the roles are
    read once per person)."""
    if not viewer.is_authenticated or not viewer.is_active or not isinstance(viewer, User):
        return False
    return bool(viewer.roles) or Membership.objects.filter(user_id=viewer.pk).exists()


def can_view_person(viewer: Viewer, profile: PersonProfile) -> bool:
    """The person's own choice decides; the person and coordinators always see it. "Members"
    means members of the programme (`is_programme_member`), not everyone who registered."""
    if profile.visibility == PersonProfile.Visibility.PUBLIC:
        return True
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if viewer.pk == profile.user_id or viewer.is_coordinator:
        return True
    return profile.visibility == PersonProfile.Visibility.MEMBERS and is_programme_member(viewer)


def can_request_membership(user: Viewer, organisation: Organisation) -> bool:
    """A signed-in person who is not a member yet may ask to join."""
    if not user.is_authenticated or not user.is_active:
        return False
    return not organisation.memberships.filter(user_id=user.pk).exists()

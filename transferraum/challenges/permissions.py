"""Who may see and do what with challenges: plain predicates, tested as tables."""

from __future__ import annotations

from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership
from transferraum.challenges.models import Challenge
from transferraum.challenges.workflow import COORDINATOR, SUBMITTER


def roles_for(user: Viewer, challenge: Challenge) -> set[str]:
    """The roles `user` holds for this challenge: submitter (member of its organisation) and/or
    coordinator."""
    if not user.is_authenticated or not user.is_active:
        return set()
    roles = set()
    if user.is_coordinator:
        roles.add(COORDINATOR)
    if Membership.objects.filter(
        user_id=user.pk, organisation_id=challenge.organisation_id
    ).exists():
        roles.add(SUBMITTER)
    return roles


def can_submit_for(user: Viewer, organisation_id: int) -> bool:
    """Members of an organisation write challenges for it."""
    if not user.is_authenticated or not user.is_active:
        return False
    return Membership.objects.filter(user_id=user.pk, organisation_id=organisation_id).exists()


def can_view(user: Viewer, challenge: Challenge) -> bool:
    """Challenges on the board are visible to all; others to their organisation and coordinators."""
    return challenge.is_on_board or bool(roles_for(user, challenge))


def can_see_full_text(user: Viewer, challenge: Challenge) -> bool:
    """The full problem, context, files and offers: public ones for all, others only for the
    organisation and coordinators (later also the team that works on it)."""
    if challenge.confidentiality == Challenge.Confidentiality.PUBLIC and challenge.is_on_board:
        return True
    return bool(roles_for(user, challenge))


def can_edit(user: Viewer, challenge: Challenge) -> bool:
    """The organisation edits drafts and challenges sent back for changes; coordinators edit
    until a challenge is finished."""
    roles = roles_for(user, challenge)
    if COORDINATOR in roles and challenge.status not in (
        Challenge.Status.COMPLETED,
        Challenge.Status.WITHDRAWN,
        Challenge.Status.REJECTED,
    ):
        return True
    return SUBMITTER in roles and challenge.status in Challenge.EDITABLE_STATUSES


def can_review(user: Viewer) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_coordinator)


def can_comment(user: Viewer, challenge: Challenge) -> bool:
    return bool(roles_for(user, challenge))


def can_follow(user: Viewer, challenge: Challenge) -> bool:
    return bool(user.is_authenticated and user.is_active and challenge.is_on_board)

"""Who may see and do what with recommendations: plain predicates, tested as tables.

The roles (author, approver, partner, coordinator, researcher) are explained in workflow.py.
Visibility: drafts and approved texts belong to their authors, approvers and the coordinators.
From the hand-over on a recommendation is public, unless it is confidential: then only the
authors, the approvers (the supervisors), the partner's side and the coordinators see it. Other
researchers see confidential ones only as numbers in the figures.
"""

from __future__ import annotations

from typing import TypeGuard

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership
from transferraum.projects import permissions as project_permissions
from transferraum.projects.models import Project
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.workflow import (
    APPROVER,
    AUTHOR,
    COORDINATOR,
    LIFECYCLE,
    PARTNER,
    PARTNER_SIDE,
    RESEARCHER,
)

CONFIDENTIAL_READERS = frozenset({AUTHOR, APPROVER, PARTNER, COORDINATOR})
PREPARATION_READERS = frozenset({AUTHOR, APPROVER, COORDINATOR})


def _active(user: Viewer) -> TypeGuard[User]:
    return bool(user.is_authenticated and user.is_active)


def _is_researcher(user: Viewer) -> TypeGuard[User]:
    return _active(user) and user.has_role(User.Role.RESEARCHER)


def roles_for(user: Viewer, recommendation: Recommendation) -> set[str]:
    """The workflow roles `user` holds for `recommendation` (a few small queries)."""
    if not _active(user):
        return set()
    roles: set[str] = set()
    if user.is_coordinator:
        roles.add(COORDINATOR)
    if _is_researcher(user):
        roles.add(RESEARCHER)
    project_roles: set[str] = set()
    if recommendation.project is not None:
        project_roles = project_permissions.roles_for(user, recommendation.project)
    if recommendation.written_by_kind == Recommendation.Author.TEAM:
        if project_permissions.MEMBER in project_roles:
            roles.add(AUTHOR)
        if project_permissions.SUPERVISOR in project_roles:
            roles.add(APPROVER)
    else:
        if _is_researcher(user) and recommendation.created_by_id == user.pk:
            roles.add(AUTHOR)
        if user.is_coordinator:
            roles.add(APPROVER)
    if (
        project_permissions.PARTNER in project_roles
        or recommendation.responsible_person_id == user.pk
        or (
            recommendation.addressee_organisation_id is not None
            and Membership.objects.filter(
                user_id=user.pk, organisation_id=recommendation.addressee_organisation_id
            ).exists()
        )
    ):
        roles.add(PARTNER)
    return roles


def may_view(recommendation: Recommendation, roles: set[str]) -> bool:
    if not recommendation.is_with_partner:
        return bool(roles & PREPARATION_READERS)
    if not recommendation.confidential:
        return True
    return bool(roles & CONFIDENTIAL_READERS)


def can_write_for(user: Viewer, project: Project | None) -> bool:
    """Team members write for their project; researchers write with or without one."""
    if _is_researcher(user):
        return True
    if project is None or not _active(user):
        return False
    return project_permissions.MEMBER in project_permissions.roles_for(user, project)


def can_view(user: Viewer, recommendation: Recommendation) -> bool:
    return may_view(recommendation, roles_for(user, recommendation))


def can_edit(
    user: Viewer, recommendation: Recommendation, *, roles: set[str] | None = None
) -> bool:
    """The authors change the text and the evidence while it is a draft. `roles`: the user's
    roles for it when already computed (`roles_for`), to save the queries."""
    if recommendation.status != Recommendation.Status.DRAFTED:
        return False
    return AUTHOR in (roles if roles is not None else roles_for(user, recommendation))


def can_act(
    user: Viewer, recommendation: Recommendation, action: str, *, roles: set[str] | None = None
) -> bool:
    """May take this step (of the lifecycle, or a notice such as asking for approval) now: it
    follows from the status and the person holds a role it needs (and may see the
    recommendation). What the page offers."""
    roles = roles if roles is not None else roles_for(user, recommendation)
    allowed = LIFECYCLE.allowed(recommendation.status, roles)
    return action in allowed and may_view(recommendation, roles)


def can_manage_milestones(
    user: Viewer, recommendation: Recommendation, *, roles: set[str] | None = None
) -> bool:
    """The partner (or a coordinator for it) plans and updates the implementation once the
    recommendation is adopted, until it is implemented."""
    if recommendation.status not in Recommendation.MILESTONE_STATUSES:
        return False
    roles = roles if roles is not None else roles_for(user, recommendation)
    return bool(roles & PARTNER_SIDE)


def can_see_figures(user: Viewer) -> bool:
    """The research figures (shares and times, no texts) are for researchers and coordinators."""
    return _is_researcher(user) or bool(_active(user) and user.is_coordinator)

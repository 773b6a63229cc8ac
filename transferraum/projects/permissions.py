"""Who may see and do what in rounds, projects and workspaces: plain predicates, tested as tables.

Roles a person holds for a project: coordinator (of the programme), supervisor (of this project),
partner (a named contact of this project; while none is named, a member of the challenge's
organisation), member (placed in its team by a published allocation), student (any student),
nobody (everyone else).
"""

from __future__ import annotations

from typing import TypeGuard

from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership
from transferraum.projects import phases
from transferraum.projects.models import Assignment, Project, Round

COORDINATOR = "coordinator"
SUPERVISOR = "supervisor"
PARTNER = "partner"
MEMBER = "member"
STUDENT = "student"

WORKSPACE_ROLES = frozenset({COORDINATOR, SUPERVISOR, PARTNER, MEMBER})


def _active(user: Viewer) -> TypeGuard[User]:
    return bool(user.is_authenticated and user.is_active)


def _ties(user: User, project: Project) -> tuple[bool, bool, bool]:
    """Whether `user` supervises `project`, speaks for its partner and is placed in its team
    (at most four small queries), kept on the project instance per user: a page asks several
    predicates about the same project and person. A project loaded again (each request, each
    service that locks it) asks again."""
    cache: dict[int, tuple[bool, bool, bool]] = project.__dict__.setdefault("_role_ties", {})
    if user.pk in cache:
        return cache[user.pk]
    supervisor = project.supervisors.filter(pk=user.pk).exists()
    # The named contacts speak for the partner; only while none is named do the members of the
    # challenge's organisation stand in (so a student who belongs to the association that set
    # the challenge does not get the partner's rights beside the contacts).
    contacts = set(project.partner_contacts.values_list("pk", flat=True))
    partner = user.pk in contacts or (
        not contacts
        and Membership.objects.filter(
            user_id=user.pk, organisation_id=project.challenge.organisation_id
        ).exists()
    )
    placed = Assignment.objects.filter(
        round_id=project.round_id, student_id=user.pk, project_id=project.pk
    ).exists()
    cache[user.pk] = (supervisor, partner, placed)
    return cache[user.pk]


def roles_for(user: Viewer, project: Project) -> set[str]:
    """The roles `user` holds for `project` (at most five small queries the first time per
    project instance and user, the person's roles in the programme included; none after; see
    `_ties`)."""
    if not _active(user):
        return set()
    roles = set()
    if user.is_coordinator:
        roles.add(COORDINATOR)
    if user.has_role(User.Role.STUDENT):
        roles.add(STUDENT)
    supervisor, partner, placed = _ties(user, project)
    if supervisor:
        roles.add(SUPERVISOR)
    if partner:
        roles.add(PARTNER)
    # Read each time: publishing the allocation makes the placed students members.
    if placed and project.round.published_at is not None:
        roles.add(MEMBER)
    return roles


def can_manage_rounds(user: Viewer) -> bool:
    """Coordinators create rounds and projects, advance phases and run the allocation."""
    return _active(user) and bool(user.is_coordinator)


def can_view_round(user: Viewer, round: Round) -> bool:
    """Rounds in preparation are the coordinators' business; later ones are public."""
    return round.phase != Round.Phase.PREPARATION or can_manage_rounds(user)


def can_view_project(user: Viewer, project: Project) -> bool:
    if project.round.phase != Round.Phase.PREPARATION:
        return True
    return bool(roles_for(user, project) & {COORDINATOR, SUPERVISOR, PARTNER})


def can_edit_project(user: Viewer, project: Project) -> bool:
    """Coordinators shape projects until applications close."""
    return can_manage_rounds(user) and phases.phase_allows(
        project.round.phase, phases.EDIT_PROJECTS
    )


def applications_open(round: Round) -> bool:
    """Applications are open: the phase says so and the deadline has not passed."""
    if not phases.phase_allows(round.phase, phases.APPLY):
        return False
    now = timezone.now()
    if round.applications_open_at is not None and now < round.applications_open_at:
        return False
    return round.applications_close_at is None or now <= round.applications_close_at


def is_student(user: Viewer) -> bool:
    """Students apply for projects; everybody else is refused before any rule of the round."""
    return _active(user) and user.has_role(User.Role.STUDENT)


def can_apply(user: Viewer, round: Round) -> bool:
    return is_student(user) and applications_open(round)


def can_allocate(user: Viewer, round: Round) -> bool:
    return can_manage_rounds(user) and phases.phase_allows(round.phase, phases.ALLOCATE)


def can_see_team(user: Viewer, project: Project) -> bool:
    """Coordinators always; the team, its supervisors and partners once the allocation is
    published."""
    roles = roles_for(user, project)
    if COORDINATOR in roles:
        return True
    return project.round.published_at is not None and bool(roles & WORKSPACE_ROLES)


def can_view_workspace(user: Viewer, project: Project) -> bool:
    return project.round.published_at is not None and bool(
        roles_for(user, project) & WORKSPACE_ROLES
    )


def can_see_results(user: Viewer, project: Project) -> bool:
    """The team's results text: public when the challenge is public; otherwise only for the
    workspace and coordinators (only the public summary leaves it)."""
    from transferraum.challenges.models import Challenge

    if project.challenge.confidentiality == Challenge.Confidentiality.PUBLIC:
        return True
    return can_manage_rounds(user) or can_view_workspace(user, project)


def can_contribute(user: Viewer, project: Project) -> bool:
    """Milestones, meetings, documents and the discussion: everyone of the workspace, while the
    project is at work."""
    return (
        project.status == Project.Status.RUNNING
        and phases.phase_allows(project.round.phase, phases.WORKSPACE)
        and can_view_workspace(user, project)
    )


def can_deliver(user: Viewer, project: Project) -> bool:
    """Final deliverables and the public summary: the team, its supervisors, coordinators."""
    return (
        project.status == Project.Status.RUNNING
        and phases.phase_allows(project.round.phase, phases.DELIVER)
        and bool(roles_for(user, project) & {MEMBER, SUPERVISOR, COORDINATOR})
        and project.round.published_at is not None
    )


def can_edit_summary(user: Viewer, project: Project) -> bool:
    """The summary for the public and the results text: whoever delivers while the project is
    at work; once it is completed still its supervisors and coordinators, so that a project
    completed without a summary (by hand or by closing the round) can still reach the
    showcase."""
    if can_deliver(user, project):
        return True
    return (
        project.status == Project.Status.COMPLETED
        and project.round.published_at is not None
        and bool(roles_for(user, project) & {SUPERVISOR, COORDINATOR})
    )


def can_give_feedback(user: Viewer, project: Project, stage: str) -> bool:
    """The partner's contacts give feedback at mid-term and at the end."""
    action = phases.FEEDBACK_MIDTERM if stage == "midterm" else phases.FEEDBACK_FINAL
    return (
        project.status in (Project.Status.RUNNING, Project.Status.COMPLETED)
        and phases.phase_allows(project.round.phase, action)
        and PARTNER in roles_for(user, project)
    )


def can_complete(user: Viewer, project: Project) -> bool:
    return (
        project.status == Project.Status.RUNNING
        and phases.phase_allows(project.round.phase, phases.COMPLETE)
        and bool(roles_for(user, project) & {SUPERVISOR, COORDINATOR})
    )

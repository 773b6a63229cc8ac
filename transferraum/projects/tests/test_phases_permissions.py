"""The phase table and the permission table: every role × every predicate of permissions.py, in
every state a project passes through, allowed and refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.models import Membership
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.projects import permissions, phases
from transferraum.projects.models import Project, Round
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorFactory,
    place,
)

P = Round.Phase
S = Project.Status

# --- the phase table --------------------------------------------------------------------------

# phase → the actions it allows, written out as the issue describes the round
PHASE_TABLE = {
    P.PREPARATION: {phases.EDIT_PROJECTS},
    P.APPLICATIONS: {phases.EDIT_PROJECTS, phases.APPLY},
    P.ALLOCATION: {phases.ALLOCATE},
    P.WORK: {phases.WORKSPACE, phases.FEEDBACK_MIDTERM, phases.DELIVER},
    P.PRESENTATION: {
        phases.WORKSPACE,
        phases.FEEDBACK_MIDTERM,
        phases.FEEDBACK_FINAL,
        phases.DELIVER,
        phases.COMPLETE,
    },
    P.CLOSED: {phases.FEEDBACK_FINAL, phases.COMPLETE},
}


@pytest.mark.parametrize("phase", list(P.values))
@pytest.mark.parametrize("action", sorted(phases.PHASE_ACTIONS))
def test_each_phase_allows_exactly_its_actions(phase, action):
    assert phases.phase_allows(phase, action) is (action in PHASE_TABLE[phase])


def test_advancing_walks_every_phase_once_from_preparation_to_closed():
    walk = [P.PREPARATION]
    while walk[-1] in phases.NEXT_PHASE:
        walk.append(phases.NEXT_PHASE[walk[-1]])

    assert walk == list(P.values)
    assert set(phases.ADVANCE_LABELS) == set(walk[1:])


def test_the_only_step_back_reopens_applications():
    assert phases.PREVIOUS_PHASE == {P.ALLOCATION: P.APPLICATIONS}


def test_the_round_lifecycle_holds_every_step_and_only_coordinators_take_them():
    moves = {(source, step.target) for step in phases.LIFECYCLE for source in step.sources}

    assert moves == set(phases.NEXT_PHASE.items()) | set(phases.PREVIOUS_PHASE.items())
    assert all(step.roles == {phases.COORDINATOR} for step in phases.LIFECYCLE)
    assert phases.LIFECYCLE.allowed(P.ALLOCATION, {phases.COORDINATOR}) == [
        "start_work",
        "reopen_applications",
    ]
    assert phases.LIFECYCLE.allowed(P.ALLOCATION, {"supervisor"}) == []


# --- the permission table ---------------------------------------------------------------------

ROLES = (
    "coordinator",
    "supervisor",
    "partner_contact",
    "organisation_member",
    "team_member",
    "other_student",
    "outsider",
    "anonymous",
)
EVERYONE = frozenset(ROLES)
WORKSPACE = frozenset({"coordinator", "supervisor", "partner_contact", "team_member"})
# With a contact named, other members of the partner organisation hold no partner rights.
PARTNERS = frozenset({"partner_contact"})
NOBODY: frozenset[str] = frozenset()

# state → (phase, project status, allocation published)
STATES = {
    "preparation": (P.PREPARATION, S.OPEN, False),
    "applications": (P.APPLICATIONS, S.OPEN, False),
    "allocation": (P.ALLOCATION, S.OPEN, False),
    "allocation_published": (P.ALLOCATION, S.RUNNING, True),
    "work": (P.WORK, S.RUNNING, True),
    "presentation": (P.PRESENTATION, S.RUNNING, True),
    "presentation_completed": (P.PRESENTATION, S.COMPLETED, True),
    "closed": (P.CLOSED, S.COMPLETED, True),
}

PREDICATES = (
    "can_manage_rounds",
    "can_view_round",
    "can_view_project",
    "can_edit_project",
    "can_apply",
    "can_allocate",
    "can_see_team",
    "can_view_workspace",
    "can_contribute",
    "can_deliver",
    "can_give_feedback_midterm",
    "can_give_feedback_final",
    "can_complete",
)


def _expected(state: str) -> dict[str, frozenset[str]]:
    phase, status, published = STATES[state]
    running = status == S.RUNNING
    at_work = phase in (P.WORK, P.PRESENTATION)
    return {
        "can_manage_rounds": frozenset({"coordinator"}),
        "can_view_round": frozenset({"coordinator"}) if phase == P.PREPARATION else EVERYONE,
        "can_view_project": (
            frozenset({"coordinator", "supervisor"}) | PARTNERS
            if phase == P.PREPARATION
            else EVERYONE
        ),
        "can_edit_project": (
            frozenset({"coordinator"}) if phase in (P.PREPARATION, P.APPLICATIONS) else NOBODY
        ),
        # The placed student is a student too: before publication she is just that.
        "can_apply": (
            frozenset({"team_member", "other_student"}) if phase == P.APPLICATIONS else NOBODY
        ),
        "can_allocate": frozenset({"coordinator"}) if phase == P.ALLOCATION else NOBODY,
        "can_see_team": WORKSPACE if published else frozenset({"coordinator"}),
        "can_view_workspace": WORKSPACE if published else NOBODY,
        "can_contribute": WORKSPACE if running and at_work else NOBODY,
        "can_deliver": (
            frozenset({"coordinator", "supervisor", "team_member"})
            if running and at_work
            else NOBODY
        ),
        "can_give_feedback_midterm": (
            PARTNERS if status in (S.RUNNING, S.COMPLETED) and at_work else NOBODY
        ),
        "can_give_feedback_final": (
            PARTNERS
            if status in (S.RUNNING, S.COMPLETED) and phase in (P.PRESENTATION, P.CLOSED)
            else NOBODY
        ),
        "can_complete": (
            frozenset({"coordinator", "supervisor"})
            if running and phase in (P.PRESENTATION, P.CLOSED)
            else NOBODY
        ),
    }


def _check(predicate: str, user, project: Project) -> bool:
    round = project.round
    if predicate == "can_manage_rounds":
        return permissions.can_manage_rounds(user)
    if predicate in ("can_view_round", "can_apply", "can_allocate"):
        return getattr(permissions, predicate)(user, round)
    if predicate == "can_give_feedback_midterm":
        return permissions.can_give_feedback(user, project, "midterm")
    if predicate == "can_give_feedback_final":
        return permissions.can_give_feedback(user, project, "final")
    return getattr(permissions, predicate)(user, project)


def _world(state: str, coordinator, outsider) -> tuple[Project, dict[str, object]]:
    phase, status, published = STATES[state]
    now = timezone.now()
    round = RoundFactory(phase=phase, published_at=now if published else None)
    organisation = OrganisationFactory()
    challenge = ChallengeFactory(organisation=organisation, status=Challenge.Status.PUBLISHED)
    supervisor = SupervisorFactory()
    project = ProjectFactory(
        round=round, challenge=challenge, status=status, supervisors=[supervisor]
    )
    contact = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    project.partner_contacts.add(contact)
    member = MembershipFactory(organisation=organisation).user
    team_member = StudentFactory()
    place(team_member, project)
    people = {
        "coordinator": coordinator,
        "supervisor": supervisor,
        "partner_contact": contact,
        "organisation_member": member,
        "team_member": team_member,
        "other_student": StudentFactory(),
        "outsider": outsider,
        "anonymous": AnonymousUser(),
    }
    return Project.objects.select_related("round", "challenge").get(pk=project.pk), people


@pytest.mark.django_db
@pytest.mark.parametrize("state", list(STATES))
def test_permission_table(state, coordinator, outsider):
    project, people = _world(state, coordinator, outsider)

    actual = {
        predicate: frozenset(
            role for role, user in people.items() if _check(predicate, user, project)
        )
        for predicate in PREDICATES
    }

    assert actual == _expected(state)


@pytest.mark.django_db
def test_inactive_coordinator_holds_no_role(coordinator):
    project, _people = _world("work", coordinator, coordinator)
    User.objects.filter(pk=coordinator.pk).update(is_active=False)
    coordinator.refresh_from_db()

    assert permissions.roles_for(coordinator, project) == set()
    assert not permissions.can_manage_rounds(coordinator)
    assert not permissions.can_view_round(coordinator, RoundFactory(phase=P.PREPARATION))


@pytest.mark.django_db
def test_applications_close_at_the_deadline_even_in_the_phase():
    round = RoundFactory(
        phase=P.APPLICATIONS, applications_close_at=timezone.now() - dt.timedelta(minutes=1)
    )
    student = StudentFactory()

    assert not permissions.applications_open(round)
    assert not permissions.can_apply(student, round)


@pytest.mark.django_db
def test_applications_open_only_from_the_opening():
    round = RoundFactory(
        phase=P.APPLICATIONS,
        applications_open_at=timezone.now() + dt.timedelta(days=1),
        applications_close_at=timezone.now() + dt.timedelta(days=8),
    )

    assert not permissions.applications_open(round)


@pytest.mark.django_db
def test_members_of_the_organisation_stand_in_while_no_contact_is_named(coordinator):
    from transferraum.projects.permissions import PARTNER, roles_for

    organisation = OrganisationFactory()
    challenge = ChallengeFactory(organisation=organisation, status=Challenge.Status.PUBLISHED)
    project = ProjectFactory(challenge=challenge)
    member = MembershipFactory(organisation=organisation).user
    assert PARTNER in roles_for(member, project)
    project.partner_contacts.add(MembershipFactory(organisation=organisation).user)
    # The roles are kept on the instance for one request; the next one loads the project anew.
    assert PARTNER not in roles_for(member, Project.objects.get(pk=project.pk))


@pytest.mark.django_db
def test_roles_are_asked_once_per_project_and_person(
    django_assert_num_queries, django_assert_max_num_queries
):
    from transferraum.projects.permissions import PARTNER, SUPERVISOR, roles_for

    organisation = OrganisationFactory()
    supervisor = SupervisorFactory()
    project = ProjectFactory(
        challenge=ChallengeFactory(organisation=organisation), supervisors=[supervisor]
    )
    member = MembershipFactory(organisation=organisation).user
    project = Project.objects.select_related("round", "challenge").get(pk=project.pk)

    with django_assert_max_num_queries(5):  # with the person's roles in the programme
        assert roles_for(supervisor, project) == {SUPERVISOR}
    with django_assert_num_queries(0):
        assert roles_for(supervisor, project) == {SUPERVISOR}
        assert permissions.can_view_project(supervisor, project)
        assert not permissions.can_complete(supervisor, project)
    # Another person on the same instance is asked about separately.
    with django_assert_max_num_queries(5) as queries:
        assert PARTNER in roles_for(member, project)
    assert len(queries) > 0

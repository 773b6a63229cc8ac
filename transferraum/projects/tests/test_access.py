"""The fetch-and-authorise selectors of rounds, projects and workspaces: every persona, found
(200), refused (403) or not found (404) — a round or project they may not see answers exactly
like one that does not exist."""

from __future__ import annotations

import pytest
from django.utils import timezone

from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.projects.models import Round
from transferraum.projects.selectors.rounds import (
    project_for_editor,
    project_for_viewer,
    round_for_applicant,
    round_for_coordinator,
    round_for_viewer,
)
from transferraum.projects.selectors.workspace import workspace_for_member
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory

P = Round.Phase
ROUND_FETCHES = (round_for_viewer, round_for_coordinator, round_for_applicant)
PROJECT_FETCHES = (project_for_viewer, project_for_editor)

# phase → persona → (round_for_viewer, round_for_coordinator, round_for_applicant)
ROUND_TABLE = {
    P.PREPARATION: {
        "coordinator": (200, 200, 403),
        "student_geography": (404, 403, 404),
        "officer_eilenburg": (404, 403, 404),
        "outsider": (404, 403, 404),
        "anonymous": (404, 403, 404),
    },
    P.APPLICATIONS: {
        "coordinator": (200, 200, 403),
        "student_geography": (200, 403, 200),
        "officer_eilenburg": (200, 403, 403),
        "outsider": (200, 403, 403),
        "anonymous": (200, 403, 403),
    },
}

# phase → persona → (project_for_viewer, project_for_editor) for a project of Eilenburg's
# challenge; its administration speaks for the partner while no contact is named.
PROJECT_TABLE = {
    P.PREPARATION: {
        "coordinator": (200, 200),
        "officer_eilenburg": (200, 403),
        "student_geography": (404, 404),
        "outsider": (404, 404),
        "anonymous": (404, 404),
    },
    P.APPLICATIONS: {
        "coordinator": (200, 200),
        "officer_eilenburg": (200, 403),
        "student_geography": (200, 403),
        "outsider": (200, 403),
        "anonymous": (200, 403),
    },
    P.WORK: {
        "coordinator": (200, 403),
        "officer_eilenburg": (200, 403),
        "student_geography": (200, 403),
        "outsider": (200, 403),
        "anonymous": (200, 403),
    },
}

ROUND_CASES = [(phase, p, e) for phase, table in ROUND_TABLE.items() for p, e in table.items()]
PROJECT_CASES = [(phase, p, e) for phase, table in PROJECT_TABLE.items() for p, e in table.items()]

# persona → workspace_for_member of a running project in a published round
WORKSPACE_TABLE = {
    "member": 200,
    "supervisor": 200,
    "partner_contact": 200,
    "coordinator": 200,
    "other_team_member": 403,
    "organisation_member": 403,  # a contact is named: the other members hold no partner rights
    "outsider": 403,
    "anonymous": 403,
}


@pytest.mark.django_db
@pytest.mark.parametrize(("phase", "persona", "expected"), ROUND_CASES)
def test_round_fetches(persona_user, access, phase, persona, expected):
    round = RoundFactory(phase=phase)
    person = persona_user(persona)

    assert tuple(access(fetch, person, round.pk) for fetch in ROUND_FETCHES) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ROUND_TABLE[P.APPLICATIONS])
def test_an_unknown_round_is_not_found(persona_user, access, persona):
    person = persona_user(persona)
    # The coordinators' pages refuse everybody else before they look anything up.
    expected = (404, 404 if persona == "coordinator" else 403, 404)

    assert tuple(access(fetch, person, 999_999) for fetch in ROUND_FETCHES) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("phase", "persona", "expected"), PROJECT_CASES)
def test_project_fetches(persona_user, access, town_eilenburg, phase, persona, expected):
    published = {"published_at": timezone.now()} if phase == P.WORK else {}
    project = ProjectFactory(
        round=RoundFactory(phase=phase, **published),
        challenge=ChallengeFactory(organisation=town_eilenburg, status=Challenge.Status.PUBLISHED),
    )
    person = persona_user(persona)

    assert tuple(access(fetch, person, project.pk) for fetch in PROJECT_FETCHES) == expected
    assert tuple(access(fetch, person, project.pk + 1000) for fetch in PROJECT_FETCHES) == (
        404,
        404,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), WORKSPACE_TABLE.items())
def test_workspace_for_member(persona_user, access, team, persona, expected):
    person = getattr(team, persona, None) or persona_user(persona)

    assert access(workspace_for_member, person, team.project.pk) == expected
    assert access(workspace_for_member, person, team.project.pk + 1000) == 404

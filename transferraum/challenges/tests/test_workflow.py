"""The lifecycle as a table: every action × every role × every status."""

import inspect

import pytest

from transferraum.challenges.forms import STEP_FORMS
from transferraum.challenges.models import Challenge
from transferraum.challenges.services import (
    STEP_SERVICES,
    challenge_submit,
)
from transferraum.challenges.tests.factories import ChallengeFactory, TransferFormatFactory
from transferraum.challenges.workflow import LIFECYCLE
from transferraum.core.errors import DomainError, PermissionDenied

S = Challenge.Status
TRANSITIONS = LIFECYCLE.transitions

# persona → the workflow roles it holds for a challenge of Stadtverwaltung Eilenburg
PERSONAS = {
    "officer_eilenburg": {"submitter"},
    "member_eilenburg": {"submitter"},
    "coordinator": {"coordinator"},
    "owner_zeitz": set(),
    "student_geography": set(),
    "outsider": set(),
}
NOTES = {"request_changes": "Bitte den Zeitraum ergänzen.", "reject": "Passt nicht ins Programm."}


def _case_id(value):
    return value if isinstance(value, str) else None


CASES = [
    (persona, status, action)
    for persona in PERSONAS
    for status in S.values
    for action in TRANSITIONS
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status", "action"), CASES, ids=[f"{p}-{s}-{a}" for p, s, a in CASES]
)
def test_every_transition_for_every_role(request, town_eilenburg, persona, status, action):
    actor = request.getfixturevalue(persona)
    challenge = ChallengeFactory(
        organisation=town_eilenburg,
        status=status,
        rejection_reason="Grund" if status == S.REJECTED else "",
    )
    challenge.formats.add(TransferFormatFactory())
    transition = TRANSITIONS[action]
    allowed = status in transition.sources and bool(transition.roles & PERSONAS[persona])

    if allowed:
        result = STEP_SERVICES[action](actor=actor, challenge=challenge, note=NOTES.get(action, ""))
        assert result.status == transition.target
        assert action in LIFECYCLE.allowed(status, PERSONAS[persona])
    else:
        expected = PermissionDenied if not transition.roles & PERSONAS[persona] else DomainError
        with pytest.raises(expected):
            STEP_SERVICES[action](actor=actor, challenge=challenge, note=NOTES.get(action, ""))
        challenge.refresh_from_db()
        assert challenge.status == status


@pytest.mark.django_db
def test_refused_step_names_the_current_status(officer_eilenburg, town_eilenburg):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.PUBLISHED)

    with pytest.raises(DomainError, match="Veröffentlicht"):
        challenge_submit(actor=officer_eilenburg, challenge=challenge)


@pytest.mark.parametrize("name", list(LIFECYCLE.steps))
def test_a_step_needing_a_note_has_a_form_and_its_service_requires_the_note(name):
    parameters = inspect.signature(STEP_SERVICES[name]).parameters
    needs_note = "note" in LIFECYCLE[name].needs

    assert set(parameters) == {"actor", "challenge", "note"}
    assert (parameters["note"].default is inspect.Parameter.empty) is needs_note
    assert (name in STEP_FORMS) is needs_note
    assert set(STEP_SERVICES) == set(LIFECYCLE.steps)

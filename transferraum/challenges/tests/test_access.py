"""The fetch-and-authorise selectors of challenges: every persona, found (200), refused (403) or
not found (404) — a challenge they may not see answers exactly like one that does not exist."""

from __future__ import annotations

import pytest

from transferraum.challenges.models import Challenge
from transferraum.challenges.selectors import (
    challenge_for_editor,
    challenge_for_reader,
    challenge_for_reviewer,
    challenge_for_viewer,
    format_for_viewer,
)
from transferraum.challenges.tests.factories import ChallengeFactory, TransferFormatFactory

S = Challenge.Status
C = Challenge.Confidentiality
FETCHES = (challenge_for_viewer, challenge_for_reader, challenge_for_editor, challenge_for_reviewer)

# (status, confidentiality) of one of Eilenburg's challenges → persona →
# (viewer, reader, editor, reviewer)
TABLE = {
    (S.DRAFT, C.PUBLIC): {
        "coordinator": (200, 200, 200, 200),
        "officer_eilenburg": (200, 200, 200, 403),
        "member_eilenburg": (200, 200, 200, 403),
        "owner_zeitz": (404, 404, 404, 403),
        "student_geography": (404, 404, 404, 403),
        "outsider": (404, 404, 404, 403),
        "anonymous": (404, 404, 404, 403),
    },
    (S.PUBLISHED, C.PUBLIC): {
        "coordinator": (200, 200, 200, 200),
        "officer_eilenburg": (200, 200, 403, 403),
        "member_eilenburg": (200, 200, 403, 403),
        "owner_zeitz": (200, 200, 403, 403),
        "student_geography": (200, 200, 403, 403),
        "outsider": (200, 200, 403, 403),
        "anonymous": (200, 200, 403, 403),
    },
    # On the board with its public summary only: the full text and the files stay hidden.
    (S.PUBLISHED, C.CONFIDENTIAL): {
        "coordinator": (200, 200, 200, 200),
        "officer_eilenburg": (200, 200, 403, 403),
        "member_eilenburg": (200, 200, 403, 403),
        "owner_zeitz": (200, 404, 403, 403),
        "student_geography": (200, 404, 403, 403),
        "outsider": (200, 404, 403, 403),
        "anonymous": (200, 404, 403, 403),
    },
}
CASES = [
    (status, confidentiality, persona, expected)
    for (status, confidentiality), table in TABLE.items()
    for persona, expected in table.items()
]
PERSONAS = list(TABLE[S.DRAFT, C.PUBLIC])


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "confidentiality", "persona", "expected"), CASES)
def test_challenge_fetches(
    persona_user, access, town_eilenburg, status, confidentiality, persona, expected
):
    challenge = ChallengeFactory(
        organisation=town_eilenburg, status=status, confidentiality=confidentiality
    )
    person = persona_user(persona)

    assert tuple(access(fetch, person, challenge.pk) for fetch in FETCHES) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_an_unknown_challenge_is_not_found(persona_user, access, persona):
    person = persona_user(persona)
    # The reviewer's page refuses non-coordinators before it looks anything up.
    expected = (404, 404, 404, 404 if persona == "coordinator" else 403)

    assert tuple(access(fetch, person, 999_999) for fetch in FETCHES) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_format_for_viewer(persona_user, access, persona):
    transfer_format = TransferFormatFactory()
    person = persona_user(persona)

    assert access(format_for_viewer, person, transfer_format.slug) == 200
    assert access(format_for_viewer, person, "gibt-es-nicht") == 404

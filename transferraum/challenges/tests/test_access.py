"""The fetch-and-authorise selectors of challenges: every persona, found (200), refused (403) or
not found (404) — a challenge they may not see answers exactly like one that does not exist."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

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

# persona → (viewer, editor, reviewer) for a draft of Eilenburg's administration
DRAFT_TABLE = {
    "coordinator": (200, 200, 200),
    "officer_eilenburg": (200, 200, 403),
    "member_eilenburg": (200, 200, 403),
    "owner_zeitz": (404, 404, 403),
    "student_geography": (404, 404, 403),
    "outsider": (404, 404, 403),
    "anonymous": (404, 404, 403),
}

# persona → (viewer, editor, reviewer) for a challenge of Eilenburg's on the board
PUBLISHED_TABLE = {
    "coordinator": (200, 200, 200),
    "officer_eilenburg": (200, 403, 403),
    "member_eilenburg": (200, 403, 403),
    "owner_zeitz": (200, 403, 403),
    "student_geography": (200, 403, 403),
    "outsider": (200, 403, 403),
    "anonymous": (200, 403, 403),
}

FETCHES = (challenge_for_viewer, challenge_for_editor, challenge_for_reviewer)


def viewer(request, persona: str):
    return AnonymousUser() if persona == "anonymous" else request.getfixturevalue(persona)


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), DRAFT_TABLE.items())
def test_a_draft(request, access, town_eilenburg, persona, expected):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.DRAFT)
    person = viewer(request, persona)

    assert tuple(access(fetch, person, challenge.pk) for fetch in FETCHES) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), PUBLISHED_TABLE.items())
def test_a_challenge_on_the_board(request, access, town_eilenburg, persona, expected):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=S.PUBLISHED)
    person = viewer(request, persona)

    assert tuple(access(fetch, person, challenge.pk) for fetch in FETCHES) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", DRAFT_TABLE)
def test_an_unknown_challenge_is_not_found(request, access, persona):
    person = viewer(request, persona)
    # The reviewer's page refuses non-coordinators before it looks anything up.
    expected = (404, 404, 404 if persona == "coordinator" else 403)

    assert tuple(access(fetch, person, 999_999) for fetch in FETCHES) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("persona", DRAFT_TABLE)
def test_format_for_viewer(request, access, persona):
    transfer_format = TransferFormatFactory()
    person = viewer(request, persona)

    assert access(format_for_viewer, person, transfer_format.slug) == 200
    assert access(format_for_viewer, person, "gibt-es-nicht") == 404


# (status, confidentiality) → persona → challenge_for_reader (the full text and the files)
C = Challenge.Confidentiality
READER_TABLE = {
    (S.PUBLISHED, C.PUBLIC): {persona: 200 for persona in DRAFT_TABLE},
    (S.PUBLISHED, C.CONFIDENTIAL): {
        "coordinator": 200,
        "officer_eilenburg": 200,
        "member_eilenburg": 200,
        "owner_zeitz": 404,
        "student_geography": 404,
        "outsider": 404,
        "anonymous": 404,
    },
    (S.DRAFT, C.PUBLIC): {
        "coordinator": 200,
        "officer_eilenburg": 200,
        "member_eilenburg": 200,
        "owner_zeitz": 404,
        "student_geography": 404,
        "outsider": 404,
        "anonymous": 404,
    },
}
READER_CASES = [
    (status, confidentiality, persona, expected)
    for (status, confidentiality), table in READER_TABLE.items()
    for persona, expected in table.items()
]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "confidentiality", "persona", "expected"), READER_CASES)
def test_challenge_for_reader(
    request, access, town_eilenburg, status, confidentiality, persona, expected
):
    challenge = ChallengeFactory(
        organisation=town_eilenburg, status=status, confidentiality=confidentiality
    )
    person = viewer(request, persona)

    assert access(challenge_for_reader, person, challenge.pk) == expected
    assert access(challenge_for_reader, person, challenge.pk + 1000) == 404

"""The fetch-and-authorise selectors of recommendations: every persona, found (200), refused
(403) or not found (404) — a recommendation they may not see answers exactly like one that does
not exist."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.selectors import (
    project_for_author,
    recommendation_for_editor,
    recommendation_for_implementer,
    recommendation_for_viewer,
)
from transferraum.recommendations.tests.factories import RecommendationFactory

S = Recommendation.Status
FETCHES = (recommendation_for_viewer, recommendation_for_editor)
PERSONAS = (
    "student_geography",  # author: in the project's team
    "supervisor",  # approver
    "coordinator",
    "officer_eilenburg",  # partner
    "researcher",
    "student_informatics",
    "outsider",
    "anonymous",
)

# (status, confidential) → persona → (recommendation_for_viewer, recommendation_for_editor)
TABLE = {
    (S.DRAFTED, False): {
        "student_geography": (200, 200),
        "supervisor": (200, 403),
        "coordinator": (200, 403),
        "officer_eilenburg": (404, 404),
        "researcher": (404, 404),
        "student_informatics": (404, 404),
        "outsider": (404, 404),
        "anonymous": (404, 404),
    },
    (S.HANDED_OVER, False): {persona: (200, 403) for persona in PERSONAS},
    (S.HANDED_OVER, True): {
        "student_geography": (200, 403),
        "supervisor": (200, 403),
        "coordinator": (200, 403),
        "officer_eilenburg": (200, 403),
        "researcher": (404, 404),
        "student_informatics": (404, 404),
        "outsider": (404, 404),
        "anonymous": (404, 404),
    },
}
CASES = [
    (status, confidential, persona, expected)
    for (status, confidential), table in TABLE.items()
    for persona, expected in table.items()
]

# persona → project_for_author for (the team's project, no project)
AUTHOR_TABLE = {
    "student_geography": (200, 403),
    "supervisor": (403, 403),
    "coordinator": (403, 403),
    "officer_eilenburg": (403, 403),
    "researcher": (200, 200),
    "student_informatics": (403, 403),
    "outsider": (403, 403),
    "anonymous": (403, 403),
}


def viewer(request, persona: str):
    return AnonymousUser() if persona == "anonymous" else request.getfixturevalue(persona)


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "confidential", "persona", "expected"), CASES)
def test_recommendation_fetches(
    request, access, project, town_eilenburg, status, confidential, persona, expected
):
    recommendation = RecommendationFactory(
        project=project,
        addressee_organisation=town_eilenburg,
        status=status,
        confidential=confidential,
    )
    person = viewer(request, persona)

    assert tuple(access(fetch, person, recommendation.pk) for fetch in FETCHES) == expected
    assert tuple(access(fetch, person, recommendation.pk + 1000) for fetch in FETCHES) == (
        404,
        404,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), AUTHOR_TABLE.items())
def test_project_for_author(request, access, project, persona, expected):
    person = viewer(request, persona)

    assert (
        access(project_for_author, person, project.pk),
        access(project_for_author, person, None),
    ) == expected
    assert access(project_for_author, person, project.pk + 1000) == 404


# (status, confidential) → persona → recommendation_for_implementer
IMPLEMENTER_TABLE = {
    (S.IN_IMPLEMENTATION, False): {
        "officer_eilenburg": 200,
        "coordinator": 200,
        "student_geography": 403,
        "supervisor": 403,
        "researcher": 403,
        "student_informatics": 403,
        "outsider": 403,
        "anonymous": 403,
    },
    (S.IN_IMPLEMENTATION, True): {
        "officer_eilenburg": 200,
        "coordinator": 200,
        "student_geography": 403,
        "supervisor": 403,
        "researcher": 404,
        "student_informatics": 404,
        "outsider": 404,
        "anonymous": 404,
    },
    # Before the adoption nobody keeps an implementation yet.
    (S.HANDED_OVER, False): {persona: 403 for persona in PERSONAS},
}
IMPLEMENTER_CASES = [
    (status, confidential, persona, expected)
    for (status, confidential), table in IMPLEMENTER_TABLE.items()
    for persona, expected in table.items()
]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "confidential", "persona", "expected"), IMPLEMENTER_CASES)
def test_recommendation_for_implementer(
    request, access, project, town_eilenburg, status, confidential, persona, expected
):
    recommendation = RecommendationFactory(
        project=project,
        addressee_organisation=town_eilenburg,
        status=status,
        confidential=confidential,
    )
    person = viewer(request, persona)

    assert access(recommendation_for_implementer, person, recommendation.pk) == expected
    assert access(recommendation_for_implementer, person, recommendation.pk + 1000) == 404

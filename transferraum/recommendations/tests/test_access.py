"""The fetch-and-authorise selectors of recommendations: every persona, found (200), refused
(403) or not found (404) — a recommendation they may not see answers exactly like one that does
not exist."""

from __future__ import annotations

import pytest

from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.selectors import (
    project_for_author,
    recommendation_for_editor,
    recommendation_for_implementer,
    recommendation_for_viewer,
)
from transferraum.recommendations.tests.factories import RecommendationFactory

S = Recommendation.Status
FETCHES = (recommendation_for_viewer, recommendation_for_editor, recommendation_for_implementer)
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
HIDDEN = (404, 404, 404)
SEEN = (200, 403, 403)
KEEPS = (200, 403, 200)  # keeps the implementation up to date

# (status, confidential) of a recommendation of Eilenburg's project → persona →
# (viewer, editor, implementer)
TABLE = {
    (S.DRAFTED, False): {
        **dict.fromkeys(PERSONAS, HIDDEN),
        "student_geography": (200, 200, 403),
        "supervisor": SEEN,
        "coordinator": SEEN,
    },
    (S.HANDED_OVER, False): dict.fromkeys(PERSONAS, SEEN),
    (S.HANDED_OVER, True): {
        **dict.fromkeys(PERSONAS, HIDDEN),
        "student_geography": SEEN,
        "supervisor": SEEN,
        "coordinator": SEEN,
        "officer_eilenburg": SEEN,
    },
    (S.IN_IMPLEMENTATION, False): {
        **dict.fromkeys(PERSONAS, SEEN),
        "coordinator": KEEPS,
        "officer_eilenburg": KEEPS,
    },
    (S.IN_IMPLEMENTATION, True): {
        **dict.fromkeys(PERSONAS, HIDDEN),
        "student_geography": SEEN,
        "supervisor": SEEN,
        "coordinator": KEEPS,
        "officer_eilenburg": KEEPS,
    },
}
CASES = [
    (status, confidential, persona, expected)
    for (status, confidential), table in TABLE.items()
    for persona, expected in table.items()
]

# persona → project_for_author for (the team's project, no project)
AUTHOR_TABLE = {
    **dict.fromkeys(PERSONAS, (403, 403)),
    "student_geography": (200, 403),
    "researcher": (200, 200),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "confidential", "persona", "expected"), CASES)
def test_recommendation_fetches(
    persona_user, access, project, town_eilenburg, status, confidential, persona, expected
):
    recommendation = RecommendationFactory(
        project=project,
        addressee_organisation=town_eilenburg,
        status=status,
        confidential=confidential,
    )
    person = persona_user(persona)

    assert tuple(access(fetch, person, recommendation.pk) for fetch in FETCHES) == expected
    assert tuple(access(fetch, person, recommendation.pk + 1000) for fetch in FETCHES) == HIDDEN


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), AUTHOR_TABLE.items())
def test_project_for_author(persona_user, access, project, persona, expected):
    person = persona_user(persona)

    assert access(project_for_author, person, project.pk) == expected[0]
    assert access(project_for_author, person, None) == expected[1]
    assert access(project_for_author, person, project.pk + 1000) == 404

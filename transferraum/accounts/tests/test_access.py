"""The fetch-and-authorise selectors and the predicates of role requests, as persona tables."""

from __future__ import annotations

import pytest

from transferraum.accounts.permissions import (
    can_decide_role_requests,
    can_request_role,
    can_withdraw_role_request,
)
from transferraum.accounts.selectors import role_request_for_reviewer, role_request_for_viewer
from transferraum.accounts.tests.factories import RoleRequestFactory

# persona → (viewer, reviewer) for a request of the outsider
TABLE = {
    "coordinator": (200, 200),
    "outsider": (200, 403),
    "officer_eilenburg": (404, 403),
    "student_geography": (404, 403),
    "researcher": (404, 403),
    "anonymous": (404, 403),
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", TABLE)
def test_who_finds_a_role_request(access, persona_user, outsider, persona):
    role_request = RoleRequestFactory(user=outsider)
    viewer = persona_user(persona)

    found = (
        access(role_request_for_viewer, viewer, role_request.pk),
        access(role_request_for_reviewer, viewer, role_request.pk),
    )

    assert found == TABLE[persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", TABLE)
def test_an_unknown_request_answers_like_a_hidden_one(access, persona_user, persona):
    viewer = persona_user(persona)
    assert access(role_request_for_viewer, viewer, 999) == 404
    expected = 404 if persona == "coordinator" else 403
    assert access(role_request_for_reviewer, viewer, 999) == expected


# persona → (request a role, decide, withdraw the outsider's open request)
PREDICATES = {
    "coordinator": (False, True, False),
    "outsider": (True, False, True),
    "officer_eilenburg": (True, False, False),
    "student_geography": (True, False, False),
    "anonymous": (False, False, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PREDICATES)
def test_role_request_predicates(persona_user, outsider, persona):
    viewer = persona_user(persona)
    role_request = RoleRequestFactory(user=outsider)

    answers = (
        can_request_role(viewer),
        can_decide_role_requests(viewer),
        can_withdraw_role_request(viewer, role_request),
    )

    assert answers == PREDICATES[persona]

"""Confidential by default: who sees a venture, for every role, as a table. A venture one may
not see answers exactly like one that does not exist (404)."""

from __future__ import annotations

import pytest

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.ventures.models import Founder
from transferraum.ventures.permissions import can_edit, can_see_confidential
from transferraum.ventures.selectors import venture_for_editor, venture_for_viewer
from transferraum.ventures.tests.factories import mentor_make, venture_make

PERSONAS = (
    "founder",
    "invited",  # invited into the team, not yet accepted
    "mentor",  # accepted
    "asked_mentor",  # asked, not yet answered
    "coordinator",
    "officer_eilenburg",
    "student_geography",
    "researcher",
    "outsider",
    "anonymous",
)

# persona → (viewer, editor, sees the confidential part) for a (confidential, public) venture
HIDDEN = (404, 404, False)
TABLE = {
    False: {
        **dict.fromkeys(PERSONAS, HIDDEN),
        "founder": (200, 200, True),
        "invited": (200, 404, False),  # may open it to answer, sees no idea
        "mentor": (200, 403, True),
        "asked_mentor": (200, 404, False),
        "coordinator": (200, 403, True),
    },
    True: {
        **dict.fromkeys(PERSONAS, (200, 403, False)),
        "founder": (200, 200, True),
        "mentor": (200, 403, True),
        "coordinator": (200, 403, True),
    },
}
CASES = [
    (public, persona, expected)
    for public, table in TABLE.items()
    for persona, expected in table.items()
]


@pytest.fixture
def world(db):
    founder = UserFactory(role=User.Role.FOUNDER, email="founder@example.org")
    return founder


def _persona(name, persona_user, venture):
    if name == "founder":
        return venture.created_by
    if name == "invited":
        user = UserFactory(role=User.Role.STUDENT)
        Founder.objects.create(venture=venture, user=user, status=Founder.Status.INVITED)
        return user
    if name == "mentor":
        user = UserFactory(role=User.Role.STAFF)
        mentor_make(venture, user)
        return user
    if name == "asked_mentor":
        user = UserFactory(role=User.Role.STAFF)
        mentor_make(venture, user, status="asked")
        return user
    return persona_user(name)


@pytest.mark.django_db
@pytest.mark.parametrize(("public", "persona", "expected"), CASES)
def test_who_sees_a_venture(public, persona, expected, access, persona_user, world):
    venture = venture_make(world, public=public)
    viewer = _persona(persona, persona_user, venture)
    viewer_code, editor_code, confidential = expected
    assert access(venture_for_viewer, viewer, venture.pk) == viewer_code
    assert access(venture_for_editor, viewer, venture.pk) == editor_code
    fresh = venture.__class__.objects.get(pk=venture.pk)
    assert can_see_confidential(viewer, fresh) is confidential
    assert can_edit(viewer, fresh) is (editor_code == 200)


@pytest.mark.django_db
@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_page_shows_the_idea_only_to_those_who_may_see_it(
    client, persona_user, world, public, persona
):
    venture = venture_make(world, public=public)
    viewer = _persona(persona, persona_user, venture)
    if viewer.is_authenticated:
        client.force_login(viewer)
    response = client.get(venture.get_absolute_url())
    viewer_code, _, confidential = TABLE[public][persona]
    assert response.status_code == viewer_code
    assert (b"Geheime Idee" in response.content) is confidential

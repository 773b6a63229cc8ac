"""The fetch-and-authorise selectors of organisations and people: every persona, found (200),
refused (403) or not found (404) — and an unknown key is not found for everybody."""

from __future__ import annotations

import pytest

from transferraum.actors.models import PersonProfile
from transferraum.actors.selectors import (
    organisation_for_editor,
    organisation_for_viewer,
    person_for_viewer,
)
from transferraum.actors.services import profile_for

# persona → (organisation_for_viewer, organisation_for_editor) for Eilenburg's administration
ORGANISATION_TABLE = {
    "coordinator": (200, 200),
    "officer_eilenburg": (200, 200),
    "member_eilenburg": (200, 403),
    "owner_zeitz": (200, 403),
    "student_geography": (200, 403),
    "outsider": (200, 403),
    "anonymous": (200, 403),
}

# persona → person_for_viewer of the officer's profile, per visibility
PERSON_TABLE = {
    "coordinator": {"public": 200, "members": 200, "coordinators": 200},
    "officer_eilenburg": {"public": 200, "members": 200, "coordinators": 200},  # their own
    "member_eilenburg": {"public": 200, "members": 200, "coordinators": 404},
    "owner_zeitz": {"public": 200, "members": 200, "coordinators": 404},
    "student_geography": {"public": 200, "members": 200, "coordinators": 404},
    # registered, but no role and no organisation: not a member of the programme
    "outsider": {"public": 200, "members": 404, "coordinators": 404},
    "anonymous": {"public": 200, "members": 404, "coordinators": 404},
}


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), ORGANISATION_TABLE.items())
def test_organisation_for_viewer_and_editor(
    persona_user, access, town_eilenburg, persona, expected
):
    person = persona_user(persona)
    slug = town_eilenburg.slug

    assert access(organisation_for_viewer, person, slug) == expected[0]
    assert access(organisation_for_editor, person, slug) == expected[1]
    assert access(organisation_for_viewer, person, "gibt-es-nicht") == 404
    assert access(organisation_for_editor, person, "gibt-es-nicht") == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), PERSON_TABLE.items())
def test_person_for_viewer(persona_user, access, officer_eilenburg, persona, expected):
    person = persona_user(persona)
    profile = profile_for(officer_eilenburg)
    for visibility, status in expected.items():
        PersonProfile.objects.filter(pk=profile.pk).update(visibility=visibility)

        assert access(person_for_viewer, person, officer_eilenburg.pk) == status, visibility
    assert access(person_for_viewer, person, officer_eilenburg.pk + 1000) == 404


@pytest.mark.django_db
def test_a_deactivated_person_is_not_found(access, coordinator, officer_eilenburg):
    profile_for(officer_eilenburg)
    officer_eilenburg.is_active = False
    officer_eilenburg.save()

    assert access(person_for_viewer, coordinator, officer_eilenburg.pk) == 404

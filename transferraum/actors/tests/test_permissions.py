import pytest
from django.contrib.auth.models import AnonymousUser

from transferraum.actors.permissions import can_invite, can_manage_organisation, can_see_members

# persona → (may manage Eilenburg's administration, may see its members)
TABLE = {
    "coordinator": (True, True),
    "officer_eilenburg": (True, True),
    "member_eilenburg": (False, True),
    "owner_zeitz": (False, False),
    "student_geography": (False, False),
    "researcher": (False, False),
    "outsider": (False, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), TABLE.items())
def test_who_may_manage_and_see_members(request, town_eilenburg, persona, expected):
    user = request.getfixturevalue(persona)

    assert can_manage_organisation(user, town_eilenburg) is expected[0]
    assert can_invite(user, town_eilenburg) is expected[0]
    assert can_see_members(user, town_eilenburg) is expected[1]


@pytest.mark.django_db
def test_anonymous_visitors_may_do_nothing(town_eilenburg):
    anonymous = AnonymousUser()

    assert not can_manage_organisation(anonymous, town_eilenburg)
    assert not can_see_members(anonymous, town_eilenburg)


@pytest.mark.django_db
def test_a_deactivated_coordinator_may_not_manage(coordinator, town_eilenburg):
    coordinator.is_active = False
    coordinator.save()

    assert not can_manage_organisation(coordinator, town_eilenburg)


@pytest.mark.django_db
def test_admin_of_one_organisation_may_not_manage_another(
    owner_zeitz, town_eilenburg, company_zeitz
):
    assert can_manage_organisation(owner_zeitz, company_zeitz)
    assert not can_manage_organisation(owner_zeitz, town_eilenburg)

"""The gates as a table: every stage × step × role through the services. A step is taken
only from its stage and only by a founder or a coordinator (with the checklist complete)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.regions.models import Programme
from transferraum.regions.tests.factories import eilenburg
from transferraum.ventures.models import STAGE_ORDER, Venture
from transferraum.ventures.services import STEP_SERVICES
from transferraum.ventures.tests.factories import mentor_make, tick_all, venture_make
from transferraum.ventures.workflow import LIFECYCLE

ROLES = ("founder", "coordinator", "mentor", "student")
# Founders and coordinators from every stage; the others from the step's own stage.
CASES = [
    (stage, step, role)
    for stage in STAGE_ORDER
    for step in LIFECYCLE.steps
    for role in ROLES
    if role in ("founder", "coordinator") or stage in LIFECYCLE[step].sources
]


@pytest.mark.django_db
@pytest.mark.parametrize(("stage", "step", "role"), CASES)
def test_every_step_from_every_stage_for_every_role(stage, step, role):
    programme = Programme.objects.create(slug="p", name="P", university="U")
    programme.districts.add(eilenburg().district)
    venture = venture_make(stage=stage, cofounders=1)
    target = str(LIFECYCLE[step].target)
    tick_all(venture, target)
    actor = {
        "founder": venture.created_by,
        "coordinator": UserFactory(role=User.Role.COORDINATOR),
        "student": UserFactory(role=User.Role.STUDENT),
    }.get(role)
    if role == "mentor":
        actor = UserFactory(role=User.Role.STAFF)
        mentor_make(venture, actor)
    extra = {}
    if step == "pass_founded":
        extra = {
            "founded_on": timezone.localdate(),
            "legal_form": "GmbH",
            "register_number": "HRB 1",
            "founded_town": eilenburg(),
        }
    allowed = role in ("founder", "coordinator") and stage in LIFECYCLE[step].sources
    if allowed:
        STEP_SERVICES[step](actor=actor, venture=venture, **extra)
        assert Venture.objects.get().stage == target
        return
    expected = PermissionDenied if role in ("mentor", "student") else DomainError
    with pytest.raises(expected):
        STEP_SERVICES[step](actor=actor, venture=venture, **extra)
    assert Venture.objects.get().stage == stage

"""The lifecycles as tables: every state × step × role, through the services."""

import datetime

import pytest
from django.utils import timezone

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.opportunities.models import Application, Opportunity
from transferraum.opportunities.services import (
    APPLICATION_STEP_SERVICES,
    STEP_SERVICES,
    opportunity_expire,
)
from transferraum.opportunities.tests.factories import ApplicationFactory, OpportunityFactory
from transferraum.opportunities.workflow import APPLICATION_LIFECYCLE, LIFECYCLE

S = Opportunity.Status
A = Application.Status

# persona → the roles it holds for an opportunity of the (verified) Zeitz company
PERSONAS = {
    "owner_zeitz": {"poster"},
    "coordinator": {"coordinator"},
    "officer_eilenburg": set(),
    "student_geography": set(),
    "outsider": set(),
}
NOTES = {"return": "Bitte die Vergütung ergänzen."}
CASES = [
    (persona, status, step) for persona in PERSONAS for status in S.values for step in STEP_SERVICES
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status", "step"), CASES, ids=[f"{p}-{s}-{a}" for p, s, a in CASES]
)
def test_every_step_for_every_role_and_state(request, verified_zeitz, persona, status, step):
    actor = request.getfixturevalue(persona)
    item = OpportunityFactory(organisation=verified_zeitz, status=status)
    transition = LIFECYCLE[step]
    allowed = status in transition.sources and bool(transition.roles & PERSONAS[persona])
    kwargs = {"note": NOTES.get(step, "")}

    if allowed:
        result = STEP_SERVICES[step](actor=actor, opportunity=item, **kwargs)
        assert result.status == transition.target
        assert step in LIFECYCLE.allowed(status, PERSONAS[persona])
    else:
        expected = PermissionDenied if not transition.roles & PERSONAS[persona] else DomainError
        with pytest.raises(expected):
            STEP_SERVICES[step](actor=actor, opportunity=item, **kwargs)
        item.refresh_from_db()
        assert item.status == status


@pytest.mark.django_db
@pytest.mark.parametrize("status", S.values)
def test_only_the_daily_run_expires_and_only_published_items(company_zeitz, status):
    item = OpportunityFactory(
        organisation=company_zeitz,
        status=status,
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    if status == S.PUBLISHED:
        assert opportunity_expire(opportunity=item).status == S.EXPIRED
    else:
        with pytest.raises(DomainError):
            opportunity_expire(opportunity=item)
    assert "expire" not in LIFECYCLE.allowed(S.PUBLISHED, {"poster", "coordinator"})


# persona → roles for an application of student_geography to the Zeitz company
APPLICATION_PERSONAS = {
    "owner_zeitz": {"poster"},
    "student_geography": {"applicant"},
    "coordinator": set(),
    "student_informatics": set(),
}
APPLICATION_CASES = [
    (persona, status, step)
    for persona in APPLICATION_PERSONAS
    for status in A.values
    for step in APPLICATION_STEP_SERVICES
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "status", "step"),
    APPLICATION_CASES,
    ids=[f"{p}-{s}-{a}" for p, s, a in APPLICATION_CASES],
)
def test_every_application_step_for_every_role_and_state(
    request, company_zeitz, student_geography, persona, status, step
):
    actor = request.getfixturevalue(persona)
    application = ApplicationFactory(
        opportunity=OpportunityFactory(organisation=company_zeitz),
        applicant=student_geography,
        status=status,
    )
    transition = APPLICATION_LIFECYCLE[step]
    roles = APPLICATION_PERSONAS[persona]
    if status in transition.sources and transition.roles & roles:
        assert APPLICATION_STEP_SERVICES[step](actor=actor, application=application).status == (
            transition.target
        )
    else:
        expected = PermissionDenied if not transition.roles & roles else DomainError
        with pytest.raises(expected):
            APPLICATION_STEP_SERVICES[step](actor=actor, application=application)
        application.refresh_from_db()
        assert application.status == status

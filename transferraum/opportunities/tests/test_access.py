"""The fetch-and-authorise family as a persona table: 200, 403 or 404 per status."""

import pytest

from transferraum.opportunities.models import Opportunity
from transferraum.opportunities.selectors import (
    application_for_viewer,
    opportunity_for_editor,
    opportunity_for_viewer,
)
from transferraum.opportunities.tests.factories import ApplicationFactory, OpportunityFactory

S = Opportunity.Status
PERSONAS = ("anonymous", "owner_zeitz", "coordinator", "student_geography", "officer_eilenburg")

# status → persona → (viewer, editor)
TABLE = {
    S.DRAFT: {
        "anonymous": (404, 404),
        "owner_zeitz": (200, 200),
        "coordinator": (200, 200),
        "student_geography": (404, 404),
        "officer_eilenburg": (404, 404),
    },
    S.SUBMITTED: {
        "anonymous": (404, 404),
        "owner_zeitz": (200, 403),
        "coordinator": (200, 200),
        "student_geography": (404, 404),
        "officer_eilenburg": (404, 404),
    },
    S.PUBLISHED: {
        "anonymous": (200, 403),
        "owner_zeitz": (200, 403),
        "coordinator": (200, 200),
        "student_geography": (200, 403),
        "officer_eilenburg": (200, 403),
    },
    S.WITHDRAWN: {
        "anonymous": (404, 404),
        "owner_zeitz": (200, 403),
        "coordinator": (200, 403),
        "student_geography": (404, 404),
        "officer_eilenburg": (404, 404),
    },
}
CASES = [(status, persona) for status in TABLE for persona in PERSONAS]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "persona"), CASES, ids=[f"{s}-{p}" for s, p in CASES])
def test_who_sees_and_edits_an_opportunity(access, persona_user, company_zeitz, status, persona):
    item = OpportunityFactory(organisation=company_zeitz, status=status)
    viewer = persona_user(persona)
    assert (
        access(opportunity_for_viewer, viewer, item.pk),
        access(opportunity_for_editor, viewer, item.pk),
    ) == TABLE[status][persona]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "answer"),
    [
        ("anonymous", 404),
        ("owner_zeitz", 200),
        ("student_geography", 200),
        ("student_informatics", 404),
        ("coordinator", 404),
    ],
)
def test_an_application_is_the_applicants_and_the_organisations(
    access, persona_user, company_zeitz, student_geography, persona, answer
):
    application = ApplicationFactory(
        opportunity=OpportunityFactory(organisation=company_zeitz), applicant=student_geography
    )
    assert access(application_for_viewer, persona_user(persona), application.pk) == answer

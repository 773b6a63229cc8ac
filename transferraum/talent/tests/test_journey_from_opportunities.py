"""An accepted application for work in the region is a step of the person's journey (issue 22):
`opportunities.signals.application_accepted` → `journey_step_from_accepted_application`."""

from __future__ import annotations

import pytest

from transferraum.opportunities import services as opportunities
from transferraum.opportunities.models import Kind
from transferraum.opportunities.tests.factories import (
    ApplicationFactory,
    OpportunityFactory,
    VerifiedOrganisationFactory,
)
from transferraum.talent.models import JourneyStep, Step
from transferraum.talent.tests.factories import consenting

pytestmark = pytest.mark.django_db


def _accept(owner, company, person, kind=Kind.INTERNSHIP, capture=None):
    VerifiedOrganisationFactory(organisation=company)
    application = ApplicationFactory(
        opportunity=OpportunityFactory(organisation=company, kind=kind), applicant=person
    )
    with capture(execute=True):
        opportunities.application_accept(actor=owner, application=application)
    return application


def test_an_accepted_internship_is_the_work_step_in_its_town(
    owner_zeitz, company_zeitz, django_capture_on_commit_callbacks
):
    person = consenting()
    application = _accept(
        owner_zeitz, company_zeitz, person, capture=django_capture_on_commit_callbacks
    )

    (step,) = JourneyStep.objects.filter(journey__person=person, step=Step.WORK)
    assert step.town == application.opportunity.municipality


def test_a_flat_is_no_work_step(owner_zeitz, company_zeitz, django_capture_on_commit_callbacks):
    person = consenting()
    _accept(
        owner_zeitz,
        company_zeitz,
        person,
        kind=Kind.FLAT,
        capture=django_capture_on_commit_callbacks,
    )
    assert not JourneyStep.objects.filter(journey__person=person, step=Step.WORK).exists()


def test_without_consent_nothing_is_recorded(
    owner_zeitz, company_zeitz, django_capture_on_commit_callbacks
):
    from transferraum.accounts.tests.factories import UserFactory

    person = UserFactory()
    _accept(owner_zeitz, company_zeitz, person, capture=django_capture_on_commit_callbacks)
    assert not JourneyStep.objects.filter(journey__person=person, step=Step.WORK).exists()


def test_the_welcome_page_lists_the_towns_calls_and_places(
    client, officer_eilenburg, town_eilenburg
):
    """Trial living and innovation places join the town's welcome page (core.related, TOWN)."""
    from django.urls import reverse

    from transferraum.places.tests.factories import PlaceFactory
    from transferraum.regions.tests.factories import eilenburg, zeitz
    from transferraum.talent.tests.factories import call_make

    call_make(officer_eilenburg, town_eilenburg, title="Probewohnen am Mühlgraben")
    PlaceFactory(name="Coworking am Markt", organisation=town_eilenburg)

    body = client.get(reverse("opportunities:welcome", args=[eilenburg().ags])).content.decode()
    assert "Probewohnen am Mühlgraben" in body and "Coworking am Markt" in body
    other = client.get(reverse("opportunities:welcome", args=[zeitz().ags])).content.decode()
    assert "Probewohnen am Mühlgraben" not in other and "Coworking am Markt" not in other

"""The rules of the opportunities' services, called directly."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.opportunities import services
from transferraum.opportunities.models import Application, Kind, Opportunity, VerifiedOrganisation
from transferraum.opportunities.signals import application_accepted
from transferraum.opportunities.tests.factories import PDF, ApplicationFactory, OpportunityFactory
from transferraum.regions.tests.factories import zeitz

TODAY = timezone.localdate


def _data(**changes):
    data = {
        "kind": Kind.INTERNSHIP,
        "title": "Praktikum Metallbau",
        "municipality": zeitz(),
        "pay_min_cents": 80000,
        "pay_max_cents": 120000,
    }
    return data | changes


def test_a_member_of_a_verified_organisation_writes_a_draft(owner_zeitz, verified_zeitz):
    item = services.opportunity_save(actor=owner_zeitz, organisation=verified_zeitz, data=_data())

    assert item.status == Opportunity.Status.DRAFT
    assert item.expires_on == TODAY() + datetime.timedelta(days=60)
    assert " praktikum " in item.search_text or "praktik" in item.search_text


def test_an_unverified_organisation_is_refused(owner_zeitz, company_zeitz):
    with pytest.raises(DomainError, match="verifi"):
        services.opportunity_save(actor=owner_zeitz, organisation=company_zeitz, data=_data())
    assert not Opportunity.objects.exists()


def test_someone_outside_the_organisation_is_refused(student_geography, verified_zeitz):
    with pytest.raises(PermissionDenied):
        services.opportunity_save(
            actor=student_geography, organisation=verified_zeitz, data=_data()
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"pay_min_cents": 200000, "pay_max_cents": 100000}, "pay_max_cents"),
        ({"deadline": datetime.date(2020, 1, 1)}, "deadline"),
        ({"expires_on": timezone.localdate() + datetime.timedelta(days=400)}, "expires_on"),
        ({"kind": Kind.TRIAL_LIVING}, "external_url"),
        ({"title": "  "}, "title"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(owner_zeitz, verified_zeitz, changes, field):
    with pytest.raises(DomainError) as refused:
        services.opportunity_save(
            actor=owner_zeitz, organisation=verified_zeitz, data=_data(**changes)
        )
    assert refused.value.field == field
    assert not Opportunity.objects.exists()


def test_the_database_refuses_pay_out_of_order(company_zeitz):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        OpportunityFactory(organisation=company_zeitz, pay_min_cents=5, pay_max_cents=4)


def test_submit_publish_fill(owner_zeitz, verified_zeitz, coordinator):
    item = services.opportunity_save(actor=owner_zeitz, organisation=verified_zeitz, data=_data())
    services.opportunity_submit(actor=owner_zeitz, opportunity=item)
    item = services.opportunity_publish(actor=coordinator, opportunity=item)
    assert item.status == Opportunity.Status.PUBLISHED and item.published_at
    item = services.opportunity_fill(actor=owner_zeitz, opportunity=item)
    assert item.status == Opportunity.Status.FILLED


def test_submit_is_refused_when_the_verification_was_taken_back(owner_zeitz, verified_zeitz):
    item = services.opportunity_save(actor=owner_zeitz, organisation=verified_zeitz, data=_data())
    VerifiedOrganisation.objects.all().delete()
    with pytest.raises(DomainError, match="verifi"):
        services.opportunity_submit(actor=owner_zeitz, opportunity=item)
    item.refresh_from_db()
    assert item.status == Opportunity.Status.DRAFT


def test_the_daily_run_expires_and_reminds(time_machine, company_zeitz, owner_zeitz, mailoutbox):
    late = OpportunityFactory(
        organisation=company_zeitz, expires_on=TODAY() - datetime.timedelta(days=1)
    )
    soon = OpportunityFactory(
        organisation=company_zeitz, expires_on=TODAY() + datetime.timedelta(days=3)
    )
    later = OpportunityFactory(
        organisation=company_zeitz, expires_on=TODAY() + datetime.timedelta(days=30)
    )

    assert services.opportunities_expire() == 1
    assert services.expiry_reminders_send() == 1
    assert services.expiry_reminders_send() == 0  # once per expiry date

    late.refresh_from_db(), soon.refresh_from_db(), later.refresh_from_db()
    assert late.status == Opportunity.Status.EXPIRED
    assert soon.reminded_for == soon.expires_on
    assert later.reminded_for is None


def test_renew_brings_an_expired_item_back_within_a_year(owner_zeitz, company_zeitz):
    item = OpportunityFactory(organisation=company_zeitz, status=Opportunity.Status.EXPIRED)
    with pytest.raises(DomainError, match="Jahr|year"):
        services.opportunity_renew(
            actor=owner_zeitz, opportunity=item, expires_on=TODAY() + datetime.timedelta(days=366)
        )
    item = services.opportunity_renew(actor=owner_zeitz, opportunity=item)
    assert item.status == Opportunity.Status.PUBLISHED
    assert item.expires_on == TODAY() + datetime.timedelta(days=60)


def test_expire_refuses_an_item_not_due(company_zeitz):
    item = OpportunityFactory(organisation=company_zeitz)
    with pytest.raises(DomainError):
        services.opportunity_expire(opportunity=item)


# --- applications -----------------------------------------------------------------------------


def _pdf(name="lebenslauf.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_apply_with_a_pdf(student_geography, company_zeitz):
    item = OpportunityFactory(organisation=company_zeitz)
    application = services.application_submit(
        actor=student_geography, opportunity=item, cover_note="Hallo", cv=_pdf(), consent=True
    )
    assert application.status == Application.Status.SUBMITTED
    assert application.cv.read().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"cv": _pdf(content=b"MZ\x90\x00 not a pdf")}, "cv"),
        ({"cv": _pdf(name="cv.exe")}, "cv"),
        ({"consent": False}, "consent"),
        ({"cover_note": " "}, "cover_note"),
    ],
)
def test_bad_applications_are_refused(student_geography, company_zeitz, kwargs, field):
    item = OpportunityFactory(organisation=company_zeitz)
    arguments = {"cover_note": "Hallo", "cv": None, "consent": True} | kwargs
    with pytest.raises(DomainError) as refused:
        services.application_submit(actor=student_geography, opportunity=item, **arguments)
    assert refused.value.field == field
    assert not Application.objects.exists()


def test_apply_after_the_deadline_or_twice_is_refused(student_geography, company_zeitz):
    late = OpportunityFactory(
        organisation=company_zeitz, deadline=TODAY() - datetime.timedelta(days=1)
    )
    with pytest.raises(DomainError, match="(?i)deadline|frist"):
        services.application_submit(
            actor=student_geography, opportunity=late, cover_note="x", cv=None, consent=True
        )
    item = OpportunityFactory(organisation=company_zeitz)
    services.application_submit(
        actor=student_geography, opportunity=item, cover_note="x", cv=None, consent=True
    )
    with pytest.raises(DomainError, match="already|bereits"):
        services.application_submit(
            actor=student_geography, opportunity=item, cover_note="x", cv=None, consent=True
        )


def test_members_and_link_out_items_take_no_platform_application(
    owner_zeitz, student_geography, company_zeitz
):
    item = OpportunityFactory(organisation=company_zeitz)
    with pytest.raises(PermissionDenied):
        services.application_submit(
            actor=owner_zeitz, opportunity=item, cover_note="x", cv=None, consent=True
        )
    trial = OpportunityFactory(
        organisation=company_zeitz, kind=Kind.TRIAL_LIVING, external_url="https://zeitz.example"
    )
    with pytest.raises(PermissionDenied):
        services.application_submit(
            actor=student_geography, opportunity=trial, cover_note="x", cv=None, consent=True
        )


def test_accepting_sends_application_accepted_after_the_commit(
    owner_zeitz, student_geography, company_zeitz, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(
        opportunity=OpportunityFactory(organisation=company_zeitz), applicant=student_geography
    )
    heard = []

    def listener(sender, application, actor, **kwargs):
        heard.append((application.pk, actor.pk))

    application_accepted.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.application_accept(actor=owner_zeitz, application=application)
    finally:
        application_accepted.disconnect(listener)
    assert heard == [(application.pk, owner_zeitz.pk)]


def test_the_applicant_cannot_accept_their_own(student_geography, company_zeitz):
    application = ApplicationFactory(
        opportunity=OpportunityFactory(organisation=company_zeitz), applicant=student_geography
    )
    with pytest.raises(PermissionDenied):
        services.application_accept(actor=student_geography, application=application)
    services.application_withdraw(actor=student_geography, application=application)


def test_town_staff_keep_their_contacts(officer_eilenburg, owner_zeitz):
    from transferraum.regions.tests.factories import eilenburg

    contact = services.town_contact_save(
        actor=officer_eilenburg,
        municipality=eilenburg(),
        data={"kind": "school", "name": "Grundschule Nord"},
    )
    assert contact.updated_by == officer_eilenburg
    with pytest.raises(PermissionDenied):
        services.town_contact_save(
            actor=owner_zeitz, municipality=eilenburg(), data={"kind": "school", "name": "X"}
        )

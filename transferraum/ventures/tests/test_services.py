"""The ventures' services: gates, team, evidence, programmes, mentors, the public profile."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.models import Listing, ListingCategory, Membership, Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.regions.models import Programme
from transferraum.regions.tests.factories import eilenburg, zeitz
from transferraum.ventures import services
from transferraum.ventures.models import (
    Application,
    ChecklistTick,
    Evidence,
    Founder,
    Mentorship,
    StageChange,
    SupportProgramme,
    Venture,
)
from transferraum.ventures.selectors import mentor_suggestions, programme_fits
from transferraum.ventures.tests.factories import mentor_make, tick_all, venture_make

pytestmark = pytest.mark.django_db


def _programme_region() -> None:
    programme = Programme.objects.create(slug="tuek", name="Transfer", university="Leipzig")
    programme.districts.add(eilenburg().district)


def test_creating_makes_the_creator_its_first_founder():
    founder = UserFactory(role=User.Role.FOUNDER)
    venture = services.venture_create(actor=founder, data={"name": "Kreislaufwerk"})
    assert venture.founders.get().user == founder
    assert venture.stage == "idea"
    assert venture.search_text == ""  # confidential: not searchable


def test_a_person_without_a_role_starts_no_venture():
    with pytest.raises(PermissionDenied):
        services.venture_create(actor=UserFactory(role=User.Role.PUBLIC), data={"name": "X"})
    assert not Venture.objects.exists()


def test_a_project_origin_needs_the_project():
    with pytest.raises(DomainError) as error:
        services.venture_create(
            actor=UserFactory(role=User.Role.STUDENT), data={"name": "X", "origin": "project"}
        )
    assert error.value.field == "origin_project"
    assert not Venture.objects.exists()


def test_a_gate_is_refused_without_its_checklist_and_nothing_is_stored():
    venture = venture_make(cofounders=1)
    founder = venture.founders.first().user
    ChecklistTick.objects.create(venture=venture, gate="team", item="two_people")
    with pytest.raises(DomainError) as error:
        services.venture_pass_team(actor=founder, venture=venture)
    assert "Roles and shares" in error.value.message or "Rollen" in error.value.message
    venture.refresh_from_db()
    assert venture.stage == "idea"
    assert not StageChange.objects.exists()
    assert not Activity.objects.filter(verb="venture.pass_team").exists()


def test_a_gate_with_its_checklist_moves_the_stage_and_writes_the_timeline():
    venture = venture_make(cofounders=1)
    founder = venture.founders.first().user
    tick_all(venture, "team")
    before = venture.stage_since
    services.venture_pass_team(actor=founder, venture=venture, note="Wir sind zu zweit")
    venture.refresh_from_db()
    assert venture.stage == "team"
    assert venture.stage_since > before
    change = StageChange.objects.get()
    assert (change.from_stage, change.to_stage, change.note) == (
        "idea",
        "team",
        "Wir sind zu zweit",
    )


def test_a_team_needs_two_founders():
    venture = venture_make()
    tick_all(venture, "team")
    with pytest.raises(DomainError):
        services.venture_pass_team(actor=venture.created_by, venture=venture)


def test_gates_follow_in_order_and_others_are_refused():
    venture = venture_make(cofounders=1)
    tick_all(venture, "validated")
    with pytest.raises(DomainError):
        services.venture_pass_validated(actor=venture.created_by, venture=venture)
    tick_all(venture, "team")
    with pytest.raises(PermissionDenied):
        services.venture_pass_team(actor=UserFactory(role=User.Role.STUDENT), venture=venture)
    coordinator = UserFactory(role=User.Role.COORDINATOR)
    services.venture_pass_team(actor=coordinator, venture=venture)
    assert Venture.objects.get().stage == "team"


def test_founding_needs_date_form_number_and_town():
    venture = venture_make(stage="funded")
    tick_all(venture, "founded")
    data = {
        "founded_on": timezone.localdate(),
        "legal_form": "GmbH",
        "register_number": "HRB 1",
        "founded_town": eilenburg(),
    }
    for field, empty in (("founded_on", None), ("legal_form", " "), ("founded_town", None)):
        with pytest.raises(DomainError) as error:
            services.venture_pass_founded(
                actor=venture.created_by, venture=venture, **(data | {field: empty})
            )
        assert error.value.field == field
    with pytest.raises(DomainError):
        services.venture_pass_founded(
            actor=venture.created_by,
            venture=venture,
            **(data | {"founded_on": timezone.localdate() + dt.timedelta(days=1)}),
        )
    services.venture_pass_founded(actor=venture.created_by, venture=venture, **data)
    venture.refresh_from_db()
    assert (venture.stage, venture.legal_form) == ("founded", "GmbH")


def test_settling_needs_a_seat_in_the_region():
    venture = venture_make(stage="founded")
    tick_all(venture, "settled")
    with pytest.raises(DomainError):
        services.venture_pass_settled(actor=venture.created_by, venture=venture)
    _programme_region()
    services.venture_pass_settled(actor=venture.created_by, venture=venture)
    assert Venture.objects.get().settled_on == timezone.localdate()


def test_only_founders_tick_the_checklist_and_only_its_items():
    venture = venture_make()
    with pytest.raises(PermissionDenied):
        services.checklist_save(
            actor=UserFactory(role=User.Role.COORDINATOR), venture=venture, gate="team", ticked=[]
        )
    with pytest.raises(DomainError):
        services.checklist_save(
            actor=venture.created_by, venture=venture, gate="team", ticked=["made_up"]
        )
    services.checklist_save(
        actor=venture.created_by, venture=venture, gate="team", ticked=["two_people"]
    )
    services.checklist_save(
        actor=venture.created_by, venture=venture, gate="team", ticked=["roles_agreed"]
    )
    assert list(ChecklistTick.objects.values_list("item", flat=True)) == ["roles_agreed"]


def test_evidence_files_pass_the_upload_checks():
    venture = venture_make()
    founder = venture.created_by
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(DomainError):
        services.evidence_add(actor=founder, venture=venture, gate="team", upload=fake)
    lying = SimpleUploadedFile("plan.docx", b"%PDF-1.4 a pdf")
    with pytest.raises(DomainError):
        services.evidence_add(actor=founder, venture=venture, gate="team", upload=lying)
    with pytest.raises(DomainError):
        services.evidence_add(actor=founder, venture=venture, gate="team")
    good = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 a pdf")
    evidence = services.evidence_add(
        actor=founder, venture=venture, gate="team", text="Vertrag", upload=good
    )
    assert (evidence.kind, evidence.name) == ("pdf", "plan.pdf")
    assert Evidence.objects.count() == 1


def test_a_cofounder_is_invited_and_accepts():
    venture = venture_make()
    person = UserFactory(role=User.Role.STUDENT, email="mit@example.org")
    with pytest.raises(DomainError):
        services.founder_invite(actor=venture.created_by, venture=venture, email="nie@example.org")
    services.founder_invite(actor=venture.created_by, venture=venture, email="MIT@example.org")
    with pytest.raises(DomainError):
        services.founder_invite(actor=venture.created_by, venture=venture, email="mit@example.org")
    with pytest.raises(PermissionDenied):
        services.founder_invite(actor=person, venture=venture, email="x@example.org")
    services.founder_answer(actor=person, venture=venture, accept=True)
    assert venture.founders.get(user=person).status == Founder.Status.ACTIVE
    with pytest.raises(DomainError):
        services.founder_answer(actor=person, venture=venture, accept=True)


def _catalogue() -> None:
    services.programmes_load()


def test_the_catalogue_loads_idempotently():
    assert services.programmes_load() == 6
    assert services.programmes_load() == 0
    assert SupportProgramme.objects.count() == 6


def test_an_application_a_rule_forbids_is_refused_with_the_reason():
    _catalogue()
    venture = venture_make(stage="founded", origin="external")
    exist = SupportProgramme.objects.get(slug="exist-gruendungsstipendium")
    with pytest.raises(DomainError) as error:
        services.application_submit(actor=venture.created_by, venture=venture, programme=exist)
    assert "EXIST" in error.value.message
    assert not Application.objects.exists()


def test_an_application_that_fits_is_recorded_once_and_decided():
    _catalogue()
    venture = venture_make(stage="founded")
    bonus = SupportProgramme.objects.get(slug="sab-innostartbonus")
    fits = {fit.programme.slug: fit for fit in programme_fits(venture)}
    assert fits["sab-innostartbonus"].fits
    assert not fits["exist-gruendungsstipendium"].fits
    application = services.application_submit(
        actor=venture.created_by, venture=venture, programme=bonus
    )
    with pytest.raises(DomainError):
        services.application_submit(actor=venture.created_by, venture=venture, programme=bonus)
    # now a second stipend is no longer allowed
    techno = SupportProgramme.objects.get(slug="technologiegruenderstipendium")
    assert not {f.programme.slug: f for f in programme_fits(venture)}[techno.slug].fits
    with pytest.raises(DomainError):
        services.application_decide(
            actor=venture.created_by,
            application=application,
            status="granted",
            amount_cents=bonus.amount_max_cents + 1,
        )
    services.application_decide(
        actor=venture.created_by, application=application, status="granted", amount_cents=100
    )
    assert Application.objects.get().status == "granted"


def test_mentors_are_suggested_with_reasons_asked_and_answer():
    venture = venture_make()
    hub = OrganisationFactory(name="Gründerzentrum", kind=Organisation.Kind.CIVIL_SOCIETY)
    Listing.objects.create(
        organisation=hub,
        direction=Listing.Direction.OFFER,
        category=ListingCategory.MENTORING,
        text="Gründungsberatung",
    )
    mentor = UserFactory(role=User.Role.STAFF, name="Mia Mentorin")
    MembershipFactory(user=mentor, organisation=hub, role=Membership.Role.MEMBER)
    (suggestion,) = mentor_suggestions(venture)
    assert suggestion.person == mentor
    assert any("Gründungsberatung" in reason for reason in suggestion.reasons)
    services.mentor_ask(actor=venture.created_by, venture=venture, mentor=mentor)
    assert mentor_suggestions(venture) == []
    with pytest.raises(DomainError):
        services.mentor_ask(actor=venture.created_by, venture=venture, mentor=mentor)
    services.mentor_answer(actor=mentor, venture=venture, accept=True)
    assert Mentorship.objects.get().status == "accepted"


def test_a_university_mentor_counts_for_the_rules():
    _catalogue()
    venture = venture_make(origin="thesis")
    exist = SupportProgramme.objects.get(slug="exist-gruendungsstipendium")
    assert not {f.programme.slug: f for f in programme_fits(venture)}[exist.slug].fits
    mentor_make(venture, UserFactory(role=User.Role.SUPERVISOR))
    assert {f.programme.slug: f for f in programme_fits(venture)}[exist.slug].fits


def test_publishing_needs_a_line_and_a_town_and_makes_it_searchable():
    venture = venture_make(one_line="")
    with pytest.raises(DomainError):
        services.venture_publish(actor=venture.created_by, venture=venture, public=True)
    venture.one_line = "Baustoffe retten"
    venture.municipality = zeitz()
    venture.save()
    services.venture_publish(actor=venture.created_by, venture=venture, public=True)
    assert "baustoff" in Venture.objects.get().search_text

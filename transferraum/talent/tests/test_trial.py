"""Trial living: calls, applications with the waiting list and promotion, stays, follow-up;
the lifecycles walked as tables (every step × status × persona)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.talent.models import Step, TrialApplication, TrialCall, TrialStay
from transferraum.talent.services import trial
from transferraum.talent.tests.factories import applicant, call_make, consenting
from transferraum.talent.workflow import APPLICATION_LIFECYCLE, CALL_LIFECYCLE

pytestmark = pytest.mark.django_db
A = TrialApplication.Status
TODAY = dt.date.today


def test_a_call_is_written_by_the_towns_staff_and_published(officer_eilenburg, town_eilenburg):
    call = call_make(officer_eilenburg, town_eilenburg, publish=False)
    assert call.status == TrialCall.Status.DRAFT
    assert call.municipality == town_eilenburg.municipality
    assert trial.call_publish(actor=officer_eilenburg, call=call).status == "published"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ends_on": timezone.localdate() + dt.timedelta(days=20)}, "ends_on"),
        ({"apply_until": timezone.localdate() - dt.timedelta(days=1)}, "apply_until"),
        ({"apply_until": timezone.localdate() + dt.timedelta(days=40)}, "apply_until"),
        ({"places": 0}, "places"),
        ({"flats": "  "}, "flats"),
        ({"title": ""}, "title"),
    ],
)
def test_a_call_with_bad_fields_is_refused_and_nothing_stored(
    officer_eilenburg, town_eilenburg, fields, field
):
    with pytest.raises(DomainError) as refused:
        call_make(officer_eilenburg, town_eilenburg, publish=False, **fields)
    assert refused.value.field == field
    assert not TrialCall.objects.exists()


def test_only_the_towns_staff_write_calls(owner_zeitz, town_eilenburg, company_zeitz):
    with pytest.raises(PermissionDenied):
        call_make(owner_zeitz, town_eilenburg)
    with pytest.raises(PermissionDenied):
        call_make(owner_zeitz, company_zeitz)  # a company is no town


def test_applying_twice_or_after_the_deadline_is_refused(officer_eilenburg, town_eilenburg):
    call = call_make(officer_eilenburg, town_eilenburg)
    person = applicant()
    trial.application_submit(person=person, call=call, motivation="Ich möchte kommen.")
    with pytest.raises(DomainError, match="already"):
        trial.application_submit(person=person, call=call, motivation="Nochmal.")
    TrialCall.objects.filter(pk=call.pk).update(
        apply_until=timezone.localdate() - dt.timedelta(days=1)
    )
    with pytest.raises(DomainError, match="deadline"):
        trial.application_submit(person=applicant(1), call=call, motivation="Zu spät.")
    with pytest.raises(DomainError):
        trial.application_submit(person=applicant(2), call=call, motivation="")
    assert call.applications.count() == 1


def test_selection_fills_the_places_then_the_waiting_list_is_promoted_in_order(
    officer_eilenburg, town_eilenburg
):
    call = call_make(officer_eilenburg, town_eilenburg, places=2)
    apps = [
        trial.application_submit(person=applicant(n), call=call, motivation="Gern.")
        for n in range(5)
    ]
    trial.application_accept(actor=officer_eilenburg, application=apps[0])
    trial.application_accept(actor=officer_eilenburg, application=apps[1])
    with pytest.raises(DomainError, match="places"):
        trial.application_accept(actor=officer_eilenburg, application=apps[2])
    trial.application_waitlist(actor=officer_eilenburg, application=apps[3])
    trial.application_waitlist(actor=officer_eilenburg, application=apps[2])
    trial.application_decline(actor=officer_eilenburg, application=apps[4])
    stays = TrialStay.objects.filter(application__call=call)
    assert sorted(stays.values_list("flat", flat=True)) == ["Wohnung A", "Wohnung B"]

    trial.application_withdraw(actor=apps[0].person, application=apps[0])

    statuses = {a.pk: a.status for a in TrialApplication.objects.filter(call=call)}
    assert statuses[apps[0].pk] == A.WITHDRAWN
    assert statuses[apps[3].pk] == A.ACCEPTED  # first on the list
    assert statuses[apps[2].pk] == A.WAITLISTED
    assert statuses[apps[4].pk] == A.DECLINED
    assert stays.count() == 2
    assert stays.filter(application=apps[3]).get().flat == "Wohnung A"  # the freed flat


def test_an_accepted_stay_becomes_a_journey_step_with_consent_only(
    officer_eilenburg, town_eilenburg
):
    call = call_make(officer_eilenburg, town_eilenburg)
    agreed = consenting(applicant(1))
    other = applicant(2)
    for person in (agreed, other):
        application = trial.application_submit(person=person, call=call, motivation="Ja.")
        trial.application_accept(actor=officer_eilenburg, application=application)
    step = agreed.journey.steps.get(step=Step.TRIAL_STAY)
    assert (step.on, step.town, step.source) == (call.starts_on, call.municipality, "platform")
    assert not hasattr(other, "journey") or not other.journey.steps.filter(step=Step.TRIAL_STAY)


def test_the_town_arranges_the_stay_and_writes_the_follow_up_after_it(
    officer_eilenburg, member_eilenburg, town_eilenburg, outsider
):
    call = call_make(officer_eilenburg, town_eilenburg)
    application = trial.application_submit(person=applicant(), call=call, motivation="Ja.")
    trial.application_accept(actor=officer_eilenburg, application=application)
    stay = application.stay
    start = call.starts_on
    stay = trial.stay_update(
        actor=officer_eilenburg,
        stay=stay,
        flat="Wohnung B",
        starts_on=start,
        ends_on=start + dt.timedelta(days=14),
        contact=member_eilenburg,
        coworking="Coworking im Rathaus",
    )
    assert (stay.flat, stay.contact, stay.coworking) == (
        "Wohnung B",
        member_eilenburg,
        "Coworking im Rathaus",
    )
    with pytest.raises(DomainError, match="contact"):
        trial.stay_update(
            actor=officer_eilenburg,
            stay=stay,
            flat="A",
            starts_on=start,
            ends_on=start + dt.timedelta(1),
            contact=outsider,
        )
    with pytest.raises(PermissionDenied):
        trial.stay_update(
            actor=outsider, stay=stay, flat="A", starts_on=start, ends_on=start + dt.timedelta(1)
        )
    with pytest.raises(DomainError, match="after the stay"):
        trial.stay_follow_up(actor=officer_eilenburg, stay=stay, text="Schön war's.")
    TrialStay.objects.filter(pk=stay.pk).update(
        starts_on=timezone.localdate() - dt.timedelta(days=14), ends_on=timezone.localdate()
    )
    stay = trial.stay_follow_up(actor=officer_eilenburg, stay=stay, text="Schön war's.")
    assert stay.followed_up_at is not None
    with pytest.raises(DomainError, match="already"):
        trial.stay_follow_up(actor=officer_eilenburg, stay=stay, text="Noch einmal.")


# --- the lifecycles as tables -----------------------------------------------------------------

PERSONAS = ("officer_eilenburg", "owner_zeitz", "coordinator", "applicant", "outsider")


def _roles_of(persona: str) -> set[str]:
    return {
        "officer_eilenburg": {"town"},
        "applicant": {"applicant"},
        "coordinator": {"coordinator"},
    }.get(persona, set())


@pytest.mark.parametrize("status", A.values)
@pytest.mark.parametrize("step", list(APPLICATION_LIFECYCLE.steps))
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_application_step_in_every_status_for_every_persona(
    persona_user, officer_eilenburg, town_eilenburg, status, step, persona
):
    call = call_make(officer_eilenburg, town_eilenburg, places=5)
    person = applicant()
    application = trial.application_submit(person=person, call=call, motivation="Ja.")
    TrialApplication.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    actor = person if persona == "applicant" else persona_user(persona)
    rule = APPLICATION_LIFECYCLE[step]
    allowed = bool(rule.roles & _roles_of(persona))
    if not allowed:
        with pytest.raises(PermissionDenied):
            trial.STEP_SERVICES[step](actor=actor, application=application)
    elif status not in rule.sources:
        with pytest.raises(DomainError):
            trial.STEP_SERVICES[step](actor=actor, application=application)
    else:
        assert trial.STEP_SERVICES[step](actor=actor, application=application).status == rule.target
    application.refresh_from_db()
    expected = rule.target if allowed and status in rule.sources else status
    assert application.status == expected


@pytest.mark.parametrize("status", TrialCall.Status.values)
@pytest.mark.parametrize("step", list(CALL_LIFECYCLE.steps))
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_call_step_in_every_status_for_every_persona(
    persona_user, officer_eilenburg, town_eilenburg, status, step, persona
):
    call = call_make(officer_eilenburg, town_eilenburg, publish=False)
    TrialCall.objects.filter(pk=call.pk).update(status=status)
    call.refresh_from_db()
    actor = applicant() if persona == "applicant" else persona_user(persona)
    rule = CALL_LIFECYCLE[step]
    allowed = bool(rule.roles & _roles_of(persona))
    if not allowed:
        with pytest.raises(PermissionDenied):
            trial.CALL_STEP_SERVICES[step](actor=actor, call=call)
    elif status not in rule.sources:
        with pytest.raises(DomainError):
            trial.CALL_STEP_SERVICES[step](actor=actor, call=call)
    else:
        assert trial.CALL_STEP_SERVICES[step](actor=actor, call=call).status == rule.target

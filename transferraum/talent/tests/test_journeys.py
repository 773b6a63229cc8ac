"""Relocation journeys: consent (versioned, append-only, revocable: withdrawal erases the
journey), steps, the follow-ups with their personal links, and the funnel against a hand
computation."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.errors import DomainError
from transferraum.core.tokens import token_for
from transferraum.regions.tests.factories import eilenburg, zeitz
from transferraum.talent.models import (
    Journey,
    JourneyConsent,
    JourneyFollowUp,
    JourneyStep,
    Step,
)
from transferraum.talent.periods import years_before
from transferraum.talent.selectors.funnel import FunnelFilters, funnel, funnel_breakdown
from transferraum.talent.services import journeys
from transferraum.talent.services.journeys import FollowUpRefused, journey_step_record
from transferraum.talent.tests.factories import consent_text, consenting

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=BERLIN)


def token_of(follow_up: JourneyFollowUp) -> str:
    return token_for(journeys.TOKEN_PURPOSE, follow_up.token_seed)


def test_consent_is_versioned_append_only_and_withdrawal_erases_the_journey(student_geography):
    first = consent_text()
    second = journeys.consent_text_add(text_de="Neu", text_en="New")
    with pytest.raises(DomainError, match="changed"):
        journeys.journey_consent_give(person=student_geography, consent_text=first)
    journey = journeys.journey_consent_give(
        person=student_geography, consent_text=second, town=zeitz()
    )
    journey_step_record(student_geography, Step.MOVED, town=zeitz(), on=dt.date(2025, 6, 1))
    journeys.follow_ups_run(now=at(dt.date(2026, 6, 2)))
    assert journey.steps.count() == 2 and journey.follow_ups.count() == 1
    record = JourneyConsent.objects.get(person=student_geography)
    with pytest.raises(ValueError, match="append-only"):
        record.save()

    journeys.journey_consent_withdraw(person=student_geography)

    assert not Journey.objects.filter(person=student_geography).exists()
    assert not JourneyStep.objects.exists() and not JourneyFollowUp.objects.exists()
    actions = list(
        JourneyConsent.objects.filter(person=student_geography).values_list("action", flat=True)
    )
    assert actions == ["given", "withdrawn"]
    assert journey_step_record(student_geography, Step.WORK) is None  # nothing without consent
    with pytest.raises(DomainError):
        journeys.journey_consent_withdraw(person=student_geography)


def test_steps_follow_their_rules(student_geography):
    assert journey_step_record(student_geography, Step.WORK) is None  # no consent: nothing
    consenting(student_geography)
    with pytest.raises(DomainError):
        journey_step_record(student_geography, "flown")
    with pytest.raises(DomainError, match="town"):
        journey_step_record(student_geography, Step.MOVED)
    with pytest.raises(DomainError, match="follow-up"):
        journey_step_record(student_geography, Step.STAYED_12)
    with pytest.raises(DomainError, match="future"):
        journeys.journey_step_tell(
            person=student_geography,
            step=Step.VISIT,
            on=timezone.localdate() + dt.timedelta(days=3),
        )
    with pytest.raises(DomainError, match="platform"):
        journeys.journey_step_tell(person=student_geography, step=Step.TRIAL_STAY)
    first = journey_step_record(student_geography, Step.WORK, on=dt.date(2025, 1, 1))
    again = journey_step_record(student_geography, Step.WORK, on=dt.date(2025, 2, 1))
    assert first == again and again.on == dt.date(2025, 1, 1)


def test_follow_ups_are_sent_reminded_once_and_answered_once(
    student_geography, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    now = timezone.now()
    consenting(student_geography, town=zeitz())
    moved = years_before(today, 1)
    journey_step_record(student_geography, Step.MOVED, town=zeitz(), on=moved)
    assert journeys.follow_ups_run(now=now - dt.timedelta(days=1)).sent == 0  # not yet
    with django_capture_on_commit_callbacks(execute=True):
        report = journeys.follow_ups_run(now=now)
    assert (report.sent, report.reminded) == (1, 0)
    follow_up = JourneyFollowUp.objects.get()
    link = journeys.follow_up_link(follow_up)
    assert link in mail.outbox[-1].body
    assert follow_up.token_seed not in mail.outbox[-1].body
    assert journeys.follow_ups_run(now=now + dt.timedelta(days=1)).sent == 0  # one per journey
    assert journeys.follow_ups_run(now=now + dt.timedelta(days=14)).reminded == 1
    assert journeys.follow_ups_run(now=now + dt.timedelta(days=30)).reminded == 0  # only once

    answered = journeys.follow_up_answer(
        token=token_of(follow_up), still_living=True, now=now + dt.timedelta(days=31)
    )
    assert answered.still_living is True
    step = JourneyStep.objects.get(step=Step.STAYED_12)
    assert (step.on, step.source) == (today + dt.timedelta(days=31), "follow_up")
    with pytest.raises(FollowUpRefused, match="already"):
        journeys.follow_up_answer(token=token_of(follow_up), still_living=False)
    with pytest.raises(FollowUpRefused, match="not valid"):
        journeys.follow_up_answer(token="falsch", still_living=True)


def test_a_follow_up_after_its_validity_is_refused_and_a_no_ends_the_questions(student_geography):
    consenting(student_geography, town=zeitz())
    journey_step_record(student_geography, Step.MOVED, town=zeitz(), on=dt.date(2024, 6, 1))
    journeys.follow_ups_run(now=at(dt.date(2025, 6, 1)))
    follow_up = JourneyFollowUp.objects.get()
    with pytest.raises(FollowUpRefused, match="expired"):
        journeys.follow_up_answer(
            token=token_of(follow_up), still_living=True, now=at(dt.date(2025, 8, 1))
        )
    follow_up.refresh_from_db()
    assert follow_up.answered_at is None
    journeys.follow_up_answer(
        token=token_of(follow_up), still_living=False, now=at(dt.date(2025, 6, 20))
    )
    journeys.follow_ups_run(now=at(dt.date(2026, 6, 1)))
    assert JourneyFollowUp.objects.count() == 1  # no 24-month question after a "no"


# --- the funnel against a hand computation ----------------------------------------------------


@pytest.fixture
def cohorts():
    """Zeitz, cohort 2025: j1–j6 go all the way to moving (1 June 2025), j7 only showed interest.
    Interest 1 Jan 2025; visits 10, 20 … 60 days later; trial stays 1 Apr; work 1 May; moved
    1 Jun; at 12 months j1–j5 answer "still here" on 10 Jun 2026, j6 "no".
    Eilenburg, cohort 2026: two journeys with interest only."""
    start = dt.date(2025, 1, 1)
    people = []
    for _n in range(7):
        person = UserFactory(role=User.Role.STUDENT)
        journeys.journey_consent_give(
            person=person, consent_text=consent_text(), town=zeitz(), at=at(start)
        )
        people.append(person)
    for n, person in enumerate(people[:6]):
        journey_step_record(person, Step.VISIT, on=start + dt.timedelta(days=10 * (n + 1)))
        journey_step_record(person, Step.TRIAL_STAY, town=zeitz(), on=dt.date(2025, 4, 1))
        journey_step_record(person, Step.WORK, on=dt.date(2025, 5, 1))
        journey_step_record(person, Step.MOVED, town=zeitz(), on=dt.date(2025, 6, 1))
    journeys.follow_ups_run(now=at(dt.date(2026, 6, 2)))
    for n, person in enumerate(people[:6]):
        follow_up = JourneyFollowUp.objects.get(journey__person=person)
        journeys.follow_up_answer(
            token=token_of(follow_up), still_living=n < 5, now=at(dt.date(2026, 6, 10))
        )
    for _n in range(2):
        journeys.journey_consent_give(
            person=UserFactory(role=User.Role.STUDENT),
            consent_text=consent_text(),
            town=eilenburg(),
            at=at(dt.date(2026, 3, 1)),
        )


def _table(result):
    return {
        row.step: (
            None if row.count.suppressed else row.count.value,
            None if row.conversion.suppressed else row.conversion.value,
            None if row.median_days.suppressed else row.median_days.value,
        )
        for row in result.rows
    }


def test_the_funnel_of_a_town_and_cohort_by_hand(cohorts):
    result = funnel(FunnelFilters(town=zeitz().ags, cohort="2025"), today=dt.date(2026, 7, 1))
    assert _table(result) == {
        # step: (people, % of the step before, median days until the next step reached)
        Step.INTEREST: (7, None, 35),  # 10 20 30 40 50 60 → 35 (j7 went no further)
        Step.VISIT: (6, 85.7, 55),  # to 1 Apr: 80 70 60 50 40 30 → 55
        Step.TRIAL_STAY: (6, 100.0, 30),  # 1 Apr → 1 May
        Step.WORK: (6, 100.0, 31),  # 1 May → 1 Jun
        Step.MOVED: (6, 100.0, 374),  # 1 Jun 2025 → 10 Jun 2026 (j1–j5)
        Step.STAYED_12: (5, 83.3, None),  # nobody reached 24 months yet: no median
        Step.STAYED_24: (0, 0.0, None),
    }
    twelve, twenty_four = result.retention
    assert (twelve.due.value, twelve.answered.value, twelve.still_living.value) == (6, 6, 5)
    assert twelve.rate.value == 83.3 and not twelve.rate.suppressed
    assert (twenty_four.due.value, twenty_four.answered.value, twenty_four.rate.value) == (
        0,
        0,
        None,
    )


def test_the_funnel_selects_by_town_and_cohort_and_hides_small_cells(cohorts):
    everything = _table(funnel(FunnelFilters(), today=dt.date(2026, 7, 1)))
    assert everything[Step.INTEREST][0] == 9
    small = _table(funnel(FunnelFilters(cohort="2026"), today=dt.date(2026, 7, 1)))
    assert small[Step.INTEREST] == (None, None, None)  # 2 people: suppressed
    assert _table(funnel(FunnelFilters(town=eilenburg().ags)))[Step.VISIT] == (0, None, None)
    rows = {(row.town, row.cohort): row for row in funnel_breakdown(FunnelFilters())}
    zeitz_row = rows[("Zeitz", 2025)]
    assert (zeitz_row.journeys.value, zeitz_row.moved.value, zeitz_row.stayed_12.value) == (7, 6, 5)
    assert rows[("Eilenburg", 2026)].journeys.suppressed


def test_the_funnel_reads_aggregates_only(cohorts, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        funnel(FunnelFilters(), today=dt.date(2026, 7, 1))
    with django_assert_max_num_queries(1):
        funnel_breakdown(FunnelFilters())

"""The demo's talent into the region: a trial-living call in Zeitz with 12 applicants, 6 stays
and their follow-ups; a talent pool of 25 students with exclusions and contacts; relocation
journeys of two cohorts with answered and unanswered follow-ups, so the funnel shows numbers.

Everything goes through the talent services without notifying anybody. The call's services
refuse dates in the past, so the call is written with dates from today and then moved to its
summer (a plain update of dates, as the history of the demo). Each step finds its content by
a natural key (the call's title, a profile's person, the consent text) and leaves existing
content as it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, Organisation
from transferraum.demo.data import talent as data
from transferraum.demo.data.people import PERSONA_STUDENTS, STUDENT_DOMAIN
from transferraum.notifications.services import notifications_suppressed
from transferraum.regions.models import Municipality
from transferraum.talent.models import (
    Journey,
    JourneyConsentText,
    JourneyFollowUp,
    JourneyStep,
    Step,
    TalentProfile,
    TrialApplication,
    TrialCall,
    TrialStay,
)
from transferraum.talent.periods import years_after
from transferraum.talent.services import journeys, pool, trial

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class TalentReport:
    created: int


def _at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)


def _students() -> list[User]:
    """The generated students in a fixed order (the named personas stay free)."""
    personas = {spec.email for spec in PERSONA_STUDENTS}
    return [
        user
        for user in User.objects.filter(email__endswith=f"@{STUDENT_DOMAIN}").order_by("email")
        if user.email not in personas
    ]


def demo_talent_load() -> TalentReport:
    """Load the three parts; each is idempotent on its own."""
    students = _students()
    with notifications_suppressed():
        created = _consent_text()
        created += _trial_call(students[:12])
        created += _pool(students[12:37])
        created += _cohorts(students[37:])
    return TalentReport(created=created)


def _consent_text() -> int:
    """The consent text of relocation journeys, version 1."""
    if JourneyConsentText.objects.exists():
        return 0
    journeys.consent_text_add(text_de=data.CONSENT_DE, text_en=data.CONSENT_EN)
    return 1


@transaction.atomic
def _trial_call(applicants: list[User]) -> int:
    """The Zeitz call: 12 applicants (four of them record their journey), 6 accepted with
    their stays, 3 waiting, 2 declined, 1 withdrawn; then the call moves to its summer and
    four stays get their follow-up."""
    town = Organisation.objects.get(name=data.TOWN_ZEITZ)
    if TrialCall.objects.filter(town=town, title=data.CALL_TITLE).exists():
        return 0
    staff = User.objects.get(email=data.TOWN_STAFF)
    contact = User.objects.get(email=data.LOCAL_CONTACT)
    today = timezone.localdate()
    call = trial.call_create(
        actor=staff,
        town=town,
        title=data.CALL_TITLE,
        description=data.CALL_DESCRIPTION,
        criteria=data.CALL_CRITERIA,
        starts_on=today + dt.timedelta(days=2),
        ends_on=today + dt.timedelta(days=30),
        apply_until=today + dt.timedelta(days=1),
        places=len(data.CALL_FLATS),
        flats="\n".join(data.CALL_FLATS),
        cost_cents=data.CALL_COST_CENTS,
        commits_project=True,
        commits_events=True,
        commits_blog=True,
    )
    trial.call_publish(actor=staff, call=call)
    text = JourneyConsentText.objects.order_by("-number").first()
    for index, (person, decision) in enumerate(zip(applicants, data.DECISIONS, strict=True)):
        if index < 4 and text is not None and journeys.journey_consent_of(person) is None:
            journeys.journey_consent_give(
                person=person,
                consent_text=text,
                town=call.municipality,
                at=_at(dt.date(2026, 3, 1)),
            )
        application = trial.application_submit(
            person=person,
            call=call,
            motivation="Ich möchte drei Monate in Zeitz ausprobieren, wie es sich dort lebt "
            f"({index + 1}).",
        )
        if decision == "withdraw":
            trial.application_withdraw(actor=person, application=application)
        else:
            trial.STEP_SERVICES[decision](actor=staff, application=application)
    for stay in TrialStay.objects.filter(application__call=call):
        trial.stay_update(
            actor=staff,
            stay=stay,
            flat=stay.flat,
            starts_on=stay.starts_on,
            ends_on=stay.ends_on,
            contact=contact,
            coworking=data.COWORKING,
        )
    # The summer of the call: dates move into the past.
    TrialCall.objects.filter(pk=call.pk).update(
        starts_on=data.CALL_STARTS,
        ends_on=data.CALL_ENDS,
        apply_until=data.CALL_APPLY_UNTIL,
        status=TrialCall.Status.CLOSED,
    )
    TrialStay.objects.filter(application__call=call).update(
        starts_on=data.CALL_STARTS, ends_on=data.CALL_ENDS
    )
    JourneyStep.objects.filter(journey__person__in=applicants, step=Step.TRIAL_STAY).update(
        on=data.CALL_STARTS
    )
    stays = TrialStay.objects.filter(application__call=call).order_by("application__created_at")
    for stay, text_ in zip(stays, data.FOLLOW_UPS, strict=False):
        trial.stay_follow_up(actor=staff, stay=stay, text=text_)
    return 1 + TrialApplication.objects.filter(call=call).count()


@transaction.atomic
def _pool(students: list[User]) -> int:
    """25 profiles; the first six exclude a company each, the last three opted out again, and
    the Zeitz company wrote to three people (one answered)."""
    if not students or TalentProfile.objects.filter(person=students[0]).exists():
        return 0
    competences = list(
        Competence.objects.filter(status=Competence.Status.APPROVED).order_by("slug")
    )
    towns = list(Municipality.objects.filter(name__in=("Zeitz", "Eilenburg")).order_by("name"))
    availability = list(TalentProfile.Availability.values)
    excluded = [Organisation.objects.get(name=name) for name in data.EXCLUDED]
    profiles = []
    for index, person in enumerate(students[: data.POOL_SIZE]):
        picks = [competences[(index * 7 + k * 3) % len(competences)] for k in range(3)]
        profile = pool.talent_profile_save(
            person=person,
            headline=data.POOL_HEADLINES[index % len(data.POOL_HEADLINES)],
            looking_for=data.POOL_LOOKING_FOR[index % len(data.POOL_LOOKING_FOR)],
            interests="Strukturwandel, Leben auf dem Land, kurze Wege",
            availability=availability[index % len(availability)],
            competences=picks if competences else [],
            towns=towns[: 1 + index % 2] if index % 3 else towns[1:],
            visible=True,
        )
        profiles.append(profile)
        if index < data.POOL_EXCLUSIONS:
            pool.talent_exclusion_add(person=person, organisation=excluded[index % len(excluded)])
    for profile in profiles[-data.POOL_HIDDEN :]:
        pool.talent_profile_opt_out(person=profile.person)
    company = Organisation.objects.get(name=data.COMPANY)
    sender = User.objects.get(email=data.COMPANY_STAFF)
    written = [
        pool.contact_send(
            actor=sender,
            organisation=company,
            profile=profile,
            message="Wir suchen zum Frühjahr Verstärkung in der Werkstatt-IT. Hätten Sie Lust "
            "auf ein Kennenlernen in Zeitz?",
        )
        for profile in profiles[data.POOL_EXCLUSIONS : data.POOL_EXCLUSIONS + 3]
    ]
    pool.contact_answer(
        person=written[0].profile.person,
        contact=written[0],
        answer="Gern! Ich bin ab März in der Region und melde mich für einen Termin.",
    )
    return len(profiles)


@transaction.atomic
def _cohorts(people: list[User]) -> int:
    """Journeys of the cohorts 2024 and 2025, then the follow-up runs at their dates with the
    answers of the table (None: no answer, the link simply expires)."""
    text = JourneyConsentText.objects.order_by("-number").first()
    if text is None or Journey.objects.filter(cohort__in=[c.year for c in data.COHORTS]).exists():
        return 0
    zeitz = Municipality.objects.get(name="Zeitz")
    eilenburg = Municipality.objects.get(name="Eilenburg")
    order: dict[int, tuple[int, int]] = {}  # person → (cohort index, position)
    offset = 0
    for cohort_index, cohort in enumerate(data.COHORTS):
        members = people[offset : offset + cohort.people]
        offset += cohort.people
        start = cohort.consent_on
        for i, person in enumerate(members):
            town = eilenburg if i % 4 == 3 else zeitz
            journeys.journey_consent_give(
                person=person, consent_text=text, town=town, at=_at(start)
            )
            order[person.pk] = (cohort_index, i)
            record = journeys.journey_step_record
            if i < cohort.visits:
                record(
                    person,
                    Step.VISIT,
                    source="person",
                    town=town,
                    on=start + dt.timedelta(days=20 + 5 * i),
                )
            if i < cohort.trial_stays:
                record(
                    person,
                    Step.TRIAL_STAY,
                    source="platform",
                    town=town,
                    on=start + dt.timedelta(days=90 + 3 * i),
                )
            if i < cohort.work:
                record(
                    person,
                    Step.WORK,
                    source="platform",
                    town=town,
                    on=start + dt.timedelta(days=120 + 2 * i),
                )
            if i < cohort.moved:
                moved_to = eilenburg if i == cohort.moved - 1 else zeitz
                record(person, Step.MOVED, source="person", town=moved_to, on=cohort.moved_on)
    runs = sorted(
        {
            years_after(c.moved_on, years) + dt.timedelta(days=1)
            for c in data.COHORTS
            for years in (1, 2)
        }
    )
    for day in runs:
        if day > timezone.localdate():
            continue
        journeys.follow_ups_run(now=_at(day, 6))
        journeys.follow_ups_run(now=_at(day + dt.timedelta(days=15), 6))  # the reminders
        due = JourneyFollowUp.objects.filter(answered_at__isnull=True, sent_at__date=day)
        for follow_up in due.select_related("journey"):
            cohort_index, position = order[follow_up.journey.person_id]
            cohort = data.COHORTS[cohort_index]
            answers = cohort.answers_12 if follow_up.months == 12 else cohort.answers_24
            answer = answers[position] if position < len(answers) else None
            if answer is None:
                continue
            journeys.follow_up_answer(
                token=journeys.token_for(journeys.TOKEN_PURPOSE, follow_up.token_seed),
                still_living=answer,
                now=_at(day + dt.timedelta(days=5)),
            )
    return len(order)

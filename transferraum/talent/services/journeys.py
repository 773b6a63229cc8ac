"""Relocation journeys, recorded only with the person's consent.

Consent uses core's shared pieces (`core.models.ConsentText`, `ConsentRecordBase`,
`consent_current`): texts in versions, records append-only, the latest record is the state.
Withdrawing erases the journey with its steps and follow-ups at once.

Steps come from the platform (an accepted trial stay here; the opportunities app calls
`journey_step_record` when an application is accepted) and from the person. After moving, the
daily run (`follow_ups_run`, a `core.locks` scheduled command) sends the 12- and 24-month
question as a personal link (the token kept as a hash, `core.tokens`), reminds once, and the
answer "still living in the region" records the step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.errors import DomainError
from transferraum.core.models import consent_current
from transferraum.core.services import activity_record
from transferraum.core.tokens import token_for, token_hash, token_seed
from transferraum.notifications.services import notifications_enabled
from transferraum.regions.models import Municipality
from transferraum.talent.models import (
    STEP_ORDER,
    Journey,
    JourneyConsent,
    JourneyConsentText,
    JourneyFollowUp,
    JourneyStep,
    Step,
)
from transferraum.talent.periods import years_before

TOKEN_PURPOSE = "journey_follow_up"  # noqa: S105 (a name, not a secret)
FOLLOW_UP_MONTHS = (12, 24)
FOLLOW_UP_VALID_DAYS = 60
REMINDER_AFTER_DAYS = 14
# Steps a person tells themselves; the follow-up steps come only from the answers.
PERSON_STEPS = (Step.INTEREST, Step.VISIT, Step.WORK, Step.MOVED)
FOLLOW_UP_STEP = {12: Step.STAYED_12, 24: Step.STAYED_24}


class FollowUpRefused(DomainError):
    """A follow-up link that is unknown, used or past its validity."""


# --- consent ----------------------------------------------------------------------------------


def consent_text_newest() -> JourneyConsentText | None:
    return JourneyConsentText.objects.order_by("-number").first()


def journey_consent_of(person: Any) -> JourneyConsent | None:
    """The person's current consent (their latest record, when it gives consent)."""
    if not getattr(person, "pk", None):
        return None
    return consent_current(JourneyConsent.objects.filter(person_id=person.pk))


@transaction.atomic
def consent_text_add(*, text_de: str, text_en: str) -> JourneyConsentText:
    """A new version of the consent text; earlier versions and consents given to them stay."""
    if not text_de.strip() or not text_en.strip():
        raise DomainError(_("Please write the consent text in German and English."))
    number = (JourneyConsentText.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    return JourneyConsentText.objects.create(number=number, text_de=text_de, text_en=text_en)


@transaction.atomic
def journey_consent_give(
    *,
    person: User,
    consent_text: JourneyConsentText,
    town: Municipality | None = None,
    at: dt.datetime | None = None,
) -> Journey:
    """The person agrees to have their journey recorded under `consent_text` (a record is
    added); the journey begins with their interest (in `town`, if named), its cohort is this
    year. Rules: the text is the newest; not given already. Raises DomainError."""
    at = at or timezone.now()
    newest = consent_text_newest()
    if newest is None or newest.pk != consent_text.pk:
        raise DomainError(_("The consent text has changed meanwhile: please read the new one."))
    User.objects.select_for_update().get(pk=person.pk)
    if journey_consent_of(person) is not None:
        raise DomainError(_("You have agreed already."))
    JourneyConsent.objects.create(
        person=person, consent_text=consent_text, action=JourneyConsent.Action.GIVEN, at=at
    )
    today = timezone.localdate(at)
    journey, _created = Journey.objects.get_or_create(
        person=person, defaults={"cohort": today.year, "town": town, "created_at": at}
    )
    _step_add(journey, Step.INTEREST, source=JourneyStep.Source.PERSON, town=town, on=today)
    activity_record(actor=person, verb="journey.consent", target=journey)
    return journey


@transaction.atomic
def journey_consent_withdraw(*, person: User, at: dt.datetime | None = None) -> JourneyConsent:
    """The person withdraws: a record is added and their journey, its steps and follow-ups are
    erased at once. Raises DomainError when there is no consent to withdraw."""
    User.objects.select_for_update().get(pk=person.pk)
    current = journey_consent_of(person)
    if current is None:
        raise DomainError(_("You have not agreed to having your journey recorded."))
    record = JourneyConsent.objects.create(
        person=person,
        consent_text_id=current.consent_text_id,
        action=JourneyConsent.Action.WITHDRAWN,
        at=at or timezone.now(),
    )
    Journey.objects.filter(person=person).delete()
    # The activity log names no journey: it is gone, and so is what it said.
    activity_record(actor=person, verb="journey.withdraw", target=person)
    return record


# --- steps ------------------------------------------------------------------------------------


def _step_add(
    journey: Journey,
    step: str,
    *,
    source: str,
    town: Municipality | None,
    on: dt.date,
) -> JourneyStep:
    found = journey.steps.filter(step=step).first()
    if found is not None:
        return found
    added = JourneyStep.objects.create(
        journey=journey,
        step=step,
        rank=STEP_ORDER.index(step),
        on=on,
        town=town,
        source=source,
    )
    if town is not None and journey.town_id != town.pk:
        journey.town = town
        journey.save(update_fields=["town"])
    return added


@transaction.atomic
def journey_step_record(
    person: User,
    step: str,
    *,
    source: str = JourneyStep.Source.PLATFORM,
    town: Municipality | None = None,
    on: dt.date | None = None,
) -> JourneyStep | None:
    """Record that `person` reached `step` (a `models.Step` value) on `on` (default today), in
    `town`. The hook other apps call, e.g. when an internship application is accepted:

        journey_step_record(person, Step.WORK, source="platform", town=municipality, on=start)

    Rules: nothing is recorded without the person's consent (returns None); each step once per
    journey (a second call returns the first record unchanged); moving names a town; a step
    lies not in the future; the follow-up steps come only from follow-up answers.
    Raises DomainError for an unknown step or source or a broken rule."""
    if step not in STEP_ORDER:
        raise DomainError(_("Unknown step of a journey."), field="step")
    if source not in JourneyStep.Source.values:
        raise DomainError(_("Unknown source of a journey step."), field="source")
    on = on or timezone.localdate()
    if step == Step.MOVED and town is None:
        raise DomainError(_("Please say which town you moved to."), field="town")
    if step in FOLLOW_UP_STEP.values() and source != JourneyStep.Source.FOLLOW_UP:
        raise DomainError(_("This step is recorded by the follow-up question."), field="step")
    if source == JourneyStep.Source.PERSON and on > timezone.localdate():
        raise DomainError(_("The date lies in the future."), field="on")
    if journey_consent_of(person) is None:
        return None
    journey = Journey.objects.select_for_update().filter(person=person).first()
    if journey is None:
        return None
    return _step_add(journey, step, source=source, town=town, on=on)


@transaction.atomic
def journey_step_forget(person: User, step: str) -> int:
    """Remove a step the platform recorded and that no longer holds (a trial stay withdrawn
    before it began). Returns the number of rows removed."""
    deleted, _rows = JourneyStep.objects.filter(
        journey__person=person, step=step, source=JourneyStep.Source.PLATFORM
    ).delete()
    return deleted


def journey_step_tell(
    *, person: User, step: str, town: Municipality | None = None, on: dt.date | None = None
) -> JourneyStep:
    """The person adds a step themselves (interest, visit, work, moved). Raises DomainError,
    also when they have not agreed to have their journey recorded."""
    if step not in PERSON_STEPS:
        raise DomainError(_("This step is recorded by the platform."), field="step")
    recorded = journey_step_record(person, step, source=JourneyStep.Source.PERSON, town=town, on=on)
    if recorded is None:
        raise DomainError(_("Please agree to having your journey recorded first."))
    return recorded


# --- follow-ups -------------------------------------------------------------------------------


def follow_up_link(follow_up: JourneyFollowUp) -> str:
    """The path of the follow-up's personal link (the token is derived, never stored)."""
    return reverse("talent:follow-up", args=[token_for(TOKEN_PURPOSE, follow_up.token_seed)])


def _send(follow_up_ids: list[int], *, reminder: bool) -> None:
    if not follow_up_ids or not notifications_enabled():
        return
    from transferraum.talent.tasks import follow_up_send

    def enqueue() -> None:
        for pk in follow_up_ids:
            follow_up_send.enqueue(pk, reminder)

    transaction.on_commit(enqueue)


@dataclass(frozen=True)
class FollowUpsReport:
    sent: int
    reminded: int


@transaction.atomic
def follow_ups_run(*, now: dt.datetime | None = None) -> FollowUpsReport:
    """The daily step: for every journey that moved 12 (24) months ago or more and has no such
    follow-up yet, create it and send its link (the 24-month one not after a "no" at 12
    months); remind once those unanswered after 14 days and still valid."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    created: list[int] = []
    for months in FOLLOW_UP_MONTHS:
        cutoff = years_before(today, months // 12)
        due = (
            Journey.objects.filter(steps__step=Step.MOVED, steps__on__lte=cutoff)
            .exclude(follow_ups__months=months)
            .exclude(follow_ups__still_living=False)
            .values_list("pk", flat=True)
        )
        for journey_id in due:
            seed = token_seed()
            follow_up = JourneyFollowUp.objects.create(
                journey_id=journey_id,
                months=months,
                token_seed=seed,
                token_hash=token_hash(token_for(TOKEN_PURPOSE, seed)),
                sent_at=now,
                valid_until=now + dt.timedelta(days=FOLLOW_UP_VALID_DAYS),
            )
            created.append(follow_up.pk)
    remind = list(
        JourneyFollowUp.objects.filter(
            answered_at__isnull=True,
            reminded_at__isnull=True,
            sent_at__lte=now - dt.timedelta(days=REMINDER_AFTER_DAYS),
            valid_until__gt=now,
        ).values_list("pk", flat=True)
    )
    JourneyFollowUp.objects.filter(pk__in=remind).update(reminded_at=now)
    _send(created, reminder=False)
    _send(remind, reminder=True)
    return FollowUpsReport(sent=len(created), reminded=len(remind))


def follow_up_by_token(token: str) -> JourneyFollowUp | None:
    return (
        JourneyFollowUp.objects.select_related("journey__town")
        .filter(token_hash=token_hash(token))
        .first()
    )


def follow_up_check(
    follow_up: JourneyFollowUp | None, *, now: dt.datetime | None = None
) -> JourneyFollowUp:
    """The rules of a follow-up link: it exists, was not answered, is still valid.
    Raises FollowUpRefused (an unknown link reads like an expired one)."""
    now = now or timezone.now()
    if follow_up is None:
        raise FollowUpRefused(_("This link is not valid. Please use the link from your e-mail."))
    if follow_up.answered_at is not None:
        raise FollowUpRefused(_("This question has been answered already. Thank you!"))
    if now >= follow_up.valid_until:
        raise FollowUpRefused(_("This link has expired; answers can no longer be given."))
    return follow_up


@transaction.atomic
def follow_up_answer(
    *, token: str, still_living: bool, now: dt.datetime | None = None
) -> JourneyFollowUp:
    """The one answer to a follow-up, through its link, without signing in. "Yes" records the
    12- or 24-month step. Raises FollowUpRefused for a link unknown, used or expired."""
    now = now or timezone.now()
    found = follow_up_by_token(token)
    if found is not None:
        found = JourneyFollowUp.objects.select_for_update().get(pk=found.pk)
    follow_up = follow_up_check(found, now=now)
    follow_up.answered_at = now
    follow_up.still_living = still_living
    follow_up.save(update_fields=["answered_at", "still_living"])
    if still_living:
        journey = follow_up.journey
        _step_add(
            journey,
            FOLLOW_UP_STEP[follow_up.months],
            source=JourneyStep.Source.FOLLOW_UP,
            town=journey.town,
            on=timezone.localdate(now),
        )
    return follow_up


def journey_step_from_accepted_application(
    sender: object, application: Any, actor: object, **kwargs: object
) -> JourneyStep | None:
    """The receiver of `opportunities.signals.application_accepted`: an accepted application
    for work in the region (a job, an internship, a thesis …, not a flat) is the journey's
    step "internship, thesis or job", in the opportunity's town, for a person who agreed."""
    from transferraum.opportunities.models import HOUSING_KINDS, LINK_OUT_KINDS

    opportunity = application.opportunity
    if opportunity.kind in HOUSING_KINDS or opportunity.kind in LINK_OUT_KINDS:
        return None
    return journey_step_record(application.applicant, Step.WORK, town=opportunity.municipality)

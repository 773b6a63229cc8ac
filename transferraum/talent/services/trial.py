"""Trial living: a town's calls, applications with a waiting list, stays and their follow-up.

Places are the database's business: every decision that fills a place locks the call's row
first, so two staff members accepting at the same moment cannot overbook. When an accepted
person withdraws, the first of the waiting list is promoted at once (in the same transaction).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.core.versions import version_claim
from transferraum.core.workflow import Step, StepRules, step_take
from transferraum.notifications.services import notifications_enabled
from transferraum.talent.models import Step as JourneyStepName
from transferraum.talent.models import TrialApplication, TrialCall, TrialStay
from transferraum.talent.permissions import can_create_call, is_town_staff
from transferraum.talent.workflow import (
    APPLICANT,
    APPLICATION_LIFECYCLE,
    CALL_LIFECYCLE,
    COORDINATOR,
    TOWN,
)

A = TrialApplication.Status
MOTIVATION_MAX = 5000
FOLLOW_UP_MAX = 10000


def _today() -> dt.date:
    return timezone.localdate()


def _call_fields_check(
    *,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    apply_until: dt.date,
    places: int,
    flats: str,
    cost_cents: int,
) -> None:
    if not title.strip():
        raise DomainError(_("Please give the call a title."), field="title")
    if ends_on <= starts_on:
        raise DomainError(_("The stays must end after they start."), field="ends_on")
    if apply_until < _today():
        raise DomainError(_("The application deadline lies in the past."), field="apply_until")
    if apply_until > starts_on:
        raise DomainError(_("Applications must close before the stays start."), field="apply_until")
    if places < 1:
        raise DomainError(_("A call needs at least one place."), field="places")
    if not flats.strip():
        raise DomainError(_("Please name at least one flat."), field="flats")
    if cost_cents < 0:
        raise DomainError(_("The cost cannot be negative."), field="cost_cents")


@transaction.atomic
def call_create(
    *,
    actor: User,
    town: Organisation,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    apply_until: dt.date,
    places: int,
    flats: str,
    cost_cents: int = 0,
    description: str = "",
    criteria: str = "",
    commits_project: bool = False,
    commits_events: bool = False,
    commits_blog: bool = False,
) -> TrialCall:
    """A town's staff write a call (as a draft). Rules: the actor is a member of the town
    administration, which lies in a municipality; the stays end after they start; applications
    close on or before the first day and not in the past; at least one place and one flat; the
    cost is not negative. Raises PermissionDenied, DomainError."""
    if not can_create_call(actor, town):
        raise PermissionDenied(_("Only the staff of a town administration write its calls."))
    if town.municipality_id is None:
        raise DomainError(_("The town administration has no municipality."))
    _call_fields_check(
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        apply_until=apply_until,
        places=places,
        flats=flats,
        cost_cents=cost_cents,
    )
    call = TrialCall.objects.create(
        town=town,
        municipality_id=town.municipality_id,
        title=title.strip(),
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        apply_until=apply_until,
        places=places,
        flats=flats.strip(),
        cost_cents=cost_cents,
        criteria=criteria,
        commits_project=commits_project,
        commits_events=commits_events,
        commits_blog=commits_blog,
    )
    activity_record(actor=actor, verb="trial_call.create", target=call)
    return call


def call_roles(actor: Any, call: TrialCall) -> set[str]:
    roles: set[str] = set()
    if is_town_staff(actor, call):
        roles.add(TOWN)
    if getattr(actor, "is_coordinator", False):
        roles.add(COORDINATOR)
    return roles


class CallRules(StepRules[TrialCall]):
    lifecycle = CALL_LIFECYCLE

    def roles(self, actor: Any, obj: TrialCall) -> set[str]:
        return call_roles(actor, obj)

    def refused(self, obj: TrialCall, step: Step, roles: set[str]) -> PermissionDenied:
        return PermissionDenied(_("You may not do this with this call."))

    def out_of_order(self, obj: TrialCall, step: Step, roles: set[str]) -> DomainError:
        return DomainError(
            _("This is not possible while the call is “%(status)s”.")
            % {"status": obj.get_status_display()}
        )


CALL_RULES = CallRules()


@transaction.atomic
def call_publish(*, actor: User, call: TrialCall, note: str = "") -> TrialCall:
    """Open a draft call for applications. Rules: its deadline has not passed."""
    with step_take(CALL_RULES, "publish", actor=actor, obj=call, note=note) as taken:
        if taken.obj.apply_until < _today():
            raise DomainError(_("The application deadline lies in the past."))
    return taken.obj


@transaction.atomic
def call_close(*, actor: User, call: TrialCall, note: str = "") -> TrialCall:
    """Close a published call: no more applications; decisions on those received go on."""
    with step_take(CALL_RULES, "close", actor=actor, obj=call, note=note) as taken:
        pass  # no rules beyond the lifecycle's
    return taken.obj


@transaction.atomic
def application_submit(*, person: User, call: TrialCall, motivation: str) -> TrialApplication:
    """A person applies to a published call with a motivation. Rules: the call is open and its
    deadline has not passed; one application per person and call; a motivation of at most
    5,000 characters. Raises DomainError."""
    call = TrialCall.objects.select_for_update().get(pk=call.pk)
    if call.status != TrialCall.Status.PUBLISHED:
        raise DomainError(_("This call does not take applications."))
    if call.apply_until < _today():
        raise DomainError(_("The deadline of this call has passed."))
    if not motivation.strip():
        raise DomainError(_("Please tell the town why you want to come."), field="motivation")
    if len(motivation) > MOTIVATION_MAX:
        raise DomainError(
            _("Please keep your motivation to %(max)s characters.") % {"max": MOTIVATION_MAX},
            field="motivation",
        )
    if call.applications.filter(person=person).exists():
        raise DomainError(_("You have applied to this call already."))
    application = TrialApplication.objects.create(call=call, person=person, motivation=motivation)
    activity_record(actor=person, verb="trial_application.submit", target=application)
    return application


def application_roles(actor: Any, application: TrialApplication) -> set[str]:
    roles: set[str] = set()
    if getattr(actor, "pk", None) == application.person_id:
        roles.add(APPLICANT)
    if is_town_staff(actor, application.call):
        roles.add(TOWN)
    return roles


def _decision_notify(application_id: int) -> None:
    if not notifications_enabled():
        return
    from transferraum.talent.tasks import trial_decision_send

    transaction.on_commit(lambda: trial_decision_send.enqueue(application_id))


class ApplicationRules(StepRules[TrialApplication]):
    lifecycle = APPLICATION_LIFECYCLE

    def lock(self, obj: TrialApplication) -> TrialApplication:
        # The call first: it holds the places every decision counts.
        TrialCall.objects.select_for_update().get(pk=obj.call_id)
        return TrialApplication.objects.select_for_update().select_related("call").get(pk=obj.pk)

    def roles(self, actor: Any, obj: TrialApplication) -> set[str]:
        return application_roles(actor, obj)

    def refused(self, obj: TrialApplication, step: Step, roles: set[str]) -> PermissionDenied:
        return PermissionDenied(_("You may not do this with this application."))

    def out_of_order(self, obj: TrialApplication, step: Step, roles: set[str]) -> DomainError:
        return DomainError(
            _("This is not possible while the application is “%(status)s”.")
            % {"status": obj.get_status_display()}
        )

    def notify(self, pk: Any, event: str) -> None:
        if event in ("accept", "waitlist", "decline"):
            from transferraum.talent.tasks import trial_decision_send

            trial_decision_send.enqueue(pk)


APPLICATION_RULES = ApplicationRules()


def _free_flat(call: TrialCall) -> str:
    taken = set(TrialStay.objects.filter(application__call=call).values_list("flat", flat=True))
    flats = call.flat_list
    return next((flat for flat in flats if flat not in taken), flats[0] if flats else "")


def _stay_open(application: TrialApplication) -> TrialStay:
    """The stay of a newly accepted application: a free flat and the call's period, which the
    town adjusts afterwards (`stay_update`); the journey, if the person agreed, records it."""
    from transferraum.talent.services.journeys import journey_step_record

    call = application.call
    stay = TrialStay.objects.create(
        application=application,
        flat=_free_flat(call),
        starts_on=call.starts_on,
        ends_on=call.ends_on,
    )
    journey_step_record(
        application.person,
        JourneyStepName.TRIAL_STAY,
        source="platform",
        town=call.municipality,
        on=call.starts_on,
    )
    return stay


def _accepted_count(call: TrialCall) -> int:
    return call.applications.filter(status=A.ACCEPTED).count()


@transaction.atomic
def application_accept(
    *, actor: User, application: TrialApplication, note: str = ""
) -> TrialApplication:
    """The town accepts an application (submitted or waiting): the person gets a stay. Rules:
    a place is free (accepted applications < places). Raises PermissionDenied, DomainError."""
    with step_take(APPLICATION_RULES, "accept", actor=actor, obj=application, note=note) as taken:
        if _accepted_count(taken.obj.call) >= taken.obj.call.places:
            raise DomainError(
                _("All places are taken; put the application on the waiting list instead.")
            )
        taken.obj.waitlist_position = None
        taken.obj.decided_at = timezone.now()
    _stay_open(taken.obj)
    return taken.obj


@transaction.atomic
def application_waitlist(
    *, actor: User, application: TrialApplication, note: str = ""
) -> TrialApplication:
    """The town puts an application at the end of the waiting list."""
    with step_take(APPLICATION_RULES, "waitlist", actor=actor, obj=application, note=note) as taken:
        last = taken.obj.call.applications.aggregate(n=Max("waitlist_position"))["n"] or 0
        taken.obj.waitlist_position = last + 1
        taken.obj.decided_at = timezone.now()
    return taken.obj


@transaction.atomic
def application_decline(
    *, actor: User, application: TrialApplication, note: str = ""
) -> TrialApplication:
    """The town declines an application (submitted or waiting)."""
    with step_take(APPLICATION_RULES, "decline", actor=actor, obj=application, note=note) as taken:
        taken.obj.waitlist_position = None
        taken.obj.decided_at = timezone.now()
    return taken.obj


def _promote(call: TrialCall) -> TrialApplication | None:
    """Give a free place to the first of the waiting list (the call's row is locked)."""
    if _accepted_count(call) >= call.places:
        return None
    first = (
        call.applications.select_for_update()
        .filter(status=A.WAITLISTED)
        .order_by("waitlist_position", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = A.ACCEPTED
    first.waitlist_position = None
    first.decided_at = timezone.now()
    first.save()
    activity_record(actor=None, verb="trial_application.promote", target=first)
    _stay_open(first)
    _decision_notify(first.pk)
    return first


@transaction.atomic
def application_withdraw(
    *, actor: User, application: TrialApplication, note: str = ""
) -> TrialApplication:
    """The applicant withdraws. An accepted person's stay is cancelled and the place goes to
    the first of the waiting list at once."""
    from transferraum.talent.services.journeys import journey_step_forget

    with step_take(APPLICATION_RULES, "withdraw", actor=actor, obj=application, note=note) as taken:
        was_accepted = taken.from_status == A.ACCEPTED
        taken.obj.waitlist_position = None
    if was_accepted:
        TrialStay.objects.filter(application=taken.obj).delete()
        journey_step_forget(taken.obj.person, JourneyStepName.TRIAL_STAY)
        _promote(taken.obj.call)
    return taken.obj


def _stay_authorise(actor: User, stay: TrialStay) -> None:
    if not is_town_staff(actor, stay.application.call):
        raise PermissionDenied(_("Only the town's staff arrange the stays."))


@transaction.atomic
def stay_update(
    *,
    actor: User,
    stay: TrialStay,
    flat: str,
    starts_on: dt.date,
    ends_on: dt.date,
    contact: User | None = None,
    coworking: str = "",
    version: int | None = None,
) -> TrialStay:
    """The town arranges a stay: flat, dates, local contact, coworking. Rules: the actor is the
    town's staff; the stay ends after it starts; the flat is named; the local contact is a
    member of the town administration; nobody saved the stay since `version` was loaded.
    Raises PermissionDenied, DomainError, EditConflict."""
    stay = TrialStay.objects.select_for_update().select_related("application__call").get(pk=stay.pk)
    _stay_authorise(actor, stay)
    if not flat.strip():
        raise DomainError(_("Please name the flat."), field="flat")
    if ends_on <= starts_on:
        raise DomainError(_("The stay must end after it starts."), field="ends_on")
    if contact is not None and not is_town_staff(contact, stay.application.call):
        raise DomainError(
            _("The local contact must be a member of the town administration."), field="contact"
        )
    version_claim(stay, version)
    stay.flat, stay.starts_on, stay.ends_on = flat.strip(), starts_on, ends_on
    stay.contact, stay.coworking = contact, coworking.strip()
    stay.save()
    activity_record(actor=actor, verb="trial_stay.update", target=stay)
    return stay


@transaction.atomic
def stay_follow_up(*, actor: User, stay: TrialStay, text: str) -> TrialStay:
    """After the stay, the town writes down the follow-up with the participant (once). Rules:
    the stay has ended; a text of at most 10,000 characters; not written before.
    Raises PermissionDenied, DomainError."""
    stay = TrialStay.objects.select_for_update().select_related("application__call").get(pk=stay.pk)
    _stay_authorise(actor, stay)
    if stay.ends_on > _today():
        raise DomainError(_("The follow-up comes after the stay has ended."))
    if stay.followed_up_at is not None:
        raise DomainError(_("The follow-up of this stay is written already."))
    if not text.strip():
        raise DomainError(_("Please write what came out of the stay."), field="text")
    if len(text) > FOLLOW_UP_MAX:
        raise DomainError(
            _("Please keep the follow-up to %(max)s characters.") % {"max": FOLLOW_UP_MAX},
            field="text",
        )
    stay.follow_up = text.strip()
    stay.followed_up_at = timezone.now()
    stay.save()
    activity_record(actor=actor, verb="trial_stay.follow_up", target=stay)
    return stay


STEP_SERVICES = {
    "accept": application_accept,
    "waitlist": application_waitlist,
    "decline": application_decline,
    "withdraw": application_withdraw,
}
CALL_STEP_SERVICES = {"publish": call_publish, "close": call_close}

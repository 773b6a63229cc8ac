"""Every write of the places area: bookings (once or weekly), their confirmation, refusal and
cancellation, maintenance blocks, qualifications.

No overlap, whatever the timing: each booking service takes the resource's row lock first
(`SELECT … FOR UPDATE` on PostgreSQL; on SQLite every transaction holds the write lock from its
start, `transaction_mode=IMMEDIATE`), then checks and inserts inside the same transaction, so
two requests for one slot are checked one after the other. On PostgreSQL an exclusion
constraint (migration 0002) refuses an overlap from any other path as well; the service turns
its IntegrityError into the same refusal.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Max, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Membership, Organisation
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.services import activity_record
from transferraum.notifications.services import notifications_enabled
from transferraum.places import calendar
from transferraum.places.models import Booking, Qualification, Resource, Training
from transferraum.places.permissions import is_place_staff, may_book_audience

MAX_WEEKS = 12

P = ParamSpec("P")
R = TypeVar("R")


def serialised(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` (a `transaction.atomic` service) one at a time per database.

    PostgreSQL: the service locks the resource's row. SQLite: the transaction takes the write
    lock at its start (`IMMEDIATE`); when another connection holds it, SQLite answers "locked"
    at once for an in-memory database and after the busy timeout for a file – so the service
    is tried again, with a short random pause, until the busy timeout has passed. A refusal or
    an error other than "locked" ends it at once; nothing half done stays behind, as each try
    is one transaction."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if connection.vendor != "sqlite" or connection.in_atomic_block:
            return function(*args, **kwargs)
        timeout = settings.DATABASES["default"].get("OPTIONS", {}).get("timeout", 20)
        deadline = time.monotonic() + float(timeout)
        while True:
            try:
                return function(*args, **kwargs)
            except OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01 + random.random() * 0.04)  # noqa: S311 - a pause, not a secret

    return wrapper


class BookingRefused(DomainError):
    """A booking the rules refuse; `free` names the next free starts (for an overlap)."""

    def __init__(
        self, message: str, *, field: str | None = None, free: Sequence[dt.datetime] = ()
    ) -> None:
        super().__init__(message, field=field)
        self.free = list(free)


@dataclass(frozen=True)
class SeriesDate:
    starts_at: dt.datetime
    ends_at: dt.datetime
    refusal: str = ""


class SeriesConflict(DomainError):
    """Some dates of a weekly series are not free: nothing was booked; `dates` says which."""

    def __init__(self, dates: list[SeriesDate]) -> None:
        taken = sum(1 for d in dates if d.refusal)
        super().__init__(
            _("%(taken)s of %(total)s dates cannot be booked. Book the free ones or none.")
            % {"taken": taken, "total": len(dates)},
            field="weeks",
        )
        self.dates = dates


def _when(moment: dt.datetime) -> str:
    return formats.date_format(calendar.local(moment), "SHORT_DATETIME_FORMAT")


# --- person kind and qualifications -----------------------------------------------------------


def person_kind(person: User) -> str:
    """Who books, for the usage figures: student, founder, company, town or other."""
    if person.has_role(User.Role.STUDENT):
        return Booking.PersonKind.STUDENT
    if person.has_role(User.Role.FOUNDER):
        return Booking.PersonKind.FOUNDER
    kinds = set(Membership.objects.filter(user=person).values_list("organisation__kind", flat=True))
    if Organisation.Kind.COMPANY in kinds or Organisation.Kind.STARTUP in kinds:
        return Booking.PersonKind.COMPANY
    if Organisation.Kind.TOWN in kinds:
        return Booking.PersonKind.TOWN
    return Booking.PersonKind.OTHER


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def qualification_valid_until(qualification: Qualification) -> dt.date | None:
    """The last day the qualification holds (None: it never lapses). For "after N months
    without a booking" the months count from the latest booking of equipment that needs the
    training (or the day it was passed)."""
    training = qualification.training
    if training.lapse == Training.Lapse.DURATION:
        return qualification.passed_on + dt.timedelta(days=training.lapse_days or 0)
    if training.lapse == Training.Lapse.DATE:
        return training.lapse_on
    if training.lapse == Training.Lapse.INACTIVITY:
        last = Booking.objects.filter(
            user_id=qualification.user_id,
            resource__training=training,
            status=Booking.Status.CONFIRMED,
            starts_at__lte=timezone.now(),
        ).aggregate(last=Max("starts_at"))["last"]
        since = max(qualification.passed_on, calendar.local(last).date() if last else dt.date.min)
        return _add_months(since, training.lapse_months or 0)
    return None


def training_gate(person: User, training: Training, day: dt.date) -> None:
    """Refuse unless `person` holds a valid qualification for `training` on `day`."""
    qualification = (
        Qualification.objects.select_related("training")
        .filter(training=training, user=person)
        .first()
    )
    if qualification is None:
        raise BookingRefused(
            _("This needs the training “%(training)s”. Ask the staff of the place for it.")
            % {"training": training.name}
        )
    until = qualification_valid_until(qualification)
    today = timezone.localdate()
    if until is not None and (until < today or until < day):
        raise BookingRefused(
            _("Your training “%(training)s” lapsed on %(date)s. Ask the staff to renew it.")
            % {"training": training.name, "date": formats.date_format(until, "SHORT_DATE_FORMAT")}
        )


# --- the checks -------------------------------------------------------------------------------


def _check(
    *,
    resource: Resource,
    person: User | None,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    staff: bool,
    override: bool,
    block: bool = False,
) -> None:
    """Every rule of a booking, in the order a person can act on them; raises BookingRefused."""
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("aware datetimes only")
    if ends_at <= starts_at:
        raise BookingRefused(_("The end must be after the start."), field="ends_at")
    now = timezone.now()
    if not block:
        if starts_at < now:
            raise BookingRefused(_("This time is in the past."), field="starts_at")
        if starts_at < now + dt.timedelta(minutes=resource.lead_minutes):
            raise BookingRefused(
                _("Please book at least %(minutes)s minutes ahead.")
                % {"minutes": resource.lead_minutes},
                field="starts_at",
            )
        if starts_at > now + dt.timedelta(days=resource.ahead_days):
            raise BookingRefused(
                _("This resource can be booked at most %(days)s days ahead.")
                % {"days": resource.ahead_days},
                field="starts_at",
            )
        minutes = (ends_at - starts_at).total_seconds() / 60
        if minutes < resource.min_minutes:
            raise BookingRefused(
                _("A booking lasts at least %(minutes)s minutes.")
                % {"minutes": resource.min_minutes},
                field="ends_at",
            )
        if minutes > resource.max_minutes:
            raise BookingRefused(
                _("A booking lasts at most %(minutes)s minutes.")
                % {"minutes": resource.max_minutes},
                field="ends_at",
            )
        place = resource.place
        day = calendar.local(starts_at).date()
        holiday = calendar.holiday_name(place.state, day)
        if holiday and not place.exceptions.filter(date=day, opens__isnull=False).exists():
            raise BookingRefused(
                _("The place is closed on %(date)s (%(holiday)s).")
                % {"date": formats.date_format(day, "SHORT_DATE_FORMAT"), "holiday": holiday},
                field="starts_at",
            )
        if not calendar.within_opening(place, starts_at, ends_at):
            raise BookingRefused(
                _("This time is outside the opening hours of the place."), field="starts_at"
            )
        if person is None:
            raise ValueError("a booking needs a person")
        if not override:
            if not may_book_audience(person, resource):
                raise BookingRefused(
                    _("Only %(audience)s may book this resource.")
                    % {"audience": resource.get_audience_display()}
                )
            if resource.training_id is not None:
                training_gate(person, resource.training, day)  # type: ignore[arg-type]
        if resource.weekly_hours_max and not staff:
            local_start = calendar.local(starts_at)
            monday = local_start.date() - dt.timedelta(days=local_start.weekday())
            week = (
                calendar.at(monday, dt.time(0)),
                calendar.at(monday + dt.timedelta(days=7), dt.time(0)),
            )
            used = (
                Booking.objects.holding()
                .filter(resource=resource, user=person, starts_at__gte=week[0])
                .filter(starts_at__lt=week[1])
                .aggregate(total=Sum("minutes"))["total"]
                or 0
            )
            if used + minutes > resource.weekly_hours_max * 60:
                raise BookingRefused(
                    _("You may book this resource at most %(hours)s hours a week.")
                    % {"hours": resource.weekly_hours_max}
                )
    if Booking.objects.holding().filter(resource=resource).overlapping(starts_at, ends_at).exists():
        _refuse_taken(resource, starts_at, ends_at)


def _refuse_taken(resource: Resource, starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    free = calendar.free_times(resource, max(starts_at, timezone.now()), ends_at - starts_at)
    if free:
        message = _("This time is already booked. Free from: %(times)s.") % {
            "times": ", ".join(_when(moment) for moment in free)
        }
    else:
        message = _("This time is already booked, and nothing is free in the next four weeks.")
    raise BookingRefused(message, field="starts_at", free=free)


def _locked(resource: Resource) -> Resource:
    """The resource's row, locked until the transaction ends: bookings of one resource are
    checked one after the other."""
    return (
        Resource.objects.select_for_update(of=("self",))
        .select_related("place__municipality", "training")
        .get(pk=resource.pk)
    )


def _insert(booking: Booking) -> Booking:
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:  # the exclusion constraint (PostgreSQL), if a path got past
        if "overlap" not in str(error):
            raise
        _refuse_taken(booking.resource, booking.starts_at, booking.ends_at)
    return booking


def _after_commit(booking_ids: list[int], event: str) -> None:
    if not notifications_enabled() or not booking_ids:
        return
    from transferraum.places.tasks import booking_notify

    # robust: a failure to enqueue the e-mail is logged and does not undo or repeat the booking
    transaction.on_commit(lambda: booking_notify.enqueue(booking_ids, event), robust=True)


# --- bookings ---------------------------------------------------------------------------------


def series_dates(starts_at: dt.datetime, ends_at: dt.datetime, weeks: int) -> list[SeriesDate]:
    """The dates of a weekly series at the same wall-clock time in Berlin."""
    start, end = calendar.local(starts_at), calendar.local(ends_at)
    dates = []
    for week in range(weeks):
        shift = dt.timedelta(days=7 * week)
        dates.append(
            SeriesDate(
                calendar.at(start.date() + shift, start.time()),
                calendar.at(end.date() + shift, end.time()),
            )
        )
    return dates


@serialised
@transaction.atomic
def booking_create(
    *,
    actor: User,
    resource: Resource,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    weeks: int = 1,
    only_free: bool = False,
    person: User | None = None,
    team: Organisation | None = None,
    note: str = "",
    override_reason: str = "",
) -> list[Booking]:
    """Book `resource` once, or weekly for `weeks` (1–12) weeks, for the actor or – staff only –
    for `person` and/or on behalf of a `team`.

    Rules: not in the past, at least the lead time and at most the days ahead, the shortest and
    longest block, within the opening hours and not on a public holiday of the place's state,
    the audience, the training gate (a valid qualification), the weekly hours per person, no
    overlap. Staff may pass `override_reason` to pass audience and training (the activity log
    keeps it). Resources whose bookings staff confirm start as requested (unless staff book).
    Errors: BookingRefused (one date; names the next free times for an overlap);
    SeriesConflict (a series with refused dates, nothing booked unless `only_free`).
    """
    if not 1 <= weeks <= MAX_WEEKS:
        raise DomainError(
            _("A series runs for 1 to %(weeks)s weeks.") % {"weeks": MAX_WEEKS}, field="weeks"
        )
    resource = _locked(resource)
    staff = is_place_staff(actor, resource.place)
    on_behalf = (person is not None and person != actor) or team is not None
    if (on_behalf or override_reason) and not staff:
        raise PermissionDenied(_("Only the staff of the place may do this."))
    person = person or actor
    override = bool(override_reason.strip())
    if len(note) > 300:
        raise DomainError(_("At most 300 characters, please."), field="note")
    dates = series_dates(starts_at, ends_at, weeks)
    if weeks == 1:
        _check(
            resource=resource,
            person=person,
            starts_at=starts_at,
            ends_at=ends_at,
            staff=staff,
            override=override,
        )
        free = dates
    else:
        checked = []
        for date in dates:
            try:
                _check(
                    resource=resource,
                    person=person,
                    starts_at=date.starts_at,
                    ends_at=date.ends_at,
                    staff=staff,
                    override=override,
                )
            except BookingRefused as refusal:
                checked.append(SeriesDate(date.starts_at, date.ends_at, refusal.message))
            else:
                checked.append(date)
        free = [d for d in checked if not d.refusal]
        if len(free) < len(checked) and (not only_free or not free):
            raise SeriesConflict(checked)
    status = (
        Booking.Status.REQUESTED
        if resource.needs_confirmation and not staff
        else Booking.Status.CONFIRMED
    )
    series = uuid.uuid4() if weeks > 1 else None
    kind = person_kind(person)
    created = []
    for date in free:
        booking = _insert(
            Booking(
                resource=resource,
                user=person,
                booked_by=actor,
                team=team,
                person_kind=kind,
                starts_at=date.starts_at,
                ends_at=date.ends_at,
                minutes=int((date.ends_at - date.starts_at).total_seconds() // 60),
                status=status,
                series=series,
                note=note,
            )
        )
        created.append(booking)
    first = created[0]
    activity_record(
        actor=actor,
        verb="booking.create",
        target=first,
        data={"bookings": [b.pk for b in created], "status": status},
    )
    if override:
        activity_record(
            actor=actor,
            verb="booking.override",
            target=first,
            data={"reason": override_reason.strip(), "person": person.pk},
        )
    _after_commit([b.pk for b in created], "created")
    return created


@serialised
@transaction.atomic
def booking_block(
    *,
    actor: User,
    resource: Resource,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    reason: str,
) -> Booking:
    """Staff block a time for maintenance; it must not overlap a booking (refuse or cancel
    that one first)."""
    resource = _locked(resource)
    if not is_place_staff(actor, resource.place):
        raise PermissionDenied(_("Only the staff of the place may do this."))
    if not reason.strip():
        raise DomainError(_("Please give a reason."), field="reason")
    _check(
        resource=resource,
        person=None,
        starts_at=starts_at,
        ends_at=ends_at,
        staff=True,
        override=True,
        block=True,
    )
    booking = _insert(
        Booking(
            resource=resource,
            booked_by=actor,
            starts_at=starts_at,
            ends_at=ends_at,
            minutes=int((ends_at - starts_at).total_seconds() // 60),
            status=Booking.Status.BLOCKED,
            reason=reason.strip()[:500],
        )
    )
    activity_record(actor=actor, verb="booking.block", target=booking, data={"reason": reason})
    return booking


def _locked_booking(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("resource__place__municipality")
        .get(pk=booking.pk)
    )


@transaction.atomic
def booking_confirm(*, actor: User, booking: Booking) -> Booking:
    """Staff confirm a requested booking."""
    booking = _locked_booking(booking)
    if not is_place_staff(actor, booking.resource.place):
        raise PermissionDenied(_("Only the staff of the place may do this."))
    if booking.status != Booking.Status.REQUESTED:
        raise DomainError(_("Only a booking awaiting confirmation can be confirmed."))
    booking.status = Booking.Status.CONFIRMED
    booking.save(update_fields=["status"])
    activity_record(actor=actor, verb="booking.confirm", target=booking)
    _after_commit([booking.pk], "confirmed")
    return booking


@transaction.atomic
def booking_refuse(*, actor: User, booking: Booking, reason: str) -> Booking:
    """Staff refuse a requested or confirmed booking with a reason the person reads."""
    booking = _locked_booking(booking)
    if not is_place_staff(actor, booking.resource.place):
        raise PermissionDenied(_("Only the staff of the place may do this."))
    if not reason.strip():
        raise DomainError(_("Please give a reason."), field="reason")
    if len(reason) > 500:
        raise DomainError(_("At most 500 characters, please."), field="reason")
    if booking.status not in (Booking.Status.REQUESTED, Booking.Status.CONFIRMED):
        raise DomainError(_("This booking cannot be refused any more."))
    booking.status = Booking.Status.REFUSED
    booking.reason = reason.strip()
    booking.save(update_fields=["status", "reason"])
    activity_record(actor=actor, verb="booking.refuse", target=booking, data={"reason": reason})
    _after_commit([booking.pk], "refused")
    return booking


@transaction.atomic
def booking_cancel(*, actor: User, booking: Booking) -> Booking:
    """The person (or staff) cancels; the person only until the place's deadline."""
    booking = _locked_booking(booking)
    place = booking.resource.place
    staff = is_place_staff(actor, place)
    if not staff and actor.pk not in (booking.user_id, booking.booked_by_id):
        raise PermissionDenied(_("This is not your booking."))
    if booking.status not in Booking.HOLDING:
        raise DomainError(_("This booking is no longer active."))
    deadline = booking.starts_at - dt.timedelta(hours=place.cancel_hours)
    if not staff and timezone.now() > deadline:
        raise DomainError(
            _("Bookings can be cancelled until %(hours)s hours before the start.")
            % {"hours": place.cancel_hours}
        )
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status"])
    activity_record(actor=actor, verb="booking.cancel", target=booking)
    return booking


@transaction.atomic
def qualification_record(
    *, actor: User, training: Training, person: User, passed_on: dt.date | None = None
) -> Qualification:
    """Staff record that `person` passed `training` (again: the date is renewed)."""
    if not is_place_staff(actor, training.place):
        raise PermissionDenied(_("Only the staff of the place may do this."))
    passed_on = passed_on or timezone.localdate()
    if passed_on > timezone.localdate():
        raise DomainError(_("The date cannot be in the future."), field="passed_on")
    qualification, _created = Qualification.objects.update_or_create(
        training=training,
        user=person,
        defaults={"passed_on": passed_on, "recorded_by": actor},
    )
    activity_record(
        actor=actor,
        verb="qualification.record",
        target=qualification,
        data={"training": training.pk, "person": person.pk, "passed_on": passed_on.isoformat()},
    )
    return qualification

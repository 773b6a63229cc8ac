"""Reads with rules: the places' pages, the week views, a person's bookings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.core.errors import PermissionDenied
from transferraum.places import calendar
from transferraum.places.models import Booking, Place, Resource
from transferraum.places.permissions import is_place_staff


def places_for_viewer(viewer: Viewer) -> QuerySet[Place]:
    return Place.objects.select_related("organisation", "municipality").order_by("name", "pk")


def place_for_viewer(viewer: Viewer, slug: str) -> Place:
    return get_object_or_404(
        Place.objects.select_related("organisation", "municipality"), slug=slug
    )


def place_for_staff(viewer: Viewer, slug: str) -> Place:
    """The place, 403 for anybody but its staff (and coordinators)."""
    place = place_for_viewer(viewer, slug)
    if not is_place_staff(viewer, place):
        raise PermissionDenied(_("Only the staff of the place see this page."))
    return place


def resource_for_viewer(viewer: Viewer, place: Place, pk: int) -> Resource:
    return get_object_or_404(
        Resource.objects.select_related("place__municipality", "training"), place=place, pk=pk
    )


def bookings_for_person(person: User) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(user=person)
        .select_related("resource__place", "team")
        .order_by("-starts_at", "-pk")
    )


def monday_of(text: str | None) -> dt.date:
    """The Monday of the week named by `text` (an ISO date; anything else: this week)."""
    from django.utils import timezone

    try:
        day = dt.date.fromisoformat(text or "")
    except ValueError:
        day = timezone.localdate()
    if not dt.date(2000, 1, 3) <= day <= dt.date(2100, 1, 1):
        day = timezone.localdate()
    return day - dt.timedelta(days=day.weekday())


@dataclass
class Cell:
    state: str  # closed, free, busy, mine, blocked
    label: str
    starts_at: dt.datetime


@dataclass
class WeekRow:
    time: dt.time
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Week:
    monday: dt.date
    days: list[dt.date]
    rows: list[WeekRow]

    @property
    def previous(self) -> dt.date:
        return self.monday - dt.timedelta(days=7)

    @property
    def next(self) -> dt.date:
        return self.monday + dt.timedelta(days=7)


def resource_week(resource: Resource, monday: dt.date, viewer: Viewer) -> Week:
    """Free and busy half hours of a week: one row per half hour the place is open on some
    day of the week. Three queries."""
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    spans = calendar.spans_between(resource.place, days[0], days[-1])
    opens = [o for day in days for o, _c in spans[day]]
    closes = [c for day in days for _o, c in spans[day]]
    bookings = list(
        Booking.objects.holding()
        .filter(resource=resource)
        .overlapping(calendar.at(days[0], dt.time(0)), calendar.at(days[-1], dt.time(23, 59)))
        .only("starts_at", "ends_at", "status", "user_id")
    )
    rows: list[WeekRow] = []
    if not opens:
        return Week(monday, days, rows)
    slot = dt.datetime.combine(monday, min(opens))
    last = dt.datetime.combine(monday, max(closes))
    person_id = viewer.pk if viewer.is_authenticated else None
    while slot < last:
        row = WeekRow(slot.time())
        for day in days:
            start = calendar.at(day, slot.time())
            end = start + calendar.GRID
            open_now = any(
                calendar.at(day, o) <= start and end <= calendar.at(day, c) for o, c in spans[day]
            )
            hit = next((b for b in bookings if b.starts_at < end and b.ends_at > start), None)
            if not open_now:
                cell = Cell("closed", _("closed"), start)
            elif hit is None:
                cell = Cell("free", _("free"), start)
            elif hit.status == Booking.Status.BLOCKED:
                cell = Cell("blocked", _("maintenance"), start)
            elif person_id is not None and hit.user_id == person_id:
                cell = Cell("mine", _("your booking"), start)
            else:
                cell = Cell("busy", _("booked"), start)
            row.cells.append(cell)
        rows.append(row)
        slot += calendar.GRID
    return Week(monday, days, rows)


def place_bookings(place: Place, first: dt.date, last: dt.date) -> QuerySet[Booking]:
    """Every booking of the place's resources that touches the days (staff views)."""
    return (
        Booking.objects.filter(resource__place=place)
        .exclude(status=Booking.Status.CANCELLED)
        .overlapping(
            calendar.at(first, dt.time(0)), calendar.at(last + dt.timedelta(days=1), dt.time(0))
        )
        .select_related("resource", "user", "team")
        .order_by("starts_at", "pk")
    )

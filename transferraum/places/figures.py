"""Usage figures of the innovation places per place, resource and month (issue 23, point 4),
in one module that the staff page, the indicators and the research dashboard read.

- booked hours: bookings asked for or confirmed (not refused, cancelled or staff blocks);
- used hours: confirmed bookings that have ended and were not marked as not used;
- occupancy: booked hours against the hours the place was open that month (public holidays
  and exceptions included), per resource;
- distinct people: who had a booked booking that month;
- hours by kind of person (student, founder, company, town, other), as recorded at booking.

Two GROUP BY queries for the bookings; the opening hours are a calendar computation over the
days of the months asked for (two small queries).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from transferraum.places import calendar
from transferraum.places.models import Booking, Place, Resource

BOOKED = (Booking.Status.REQUESTED, Booking.Status.CONFIRMED)
KINDS = tuple(Booking.PersonKind.values)


@dataclass
class UsageRow:
    month: dt.date
    resource: Resource
    booked_hours: float = 0.0
    used_hours: float = 0.0
    open_hours: float = 0.0
    people: int = 0
    by_kind: dict[str, float] = field(default_factory=dict)

    @property
    def occupancy(self) -> float | None:
        """Booked hours per open hour, 0–1 (None when the place was closed all month)."""
        if not self.open_hours:
            return None
        return self.booked_hours / self.open_hours

    @property
    def kind_hours(self) -> list[float]:
        return [self.by_kind.get(kind, 0.0) for kind in KINDS]


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def booked_rows(place: Place | None = None) -> QuerySet[Booking]:
    """The bookings the figures count."""
    rows = Booking.objects.filter(status__in=BOOKED)
    return rows if place is None else rows.filter(resource__place=place)


def open_hours(place: Place, first: dt.date, last: dt.date) -> dict[dt.date, float]:
    """Hours the place is open per month (first day of the month) from `first` to `last`."""
    hours: dict[dt.date, float] = defaultdict(float)
    for day, spans in calendar.spans_between(place, first, last).items():
        for opens, closes in spans:
            seconds = (
                dt.datetime.combine(day, closes) - dt.datetime.combine(day, opens)
            ).total_seconds()
            hours[month_start(day)] += seconds / 3600
    return hours


def usage(place: Place, first: dt.date, last: dt.date) -> list[UsageRow]:
    """One row per resource and month from the month of `first` to the month of `last`."""
    first, end = month_start(first), _next_month(month_start(last))
    rows = booked_rows(place).filter(
        starts_at__gte=calendar.at(first, dt.time(0)), starts_at__lt=calendar.at(end, dt.time(0))
    )
    month = TruncMonth("starts_at", tzinfo=calendar.BERLIN)
    now = timezone.now()
    totals = (
        rows.annotate(month=month)
        .values("month", "resource")
        .annotate(
            booked=Sum("minutes"),
            used=Sum(
                "minutes",
                filter=Q(status=Booking.Status.CONFIRMED, ends_at__lte=now, no_show=False),
            ),
            people=Count("user", distinct=True),
        )
        .order_by()
    )
    kinds = (
        rows.annotate(month=month)
        .values("month", "resource", "person_kind")
        .annotate(minutes=Sum("minutes"))
        .order_by()
    )
    resources = list(Resource.objects.filter(place=place).order_by("name", "pk"))
    opened = open_hours(place, first, end - dt.timedelta(days=1))
    table: dict[tuple[dt.date, int], UsageRow] = {}
    cursor = first
    while cursor < end:
        for resource in resources:
            table[(cursor, resource.pk)] = UsageRow(
                cursor, resource, open_hours=opened.get(cursor, 0.0)
            )
        cursor = _next_month(cursor)

    def key(row: dict[str, object]) -> tuple[dt.date, int]:
        value = row["month"]
        day = value.date() if isinstance(value, dt.datetime) else value
        return (day, row["resource"])  # type: ignore[return-value]

    for row in totals:
        usage_row = table.get(key(row))
        if usage_row is not None:
            usage_row.booked_hours = (row["booked"] or 0) / 60
            usage_row.used_hours = (row["used"] or 0) / 60
            usage_row.people = row["people"]
    for row in kinds:
        usage_row = table.get(key(row))
        if usage_row is not None:
            usage_row.by_kind[row["person_kind"]] = (row["minutes"] or 0) / 60
    return list(table.values())


@dataclass
class MonthTotal:
    month: dt.date
    booked_hours: float
    used_hours: float
    open_hours: float  # summed over the resources
    people: int

    @property
    def occupancy(self) -> float | None:
        return self.booked_hours / self.open_hours if self.open_hours else None


def month_totals(place: Place, first: dt.date, last: dt.date) -> list[MonthTotal]:
    """The place's months: hours summed over its resources; distinct people in one query."""
    rows = usage(place, first, last)
    first, end = month_start(first), _next_month(month_start(last))
    people = {
        (row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]): row[
            "people"
        ]
        for row in booked_rows(place)
        .filter(
            starts_at__gte=calendar.at(first, dt.time(0)),
            starts_at__lt=calendar.at(end, dt.time(0)),
        )
        .annotate(month=TruncMonth("starts_at", tzinfo=calendar.BERLIN))
        .values("month")
        .annotate(people=Count("user", distinct=True))
        .order_by()
    }
    totals: dict[dt.date, MonthTotal] = {}
    for row in rows:
        total = totals.setdefault(row.month, MonthTotal(row.month, 0.0, 0.0, 0.0, 0))
        total.booked_hours += row.booked_hours
        total.used_hours += row.used_hours
        total.open_hours += row.open_hours
    for month, total in totals.items():
        total.people = people.get(month, 0)
    return sorted(totals.values(), key=lambda t: t.month)

"""The usage figures against a hand computation, and the indicators."""

from __future__ import annotations

import datetime as dt

import pytest

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.indicators.registry import Scope, indicator_get, value_of
from transferraum.places import figures
from transferraum.places.models import Booking, OpeningException
from transferraum.places.tests.factories import ResourceFactory, at

pytestmark = pytest.mark.django_db


def _book(resource, person, start, hours, status=Booking.Status.CONFIRMED, *, kind, **extra):
    return Booking.objects.create(
        resource=resource,
        user=person,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=hours),
        minutes=hours * 60,
        status=status,
        person_kind=kind,
        **extra,
    )


def test_usage_per_resource_and_month_against_a_hand_computation(frozen):
    desk = ResourceFactory(name="A Tisch")
    room = ResourceFactory(name="B Raum", place=desk.place)
    student, founder = UserFactory(role=User.Role.STUDENT), UserFactory(role=User.Role.FOUNDER)
    S, F = Booking.PersonKind.STUDENT, Booking.PersonKind.FOUNDER
    # February 2027 (in the past on 1 March): used unless marked as not used
    _book(desk, student, at(1, 9, month=2), 3, kind=S)
    _book(desk, student, at(2, 9, month=2), 2, kind=S, no_show=True)
    _book(desk, founder, at(3, 9, month=2), 4, kind=F)
    _book(desk, founder, at(4, 9, month=2), 5, Booking.Status.CANCELLED, kind=F)  # not counted
    _book(room, founder, at(5, 9, month=2), 1, Booking.Status.REQUESTED, kind=F)  # booked only
    Booking.objects.create(
        resource=room,
        starts_at=at(8, 9, month=2),
        ends_at=at(8, 12, month=2),
        minutes=180,
        status=Booking.Status.BLOCKED,
    )  # maintenance: not counted
    # March 2027: in the future, booked but not yet used; 31 March late evening stays in March
    _book(desk, student, at(2, 9), 2, kind=S)
    _book(desk, founder, at(31, 19), 1, kind=F)
    # February 2027: 20 weekdays × 12 hours (8–20) + 4 Saturdays × 6 hours = 264 hours
    # March 2027: 23 weekdays (Good Friday 26 and Easter Monday 29 closed: 21) × 12
    # + 4 Saturdays × 6 = 252 + 24 = 276, minus one exception day (Wednesday 3 March closed)
    OpeningException.objects.create(place=desk.place, date=dt.date(2027, 3, 3))
    rows = {
        (row.month, row.resource.name): row
        for row in figures.usage(desk.place, dt.date(2027, 2, 1), dt.date(2027, 3, 31))
    }
    feb_desk = rows[(dt.date(2027, 2, 1), "A Tisch")]
    assert (feb_desk.booked_hours, feb_desk.used_hours, feb_desk.people) == (9, 7, 2)
    assert feb_desk.open_hours == 264
    assert feb_desk.occupancy == pytest.approx(9 / 264)
    assert feb_desk.by_kind == {S: 5, F: 4}
    feb_room = rows[(dt.date(2027, 2, 1), "B Raum")]
    assert (feb_room.booked_hours, feb_room.used_hours, feb_room.people) == (1, 0, 1)
    mar_desk = rows[(dt.date(2027, 3, 1), "A Tisch")]
    assert (mar_desk.booked_hours, mar_desk.used_hours, mar_desk.people) == (3, 0, 2)
    assert mar_desk.open_hours == 276 - 12
    totals = figures.month_totals(desk.place, dt.date(2027, 2, 1), dt.date(2027, 3, 31))
    assert [(t.month, t.booked_hours, t.used_hours, t.people) for t in totals] == [
        (dt.date(2027, 2, 1), 10, 7, 2),
        (dt.date(2027, 3, 1), 3, 0, 2),
    ]
    assert totals[0].open_hours == 2 * 264


def test_usage_figures_take_two_queries_for_the_bookings(frozen, django_assert_max_num_queries):
    desk = ResourceFactory()
    for day in range(1, 20):
        _book(desk, UserFactory(), at(day, 9, month=2), 1, kind=Booking.PersonKind.OTHER)
    with django_assert_max_num_queries(5):
        figures.usage(desk.place, dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def test_the_indicators_count_bookings_and_hours(frozen):
    desk = ResourceFactory()
    person = UserFactory()
    _book(desk, person, at(1, 9, month=2), 3, kind=Booking.PersonKind.OTHER)
    _book(desk, person, at(2, 9, month=2), 2, kind=Booking.PersonKind.OTHER)
    _book(desk, person, at(3, 9, month=2), 2, Booking.Status.REFUSED, kind="other")
    town = desk.place.municipality_id
    bookings, hours = indicator_get("place-bookings"), indicator_get("place-hours")
    assert value_of(bookings, Scope(town=town, year=2027)) == 2
    assert value_of(hours, Scope(town=town, year=2027)) == 5
    assert value_of(bookings, Scope(year=2026)) == 0

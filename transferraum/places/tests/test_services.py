"""The booking rules, the training gates with their lapse kinds, holidays and weekly series,
called through the services as every path does."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.models import Membership, Organisation
from transferraum.actors.tests.factories import MembershipFactory, OrganisationFactory
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.places import services
from transferraum.places.models import Booking, OpeningException, PlaceMember, Resource, Training
from transferraum.places.services import BookingRefused, SeriesConflict, booking_create
from transferraum.places.tests.factories import (
    PlaceFactory,
    ResourceFactory,
    TrainingFactory,
    at,
)
from transferraum.regions.tests.factories import zeitz

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The messages are matched in English, the source language."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def desk(frozen):
    return ResourceFactory(name="Schreibtisch 1")


@pytest.fixture
def staff_member(desk):
    person = UserFactory(role=User.Role.STAFF)
    PlaceMember.objects.create(place=desk.place, user=person, role=PlaceMember.Role.STAFF)
    return person


def book(actor, resource, start, end, **kwargs):
    return booking_create(actor=actor, resource=resource, starts_at=start, ends_at=end, **kwargs)


def test_a_booking_in_opening_hours_is_confirmed(desk, student_geography):
    [booking] = book(student_geography, desk, at(2, 10), at(2, 12))
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.minutes == 120
    assert booking.person_kind == Booking.PersonKind.STUDENT
    assert Activity.objects.filter(verb="booking.create").count() == 1


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (at(1, 8), at(1, 9), "in the past"),
        (at(2, 12), at(2, 11), "end must be after"),
        (at(2, 10), at(2, 10, 15), "at least 30 minutes"),
        (at(2, 8), at(2, 17), "at most 480 minutes"),
        (at(2, 19), at(2, 21), "outside the opening hours"),
        (at(7, 10), at(7, 12), "outside the opening hours"),  # a Sunday
        (at(2, 10, month=8), at(2, 12, month=8), "at most 120 days ahead"),
    ],
)
def test_rules_refuse_with_a_clear_message(desk, student_geography, start, end, message):
    with pytest.raises(BookingRefused, match=message):
        book(student_geography, desk, start, end)
    assert not Booking.objects.exists()


def test_lead_time(desk, student_geography):
    desk.lead_minutes = 120
    desk.save()
    with pytest.raises(BookingRefused, match="120 minutes ahead"):
        book(student_geography, desk, at(1, 10), at(1, 11))
    book(student_geography, desk, at(1, 11), at(1, 12))


def test_weekly_hours_per_person(desk, student_geography, student_informatics):
    desk.weekly_hours_max = 4
    desk.save()
    book(student_geography, desk, at(2, 8), at(2, 11))
    with pytest.raises(BookingRefused, match="at most 4 hours a week"):
        book(student_geography, desk, at(3, 8), at(3, 10))
    book(student_geography, desk, at(3, 8), at(3, 9))
    book(student_geography, desk, at(9, 8), at(9, 12))  # the next week
    book(student_informatics, desk, at(4, 8), at(4, 12))  # another person


def test_an_overlap_is_refused_with_the_next_free_times(desk, student_geography, outsider):
    book(student_geography, desk, at(2, 10), at(2, 12))
    with pytest.raises(BookingRefused) as refused:
        book(outsider, desk, at(2, 11), at(2, 13))
    assert "already booked" in refused.value.message
    assert refused.value.free[0] == at(2, 12)
    assert all(moment >= at(2, 11) for moment in refused.value.free)
    # Touching ends are no overlap.
    book(outsider, desk, at(2, 12), at(2, 13))


def test_a_cancelled_booking_frees_its_time(desk, student_geography, outsider):
    [booking] = book(student_geography, desk, at(3, 10), at(3, 12))
    services.booking_cancel(actor=student_geography, booking=booking)
    book(outsider, desk, at(3, 10), at(3, 12))


def test_cancel_until_the_deadline(desk, student_geography, frozen):
    [booking] = book(student_geography, desk, at(2, 10), at(2, 12))
    frozen.move_to(at(1, 11))  # 23 hours before
    with pytest.raises(DomainError, match="24 hours before"):
        services.booking_cancel(actor=student_geography, booking=booking)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_someone_else_cannot_cancel(desk, student_geography, outsider):
    [booking] = book(student_geography, desk, at(3, 10), at(3, 12))
    with pytest.raises(PermissionDenied):
        services.booking_cancel(actor=outsider, booking=booking)


@pytest.mark.parametrize(
    ("audience", "person", "allowed"),
    [
        (Resource.Audience.SIGNED_IN, "outsider_public", True),
        (Resource.Audience.SIGNED_IN, "no_role", True),
        (Resource.Audience.PROGRAMME, "no_role", False),
        (Resource.Audience.PROGRAMME, "student", True),
        (Resource.Audience.MEMBERS, "student", False),
        (Resource.Audience.MEMBERS, "member", True),
        (Resource.Audience.MEMBERS, "organisation_member", True),
    ],
)
def test_who_may_book(desk, audience, person, allowed):
    desk.audience = audience
    desk.save()
    people = {
        "outsider_public": lambda: UserFactory(role=User.Role.PUBLIC),
        "no_role": lambda: UserFactory(),
        "student": lambda: UserFactory(role=User.Role.STUDENT),
    }
    if person == "member":
        user = UserFactory()
        PlaceMember.objects.create(place=desk.place, user=user)
    elif person == "organisation_member":
        team = OrganisationFactory(name="Gründungsteam", kind=Organisation.Kind.STARTUP)
        PlaceMember.objects.create(place=desk.place, organisation=team)
        user = MembershipFactory(organisation=team, role=Membership.Role.MEMBER).user
    else:
        user = people[person]()
    if allowed:
        book(user, desk, at(2, 10), at(2, 11))
    else:
        with pytest.raises(BookingRefused, match="may book"):
            book(user, desk, at(2, 10), at(2, 11))


def test_confirmation_and_refusal(desk, staff_member, student_geography):
    desk.needs_confirmation = True
    desk.save()
    [first, second] = [book(student_geography, desk, at(day, 10), at(day, 11))[0] for day in (2, 3)]
    assert first.status == Booking.Status.REQUESTED
    with pytest.raises(PermissionDenied):
        services.booking_confirm(actor=student_geography, booking=first)
    services.booking_confirm(actor=staff_member, booking=first)
    with pytest.raises(DomainError, match="reason"):
        services.booking_refuse(actor=staff_member, booking=second, reason=" ")
    services.booking_refuse(actor=staff_member, booking=second, reason="Reinigung")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Booking.Status.CONFIRMED, Booking.Status.REFUSED)
    # The refused booking's time is free again.
    book(staff_member, desk, at(3, 10), at(3, 11))


def test_staff_block_for_maintenance(desk, staff_member, student_geography):
    services.booking_block(
        actor=staff_member, resource=desk, starts_at=at(2, 8), ends_at=at(2, 12), reason="Wartung"
    )
    with pytest.raises(BookingRefused, match="already booked"):
        book(student_geography, desk, at(2, 9), at(2, 10))
    with pytest.raises(PermissionDenied):
        services.booking_block(
            actor=student_geography, resource=desk, starts_at=at(3, 8), ends_at=at(3, 9), reason="x"
        )


def test_staff_book_on_behalf_of_a_team(desk, staff_member, student_geography):
    team = OrganisationFactory(name="Team Laser", kind=Organisation.Kind.STARTUP)
    [booking] = book(staff_member, desk, at(2, 10), at(2, 11), person=student_geography, team=team)
    assert (booking.user, booking.booked_by, booking.team) == (
        student_geography,
        staff_member,
        team,
    )
    with pytest.raises(PermissionDenied):
        book(student_geography, desk, at(3, 10), at(3, 11), team=team)


# --- holidays ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "day", "closed"),
    [
        ("SN", dt.date(2027, 1, 6), False),  # Heilige Drei Könige: Saxony-Anhalt only
        ("ST", dt.date(2027, 1, 6), True),
        ("SN", dt.date(2027, 11, 17), True),  # Buß- und Bettag: Saxony only
        ("ST", dt.date(2027, 11, 17), False),
        ("SN", dt.date(2027, 10, 29), False),
        ("SN", dt.date(2027, 3, 26), True),  # Karfreitag
        ("ST", dt.date(2027, 3, 26), True),
    ],
)
def test_holidays_of_saxony_and_saxony_anhalt(state, day, closed):
    time_machine_at = dt.datetime.combine(day - dt.timedelta(days=3), dt.time(9))
    place = PlaceFactory(municipality=zeitz()) if state == "ST" else PlaceFactory()
    assert place.state == state
    resource = ResourceFactory(place=place)
    person = UserFactory()
    with time_machine.travel(time_machine_at.replace(tzinfo=dt.UTC), tick=False):
        start = dt.datetime.combine(day, dt.time(10)).replace(tzinfo=dt.UTC)
        if closed:
            with pytest.raises(BookingRefused, match="closed on"):
                book(person, resource, start, start + dt.timedelta(hours=1))
        else:
            book(person, resource, start, start + dt.timedelta(hours=1))


def test_an_exception_opens_or_closes_a_day(desk, student_geography):
    OpeningException.objects.create(place=desk.place, date=dt.date(2027, 3, 2))
    OpeningException.objects.create(
        place=desk.place, date=dt.date(2027, 3, 7), opens=dt.time(12), closes=dt.time(14)
    )
    with pytest.raises(BookingRefused, match="opening hours"):
        book(student_geography, desk, at(2, 10), at(2, 11))
    book(student_geography, desk, at(7, 12), at(7, 14))  # a Sunday, opened


# --- series -----------------------------------------------------------------------------------


def test_a_weekly_series_with_a_conflict_books_nothing_or_the_free_dates(
    desk, student_geography, outsider
):
    book(outsider, desk, at(16, 10), at(16, 11))
    with pytest.raises(SeriesConflict) as conflict:
        book(student_geography, desk, at(2, 10), at(2, 11), weeks=4)
    dates = conflict.value.dates
    assert [bool(d.refusal) for d in dates] == [False, False, True, False]
    assert "1 of 4" in conflict.value.message
    assert Booking.objects.filter(user=student_geography).count() == 0
    created = book(student_geography, desk, at(2, 10), at(2, 11), weeks=4, only_free=True)
    assert [b.starts_at for b in created] == [at(2, 10), at(9, 10), at(23, 10)]
    assert len({b.series for b in created}) == 1


def test_a_series_keeps_the_wall_clock_across_summer_time(desk, student_geography):
    created = book(student_geography, desk, at(24, 10), at(24, 11), weeks=2)
    assert [b.starts_at for b in created] == [at(24, 10), at(31, 10)]  # 28 March: summer time
    utc = [b.starts_at.astimezone(dt.UTC) for b in created]
    assert utc[1] - utc[0] == dt.timedelta(days=7, hours=-1)


def test_a_series_runs_at_most_twelve_weeks(desk, student_geography):
    with pytest.raises(DomainError, match="1 to 12 weeks"):
        book(student_geography, desk, at(2, 10), at(2, 11), weeks=13)


# --- training gates ---------------------------------------------------------------------------


@pytest.fixture
def laser(desk):
    training = TrainingFactory(place=desk.place, name="Lasereinweisung")
    return ResourceFactory(
        place=desk.place,
        name="Lasercutter",
        kind=Resource.Kind.EQUIPMENT,
        audience=Resource.Audience.TRAINED,
        training=training,
    )


LAPSES = [
    # lapse kind, settings, passed on, last booking (days before now), refused?
    (Training.Lapse.NEVER, {}, dt.date(2020, 1, 1), None, False),
    (Training.Lapse.DURATION, {"lapse_days": 365}, dt.date(2026, 3, 10), None, False),
    (Training.Lapse.DURATION, {"lapse_days": 365}, dt.date(2026, 2, 10), None, True),
    (Training.Lapse.DATE, {"lapse_on": dt.date(2027, 6, 30)}, dt.date(2026, 1, 1), None, False),
    (Training.Lapse.DATE, {"lapse_on": dt.date(2027, 3, 1)}, dt.date(2026, 1, 1), None, True),
    (Training.Lapse.INACTIVITY, {"lapse_months": 6}, dt.date(2026, 10, 1), None, False),
    (Training.Lapse.INACTIVITY, {"lapse_months": 6}, dt.date(2026, 8, 1), None, True),
    (Training.Lapse.INACTIVITY, {"lapse_months": 6}, dt.date(2026, 1, 1), 100, False),
    (Training.Lapse.INACTIVITY, {"lapse_months": 6}, dt.date(2026, 1, 1), 200, True),
]


@pytest.mark.parametrize(("lapse", "options", "passed_on", "booked_ago", "refused"), LAPSES)
def test_training_gate_and_lapse_kinds(
    laser, staff_member, frozen, lapse, options, passed_on, booked_ago, refused
):
    founder = UserFactory(role=User.Role.FOUNDER)
    training = laser.training
    Training.objects.filter(pk=training.pk).update(lapse=lapse, **options)
    with pytest.raises(BookingRefused, match="needs the training"):
        book(founder, laser, at(2, 10), at(2, 11))
    services.qualification_record(
        actor=staff_member, training=training, person=founder, passed_on=passed_on
    )
    if booked_ago is not None:
        start = at(1, 10) - dt.timedelta(days=booked_ago)
        Booking.objects.create(
            resource=laser,
            user=founder,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            minutes=60,
            status=Booking.Status.CONFIRMED,
        )
    if refused:
        with pytest.raises(BookingRefused, match="lapsed"):
            book(founder, laser, at(2, 10), at(2, 11))
    else:
        book(founder, laser, at(2, 10), at(2, 11))


def test_a_date_lapse_refuses_a_booking_after_the_date(laser, staff_member):
    founder = UserFactory(role=User.Role.FOUNDER)
    Training.objects.filter(pk=laser.training_id).update(
        lapse=Training.Lapse.DATE, lapse_on=dt.date(2027, 3, 5)
    )
    services.qualification_record(actor=staff_member, training=laser.training, person=founder)
    book(founder, laser, at(5, 10), at(5, 11))
    with pytest.raises(BookingRefused, match="lapsed"):
        book(founder, laser, at(8, 10), at(8, 11))


def test_staff_override_the_gate_with_a_reason_in_the_log(laser, staff_member):
    founder = UserFactory(role=User.Role.FOUNDER)
    [booking] = book(
        staff_member, laser, at(2, 10), at(2, 11), person=founder, override_reason="Begleitet"
    )
    entry = Activity.objects.get(verb="booking.override")
    assert entry.data["reason"] == "Begleitet"
    assert booking.user == founder
    with pytest.raises(PermissionDenied):
        book(founder, laser, at(3, 10), at(3, 11), override_reason="Ich darf das")


def test_only_staff_record_a_training(laser, student_geography):
    with pytest.raises(PermissionDenied):
        services.qualification_record(
            actor=student_geography, training=laser.training, person=student_geography
        )
    assert not laser.training.passed.exists()


def test_coordinators_and_organisation_admins_are_staff(laser, coordinator):
    founder = UserFactory(role=User.Role.FOUNDER)
    services.qualification_record(actor=coordinator, training=laser.training, person=founder)
    admin = MembershipFactory(
        organisation=laser.place.organisation, role=Membership.Role.ADMIN
    ).user
    services.qualification_record(actor=admin, training=laser.training, person=founder)

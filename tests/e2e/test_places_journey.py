"""Issue 23's booking story in the browser: a founder is refused the laser cutter, the staff of
the place record her training, she books it and gets the e-mail with the calendar file; a
student books a desk weekly with one conflict and takes the free dates; the staff see the
week. Every page passes axe."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.places import calendar
from transferraum.places.models import Booking, PlaceMember, Resource
from transferraum.places.tests.factories import PlaceFactory, ResourceFactory, TrainingFactory

from .helpers import de, expect_message, log_in, log_out


def _weekday_ahead() -> dt.date:
    """A weekday at least two days ahead whose next two weeks' same days are no holidays."""
    day = timezone.localdate() + dt.timedelta(days=2)
    while day.weekday() >= 5 or any(
        calendar.holiday_name("SN", day + dt.timedelta(weeks=w)) for w in range(3)
    ):
        day += dt.timedelta(days=1)
    return day


@pytest.fixture
def space(transactional_db):
    place = PlaceFactory(name="Makerspace Zeitz", slug="makerspace-zeitz")
    training = TrainingFactory(place=place, name="Einweisung Lasercutter")
    laser = ResourceFactory(
        place=place,
        name="Lasercutter",
        kind=Resource.Kind.EQUIPMENT,
        audience=Resource.Audience.TRAINED,
        training=training,
    )
    desk = ResourceFactory(place=place, name="Schreibtisch 1")
    staff = UserFactory(email="werkstatt@zeitz.example", name="Petra Werk", role=User.Role.STAFF)
    PlaceMember.objects.create(place=place, user=staff, role=PlaceMember.Role.STAFF)
    founder = UserFactory(email="gruenderin@example.org", name="Mira Albrecht", role="founder")
    return {"place": place, "laser": laser, "desk": desk, "staff": staff, "founder": founder}


def _book(page: Page, day: dt.date, starts: str, ends: str, weeks: int = 1) -> None:
    page.get_by_label(de("Day")).fill(day.isoformat())
    page.get_by_label(de("From"), exact=True).fill(starts)
    page.get_by_label(de("Until"), exact=True).fill(ends)
    page.get_by_label(de("Weekly for how many weeks")).fill(str(weeks))
    page.get_by_role("button", name=de("Book"), exact=True).click()


def test_training_gate_booking_email_series_and_staff_week(
    page: Page, open_page, check_a11y, space, student_geography
):
    day = _weekday_ahead()
    laser, desk, staff, founder = space["laser"], space["desk"], space["staff"], space["founder"]

    # the founder is refused the laser cutter: she has no training
    log_in(page, founder.email)
    page.goto(laser.get_absolute_url())
    check_a11y(page)
    _book(page, day, "10:00", "11:00")
    expect(page.get_by_text("Einweisung „Einweisung Lasercutter“ nötig")).to_be_visible()
    expect(page.get_by_label(de("From"), exact=True)).to_have_value("10:00")
    check_a11y(page)
    log_out(page)

    # the staff record her training
    log_in(page, staff.email)
    page.goto(f"/orte/{space['place'].slug}/verwaltung/")
    check_a11y(page)
    page.get_by_label(de("Training"), exact=True).select_option(label="Einweisung Lasercutter")
    page.get_by_label(de("Person (e-mail)")).fill(founder.email)
    page.get_by_role("button", name=de("Record")).click()
    expect_message(page, "Mira Albrecht hat „Einweisung Lasercutter“ bestanden.")
    log_out(page)

    # now she books it and gets the e-mail with the calendar file
    log_in(page, founder.email)
    page.goto(laser.get_absolute_url())
    _book(page, day, "10:00", "11:00")
    expect(page.get_by_role("heading", name=de("My bookings"))).to_be_visible()
    check_a11y(page)
    message = next(m for m in mail.outbox if m.to == [founder.email])
    assert "Lasercutter" in message.subject
    assert message.attachments[0][0] == "buchung.ics"
    log_out(page)

    # a student books a desk weekly; the second week is taken; she books the free dates
    taken = day + dt.timedelta(weeks=1)
    Booking.objects.create(
        resource=desk,
        user=staff,
        starts_at=calendar.at(taken, dt.time(9)),
        ends_at=calendar.at(taken, dt.time(12)),
        minutes=180,
        status=Booking.Status.CONFIRMED,
    )
    log_in(page, student_geography.email)
    page.goto(desk.get_absolute_url())
    page.get_by_role("link", name=de("Next week")).click()
    expect(page.get_by_role("table")).to_be_visible()
    _book(page, day, "09:00", "11:00", weeks=3)
    series = page.locator("[data-series] li")
    expect(series).to_have_count(3)
    expect(series.nth(1)).to_contain_text("bereits gebucht")
    check_a11y(page)
    page.get_by_role("button", name=de("Book only the free dates")).click()
    expect(page.locator("[data-booking]")).to_have_count(2)
    log_out(page)

    # the staff see the week of every resource
    log_in(page, staff.email)
    monday = day - dt.timedelta(days=day.weekday())
    page.goto(f"/orte/{space['place'].slug}/verwaltung/?woche={monday.isoformat()}")
    row = page.locator("[data-staff-row]").filter(has_text="Schreibtisch 1")
    expect(row).to_contain_text("Lena Schubert")
    expect(page.locator("[data-staff-row]").filter(has_text="Lasercutter")).to_contain_text(
        "Mira Albrecht"
    )
    check_a11y(page)
    page.goto(f"/orte/{space['place'].slug}/nutzung/")
    expect(page.locator("svg.in-chart")).to_be_visible()
    check_a11y(page)

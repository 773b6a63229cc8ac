"""The pages: allowed, refused and invalid requests, the e-mail with its calendar file, the
week view through htmx, and query counts that do not grow with the data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.testing import assert_capped
from transferraum.places.models import Booking, PlaceMember, Resource
from transferraum.places.services import booking_create
from transferraum.places.tests.factories import PlaceFactory, ResourceFactory, TrainingFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(frozen):
    return ResourceFactory(name="Schreibtisch 1")


@pytest.fixture
def staff_member(desk):
    person = UserFactory(role=User.Role.STAFF, email="team@ort.example")
    PlaceMember.objects.create(place=desk.place, user=person, role=PlaceMember.Role.STAFF)
    return person


def form(day="2027-03-02", starts="10:00", ends="12:00", **extra):
    return {"date": day, "starts": starts, "ends": ends, "weeks": "1", **extra}


def test_book_a_desk_and_get_the_email_with_a_calendar_file(
    client, desk, student_geography, django_capture_on_commit_callbacks
):
    client.force_login(student_geography)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(desk.get_absolute_url(), form())
    assert answer.status_code == 302
    booking = Booking.objects.get()
    assert booking.starts_at == at(2, 10)
    [message] = mail.outbox
    assert message.to == [student_geography.email]
    assert "Buchung bestätigt" in message.subject
    [(name, content, mimetype)] = message.attachments
    assert (name, mimetype) == ("buchung.ics", "text/calendar")
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == at(2, 10)
    assert "Schreibtisch 1" in str(event["summary"])


def test_a_refused_booking_keeps_the_input_and_names_free_times(client, desk, student_geography):
    booking_create(actor=UserFactory(), resource=desk, starts_at=at(2, 10), ends_at=at(2, 12))
    client.force_login(student_geography)
    answer = client.post(desk.get_absolute_url(), form(note="Mit Laptop"))
    assert answer.status_code == 400
    assert "bereits gebucht" in answer.text
    assert 'value="Mit Laptop"' in answer.text
    assert "data-free" in answer.text
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (form(day="kein Datum"), "gültiges Datum"),
        (form(day="1900-01-01"), "zwischen 2000 und 2100"),
        (form(starts="25:00"), "gültige Uhrzeit"),
        ({**form(), "weeks": "13"}, "kleiner oder gleich 12"),
        (form(day="2027-03-07"), "außerhalb der Öffnungszeiten"),
    ],
)
def test_invalid_input_is_refused_with_a_message(client, desk, student_geography, data, message):
    client.force_login(student_geography)
    answer = client.post(desk.get_absolute_url(), data)
    assert answer.status_code == 400
    assert message in answer.text
    assert not Booking.objects.exists()


def test_a_series_with_a_conflict_shows_the_dates_and_books_the_free_ones(
    client, desk, student_geography
):
    booking_create(actor=UserFactory(), resource=desk, starts_at=at(9, 10), ends_at=at(9, 12))
    client.force_login(student_geography)
    answer = client.post(desk.get_absolute_url(), {**form(), "weeks": "3"})
    assert answer.status_code == 400
    assert answer.text.count("<li>") >= 3 and "data-series" in answer.text
    assert "Nur die freien Termine buchen" in answer.text
    assert not Booking.objects.filter(user=student_geography).exists()
    answer = client.post(desk.get_absolute_url(), {**form(), "weeks": "3", "only_free": "yes"})
    assert answer.status_code == 302
    assert Booking.objects.filter(user=student_geography).count() == 2


def test_the_week_view_through_htmx(client, desk, student_geography):
    booking_create(actor=student_geography, resource=desk, starts_at=at(2, 10), ends_at=at(2, 11))
    client.force_login(student_geography)
    answer = client.get(
        desk.get_absolute_url() + "?woche=2027-03-08", headers={"HX-Request": "true"}
    )
    assert answer.status_code == 200
    assert "<html" not in answer.text
    assert 'id="week"' in answer.text and "8. März 2027" in answer.text
    page = client.get(desk.get_absolute_url() + "?woche=2027-03-01")
    assert 'data-cell="mine"' in page.text
    assert page.text.count('data-cell="closed"') > 0  # Sunday
    assert client.get(desk.get_absolute_url() + "?woche=%00").status_code == 200


def test_anonymous_people_see_the_week_but_must_sign_in_to_book(client, desk):
    page = client.get(desk.get_absolute_url())
    assert page.status_code == 200 and "Melden Sie sich zum Buchen an" in page.text
    answer = client.post(desk.get_absolute_url(), form())
    assert answer.status_code == 302 and "login" in answer["Location"]


def test_members_only_resources_say_who_may_book(client, desk, outsider):
    desk.audience = Resource.Audience.MEMBERS
    desk.save()
    client.force_login(outsider)
    page = client.get(desk.get_absolute_url())
    assert "Buchen dürfen nur" in page.text or "Mitglieder des Ortes" in page.text
    answer = client.post(desk.get_absolute_url(), form())
    assert answer.status_code == 400 and not Booking.objects.exists()


def test_cancel_own_booking_and_not_anothers(client, desk, student_geography, outsider):
    [booking] = booking_create(
        actor=student_geography, resource=desk, starts_at=at(3, 10), ends_at=at(3, 11)
    )
    client.force_login(outsider)
    assert client.post(reverse("places:booking-cancel", args=[booking.pk])).status_code == 404
    client.force_login(student_geography)
    assert client.post(reverse("places:booking-cancel", args=[booking.pk])).status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_staff_see_the_week_confirm_refuse_block_and_record_training(
    client, desk, staff_member, student_geography, django_capture_on_commit_callbacks
):
    desk.needs_confirmation = True
    desk.save()
    [first] = booking_create(
        actor=student_geography, resource=desk, starts_at=at(2, 10), ends_at=at(2, 11)
    )
    [second] = booking_create(
        actor=student_geography, resource=desk, starts_at=at(3, 10), ends_at=at(3, 11)
    )
    place = desk.place
    client.force_login(student_geography)
    assert client.get(reverse("places:staff", args=[place.slug])).status_code == 403
    client.force_login(staff_member)
    week = client.get(reverse("places:staff", args=[place.slug]) + "?woche=2027-03-01")
    assert week.status_code == 200 and week.text.count("data-waiting") == 2
    day = client.get(reverse("places:staff-day", args=[place.slug]) + "?tag=2027-03-02")
    assert day.status_code == 200 and "data-day-booking" in day.text
    decide = "places:staff-decide"
    client.post(reverse(decide, args=[place.slug, first.pk, "confirm"]))
    answer = client.post(reverse(decide, args=[place.slug, second.pk, "refuse"]), {"reason": ""})
    assert answer.status_code == 302
    second.refresh_from_db()
    assert second.status == Booking.Status.REQUESTED  # no reason: nothing changed
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(decide, args=[place.slug, second.pk, "refuse"]), {"reason": "Umbau"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Booking.Status.CONFIRMED, Booking.Status.REFUSED)
    assert any("Umbau" in m.body for m in mail.outbox)
    block = {"resource": desk.pk, "date": "2027-03-04", "starts": "08:00", "ends": "10:00"}
    answer = client.post(reverse("places:staff-block", args=[place.slug]), block)
    assert answer.status_code == 400  # no reason
    answer = client.post(
        reverse("places:staff-block", args=[place.slug]), {**block, "reason": "Wartung"}
    )
    assert answer.status_code == 302
    assert Booking.objects.filter(status=Booking.Status.BLOCKED).count() == 1
    training = TrainingFactory(place=place)
    data = {"training": training.pk, "person": "niemand@example.org"}
    answer = client.post(reverse("places:staff-training", args=[place.slug]), data)
    assert answer.status_code == 400 and "niemand@example.org" in answer.text
    data["person"] = student_geography.email
    answer = client.post(reverse("places:staff-training", args=[place.slug]), data)
    assert answer.status_code == 302 and training.passed.filter(user=student_geography).exists()


def test_usage_page_for_staff_only(client, desk, staff_member, student_geography):
    booking_create(actor=student_geography, resource=desk, starts_at=at(2, 10), ends_at=at(2, 12))
    url = reverse("places:usage", args=[desk.place.slug]) + "?jahr=2027"
    client.force_login(student_geography)
    assert client.get(url).status_code == 403
    client.force_login(staff_member)
    page = client.get(url)
    assert page.status_code == 200
    assert "<svg" in page.text and page.text.count("data-month") == 12
    assert client.get(url.replace("2027", "abc")).status_code == 200


def _bookings(person, resource, count, offset=0):
    for number in range(offset, offset + count):
        start = at(2, 8) + dt.timedelta(days=number)
        Booking.objects.create(
            resource=resource,
            user=person,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            minutes=60,
            status=Booking.Status.CONFIRMED,
        )


def test_lists_keep_their_queries_and_their_pages(
    client, desk, student_geography, django_assert_max_num_queries
):
    client.force_login(student_geography)
    _bookings(student_geography, desk, 3)
    for number in range(2):
        PlaceFactory(name=f"Ort klein {number}")
    with django_assert_max_num_queries(14):
        small = client.get(reverse("places:my-bookings"))
    with django_assert_max_num_queries(14):
        small_places = client.get(reverse("places:places"))
    _bookings(student_geography, desk, 30, offset=3)
    for number in range(25):
        PlaceFactory(name=f"Ort groß {number}")
    with django_assert_max_num_queries(14):
        large = client.get(reverse("places:my-bookings"))
    with django_assert_max_num_queries(14):
        large_places = client.get(reverse("places:places"))
    assert small.status_code == large.status_code == small_places.status_code == 200
    assert_capped(large, "data-booking", 20)
    assert_capped(large_places, "data-place", 20)
    assert large_places.status_code == 200


def test_the_week_views_keep_their_queries(
    client, desk, staff_member, student_geography, django_assert_max_num_queries
):
    _bookings(student_geography, desk, 2)
    client.force_login(staff_member)
    staff_url = reverse("places:staff", args=[desk.place.slug]) + "?woche=2027-03-01"
    with django_assert_max_num_queries(22):
        client.get(desk.get_absolute_url() + "?woche=2027-03-01")
    with django_assert_max_num_queries(22):
        client.get(staff_url)
    _bookings(student_geography, desk, 5, offset=2)
    for number in range(4):
        ResourceFactory(place=desk.place, name=f"Tisch {number}")
    with django_assert_max_num_queries(22):
        client.get(desk.get_absolute_url() + "?woche=2027-03-01")
    with django_assert_max_num_queries(22):
        page = client.get(staff_url)
    assert page.text.count("data-staff-row") == 5


def test_place_page(client, desk):
    page = Client().get(desk.place.get_absolute_url())
    assert page.status_code == 200 and "Schreibtisch 1" in page.text and "data-opening" in page.text


def test_the_start_page_shows_waiting_and_own_bookings(desk, staff_member, student_geography):
    from transferraum.places.start import items_for

    desk.needs_confirmation = True
    desk.save()
    booking_create(actor=student_geography, resource=desk, starts_at=at(2, 10), ends_at=at(2, 11))
    [waiting] = items_for(staff_member)
    assert "Lena Schubert" in waiting.title
    [own] = items_for(student_geography)
    assert "Schreibtisch 1" in own.title
    assert items_for(UserFactory()) == []

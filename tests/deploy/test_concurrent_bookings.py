"""Fifty people send the booking form for the same desk and the same two hours at the same
moment, through gunicorn with production settings and four workers: exactly one booking, and
49 answers that refuse it clearly ("already booked", with the next free times), on SQLite and
on PostgreSQL (issue 23). The data is made in the test database and handed to the servers as
in test_concurrent_rankings.py."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.deploy.gunicorn import gunicorn, post, sessions_for
from tests.deploy.test_concurrent_rankings import _counts, database_url_for_servers
from transferraum.accounts.tests.factories import UserFactory
from transferraum.places.calendar import holiday_name
from transferraum.places.models import Booking
from transferraum.places.tests.factories import ResourceFactory

PEOPLE = 50
WORKERS = 4

pytestmark = pytest.mark.django_db(transaction=True)


def _working_day() -> dt.date:
    day = timezone.localdate() + dt.timedelta(days=2)
    while day.weekday() >= 5 or holiday_name("SN", day):
        day += dt.timedelta(days=1)
    return day


def test_fifty_bookings_of_one_slot_sent_at_once_give_one_booking(tmp_path):
    desk = ResourceFactory(name="Schreibtisch am Fenster")
    people = UserFactory.create_batch(PEOPLE)
    sessions = sessions_for(people)
    call_command("createcachetable", verbosity=0)
    database_url = database_url_for_servers(tmp_path)
    path = desk.get_absolute_url()
    form = {"date": _working_day().isoformat(), "starts": "10:00", "ends": "12:00", "weeks": "1"}
    start = threading.Barrier(PEOPLE)

    with gunicorn(database_url, tmp_path, workers=WORKERS) as base:

        def book(n: int) -> tuple[int, str]:
            token = secrets.token_hex(16)
            start.wait()
            response = post(base, path, form, sessions[n], token)
            return response.status_code, response.text

        with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
            answers = list(pool.map(book, range(PEOPLE)))

    log = (tmp_path / "gunicorn.log").read_text()
    codes = sorted(code for code, _text in answers)
    assert codes == [302] + [400] * (PEOPLE - 1), log[-4000:]
    refused = [text for code, text in answers if code == 400]
    assert all("bereits gebucht" in text for text in refused)
    assert "database is locked" not in log
    assert _counts(database_url, Booking) == {Booking: 1}

"""Fifty requests for one slot at the same moment give exactly one booking and 49 clear
refusals, on SQLite and on PostgreSQL: threads against the service here; through the servers
(gunicorn with production settings) in tests/deploy/test_concurrent_bookings.py."""

from __future__ import annotations

import threading

import pytest
import time_machine
from django.db import connection

from transferraum.accounts.tests.factories import UserFactory
from transferraum.places.models import Booking
from transferraum.places.services import BookingRefused, booking_create
from transferraum.places.tests.factories import NOW, ResourceFactory, at

PEOPLE = 50


def _at_once(work, count: int) -> tuple[list, list[BaseException]]:
    barrier = threading.Barrier(count)
    results: list = []
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=60)
            results.append(work(index))
        except BaseException as error:  # noqa: BLE001 - the test reports them
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def _service_race() -> None:
    with time_machine.travel(NOW, tick=True):
        desk = ResourceFactory()
        people = [UserFactory() for _ in range(PEOPLE)]

        def book(index: int) -> str:
            try:
                booking_create(
                    actor=people[index], resource=desk, starts_at=at(2, 10), ends_at=at(2, 12)
                )
            except BookingRefused as refusal:
                return refusal.message
            return "booked"

        results, errors = _at_once(book, PEOPLE)
    assert not errors, errors[:3]
    assert results.count("booked") == 1
    refusals = [r for r in results if r != "booked"]
    assert len(refusals) == PEOPLE - 1
    assert all("bereits gebucht" in r for r in refusals)  # the default language
    assert Booking.objects.filter(resource=desk).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_threads_one_slot_on_postgresql():
    _service_race()


@pytest.mark.django_db(transaction=True)
def test_fifty_threads_one_slot_on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL pass runs the test above")
    _service_race()


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_exclusion_constraint_refuses_an_overlap_written_past_the_service():
    from django.db import IntegrityError

    with time_machine.travel(NOW, tick=False):
        desk = ResourceFactory()
        Booking.objects.create(
            resource=desk, starts_at=at(2, 10), ends_at=at(2, 12), minutes=120, status="confirmed"
        )
        with pytest.raises(IntegrityError, match="places_booking_no_overlap"):
            Booking.objects.create(
                resource=desk,
                starts_at=at(2, 11),
                ends_at=at(2, 13),
                minutes=120,
                status="requested",
            )

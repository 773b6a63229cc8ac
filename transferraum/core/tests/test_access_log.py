"""The access log: lists meant for staff record whom they showed to whom (core.access_log)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.access_log import (
    access_entries_for,
    access_place,
    access_place_get,
    access_record,
)
from transferraum.core.models import AccessEntry

TEST_LIST = access_place("tests.list", "Testliste")
OTHER_LIST = access_place("tests.other", "Andere Liste")


# --- the mechanism ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_list_seen_twice_a_day_is_one_entry_per_person(coordinator, student_geography):
    for _ in range(2):
        access_record(viewer=coordinator, place=TEST_LIST, people=[student_geography.pk] * 2)

    entry = AccessEntry.objects.get()
    assert (entry.person, entry.viewer, entry.place) == (
        student_geography,
        coordinator,
        "tests.list",
    )
    assert entry.day == timezone.localdate()


@pytest.mark.django_db
def test_the_next_day_is_a_new_entry_newest_first(coordinator, researcher, student_geography):
    access_record(viewer=coordinator, place=TEST_LIST, people=[student_geography.pk])
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        access_record(viewer=researcher, place=OTHER_LIST, people=[student_geography.pk])

    seen = access_entries_for(student_geography)

    assert [(entry.viewer, str(entry.place)) for entry in seen] == [
        ("Dr. Jana Krüger", "Andere Liste"),
        ("Katrin Vogel", "Testliste"),
    ]
    assert access_entries_for(student_geography, limit=1) == seen[:1]
    assert access_entries_for(researcher) == []


@pytest.mark.django_db
def test_the_viewer_themself_and_anonymous_visitors_are_not_recorded(coordinator):
    access_record(viewer=coordinator, place=TEST_LIST, people=[coordinator.pk])
    access_record(viewer=AnonymousUser(), place=TEST_LIST, people=[coordinator.pk])

    assert not AccessEntry.objects.exists()


@pytest.mark.django_db
def test_a_deleted_viewer_leaves_the_fact_without_the_name(student_geography):
    viewer = UserFactory(name="Gelöschte Koordinatorin")
    access_record(viewer=viewer, place=TEST_LIST, people=[student_geography.pk])

    viewer.delete()

    [entry] = access_entries_for(student_geography)
    assert entry.viewer == ""
    assert entry.place == "Testliste"


def test_a_list_since_removed_shows_its_key():
    assert access_place_get("gone.list").label == "gone.list"

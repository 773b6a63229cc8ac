"""Train connections from Leipzig to the partner towns: the data, the loader and its command."""

from __future__ import annotations

from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command

from transferraum.projects import travel
from transferraum.projects.models import TrainConnection
from transferraum.regions.tests.factories import eilenburg, zeitz


def test_every_entry_admits_its_times_are_rounded_and_names_a_source():
    assert {entry.municipality for entry in travel.TRAIN_CONNECTIONS} == {"Eilenburg", "Zeitz"}
    for entry in travel.TRAIN_CONNECTIONS:
        assert entry.note == "Fahrzeiten gerundet, bitte aktuelle Verbindung prüfen"
        assert len(entry.ags) == 8 and entry.ags.isdecimal()
        assert entry.changes == 0
    assert "gerundet" in travel.SOURCE


def test_the_times_are_those_of_the_regional_trains():
    by_town = {entry.municipality: entry for entry in travel.TRAIN_CONNECTIONS}

    assert "S4" in by_town["Eilenburg"].lines
    assert 20 <= by_town["Eilenburg"].minutes <= 25
    assert "Gera" in by_town["Zeitz"].lines and "Pegau" in by_town["Zeitz"].lines
    assert 55 <= by_town["Zeitz"].minutes <= 60


@pytest.mark.django_db
def test_loading_creates_the_connections_and_a_second_run_changes_nothing():
    eilenburg(), zeitz()

    first = travel.train_connections_load()
    second = travel.train_connections_load()

    assert (first.created, first.updated, first.unchanged, first.missing) == (2, 0, 0, ())
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    connection = TrainConnection.objects.get(municipality__name="Eilenburg")
    assert connection.station == "Eilenburg"
    assert connection.note == travel.ROUNDED_NOTE


@pytest.mark.django_db
def test_loading_brings_changed_data_up_to_date():
    eilenburg(), zeitz()
    travel.train_connections_load()
    TrainConnection.objects.filter(municipality__name="Zeitz").update(minutes=99, note="alt")

    report = travel.train_connections_load()

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert TrainConnection.objects.get(municipality__name="Zeitz").minutes == next(
        e.minutes for e in travel.TRAIN_CONNECTIONS if e.municipality == "Zeitz"
    )


@pytest.mark.django_db
def test_a_municipality_that_is_not_loaded_is_reported_not_invented():
    eilenburg()

    report = travel.train_connections_load()

    assert report.created == 1
    assert report.missing == ("Zeitz (15084590)",)
    assert not TrainConnection.objects.filter(municipality__ags="15084590").exists()


@pytest.mark.django_db
def test_a_key_of_another_town_is_an_error_in_the_data():
    eilenburg()
    wrong = travel.TrainData(
        ags="14730110", municipality="Torgau", station="Torgau", lines="S4", minutes=45, changes=0
    )

    with pytest.raises(ValueError, match="Torgau"):
        travel.train_connections_load((wrong,))
    assert not TrainConnection.objects.exists()


@pytest.mark.django_db
def test_the_command_prints_a_summary_and_names_missing_towns():
    eilenburg()
    out, err = StringIO(), StringIO()

    call_command("load_train_connections", stdout=out, stderr=err)
    call_command("load_train_connections", stdout=out, stderr=StringIO())

    assert "Train connections: 1 new, 0 updated, 0 unchanged." in out.getvalue()
    assert "Train connections: 0 new, 0 updated, 1 unchanged." in out.getvalue()
    assert "Zeitz (15084590)" in err.getvalue()


def test_the_route_search_starts_in_leipzig_and_ends_in_the_town():
    url = travel.route_search_url("Zeitz")

    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("https", "www.bahn.de")
    fields = parse_qs(parts.fragment)
    assert fields["so"] == ["Leipzig Hbf"]
    assert fields["zo"] == ["Zeitz"]
    assert "Leipzig%20Hbf" in url

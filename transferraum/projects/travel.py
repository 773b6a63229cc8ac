"""How to reach the partner towns from Leipzig by regional train: reference data for the project
pages, loaded by `manage.py load_train_connections` (part of `make db`).

The times are rounded from the regular timetable and are no substitute for a current journey
planner: every entry says so in its note, and each project page links to the DB route search.
Entries are keyed by the municipality's AGS; the name only guards against a wrong key.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.db import transaction

from transferraum.projects.models import TrainConnection
from transferraum.regions.models import Municipality

ORIGIN_STATION = "Leipzig Hbf"

ROUNDED_NOTE = "Fahrzeiten gerundet, bitte aktuelle Verbindung prüfen"

SOURCE = (
    "Eigene Zusammenstellung nach den Liniennetzen der S-Bahn Mitteldeutschland (S4 Leipzig – "
    "Eilenburg – Torgau) und der Elster-Saale-Bahn der Erfurter Bahn (Leipzig – Pegau – Zeitz – "
    "Gera); Fahrzeiten aus dem Regelfahrplan gerundet, ohne Gewähr."
)


@dataclass(frozen=True)
class TrainData:
    ags: str
    municipality: str
    station: str
    lines: str
    minutes: int
    changes: int
    note: str = ROUNDED_NOTE


TRAIN_CONNECTIONS: tuple[TrainData, ...] = (
    TrainData(
        ags="14730110",
        municipality="Eilenburg",
        station="Eilenburg",
        lines="S4 (S-Bahn Mitteldeutschland)",
        minutes=25,
        changes=0,
    ),
    TrainData(
        ags="15084590",
        municipality="Zeitz",
        station="Zeitz",
        lines="Regionalbahn Richtung Gera über Pegau (Elster-Saale-Bahn)",
        minutes=60,
        changes=0,
    ),
)


@dataclass(frozen=True)
class LoadReport:
    created: int
    updated: int
    unchanged: int
    missing: tuple[str, ...]  # municipalities not in the database (region data not loaded)


FIELDS = ("station", "lines", "minutes", "changes", "note")


@transaction.atomic
def train_connections_load(data: tuple[TrainData, ...] = TRAIN_CONNECTIONS) -> LoadReport:
    """Add the missing connections and bring changed ones up to date; safe to run again.

    A municipality that is not in the database is reported, not created: the region data
    comes first (`load_region`). An entry whose AGS belongs to a municipality of another name
    is refused (ValueError), since that is an error in the data.
    """
    municipalities = Municipality.objects.in_bulk([entry.ags for entry in data], field_name="ags")
    existing = {
        connection.municipality_id: connection
        for connection in TrainConnection.objects.filter(
            municipality__ags__in=[entry.ags for entry in data]
        )
    }
    created = updated = unchanged = 0
    missing: list[str] = []
    for entry in data:
        municipality = municipalities.get(entry.ags)
        if municipality is None:
            missing.append(f"{entry.municipality} ({entry.ags})")
            continue
        if municipality.name != entry.municipality:
            raise ValueError(
                f"AGS {entry.ags} is {municipality.name}, not {entry.municipality}: check the data."
            )
        values = {field: getattr(entry, field) for field in FIELDS}
        connection = existing.get(municipality.pk)
        if connection is None:
            TrainConnection.objects.create(municipality=municipality, **values)
            created += 1
        elif any(getattr(connection, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(connection, field, value)
            connection.save()
            updated += 1
        else:
            unchanged += 1
    return LoadReport(created, updated, unchanged, tuple(missing))


def route_search_url(station: str) -> str:
    """The DB route search with Leipzig Hbf and `station` filled in (date and time are the
    person's choice there)."""
    query = urlencode(
        {"sts": "true", "so": ORIGIN_STATION, "zo": station, "kl": "2"}, quote_via=quote
    )
    return f"https://www.bahn.de/buchung/fahrplan/suche#{query}"

"""The demo's innovation places (issue 23, point 10): a coworking space in Eilenburg run by the
town and a maker space in Zeitz run by the Zeitzer Werkstätten, with their resources, two
trainings and a term of bookings around the demo's day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from transferraum.demo.data.organisations import STARTUP, TOWN_EILENBURG

MAKER_OPERATOR = "Zeitzer Werkstätten GmbH"


@dataclass(frozen=True)
class TrainingSpec:
    name: str
    description: str
    lapse: str
    lapse_days: int | None = None
    lapse_months: int | None = None


@dataclass(frozen=True)
class ResourceSpec:
    name: str
    kind: str
    capacity: int = 1
    min_minutes: int = 60
    max_minutes: int = 480
    weekly_hours_max: int | None = None
    audience: str = "programme"
    training: str = ""
    price_cents: int = 0
    needs_confirmation: bool = False
    description: str = ""


@dataclass(frozen=True)
class PlaceSpec:
    slug: str
    name: str
    kind: str
    operator: str
    town: str
    street: str
    postcode: str
    lat: str
    lon: str
    description: str
    house_rules: str
    accessibility: str
    contact_email: str
    hours: tuple[tuple[int, dt.time, dt.time], ...]
    trainings: tuple[TrainingSpec, ...]
    resources: tuple[ResourceSpec, ...]
    member_organisations: tuple[str, ...] = ()


WEEKDAYS_8_TO_18 = tuple((day, dt.time(8), dt.time(18)) for day in range(5))

PLACES: tuple[PlaceSpec, ...] = (
    PlaceSpec(
        slug="coworking-eilenburg",
        name="Coworking Eilenburg im Bürgerhaus",
        kind="coworking",
        operator=TOWN_EILENBURG,
        town="Eilenburg",
        street="Franz-Mehring-Straße 23",
        postcode="04838",
        lat="51.459600",
        lon="12.633000",
        description=(
            "Arbeitsplätze und ein Besprechungsraum für Studierende, Gründerinnen und Gründer "
            "und Teams der Praxisprojekte, mitten in der Stadt."
        ),
        house_rules="- Bitte den Platz so verlassen, wie Sie ihn vorgefunden haben.\n"
        "- Telefonate im Besprechungsraum.",
        accessibility="Stufenloser Zugang über den Hof, Aufzug ins erste Obergeschoss, "
        "barrierefreies WC im Erdgeschoss.",
        contact_email="coworking@eilenburg.example",
        hours=(*WEEKDAYS_8_TO_18, (5, dt.time(10), dt.time(14))),
        trainings=(),
        resources=(
            ResourceSpec("Schreibtisch 1", "desk", weekly_hours_max=24),
            ResourceSpec("Schreibtisch 2", "desk", weekly_hours_max=24),
            ResourceSpec("Schreibtisch 3 (am Fenster)", "desk", weekly_hours_max=24),
            ResourceSpec(
                "Besprechungsraum",
                "meeting_room",
                capacity=8,
                max_minutes=240,
                needs_confirmation=True,
                description="Bildschirm, Whiteboard, Platz für acht Personen.",
            ),
        ),
        member_organisations=(STARTUP,),
    ),
    PlaceSpec(
        slug="makerspace-zeitz",
        name="Makerspace Zeitz",
        kind="maker_space",
        operator=MAKER_OPERATOR,
        town="Zeitz",
        street="Wendische Straße 10",
        postcode="06712",
        lat="51.048500",
        lon="12.137000",
        description="Werkstatt mit Lasercutter, 3D-Druckern und Werkbänken für Prototypen.",
        house_rules="- Schutzbrille an allen Maschinen.\n- Nach der Arbeit fegen.",
        accessibility="Erdgeschoss, breite Tür, Werkbank höhenverstellbar.",
        contact_email="makerspace@zeitzer-werkstaetten.example",
        hours=tuple((day, dt.time(9), dt.time(19)) for day in range(5)),
        trainings=(
            TrainingSpec(
                "Einweisung Lasercutter",
                "Sicherheit, Materialien, Absaugung; zwei Stunden mit dem Werkstattteam.",
                "inactivity",
                lapse_months=6,
            ),
            TrainingSpec(
                "Einweisung 3D-Druck", "Slicer, Filamentwechsel, Druckbett.", "duration", 365
            ),
        ),
        resources=(
            ResourceSpec(
                "Lasercutter",
                "equipment",
                max_minutes=180,
                weekly_hours_max=6,
                audience="trained",
                training="Einweisung Lasercutter",
                price_cents=1500,
            ),
            ResourceSpec(
                "3D-Drucker",
                "equipment",
                max_minutes=480,
                audience="trained",
                training="Einweisung 3D-Druck",
                price_cents=300,
            ),
            ResourceSpec("Werkbank", "equipment", capacity=2),
        ),
    ),
)

# The term's bookings: (place slug, resource, weekday, start hour, hours) repeated every week
# from TERM_WEEKS_BEFORE weeks before the demo's day to TERM_WEEKS_AFTER weeks after it; the
# people who book are taken in turn from the programme's students and founders.
TERM_WEEKS_BEFORE = 10
TERM_WEEKS_AFTER = 5
TERM: tuple[tuple[str, str, int, int, int], ...] = (
    ("coworking-eilenburg", "Schreibtisch 1", 0, 9, 4),
    ("coworking-eilenburg", "Schreibtisch 1", 2, 9, 8),
    ("coworking-eilenburg", "Schreibtisch 2", 1, 10, 6),
    ("coworking-eilenburg", "Schreibtisch 2", 3, 8, 4),
    ("coworking-eilenburg", "Schreibtisch 3 (am Fenster)", 2, 13, 5),
    ("coworking-eilenburg", "Besprechungsraum", 3, 14, 2),
    ("makerspace-zeitz", "Werkbank", 1, 9, 4),
    ("makerspace-zeitz", "3D-Drucker", 0, 10, 6),
    ("makerspace-zeitz", "3D-Drucker", 3, 10, 6),
    ("makerspace-zeitz", "Lasercutter", 2, 14, 2),
)
# Trained people (e-mail) of each training; the demo's founder is not, so she can be trained.
TRAINED: tuple[tuple[str, str], ...] = (
    ("Einweisung Lasercutter", "jonas.weber@studserv.uni-leipzig.example"),
    ("Einweisung 3D-Druck", "jonas.weber@studserv.uni-leipzig.example"),
    ("Einweisung 3D-Druck", "lena.schubert@studserv.uni-leipzig.example"),
)
STAFF_OF_PLACE = (("makerspace-zeitz", "inhaberin@zeitzer-werkstaetten.example"),)

"""The demo's talent into the region (issue 22): a trial-living call in Zeitz with its
applicants and stays, a talent pool with exclusions, and relocation journeys of two cohorts.
Dates are fixed; the loader writes through the services and then moves the call's dates into
the past."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TOWN_ZEITZ = "Stadtverwaltung Zeitz"
TOWN_STAFF = "stadtplanung@zeitz.example"
LOCAL_CONTACT = "wirtschaft@zeitz.example"
COMPANY = "Zeitzer Werkstätten GmbH"
COMPANY_STAFF = "inhaberin@zeitzer-werkstaetten.example"
EXCLUDED = ("Zeitzer Werkstätten GmbH", "Muldental Metallbau GmbH", "Nordsachsen Logistik GmbH")

CALL_TITLE = "Probewohnen in Zeitz – Sommer 2026"
CALL_DESCRIPTION = (
    "Drei Monate in Zeitz leben und arbeiten: eine möblierte Wohnung in der Altstadt, ein "
    "Arbeitsplatz im Coworking und Menschen, die die Stadt gestalten."
)
CALL_CRITERIA = (
    "Wir wählen nach der Idee für ein lokales Projekt, der Bereitschaft, über die Zeit in Zeitz "
    "zu schreiben, und einer Mischung aus Fächern."
)
CALL_FLATS = (
    "Wohnung Altmarkt 3",
    "Wohnung Brüderstraße 12",
    "Wohnung Schloßstraße 7",
    "Wohnung Rahnestraße 4",
    "Wohnung Wendische Straße 9",
    "Wohnung Roßmarkt 1",
)
CALL_STARTS, CALL_ENDS, CALL_APPLY_UNTIL = date(2026, 6, 1), date(2026, 8, 31), date(2026, 4, 30)
CALL_COST_CENTS = 15000
COWORKING = "Coworking im Kloster Posa (Schlüssel bei der Wirtschaftsförderung)"
APPLICANTS = 12
# What the town decided, in the order of the applicants.
DECISIONS = (
    "accept",
    "accept",
    "accept",
    "accept",
    "accept",
    "accept",
    "waitlist",
    "waitlist",
    "waitlist",
    "decline",
    "decline",
    "withdraw",
)
FOLLOW_UPS = (
    "Hat ein Nachbarschaftscafé im Leerstand am Roßmarkt eröffnet und sucht eine Wohnung.",
    "Schreibt die Masterarbeit zur Wärmeplanung mit der Stadtverwaltung.",
    "Zurück in Leipzig, pendelt zweimal pro Woche ins Coworking.",
    "Hat ein Praktikum bei den Zeitzer Werkstätten begonnen.",
)

POOL_SIZE = 25
POOL_HIDDEN = 3  # the last profiles opted out again
POOL_EXCLUSIONS = 6  # the first profiles exclude one company each
POOL_HEADLINES = (
    "Geographie, GIS und Stadtentwicklung",
    "Informatik, Webentwicklung",
    "BWL mit Schwerpunkt Gründung",
    "Soziologie, Beteiligungsverfahren",
    "Umweltwissenschaften, Energie",
)
POOL_LOOKING_FOR = (
    "Ein Praktikum in einer Stadtverwaltung der Region",
    "Eine Werkstudentenstelle mit Remote-Anteil",
    "Ein Thema für die Masterarbeit mit einem Unternehmen",
    "Einen Berufseinstieg nach dem Abschluss im Herbst",
)


@dataclass(frozen=True)
class CohortSpec:
    """One cohort of journeys: when they agreed, how far each got, what they answered."""

    year: int
    consent_on: date
    people: int
    visits: int
    trial_stays: int
    work: int
    moved: int
    moved_on: date
    # Answers at 12 and 24 months, for the people who moved, in order: True, False or None
    # (not answered).
    answers_12: tuple[bool | None, ...]
    answers_24: tuple[bool | None, ...]


COHORTS = (
    CohortSpec(
        year=2024,
        consent_on=date(2024, 3, 1),
        people=11,
        visits=9,
        trial_stays=7,
        work=7,
        moved=6,
        moved_on=date(2024, 9, 1),
        answers_12=(True, True, True, True, False, None),
        answers_24=(True, True, True, None),
    ),
    CohortSpec(
        year=2025,
        consent_on=date(2025, 2, 1),
        people=10,
        visits=8,
        trial_stays=6,
        work=6,
        moved=6,
        moved_on=date(2025, 8, 1),
        answers_12=(True, True, True, True, False, None),
        answers_24=(),
    ),
)
CONSENT_DE = (
    "Ich bin einverstanden, dass die Plattform die Schritte meines Wegs in die Region "
    "(Interesse, Besuch, Probewohnen, Praktikum oder Stelle, Umzug) speichert und mich 12 und "
    "24 Monate nach dem Umzug fragt, ob ich noch in der Region wohne. Die Koordination sieht "
    "nur Zahlen über viele Menschen. Ich kann die Einwilligung jederzeit widerrufen; mein Weg "
    "wird dann sofort gelöscht."
)
CONSENT_EN = (
    "I agree that the platform records the steps of my way into the region (interest, visit, "
    "trial living, internship or job, moving) and asks me 12 and 24 months after moving "
    "whether I still live in the region. The coordinators see only figures over many people. "
    "I can withdraw my consent at any time; my journey is then erased at once."
)

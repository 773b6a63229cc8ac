"""The demo's accompanying research: the study "Regionale Bindung" with its surveys and waves.

Questions are (code, kind, German, English, required, options as (German, English) pairs,
condition); dates of waves count from the finished round's dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

RESEARCHER = "begleitforschung@uni-leipzig.example"

STUDY_TITLE = "Regionale Bindung"
STUDY_PURPOSE = (
    "Wir untersuchen, ob Studierende sich nach einem Praxisprojekt stärker an die Region "
    "gebunden fühlen und wie zufrieden die Partner mit den Projekten sind."
)
STUDY_LEGAL_BASIS = "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung), § 13 SächsHSFG"
STUDY_RETENTION_MONTHS = 60

CONSENT_DE = (
    "Ich nehme freiwillig an der Begleitforschung teil. Meine Antworten werden unter einem "
    "Pseudonym gespeichert; die Forschenden sehen weder meinen Namen noch meine E-Mail-"
    "Adresse. Ich kann meine Einwilligung jederzeit widerrufen; dann werden meine Antworten "
    "gelöscht."
)
CONSENT_EN = (
    "I take part in the accompanying research voluntarily. My answers are stored under a "
    "pseudonym; the researchers see neither my name nor my e-mail address. I can withdraw my "
    "consent at any time; my answers are then erased."
)


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    kind: str
    text_de: str
    text_en: str
    required: bool = False
    options: tuple[tuple[str, str], ...] = ()
    condition: dict[str, Any] | None = None
    min_value: int | None = None
    max_value: int | None = None
    outcome: bool = False  # an outcome measure of the indicators (before/after)


@dataclass(frozen=True)
class PageSpec:
    title_de: str
    title_en: str
    questions: tuple[QuestionSpec, ...]
    condition: dict[str, Any] | None = None


BINDUNG_PAGES = (
    PageSpec(
        "Ihre Verbindung zur Region",
        "Your ties to the region",
        (
            QuestionSpec(
                "bindung",
                "likert5",
                "Ich fühle mich der Region verbunden.",
                "I feel attached to the region.",
                required=True,
                outcome=True,
            ),
            QuestionSpec(
                "bleiben",
                "likert5",
                "Ich kann mir vorstellen, nach dem Studium hier zu leben.",
                "I can imagine living here after my studies.",
                required=True,
                outcome=True,
            ),
            QuestionSpec(
                "tage",
                "number",
                "Wie viele Tage waren Sie im letzten Semester in der Region?",
                "How many days did you spend in the region last semester?",
                min_value=0,
                max_value=180,
            ),
        ),
    ),
    PageSpec(
        "Was Sie hält",
        "What keeps you",
        (
            QuestionSpec(
                "gruende",
                "multiple",
                "Was verbindet Sie mit der Region?",
                "What ties you to the region?",
                options=(
                    ("Menschen", "People"),
                    ("Arbeit", "Work"),
                    ("Natur", "Nature"),
                    ("Wohnen", "Housing"),
                ),
            ),
            QuestionSpec(
                "warum", "text", "Was würde Sie noch halten?", "What else would keep you?"
            ),
        ),
        condition={
            "match": "all",
            "rules": [{"question": "bindung", "op": "at_least", "value": 4}],
        },
    ),
)

PARTNER_PAGES = (
    PageSpec(
        "Zufriedenheit",
        "Satisfaction",
        (
            QuestionSpec(
                "zufrieden",
                "likert5",
                "Wir sind mit dem Projekt zufrieden.",
                "We are satisfied with the project.",
                required=True,
            ),
            QuestionSpec(
                "wieder",
                "single",
                "Würden Sie wieder eine Herausforderung einreichen?",
                "Would you submit a challenge again?",
                required=True,
                options=(("Ja", "Yes"), ("Vielleicht", "Maybe"), ("Nein", "No")),
            ),
            QuestionSpec(
                "besser",
                "text",
                "Was sollten wir besser machen?",
                "What should we improve?",
                condition={
                    "match": "all",
                    "rules": [{"question": "zufrieden", "op": "at_most", "value": 3}],
                },
            ),
        ),
    ),
)


@dataclass(frozen=True)
class WaveSpec:
    name: str
    survey: str  # German title of the survey
    group: str
    opens: dt.date
    closes: dt.date
    # the chance that an invited person answers, and the shift of their Likert answers
    response_rate: float
    shift: float


BINDUNG_SURVEY = "Regionale Bindung"
PARTNER_SURVEY = "Zufriedenheit der Partner"

WAVES = (
    WaveSpec(
        "Vorher (Sommersemester 2026)",
        BINDUNG_SURVEY,
        "round_students",
        dt.date(2026, 4, 13),
        dt.date(2026, 4, 26),
        0.8,
        0.0,
    ),
    WaveSpec(
        "Nachher (Sommersemester 2026)",
        BINDUNG_SURVEY,
        "round_students",
        dt.date(2026, 7, 13),
        dt.date(2026, 7, 31),
        0.7,
        0.8,
    ),
    WaveSpec(
        "Partnerzufriedenheit (Sommersemester 2026)",
        PARTNER_SURVEY,
        "round_partners",
        dt.date(2026, 8, 3),
        dt.date(2026, 8, 31),
        0.75,
        0.5,
    ),
)

"""The catalogue of support programmes, maintained here and loaded by `load_programmes`.

Amounts are in cents. Rules are data for `ventures.eligibility`: a list of `{"rule": name, …}`
with the rule's parameters. Figures as published by the providers (checked December 2026);
the local fund is the programme's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ProgrammeSpec:
    slug: str
    name: str
    provider: str
    summary: str
    amount_max_cents: int | None
    duration_months: int | None
    deadlines: str
    is_stipend: bool
    url: str
    rules: tuple[dict[str, Any], ...] = field(default_factory=tuple)


PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    ProgrammeSpec(
        slug="exist-gruendungsstipendium",
        name="EXIST-Gründungsstipendium",
        provider="Bundesministerium für Wirtschaft und Energie",
        summary="Stipendium für Studierende, Absolventinnen und Wissenschaftler mit einer "
        "innovativen Gründungsidee, dazu Sach- und Coachingmittel.",
        amount_max_cents=10_800_000,  # three people × 3,000 € × 12 months
        duration_months=12,
        deadlines="laufend",
        is_stipend=True,
        url="https://www.exist.de/",
        rules=(
            {"rule": "max_founders", "value": 3},
            {"rule": "university_mentor"},
            {"rule": "not_founded"},
            {"rule": "no_parallel_stipend"},
            {"rule": "origin_in", "value": ["project", "thesis", "research"]},
        ),
    ),
    ProgrammeSpec(
        slug="exist-forschungstransfer",
        name="EXIST-Forschungstransfer",
        provider="Bundesministerium für Wirtschaft und Energie",
        summary="Forschungsbasierte Gründungsvorhaben mit aufwendiger Entwicklung, in zwei "
        "Förderphasen.",
        amount_max_cents=100_000_000,
        duration_months=18,
        deadlines="31. Januar, 31. Juli",
        is_stipend=False,
        url="https://www.exist.de/",
        rules=(
            {"rule": "max_founders", "value": 4},
            {"rule": "university_mentor"},
            {"rule": "origin_in", "value": ["research"]},
            {"rule": "not_founded"},
        ),
    ),
    ProgrammeSpec(
        slug="sab-innostartbonus",
        name="InnoStartBonus",
        provider="Sächsische Aufbaubank",
        summary="Zuschuss zum Lebensunterhalt für innovative Gründungen in Sachsen.",
        amount_max_cents=1_200_000,  # 1,000 € × 12 months
        duration_months=12,
        deadlines="laufend",
        is_stipend=True,
        url="https://www.sab.sachsen.de/",
        rules=(
            {"rule": "residence", "value": "Sachsen"},
            {"rule": "founded_within_months", "value": 12},
            {"rule": "no_parallel_stipend"},
        ),
    ),
    ProgrammeSpec(
        slug="technologiegruenderstipendium",
        name="Technologiegründerstipendium",
        provider="Sächsisches Staatsministerium für Wirtschaft, Arbeit und Verkehr",
        summary="Stipendium für technologieorientierte Gründungen in Sachsen.",
        amount_max_cents=2_400_000,
        duration_months=12,
        deadlines="laufend",
        is_stipend=True,
        url="https://www.sab.sachsen.de/",
        rules=(
            {"rule": "residence", "value": "Sachsen"},
            {"rule": "not_founded"},
            {"rule": "max_founders", "value": 3},
            {"rule": "no_parallel_stipend"},
        ),
    ),
    ProgrammeSpec(
        slug="futuresax",
        name="futureSAX-Ideenwettbewerb",
        provider="futureSAX, Innovationsplattform des Freistaates Sachsen",
        summary="Wettbewerb mit Preisgeld, Coaching und Netzwerk für Gründungsideen in Sachsen.",
        amount_max_cents=600_000,
        duration_months=None,
        deadlines="einmal im Jahr",
        is_stipend=False,
        url="https://www.futuresax.de/",
        rules=({"rule": "residence", "value": "Sachsen"},),
    ),
    ProgrammeSpec(
        slug="gruendungsfonds-nordsachsen",
        name="Gründungsfonds Nordsachsen",
        provider="Transferprogramm „Transfer über Köpfe“",
        summary="Kleiner Zuschuss für Gründungen, die in der Region des Programms bleiben.",
        amount_max_cents=500_000,
        duration_months=6,
        deadlines="15. März, 15. September",
        is_stipend=False,
        url="",
        rules=(
            {"rule": "in_region"},
            {"rule": "founded_within_months", "value": 24},
            {"rule": "min_stage", "value": "team"},
        ),
    ),
)

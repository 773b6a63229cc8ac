"""What every area of the generator shares: the preset, the seeded random source, the reference
data it builds on (municipalities, competences, topics, formats, study programmes) and the ids of
what earlier areas wrote, kept small (ids and names, never whole objects with their texts)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.db import models, reset_queries, transaction

from transferraum.accounts.models import StudyProgramme
from transferraum.actors.models import Competence
from transferraum.challenges.models import TopicField, TransferFormat
from transferraum.demo.data.generate import BATCH, THEMES, Size, Theme
from transferraum.demo.data.people import PROGRAMMES
from transferraum.regions.models import Municipality

T = TypeVar("T")
M = TypeVar("M", bound=models.Model)

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Context:
    size: Size
    seed: int
    today: dt.date
    municipalities: list[Municipality]
    competences: dict[str, Competence]
    topics: dict[str, TopicField]
    formats: list[TransferFormat]  # formats of practice projects
    programmes: list[StudyProgramme]
    rng: random.Random = field(init=False)
    # Written by the areas, read by later ones
    # organisation pk → (name, kind, theme, municipality pk)
    organisations: dict[int, tuple[str, str, int, int]] = field(default_factory=dict)
    members: dict[int, list[int]] = field(default_factory=dict)  # org pk → user pks
    staff: list[int] = field(default_factory=list)
    supervisors: list[int] = field(default_factory=list)
    researchers: list[int] = field(default_factory=list)
    coordinators: list[int] = field(default_factory=list)
    students: list[list[int]] = field(default_factory=list)  # per round
    student_programme: dict[int, int] = field(default_factory=dict)  # user pk → programme pk
    personas: dict[str, int] = field(default_factory=dict)  # e-mail → user pk
    persona_password: str = ""  # the hash every persona gets
    team_member: int | None = None  # a student in a team of the round at work
    # status → [(challenge pk, organisation pk, municipality pk, theme, title)]
    challenges: dict[str, list[tuple[int, int, int | None, int, str]]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    @property
    def now(self) -> dt.datetime:
        """Nine o'clock today in Berlin: dates count from the day the data is generated."""
        return dt.datetime.combine(self.today, dt.time(9), tzinfo=BERLIN)

    def at(self, days: int, hour: int = 10) -> dt.datetime:
        return dt.datetime.combine(self.today + dt.timedelta(days=days), dt.time(hour), BERLIN)

    def theme(self, index: int) -> Theme:
        return THEMES[index % len(THEMES)]

    def count(self, name: str, number: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + number


def context_build(size: Size, seed: int, today: dt.date) -> Context:
    """The reference data the generator builds on; study programmes are added when missing."""
    programmes = [
        StudyProgramme.objects.get_or_create(
            name=name, degree=degree, defaults={"faculty": faculty}
        )[0]
        for name, degree, faculty in PROGRAMMES
    ]
    return Context(
        size=size,
        seed=seed,
        today=today,
        municipalities=list(Municipality.objects.select_related("district").order_by("ags")),
        competences={c.slug: c for c in Competence.objects.filter(parent__isnull=False)},
        topics={t.slug: t for t in TopicField.objects.all()},
        formats=list(TransferFormat.objects.filter(is_project_format=True).order_by("slug")),
        programmes=programmes,
    )


def chunks(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def insert(model: type[M], objects: Sequence[M]) -> list[M]:
    """One batch in one statement per `BATCH` rows; primary keys are set on the objects (SQLite
    3.35+ and PostgreSQL return them). With DEBUG on, Django keeps the last 9,000 statements:
    forgetting them keeps the memory bounded."""
    created = model._default_manager.bulk_create(objects, batch_size=BATCH)
    reset_queries()
    return created


def insert_m2m(through: type[models.Model], rows: Iterable[dict[str, int]]) -> int:
    """Rows of a many-to-many table, in batches; returns how many."""
    total = 0
    for chunk in chunks(rows):
        with transaction.atomic():
            insert(through, [through(**row) for row in chunk])
        total += len(chunk)
    return total

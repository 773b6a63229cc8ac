"""The allocation engine's input and output as frozen dataclasses.

Field names follow the JSON form in docs/allocation.md; ``io`` converts between the two. Nothing
here imports Django, so the engine can run as a tool of its own.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def without_cyclic_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run ``function`` with Python's cyclic garbage collector paused.

    Reading a round, solving it and explaining the result build a few hundred thousand small
    objects without reference cycles; while they pile up the collector traverses them again and
    again (0.2-0.3 s of about 1 s at 20,000 students with maximum sizes only). Reference counting
    frees them all the same; the collector resumes afterwards (also after an error)."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


Objective = Literal["rank-maximal", "min-cost"]
Language = Literal["de", "en"]
OBJECTIVES: tuple[Objective, ...] = ("rank-maximal", "min-cost")
LANGUAGES: tuple[Language, ...] = ("de", "en")


@dataclass(frozen=True)
class Student:
    id: str
    preferences: tuple[str, ...]  # acceptable projects, first = rank 1
    programme: str | None = None
    competences: tuple[str, ...] = ()
    work_with: tuple[str, ...] = ()  # ids of students this student would like to work with


@dataclass(frozen=True)
class Project:
    id: str
    max_size: int
    min_size: int = 0  # 0: the project may run with any size
    supervisors: tuple[str, ...] = ()
    required_competences: tuple[str, ...] = ()
    # Used after every rank and soft-wish priority: ties go to students of these programmes.
    wanted_programmes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Supervisor:
    id: str
    capacity: int  # total members of all projects this person supervises


@dataclass(frozen=True)
class Pin:
    student: str
    project: str


@dataclass(frozen=True)
class Exclusion:
    student: str
    project: str


@dataclass(frozen=True)
class Options:
    objective: Objective = "rank-maximal"
    rank_costs: tuple[float, ...] | None = None  # min-cost: cost of rank r is rank_costs[r-1]
    max_programme_share: float | None = None  # soft: share of one programme in teams of >= 3
    work_with_weight: float = 0.0  # weight of one fulfilled work-with wish against diversity
    time_limit: float = 60.0  # seconds for the whole run
    seed: int = 0  # lottery that breaks ties between equally good answers
    language: Language = "de"  # language of ``reason`` and ``text``; ``texts`` holds both

    def cost_of_rank(self, rank: int) -> float:
        """The min-cost objective's cost of a student placed on their rank-th choice."""
        if self.rank_costs is not None:
            return self.rank_costs[rank - 1]
        return float(rank * rank)  # convex: two second choices cost more than a first and a third


@dataclass(frozen=True)
class Instance:
    students: tuple[Student, ...]
    projects: tuple[Project, ...]
    supervisors: tuple[Supervisor, ...] = ()
    pins: tuple[Pin, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    options: Options = field(default_factory=Options)

    @property
    def max_rank(self) -> int:
        return max((len(s.preferences) for s in self.students), default=0)


@dataclass(frozen=True)
class Message:
    """A text a person reads: a stable ``kind``, its ``params`` and the text in each language."""

    kind: str
    params: Mapping[str, Any]
    texts: Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Unassigned:
    student: str
    reason: str
    kind: str
    params: Mapping[str, Any]
    texts: Mapping[str, str]
    suggestions: tuple[str, ...] = ()  # open projects that still have room, best first


@dataclass(frozen=True)
class ClosedProject:
    project: str
    reason: str
    kind: str
    params: Mapping[str, Any]
    texts: Mapping[str, str]


@dataclass(frozen=True)
class Explanation:
    project: str
    text: str
    kind: str
    params: Mapping[str, Any]
    texts: Mapping[str, str]
    rank: int | None = None  # the rank the student gave this project


@dataclass(frozen=True)
class Result:
    assignment: Mapping[str, str]  # student id -> project id
    unassigned: tuple[Unassigned, ...]
    closed_projects: tuple[ClosedProject, ...]
    profile: tuple[int, ...]  # profile[r-1] = students placed on their rank-r choice
    objective: float
    bound: float
    gap: float
    optimal: bool
    seconds: float
    explanations: Mapping[str, tuple[Explanation, ...]]
    meta: Mapping[str, Any] = field(default_factory=dict)


class InstanceError(ValueError):
    """The instance is malformed or its hard constraints contradict each other.

    The message names the offending entry, e.g. ``student 's3': ranks project 'p1' twice``.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

"""Realistic allocation rounds in the JSON form of issue #6, reproducible from a seed.

A round looks like a semester of "Transfer über Köpfe": about six students per project, a few
projects everybody wants (Zipf-like popularity) and a long tail, students of 8–12 programmes of
unequal size who favour projects of their own field, lists of 3–8 choices, small teams with a
minimum size, supervisors running 2–4 projects each, and a few skills a team must bring along.

The same seed and size give the same students, projects and preferences in every scenario; the
scenario only decides which constraints are switched on, so the scenarios compare like with like:

- ``max-only``: maximum sizes only (no minimum sizes, supervisors, skills, pins or exclusions);
- ``full``: minimum and maximum sizes, supervisor capacities, required competences, a few pins
  and exclusions;
- ``diversity``: ``full`` plus ``max_programme_share`` 0.6.

Two more round shapes keep the engine from being tuned to one generator; they have the ``full``
constraints but draw other preferences (so they share no students' lists with the three above):

- ``programme-tastes``: tastes strongly correlated by study programme (a project of one's own
  field is 30 times as attractive instead of 3 times);
- ``short-skewed``: short lists of exactly three choices and a heavy popularity skew (Zipf
  exponent 1.0 instead of 0.5), so a few projects are wanted by far more students than they hold
  (at 5,000 students about a quarter cannot be placed even with maximum sizes only).

Each project has exactly one supervisor because the ``matching`` package's student allocation,
one of the baselines, supports no co-supervision.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from typing import Any

# Scenarios that switch constraints on one and the same round.
CONSTRAINT_SCENARIOS = ("max-only", "full", "diversity")
# Round shapes with other preferences (and the full constraints): own-field pull, popularity
# exponent, shortest and longest list.
SHAPES: dict[str, tuple[float, float, int, int]] = {
    "programme-tastes": (30.0, 0.5, 3, 8),
    "short-skewed": (3.0, 1.0, 3, 3),
}
SCENARIOS = (*CONSTRAINT_SCENARIOS, *SHAPES)

PROGRAMMES = (
    "Informatik",
    "Wirtschaftswissenschaften",
    "Geographie",
    "Soziologie",
    "Politikwissenschaft",
    "Kulturwissenschaften",
    "Erziehungswissenschaft",
    "Psychologie",
    "Germanistik",
    "Rechtswissenschaft",
    "Umweltwissenschaften",
    "Medienwissenschaft",
)

COMPETENCES = (
    "GIS",
    "Statistik",
    "Python",
    "Interviews",
    "Moderation",
    "Projektmanagement",
    "Stadtplanung",
    "Grafikdesign",
    "Recht",
    "Buchhaltung",
    "Marketing",
    "Umfragen",
    "Datenbanken",
    "Webentwicklung",
    "Fotografie",
    "Texten",
    "Englisch",
    "Polnisch",
    "Kartografie",
    "Energietechnik",
)

STUDENTS_PER_PROJECT = 6
# Exponent of the Zipf-like popularity and the pull of one's own field; calibrated so that the
# student-optimal stable allocation leaves 2–5 % unplaced and 90–94 % in their top 3 (issue #6).
POPULARITY_EXPONENT = 0.5
OWN_FIELD_PULL = 3.0
MAX_SIZES = (4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 10, 12)
# Supervisors may take a bit more than their projects' typical total of students.
SUPERVISOR_SLACK = 1.2
DIVERSITY_SHARE = 0.6


def generate(n_students: int, seed: int, *, scenario: str) -> dict[str, Any]:
    """Return one round as the engine's JSON instance (a dict ready for ``json.dumps``)."""
    if scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}, expected one of {SCENARIOS}")
    if n_students < 1:
        raise ValueError("n_students must be positive")
    # A string seed is hashed with SHA-512 by `random`, so it is stable across processes.
    rng = random.Random(f"allocation-benchmark:{n_students}:{seed}")  # noqa: S311 (not crypto)

    programmes = rng.sample(PROGRAMMES, rng.randint(8, 12))
    programme_weights = [1 / (i + 1) ** 0.9 for i in range(len(programmes))]
    typical_skills = {p: rng.sample(COMPETENCES, 3) for p in programmes}

    pull, exponent, shortest, longest = SHAPES.get(
        scenario, (OWN_FIELD_PULL, POPULARITY_EXPONENT, 3, 8)
    )
    projects = _projects(
        rng, n_students, programmes, programme_weights, typical_skills, exponent=exponent
    )
    students = _students(
        rng,
        n_students,
        programmes,
        programme_weights,
        typical_skills,
        projects,
        pull=pull,
        lengths=(shortest, longest),
    )
    supervisors = _supervisors(rng, projects, n_students)
    pins, exclusions = _pins_and_exclusions(rng, students, projects, supervisors)

    full = scenario != "max-only"
    instance: dict[str, Any] = {
        "students": [
            {
                "id": s["id"],
                "preferences": s["preferences"],
                "programme": s["programme"],
                "competences": s["competences"],
                "work_with": s["work_with"],
            }
            for s in students
        ],
        "projects": [
            {
                "id": p["id"],
                "min_size": p["min_size"] if full else 0,
                "max_size": p["max_size"],
                "supervisors": [p["supervisor"]] if full else [],
                "required_competences": p["required_competences"] if full else [],
                "wanted_programmes": p["wanted_programmes"] if full else [],
            }
            for p in projects
        ],
        "supervisors": supervisors if full else [],
        "pins": pins if full else [],
        "exclusions": exclusions if full else [],
        "options": {
            "objective": "rank-maximal",
            "rank_costs": None,
            "max_programme_share": DIVERSITY_SHARE if scenario == "diversity" else None,
            "work_with_weight": 0,
            "time_limit": 60,
            "seed": seed,
        },
    }
    return instance


def _projects(
    rng: random.Random,
    n_students: int,
    programmes: list[str],
    programme_weights: list[float],
    typical_skills: dict[str, list[str]],
    *,
    exponent: float,
) -> list[dict[str, Any]]:
    n_projects = max(3, round(n_students / STUDENTS_PER_PROJECT))
    width = len(str(n_projects))
    popularity_ranks = list(range(1, n_projects + 1))
    rng.shuffle(popularity_ranks)
    projects = []
    for index, popularity_rank in enumerate(popularity_ranks, start=1):
        field = rng.choices(programmes, programme_weights)[0]
        max_size = rng.choice(MAX_SIZES)
        min_size = 0 if rng.random() < 0.15 else min(max_size, rng.randint(2, 4))
        n_skills = rng.choices((0, 1, 2), (0.5, 0.35, 0.15))[0]
        # Mostly skills of the project's own field, sometimes one from elsewhere.
        pool = typical_skills[field] if rng.random() < 0.8 else list(COMPETENCES)
        required = sorted(rng.sample(pool, n_skills))
        wanted = [field] if rng.random() < 0.2 else []
        projects.append(
            {
                "id": f"p{index:0{width}d}",
                "field": field,
                "popularity": 1 / popularity_rank**exponent,
                "min_size": min_size,
                "max_size": max_size,
                "required_competences": required,
                "wanted_programmes": wanted,
            }
        )
    return projects


def _students(
    rng: random.Random,
    n_students: int,
    programmes: list[str],
    programme_weights: list[float],
    typical_skills: dict[str, list[str]],
    projects: list[dict[str, Any]],
    *,
    pull: float,
    lengths: tuple[int, int],
) -> list[dict[str, Any]]:
    cumulative = {
        programme: list(
            itertools.accumulate(
                p["popularity"] * (pull if p["field"] == programme else 1.0) for p in projects
            )
        )
        for programme in programmes
    }
    width = len(str(n_students))
    students: list[dict[str, Any]] = []
    for index in range(1, n_students + 1):
        programme = rng.choices(programmes, programme_weights)[0]
        skills = [
            c
            for c in COMPETENCES
            if rng.random() < (0.35 if c in typical_skills[programme] else 0.04)
        ]
        length = min(rng.randint(*lengths), len(projects))
        weights = cumulative[programme]
        chosen: list[int] = []
        while len(chosen) < length:
            pick = bisect.bisect_right(weights, rng.random() * weights[-1])
            pick = min(pick, len(projects) - 1)
            if pick not in chosen:
                chosen.append(pick)
        students.append(
            {
                "id": f"s{index:0{width}d}",
                "programme": programme,
                "competences": skills,
                "preferences": [projects[i]["id"] for i in chosen],
                "work_with": [],
            }
        )
    # About one in ten students names a fellow student of the same programme, both ways.
    by_programme: dict[str, list[dict[str, Any]]] = {}
    for student in students:
        by_programme.setdefault(student["programme"], []).append(student)
    for student in students:
        mates = by_programme[student["programme"]]
        if rng.random() < 0.05 and len(mates) > 1:
            mate = rng.choice(mates)
            if mate is not student and mate["id"] not in student["work_with"]:
                student["work_with"].append(mate["id"])
                mate["work_with"].append(student["id"])
    return students


def _supervisors(
    rng: random.Random, projects: list[dict[str, Any]], n_students: int
) -> list[dict[str, Any]]:
    order = list(range(len(projects)))
    rng.shuffle(order)
    groups: list[list[int]] = []
    while order:
        size = rng.randint(2, 4)
        groups.append(order[:size])
        order = order[size:]
    if len(groups) > 1 and len(groups[-1]) < 2:
        groups[-2].extend(groups.pop())
    average_team = n_students / len(projects)
    width = len(str(len(groups)))
    supervisors = []
    for index, group in enumerate(groups, start=1):
        supervisor_id = f"l{index:0{width}d}"
        typical = sum(min(projects[i]["max_size"], average_team) for i in group)
        for i in group:
            projects[i]["supervisor"] = supervisor_id
        supervisors.append({"id": supervisor_id, "capacity": math.ceil(SUPERVISOR_SLACK * typical)})
    return supervisors


def _pins_and_exclusions(
    rng: random.Random,
    students: list[dict[str, Any]],
    projects: list[dict[str, Any]],
    supervisors: list[dict[str, Any]],
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """A few coordinator decisions: pins to a popular first choice, exclusions from a choice.

    Pins go only to projects that enough students ranked and whose skills some applicant has,
    at most two per project, so that every pin can be honoured.
    """
    by_id = {p["id"]: p for p in projects}
    applicants: dict[str, list[dict[str, Any]]] = {}
    for student in students:
        for project_id in student["preferences"]:
            applicants.setdefault(project_id, []).append(student)
    capacity = {s["id"]: s["capacity"] for s in supervisors}
    pins: list[dict[str, str]] = []
    pinned: dict[str, int] = {}
    exclusions: list[dict[str, str]] = []
    for student in students:
        draw = rng.random()
        if draw < 0.003:
            project = by_id[student["preferences"][0]]
            ranked_it = applicants[project["id"]]
            coverable = all(
                any(skill in s["competences"] for s in ranked_it)
                for skill in project["required_competences"]
            )
            if (
                len(ranked_it) >= 2 * project["max_size"]
                and coverable
                and pinned.get(project["id"], 0) < 2
                and capacity[project["supervisor"]] >= project["max_size"]
            ):
                pins.append({"student": student["id"], "project": project["id"]})
                pinned[project["id"]] = pinned.get(project["id"], 0) + 1
        elif draw < 0.006:
            project_id = rng.choice(student["preferences"])
            exclusions.append({"student": student["id"], "project": project_id})
    return pins, exclusions

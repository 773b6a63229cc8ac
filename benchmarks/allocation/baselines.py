"""The allocation rules peers use today, as baselines for our engine.

Each takes the JSON instance of issue #6 and returns an assignment ``{student: project}``
(unplaced students are absent). They see what the tools they stand for see: serial dictatorship
and greedy respect maximum sizes only; the stable allocation also respects supervisor
capacities. Minimum sizes, skills, pins and exclusions are unknown to all three, so their
violations of these show in the benchmark.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable
from typing import Any

Assignment = dict[str, str]


def serial_dictatorship(instance: dict[str, Any], seed: int) -> Assignment:
    """Students in a seeded random order each take their best choice that still has a seat."""
    seats = {p["id"]: p["max_size"] for p in instance["projects"]}
    order = [s for s in instance["students"]]
    random.Random(seed).shuffle(order)  # noqa: S311 (a lottery, not crypto)
    assignment: Assignment = {}
    for student in order:
        for project_id in student["preferences"]:
            if seats.get(project_id, 0) > 0:
                seats[project_id] -= 1
                assignment[student["id"]] = project_id
                break
    return assignment


def greedy_first_choice_first(instance: dict[str, Any], seed: int) -> Assignment:
    """First choices first: at rank 1, 2, … the still unplaced take free seats in a lottery order.

    This is "first come, first served" by rank: a student who misses their first choice only
    competes for their second choice after everybody's first choices are served.
    """
    seats = {p["id"]: p["max_size"] for p in instance["projects"]}
    rng = random.Random(seed)  # noqa: S311 (a lottery, not crypto)
    assignment: Assignment = {}
    longest = max((len(s["preferences"]) for s in instance["students"]), default=0)
    for rank in range(longest):
        waiting = [
            s
            for s in instance["students"]
            if s["id"] not in assignment and len(s["preferences"]) > rank
        ]
        rng.shuffle(waiting)
        for student in waiting:
            project_id = student["preferences"][rank]
            if seats.get(project_id, 0) > 0:
                seats[project_id] -= 1
                assignment[student["id"]] = project_id
    return assignment


def stable_allocation(instance: dict[str, Any], seed: int, *, priority: str = "rank") -> Assignment:
    """Student-optimal stable allocation by the ``matching`` package (``StudentAllocation``).

    Projects have ``max_size`` places. With ``priority="rank"`` each supervisor ranks the
    students who chose one of its projects by how high they ranked their best such project,
    ties broken by a seeded lottery, so a project prefers students who ranked it higher; with
    ``priority="lottery"`` by the lottery alone, standing for supervisors who rank by their own
    criteria (grades, motivation letters), blind to the students' ranking. A project without a
    supervisor (the max-only scenario) gets its own supervisor with the project's capacity,
    which makes it a plain hospital-residents game. With several supervisors only the first
    counts: the package knows one supervisor per project.

    The package's algorithm is called directly on its player objects: the game class first
    deep-copies every player and checks its inputs in quadratic time, which at 20,000
    students costs more than the matching itself and says nothing about the rule.
    """
    from matching.algorithms.student_allocation import student_allocation
    from matching.players import Player, Project, Supervisor

    rng = random.Random(seed)  # noqa: S311 (a lottery, not crypto)
    lottery = {s["id"]: rng.random() for s in instance["students"]}
    capacities = {s["id"]: s["capacity"] for s in instance["supervisors"]}

    projects: dict[str, Any] = {}
    supervisors: dict[str, Any] = {}
    for p in instance["projects"]:
        project = Project(p["id"], p["max_size"])
        if p["supervisors"]:
            supervisor_id = p["supervisors"][0]
            if supervisor_id not in supervisors:
                supervisors[supervisor_id] = Supervisor(supervisor_id, capacities[supervisor_id])
        else:
            supervisor_id = f"own supervisor of {p['id']}"
            supervisors[supervisor_id] = Supervisor(supervisor_id, p["max_size"])
        project.set_supervisor(supervisors[supervisor_id])
        projects[p["id"]] = project

    students: dict[str, Any] = {}
    best_rank: dict[str, dict[str, int]] = {}
    for s in instance["students"]:
        ranked = [projects[p] for p in s["preferences"] if p in projects]
        if not ranked:
            continue
        student = Player(s["id"])
        student.set_prefs(ranked)
        students[s["id"]] = student
        for rank, project in enumerate(ranked, start=1):
            seen = best_rank.setdefault(project.supervisor.name, {})
            seen.setdefault(s["id"], rank)

    for supervisor_id, supervisor in supervisors.items():
        by_rank = best_rank.get(supervisor_id, {})
        ordered = sorted(
            (rank if priority == "rank" else 0, lottery[sid], sid) for sid, rank in by_rank.items()
        )
        supervisor.set_prefs([students[sid] for _, _, sid in ordered])

    # Supervisors with more capacity than their projects' seats trigger a harmless warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matched = student_allocation(
            list(students.values()),
            list(projects.values()),
            list(supervisors.values()),
            optimal="student",
        )
    return {student.name: project.name for project, team in matched.items() for student in team}


BASELINES: dict[str, Callable[[dict[str, Any], int], Assignment]] = {
    "stable": stable_allocation,
    "stable-lottery": lambda instance, seed: stable_allocation(instance, seed, priority="lottery"),
    "serial-dictatorship": serial_dictatorship,
    "greedy": greedy_first_choice_first,
}

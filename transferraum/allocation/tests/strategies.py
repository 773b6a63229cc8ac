"""Small random allocation instances and a brute-force optimum to compare the engine with."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from transferraum.allocation import engine
from transferraum.allocation.model import Instance


@st.composite
def instance_json(
    draw: st.DrawFn,
    *,
    max_students: int = 6,
    max_projects: int = 3,
    network: bool = False,
) -> dict[str, Any]:
    """An instance in JSON form; ``network`` keeps to max sizes and one supervisor a project."""
    n_projects = draw(st.integers(2, max_projects))
    n_students = draw(st.integers(2, max_students))
    project_ids = [f"p{j}" for j in range(n_projects)]
    n_supervisors = draw(st.integers(0, 2))
    supervisor_ids = [f"l{k}" for k in range(n_supervisors)]
    supervisors = [{"id": lid, "capacity": draw(st.integers(1, 6))} for lid in supervisor_ids]
    projects = []
    for pid in project_ids:
        max_size = draw(st.sampled_from([1, 2, 3, 3, 0]))
        min_size = 0 if network else draw(st.integers(0, max_size))
        if network:
            sups = (
                draw(st.lists(st.sampled_from(supervisor_ids), max_size=1))
                if supervisor_ids
                else []
            )
        else:
            sups = (
                draw(st.lists(st.sampled_from(supervisor_ids), unique=True))
                if supervisor_ids
                else []
            )
        competences = [] if network else draw(st.lists(st.just("GIS"), max_size=1))
        projects.append(
            {
                "id": pid,
                "min_size": min_size,
                "max_size": max_size,
                "supervisors": sups,
                "required_competences": competences,
                "wanted_programmes": draw(
                    st.lists(st.sampled_from(["A", "B"]), max_size=1, unique=True)
                ),
            }
        )
    student_ids = [f"s{i}" for i in range(n_students)]
    students = []
    for sid in student_ids:
        preferences = draw(st.permutations(project_ids))[: draw(st.sampled_from([2, 3, 1, 0]))]
        others = [o for o in student_ids if o != sid]
        students.append(
            {
                "id": sid,
                "preferences": list(preferences),
                "programme": draw(st.sampled_from(["A", "B", None])),
                "competences": draw(st.lists(st.just("GIS"), max_size=1)),
                "work_with": draw(st.lists(st.sampled_from(others), max_size=1)) if others else [],
            }
        )
    pins = []
    exclusions = [
        {"student": s["id"], "project": draw(st.sampled_from(s["preferences"]))}
        for s in students
        if s["preferences"] and draw(st.integers(0, 5)) == 0
    ]
    for s in students:
        allowed = [
            p for p in s["preferences"] if {"student": s["id"], "project": p} not in exclusions
        ]
        if allowed and draw(st.integers(0, 6)) == 0:
            pins.append({"student": s["id"], "project": draw(st.sampled_from(allowed))})
    objective = draw(st.sampled_from(["rank-maximal", "min-cost"]))
    rank_costs = None
    if objective == "min-cost" and draw(st.booleans()):
        steps = draw(st.lists(st.integers(0, 5), min_size=3, max_size=3))
        rank_costs = [sum(steps[: k + 1]) for k in range(3)]
    options = {
        "objective": objective,
        "rank_costs": rank_costs,
        "max_programme_share": None if network else draw(st.sampled_from([None, 0.5, 0.6])),
        "work_with_weight": 0 if network else draw(st.sampled_from([0, 0.5, 2])),
        "time_limit": 30,
        "seed": draw(st.integers(0, 3)),
    }
    return {
        "students": students,
        "projects": projects,
        "supervisors": supervisors,
        "pins": pins,
        "exclusions": exclusions,
        "options": options,
    }


def all_feasible(instance: Instance) -> list[dict[str, str]]:
    """Every assignment that keeps all hard constraints (small instances only)."""
    excluded = {(e.student, e.project) for e in instance.exclusions}
    pin_of = {p.student: p.project for p in instance.pins}
    choices: list[list[str | None]] = []
    for s in instance.students:
        if s.id in pin_of:
            choices.append([pin_of[s.id]])
        else:
            choices.append([None, *[p for p in s.preferences if (s.id, p) not in excluded]])
    feasible = []
    for combo in itertools.product(*choices):
        assignment = {
            s.id: pid for s, pid in zip(instance.students, combo, strict=True) if pid is not None
        }
        if not engine.violations(instance, assignment):
            feasible.append(assignment)
    return feasible


def rank_cost(instance: Instance, assignment: Mapping[str, str]) -> float:
    return sum(
        instance.options.cost_of_rank(r)
        for s in instance.students
        if (r := engine.rank_of(s, assignment.get(s.id))) is not None
    )


def soft_value(instance: Instance, assignment: Mapping[str, str]) -> float:
    excess, pairs = engine.soft_score(instance, assignment)
    return excess - instance.options.work_with_weight * pairs


def rank_key(instance: Instance, assignment: Mapping[str, str]) -> tuple[Any, ...]:
    """Larger is better: placed first, then the objective's rank criterion."""
    if instance.options.objective == "rank-maximal":
        return (len(assignment), engine.profile_of(instance, assignment))
    return (len(assignment), -round(rank_cost(instance, assignment), 6))

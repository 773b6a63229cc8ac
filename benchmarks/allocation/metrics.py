"""Quality of an assignment, measured the same way for every method.

All functions read the JSON instance of issue #6 and an assignment ``{student: project}``
(unplaced students are absent), never a method's own account of itself.

Shares (first choice, top 3, unassigned) are of all students of the round, so a method cannot
look better by leaving the hard cases out; mean and worst rank are of the placed students.

**Blocking pairs** are counted in the max-size-only view, the one every method understands: a
student s and a project p that s ranked form a blocking pair when s is unplaced or ranked p
above their project, and either p has fewer than ``max_size`` students, or p is full and holds a
student who ranked p strictly lower than s did (justified envy, with a project preferring those
who ranked it higher and no lottery). Closing a project to meet a minimum size, a supervisor's
capacity or a missing skill can create such pairs on purpose, so they measure envy, not errors.

**Constraint violations** count every broken hard constraint of the instance, one per broken
instance of the rule: each project above its maximum; each project open below its minimum;
each supervisor above capacity; each open project lacking a required competence (per missing
competence); each pin not honoured; each exclusion not respected; each student on a project
they did not rank (or an unknown one).
"""

from __future__ import annotations

import resource
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

VIOLATION_KINDS = (
    "max_size",
    "min_size",
    "supervisor_capacity",
    "required_competences",
    "pins",
    "exclusions",
    "unranked",
)


@dataclass(frozen=True)
class Quality:
    students: int
    placed: int
    first_choice: int
    top3: int
    rank_sum: int
    worst_rank: int | None
    blocking_pairs: int
    violations: dict[str, int] = field(default_factory=dict)
    dominated_teams: int = 0

    @property
    def unassigned(self) -> int:
        return self.students - self.placed

    @property
    def first_choice_share(self) -> float:
        return self.first_choice / self.students if self.students else 0.0

    @property
    def top3_share(self) -> float:
        return self.top3 / self.students if self.students else 0.0

    @property
    def unassigned_share(self) -> float:
        return self.unassigned / self.students if self.students else 0.0

    @property
    def mean_rank(self) -> float | None:
        return self.rank_sum / self.placed if self.placed else None

    @property
    def violation_count(self) -> int:
        return sum(self.violations.values())


def evaluate(instance: dict[str, Any], assignment: Mapping[str, str]) -> Quality:
    """Every quality figure of one assignment."""
    ranks = _ranks(instance)
    placed_ranks = [ranks[s].get(p) for s, p in assignment.items() if s in ranks and p in ranks[s]]
    return Quality(
        students=len(instance["students"]),
        placed=sum(1 for s in assignment if s in ranks),
        first_choice=sum(1 for r in placed_ranks if r == 1),
        top3=sum(1 for r in placed_ranks if r is not None and r <= 3),
        rank_sum=sum(r for r in placed_ranks if r is not None),
        worst_rank=max((r for r in placed_ranks if r is not None), default=None),
        blocking_pairs=blocking_pairs(instance, assignment),
        violations=violations(instance, assignment),
        dominated_teams=dominated_teams(instance, assignment),
    )


def _ranks(instance: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {
        s["id"]: {p: r for r, p in enumerate(s["preferences"], start=1)}
        for s in instance["students"]
    }


def _teams(assignment: Mapping[str, str]) -> dict[str, list[str]]:
    teams: dict[str, list[str]] = {}
    for student, project in assignment.items():
        teams.setdefault(project, []).append(student)
    return teams


def blocking_pairs(instance: dict[str, Any], assignment: Mapping[str, str]) -> int:
    """Blocking pairs in the max-size-only view (see the module docstring)."""
    ranks = _ranks(instance)
    max_size = {p["id"]: p["max_size"] for p in instance["projects"]}
    teams = _teams(assignment)
    # The lowest rank any member gave the project: the member whose place is easiest to envy.
    lowest_member_rank = {
        p: max(ranks.get(s, {}).get(p, 0) for s in members) for p, members in teams.items()
    }
    count = 0
    for student in instance["students"]:
        own = ranks[student["id"]].get(assignment.get(student["id"], ""))
        for rank, project in enumerate(student["preferences"], start=1):
            if own is not None and rank >= own:
                break
            if project not in max_size:
                continue
            size = len(teams.get(project, ()))
            if size < max_size[project] or lowest_member_rank.get(project, 0) > rank:
                count += 1
    return count


def violations(instance: dict[str, Any], assignment: Mapping[str, str]) -> dict[str, int]:
    """Broken hard constraints by kind (see the module docstring); all kinds are present."""
    found: Counter[str] = Counter({kind: 0 for kind in VIOLATION_KINDS})
    ranks = _ranks(instance)
    projects = {p["id"]: p for p in instance["projects"]}
    students = {s["id"]: s for s in instance["students"]}
    teams = _teams(assignment)

    for student, project in assignment.items():
        if project not in ranks.get(student, {}) or project not in projects:
            found["unranked"] += 1

    load: Counter[str] = Counter()
    for project_id, members in teams.items():
        spec = projects.get(project_id)
        if spec is None:
            continue
        if len(members) > spec["max_size"]:
            found["max_size"] += 1
        if len(members) < spec["min_size"]:
            found["min_size"] += 1
        skills = {c for m in members for c in students.get(m, {}).get("competences", ())}
        found["required_competences"] += sum(
            1 for c in spec["required_competences"] if c not in skills
        )
        for supervisor in spec["supervisors"]:
            load[supervisor] += len(members)
    for supervisor in instance["supervisors"]:
        if load[supervisor["id"]] > supervisor["capacity"]:
            found["supervisor_capacity"] += 1

    found["pins"] = sum(
        1 for pin in instance["pins"] if assignment.get(pin["student"]) != pin["project"]
    )
    found["exclusions"] = sum(
        1 for ex in instance["exclusions"] if assignment.get(ex["student"]) == ex["project"]
    )
    return dict(found)


def dominated_teams(instance: dict[str, Any], assignment: Mapping[str, str]) -> int:
    """Teams of three or more with more than ``max_programme_share`` from one programme.

    Zero when the instance sets no share: diversity is a soft wish, so this is no violation.
    """
    share = instance["options"].get("max_programme_share")
    if share is None:
        return 0
    programme = {s["id"]: s["programme"] for s in instance["students"]}
    count = 0
    for members in _teams(assignment).values():
        if len(members) >= 3:
            largest = Counter(programme.get(m) for m in members).most_common(1)[0][1]
            if largest > share * len(members):
                count += 1
    return count


def max_placeable(instance: dict[str, Any]) -> int:
    """How many students can be placed at most, by max sizes and supervisor capacities.

    A maximum flow (student → ranked project → supervisor → sink) that ignores minimum sizes,
    skills and pins: exact for the max-only scenario, an upper bound otherwise.
    """
    from ortools.graph.python import max_flow

    flow = max_flow.SimpleMaxFlow()
    node: dict[tuple[str, str], int] = {}

    def n(kind: str, key: str) -> int:
        return node.setdefault((kind, key), len(node) + 2)

    source, sink = 0, 1
    excluded = {(e["student"], e["project"]) for e in instance["exclusions"]}
    projects = {p["id"]: p for p in instance["projects"]}
    for s in instance["students"]:
        flow.add_arc_with_capacity(source, n("s", s["id"]), 1)
        for p in s["preferences"]:
            if p in projects and (s["id"], p) not in excluded:
                flow.add_arc_with_capacity(n("s", s["id"]), n("p", p), 1)
    for p in instance["projects"]:
        # Only the first supervisor: enough for an upper bound and for the generator.
        target = n("l", p["supervisors"][0]) if p["supervisors"] else sink
        flow.add_arc_with_capacity(n("p", p["id"]), target, p["max_size"])
    for supervisor in instance["supervisors"]:
        flow.add_arc_with_capacity(n("l", supervisor["id"]), sink, supervisor["capacity"])
    flow.solve(source, sink)
    return int(flow.optimal_flow())


def max_first_choices(instance: dict[str, Any]) -> int:
    """How many students can get their first choice at most: each project's places or its
    first-choice applicants (not excluded from it), whichever is fewer."""
    max_size = {p["id"]: p["max_size"] for p in instance["projects"]}
    excluded = {(e["student"], e["project"]) for e in instance["exclusions"]}
    demand = Counter(
        s["preferences"][0]
        for s in instance["students"]
        if s["preferences"] and (s["id"], s["preferences"][0]) not in excluded
    )
    return sum(min(max_size.get(p, 0), n) for p, n in demand.items())


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (10^6 bytes; Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6

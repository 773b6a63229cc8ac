"""Checks of a result: which hard constraints an assignment breaks (``violation_list``,
``violations``), its rank profile (``profile_of``, ``rank_of``) and its soft wishes
(``soft_score``). Independent of how the assignment was found: the app checks a coordinator's
hand-made changes with them and the tests check every method's answer."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from transferraum.allocation.model import Instance, Student


@dataclass(frozen=True)
class Violation:
    """One broken hard constraint: a stable ``kind``, the ids and numbers it concerns and the
    words of ``violations``. Kinds: ``unknown``, ``not_ranked``, ``excluded``, ``pin``,
    ``max_size``, ``min_size``, ``competence``, ``capacity``."""

    kind: str
    text: str
    student: str | None = None
    project: str | None = None
    supervisor: str | None = None
    competence: str | None = None
    count: int | None = None
    limit: int | None = None


def violation_list(instance: Instance, assignment: Mapping[str, str]) -> list[Violation]:
    """Every hard constraint the assignment breaks (empty when it is feasible)."""
    problems: list[Violation] = []
    students = {s.id: s for s in instance.students}
    projects = {p.id: p for p in instance.projects}
    excluded = {(e.student, e.project) for e in instance.exclusions}
    members: dict[str, list[str]] = defaultdict(list)
    for sid, pid in assignment.items():
        if sid not in students or pid not in projects:
            problems.append(Violation("unknown", f"{sid} -> {pid}: unknown id", sid, pid))
            continue
        if pid not in students[sid].preferences:
            problems.append(Violation("not_ranked", f"{sid} -> {pid}: not ranked", sid, pid))
        if (sid, pid) in excluded:
            problems.append(Violation("excluded", f"{sid} -> {pid}: excluded", sid, pid))
        members[pid].append(sid)
    problems.extend(
        Violation(
            "pin", f"pin {pin.student} -> {pin.project} not honoured", pin.student, pin.project
        )
        for pin in instance.pins
        if assignment.get(pin.student) != pin.project
    )
    load: dict[str, int] = defaultdict(int)
    for pid, sids in members.items():
        p = projects[pid]
        size = len(sids)
        if size > p.max_size:
            text = f"{pid}: {size} members, max {p.max_size}"
            problems.append(Violation("max_size", text, project=pid, count=size, limit=p.max_size))
        if size < p.min_size:
            text = f"{pid}: {size} members, min {p.min_size}"
            problems.append(Violation("min_size", text, project=pid, count=size, limit=p.min_size))
        problems.extend(
            Violation("competence", f"{pid}: nobody with {c}", project=pid, competence=c)
            for c in p.required_competences
            if not any(c in students[s].competences for s in sids)
        )
        for lid in p.supervisors:
            load[lid] += size
    problems.extend(
        Violation(
            "capacity",
            f"supervisor {s.id}: {load[s.id]} members, capacity {s.capacity}",
            supervisor=s.id,
            count=load[s.id],
            limit=s.capacity,
        )
        for s in instance.supervisors
        if load[s.id] > s.capacity
    )
    return problems


def violations(instance: Instance, assignment: Mapping[str, str]) -> list[str]:
    """Every hard constraint the assignment breaks, in words (empty when it is feasible)."""
    return [v.text for v in violation_list(instance, assignment)]


def rank_of(student: Student, project_id: str | None) -> int | None:
    if project_id is None:
        return None
    return student.preferences.index(project_id) + 1


def profile_of(instance: Instance, assignment: Mapping[str, str]) -> tuple[int, ...]:
    profile = [0] * instance.max_rank
    for s in instance.students:
        r = rank_of(s, assignment.get(s.id))
        if r is not None:
            profile[r - 1] += 1
    return tuple(profile)


def soft_score(instance: Instance, assignment: Mapping[str, str]) -> tuple[float, int]:
    """(programme-share excess over teams of three or more, fulfilled work-with wishes)."""
    options = instance.options
    members: dict[str, list[Student]] = defaultdict(list)
    for s in instance.students:
        if s.id in assignment:
            members[assignment[s.id]].append(s)
    excess = 0.0
    if options.max_programme_share is not None:
        for team in members.values():
            if len(team) < 3:
                continue
            counts: dict[str, int] = defaultdict(int)
            for s in team:
                if s.programme is not None:
                    counts[s.programme] += 1
            for count in counts.values():
                excess += max(0.0, count - options.max_programme_share * len(team))
    pairs = sum(
        1
        for s in instance.students
        for other in s.work_with
        if s.id in assignment and assignment.get(other) == assignment[s.id]
    )
    return excess, pairs

"""Preparation: the instance turned into what every method solves.

``prepare`` decides which (student, project) pairs can be chosen at all: a pair is an *arc*
when the student ranked the project, is not excluded from it, is pinned there if pinned
anywhere, and the project can open. A project that can never open (no places, too few or no
applicants, nobody with a required competence, a supervisor below its minimum size) loses its
arcs here and keeps the reason for its closure; the lottery is drawn here, for every ranked
pair in input order, so it does not depend on this pruning. ``build_model`` writes the hard
constraints and the soft-wish helper columns of docs/allocation.md as columns and rows for
HiGHS (x for arcs first, then y "open" for gated projects, then soft-wish columns).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import highspy
import numpy as np

from transferraum.allocation.model import Instance, InstanceError, Project, Student


@dataclass
class Prepared:
    """The instance as arcs: arc ``a`` is student ``arc_student[a]`` in project
    ``arc_project[a]`` on rank ``arc_rank[a]``; every list indexed by arc, student or project."""

    instance: Instance
    students: tuple[Student, ...]
    projects: tuple[Project, ...]
    arc_student: list[int]
    arc_project: list[int]
    arc_rank: list[int]  # 1-based
    arcs_of_student: list[list[int]]
    arcs_of_project: list[list[int]]
    pinned_arc: dict[int, int]  # student index -> arc index
    pinned_projects: set[int]
    never_open: dict[int, tuple[str, dict[str, Any]]]  # project index -> (kind, params)
    supervisor_projects: dict[str, list[int]]
    capacity: dict[str, int]
    wanted: list[bool]  # per arc: the student's programme is wanted by the project
    lottery: list[float]  # per arc, in [0, 1)

    @property
    def gated(self) -> list[int]:
        """Projects whose opening is a decision: a minimum size of 2+ or required competences."""
        return [
            j
            for j, p in enumerate(self.projects)
            if self.arcs_of_project[j] and (p.min_size >= 2 or p.required_competences)
        ]


def prepare(instance: Instance) -> Prepared:
    """The arcs of ``instance``; raises ``InstanceError`` for a pin to a project that cannot
    run."""
    students = instance.students
    projects = instance.projects
    s_index = {s.id: i for i, s in enumerate(students)}
    p_index = {p.id: j for j, p in enumerate(projects)}
    excluded = {(e.student, e.project) for e in instance.exclusions}
    pin_of = {p.student: p.project for p in instance.pins}
    capacity = {s.id: s.capacity for s in instance.supervisors}

    # Projects that can never open lose their arcs before any solver sees them.
    eligible: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(students):
        pin = pin_of.get(s.id)
        for pid in s.preferences:
            if (pin is not None and pin != pid) or (excluded and (s.id, pid) in excluded):
                continue
            eligible[p_index[pid]].append(i)
    never_open: dict[int, tuple[str, dict[str, Any]]] = {}
    for j, p in enumerate(projects):
        members = eligible.get(j, [])
        if p.max_size == 0:
            never_open[j] = ("closed_no_places", {})
        elif not members:
            never_open[j] = ("closed_not_chosen", {})
        elif len(members) < p.min_size:
            never_open[j] = ("closed_too_few", {"chosen": len(members), "needed": p.min_size})
        else:
            for c in p.required_competences:
                if not any(c in students[i].competences for i in members):
                    never_open[j] = ("closed_no_competence", {"competence": c})
                    break
            else:
                for lid in p.supervisors:
                    if capacity[lid] < max(p.min_size, 1):
                        never_open[j] = (
                            "closed_supervisor_too_small",
                            {"supervisor": lid, "capacity": capacity[lid], "needed": p.min_size},
                        )
                        break

    rng = random.Random(instance.options.seed)  # noqa: S311 - a reproducible lottery, no secret
    arc_student: list[int] = []
    arc_project: list[int] = []
    arc_rank: list[int] = []
    wanted: list[bool] = []
    lottery: list[float] = []
    arcs_of_student: list[list[int]] = [[] for _ in students]
    arcs_of_project: list[list[int]] = [[] for _ in projects]
    pinned_arc: dict[int, int] = {}
    wanted_by = [frozenset(p.wanted_programmes) for p in projects]
    for i, s in enumerate(students):
        # Draw for every ranked pair, so the lottery does not depend on pruning.
        draws = [rng.random() for _ in s.preferences]
        pin = pin_of.get(s.id)
        own = arcs_of_student[i]
        for r, pid in enumerate(s.preferences, start=1):
            j = p_index[pid]
            if j in never_open or (pin is not None and pin != pid):
                continue
            if excluded and (s.id, pid) in excluded:
                continue
            a = len(arc_student)
            arc_student.append(i)
            arc_project.append(j)
            arc_rank.append(r)
            wanted.append(s.programme is not None and s.programme in wanted_by[j])
            lottery.append(draws[r - 1])
            own.append(a)
            arcs_of_project[j].append(a)
            if pin == pid:
                pinned_arc[i] = a
    for sid, pid in pin_of.items():
        if s_index[sid] not in pinned_arc:
            raise InstanceError(f"pin {sid!r} -> {pid!r}: project {pid!r} cannot run")
    supervisor_projects: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(projects):
        for lid in p.supervisors:
            supervisor_projects[lid].append(j)
    return Prepared(
        instance=instance,
        students=students,
        projects=projects,
        arc_student=arc_student,
        arc_project=arc_project,
        arc_rank=arc_rank,
        arcs_of_student=arcs_of_student,
        arcs_of_project=arcs_of_project,
        pinned_arc=pinned_arc,
        pinned_projects={arc_project[a] for a in pinned_arc.values()},
        never_open=never_open,
        supervisor_projects=dict(supervisor_projects),
        capacity=capacity,
        wanted=wanted,
        lottery=lottery,
    )


def rank_costs(prep: Prepared) -> np.ndarray:
    """The rank cost of each arc (looked up per rank: a round has a handful of ranks)."""
    options = prep.instance.options
    top = max(prep.arc_rank, default=0)
    table = np.array([0.0, *(options.cost_of_rank(r) for r in range(1, top + 1))])
    return table[np.asarray(prep.arc_rank, dtype=np.int64)]


def is_integral(costs: np.ndarray) -> bool:
    return bool(np.all(np.mod(costs, 1.0) == 0.0))


class Rows:
    """Rows collected in compressed form and added to HiGHS in one call."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.starts: list[int] = []
        self.index: list[int] = []
        self.value: list[float] = []

    def add(self, cols: Sequence[int], vals: Sequence[float], lo: float, hi: float) -> int:
        self.starts.append(len(self.index))
        self.index.extend(cols)
        self.value.extend(vals)
        self.lower.append(lo)
        self.upper.append(hi)
        return len(self.lower) - 1

    def end(self, row: int) -> int:
        """Where the entries of ``row`` end in ``index`` and ``value``."""
        return self.starts[row + 1] if row + 1 < len(self.starts) else len(self.index)

    def load(self, highs: highspy.Highs) -> None:
        if not self.lower:
            return
        highs.addRows(
            len(self.lower),
            np.array(self.lower, dtype=np.float64),
            np.array(self.upper, dtype=np.float64),
            len(self.index),
            np.array(self.starts, dtype=np.int32),
            np.array(self.index, dtype=np.int32),
            np.array(self.value, dtype=np.float64),
        )


@dataclass
class Model:
    """Columns and rows of the allocation model (x for arcs first)."""

    n_cols: int
    lower: list[float]
    upper: list[float]
    integer: list[int]
    rows: Rows
    open_col: dict[int, int]  # project index -> y column
    excess_cols: list[int]  # programme-share excess, continuous >= 0
    pair_cols: list[int]  # work-with pairs placed together, continuous [0, 1]
    n_arcs: int = 0  # x columns 0 .. n_arcs - 1
    student_rows: list[int] = field(default_factory=list)  # "one place" rows (2+ arcs)
    single_arcs: list[int] = field(default_factory=list)  # the arc of a one-arc student

    def add_col(self, lo: float, hi: float, *, integer: bool = False) -> int:
        self.lower.append(lo)
        self.upper.append(hi)
        if integer:
            self.integer.append(self.n_cols)
        self.n_cols += 1
        return self.n_cols - 1


def build_model(prep: Prepared) -> Model:
    options = prep.instance.options
    n_arcs = len(prep.arc_student)
    model = Model(
        n_cols=n_arcs,
        lower=[0.0] * n_arcs,
        upper=[1.0] * n_arcs,
        integer=list(range(n_arcs)),
        rows=Rows(),
        open_col={},
        excess_cols=[],
        pair_cols=[],
        n_arcs=n_arcs,
    )
    for a in prep.pinned_arc.values():
        model.lower[a] = 1.0
    rows = model.rows
    inf = highspy.kHighsInf
    for arcs in prep.arcs_of_student:
        if len(arcs) > 1:
            model.student_rows.append(rows.add(arcs, [1.0] * len(arcs), -inf, 1.0))
        elif arcs:
            model.single_arcs.append(arcs[0])
    for j in prep.gated:
        pinned = j in prep.pinned_projects
        model.open_col[j] = model.add_col(1.0 if pinned else 0.0, 1.0, integer=True)
    for j, p in enumerate(prep.projects):
        arcs = prep.arcs_of_project[j]
        if not arcs:
            continue
        ones = [1.0] * len(arcs)
        y = model.open_col.get(j)
        if y is None:
            if len(arcs) > p.max_size:
                rows.add(arcs, ones, -inf, float(p.max_size))
            continue
        # Closed (y = 0): nobody; open (y = 1): between min and max, each competence present.
        rows.add([*arcs, y], [*ones, -float(p.max_size)], -inf, 0.0)
        if p.min_size >= 2:
            rows.add([*arcs, y], [*ones, -float(p.min_size)], 0.0, inf)
        for a in arcs:  # x <= y: a much tighter relaxation than the size rows alone
            rows.add([a, y], [1.0, -1.0], -inf, 0.0)
        for c in p.required_competences:
            having = [a for a in arcs if c in prep.students[prep.arc_student[a]].competences]
            rows.add([*having, y], [1.0] * len(having) + [-1.0], 0.0, inf)
    for lid, sup_projects in sorted(prep.supervisor_projects.items()):
        arcs = [a for j in sup_projects for a in prep.arcs_of_project[j]]
        if len(arcs) > prep.capacity[lid]:
            rows.add(arcs, [1.0] * len(arcs), -inf, float(prep.capacity[lid]))
    if options.max_programme_share is not None:
        _add_share(prep, model, options.max_programme_share)
    if options.work_with_weight > 0:
        _add_pairs(prep, model)
    return model


def _add_share(prep: Prepared, model: Model, share: float) -> None:
    """Excess of one programme over ``share`` of a team of three or more (soft)."""
    inf = highspy.kHighsInf
    rows = model.rows
    for j, p in enumerate(prep.projects):
        arcs = prep.arcs_of_project[j]
        if p.max_size < 3 or len(arcs) < 3:
            continue
        by_programme: dict[str, list[int]] = defaultdict(list)
        for a in arcs:
            programme = prep.students[prep.arc_student[a]].programme
            if programme is not None:
                by_programme[programme].append(a)
        # A programme with at most 3 * share candidates can never exceed the share of a team
        # of three or more.
        groups = [g for g in sorted(by_programme) if len(by_programme[g]) > 3 * share]
        if not groups:
            continue
        big = float(p.max_size)
        team_col = None
        if p.min_size < 3:
            # t = 1 when the team has three or more members: sum x <= 2 + (max - 2) t
            team_col = model.add_col(0.0, 1.0, integer=True)
            rows.add([*arcs, team_col], [1.0] * len(arcs) + [-(big - 2.0)], -inf, 2.0)
        for g in groups:
            e = model.add_col(0.0, inf)
            model.excess_cols.append(e)
            members = set(by_programme[g])
            coeffs = [(1.0 if a in members else 0.0) - share for a in arcs]
            if team_col is None:
                rows.add([*arcs, e], [*coeffs, -1.0], -inf, 0.0)
            else:  # only binding when t = 1
                rows.add([*arcs, e, team_col], [*coeffs, -1.0, big], -inf, big)


def _add_pairs(prep: Prepared, model: Model) -> None:
    """u(s, t, p) <= x(s, p), u <= x(t, p): s and t both in p, for s's wish to work with t."""
    inf = highspy.kHighsInf
    index = {s.id: i for i, s in enumerate(prep.students)}
    for i, s in enumerate(prep.students):
        mine = {prep.arc_project[a]: a for a in prep.arcs_of_student[i]}
        for other in s.work_with:
            k = index[other]
            for b in prep.arcs_of_student[k]:
                a = mine.get(prep.arc_project[b])
                if a is None:
                    continue
                u = model.add_col(0.0, 1.0)
                model.pair_cols.append(u)
                model.rows.add([u, a], [1.0, -1.0], -inf, 0.0)
                model.rows.add([u, b], [1.0, -1.0], -inf, 0.0)

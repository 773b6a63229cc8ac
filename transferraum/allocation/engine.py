"""The allocation engine: who works in which project.

Priorities, each optimised in its own phase with the result of the phases before held fixed
(no big-M penalty for unplaced students, no lexicographic weights that overflow):

1. hard constraints (sizes or closed, supervisor capacity, required competences, pins,
   exclusions, only ranked projects) hold in every phase;
2. the number of placed students is maximal;
3. the rank profile is optimal: ``rank-maximal`` maximises the first choices, then the second
   choices, ...; ``min-cost`` minimises the sum of ``rank_costs``;
4. soft wishes (programme share of teams of three or more, work-with wishes) are optimised;
5. ties go to students of a project's wanted programmes, then to a seeded lottery.

Three methods solve the same phases; docs/allocation.md gives the formulation and the reasons:
``min-cost-flow`` (OR-Tools) for min-cost rounds with max sizes only, ``network-lp`` (HiGHS
simplex, staged with reduced-cost fixing, so the matrix stays a network matrix and every vertex
is integral) for rank-maximal rounds with max sizes only, and ``mip`` as soon as minimum sizes,
required competences, soft wishes or shared supervision appear: a flow heuristic gives a first
answer, each stage solves its LP relaxation first (an integral optimum or a bound the incumbent
meets ends the stage), fixes columns by reduced costs against the incumbent and only then runs
HiGHS branch and cut on the reduced model, with the previous stages' values as constraints.
"""

from __future__ import annotations

import math
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, NamedTuple

import highspy
import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from transferraum.allocation.model import (
    Instance,
    InstanceError,
    Project,
    Result,
    Student,
    without_cyclic_gc,
)

__all__ = ["allocate", "solve", "violations", "violation_list", "Solution", "Violation"]

_TOL = 1e-6
_LOTTERY_STEPS = 1000  # integer lottery of the flow method: 0 .. 999 per arc
_STEEP = 2  # heuristic flow, rank-maximal: rank r costs _STEEP ** (r - 2), rank 1 nothing


class AllocationError(RuntimeError):
    """No feasible assignment was found (e.g. the time limit ran out before the first one)."""


# --------------------------------------------------------------------------------------------
# Preparation


@dataclass
class _Prepared:
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


def _prepare(instance: Instance) -> _Prepared:
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
    return _Prepared(
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


# --------------------------------------------------------------------------------------------
# Phase records and the solution


@dataclass
class Phase:
    name: str
    sense: str  # "max" or "min"
    objective: float
    bound: float
    optimal: bool
    seconds: float

    @property
    def gap(self) -> float:
        return _gap(self.objective, self.bound)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sense": self.sense,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "optimal": self.optimal,
            "seconds": round(self.seconds, 4),
        }


def _gap(objective: float, bound: float) -> float:
    if math.isnan(bound) or math.isinf(bound):
        return math.inf
    return abs(bound - objective) / max(1.0, abs(objective))


@dataclass
class Solution:
    """An assignment with the record of how it was found (before explanations are added)."""

    assignment: dict[str, str]
    method: str
    phases: list[Phase] = field(default_factory=list)


def _costs(prep: _Prepared) -> np.ndarray:
    """The rank cost of each arc (looked up per rank: a round has a handful of ranks)."""
    options = prep.instance.options
    top = max(prep.arc_rank, default=0)
    table = np.array([0.0, *(options.cost_of_rank(r) for r in range(1, top + 1))])
    return table[np.asarray(prep.arc_rank, dtype=np.int64)]


def _integral(costs: np.ndarray) -> bool:
    return bool(np.all(np.mod(costs, 1.0) == 0.0))


# --------------------------------------------------------------------------------------------
# Method 1: min-cost flow (max sizes, at most one supervisor per project, integral costs)


def _flow_scale(prep: _Prepared, costs: np.ndarray) -> int | None:
    """Cost multiplier that keeps the tie-break below one unit of rank cost, or None."""
    if not _integral(costs):
        return None
    n = len(prep.students) + 1
    scale = n * 2 * _LOTTERY_STEPS + 1
    biggest = int(np.abs(costs).max(initial=0.0)) + 2
    if biggest * scale * n >= 2**62:
        return None
    return scale


@dataclass
class _Network:
    """The flow network of the network case: source -> student -> project -> supervisor (or
    sink) -> sink, maximum sizes and supervisor capacities as capacities, unit capacities on
    the student arcs. Pinned students are placed beforehand (their places are taken off)."""

    tails: np.ndarray
    heads: np.ndarray
    caps: np.ndarray
    source: int
    sink: int
    first: int  # students to place (one source arc each) = index of the first student arc
    arc_ids: np.ndarray  # the arc (of ``_Prepared``) of each student -> project arc


def _network(prep: _Prepared) -> _Network:
    students, projects = prep.students, prep.projects
    n, m = len(students), len(projects)
    supervisors = sorted(prep.supervisor_projects)
    source, sink = 0, 1 + n + m + len(supervisors)
    room = np.array([p.max_size for p in projects], dtype=np.int64)
    sup_room = {lid: prep.capacity[lid] for lid in supervisors}
    for a in prep.pinned_arc.values():
        j = prep.arc_project[a]
        room[j] -= 1
        for lid in projects[j].supervisors:
            sup_room[lid] -= 1
    arc_student = np.asarray(prep.arc_student, dtype=np.int64)
    arc_project = np.asarray(prep.arc_project, dtype=np.int64)
    pinned = np.zeros(n, dtype=bool)
    pinned[list(prep.pinned_arc)] = True
    has_arcs = np.zeros(n, dtype=bool)
    has_arcs[arc_student] = True
    free_students = np.nonzero(has_arcs & ~pinned)[0]
    arc_ids = np.nonzero(~pinned[arc_student])[0]
    open_projects = np.array([j for j in range(m) if prep.arcs_of_project[j]], dtype=np.int64)
    sup_node = {lid: 1 + n + m + k for k, lid in enumerate(supervisors)}
    project_head = [
        sup_node[projects[j].supervisors[0]] if projects[j].supervisors else sink
        for j in open_projects
    ]
    tails = np.concatenate(
        [
            np.full(len(free_students), source),
            1 + arc_student[arc_ids],
            1 + n + open_projects,
            np.array([sup_node[lid] for lid in supervisors], dtype=np.int64),
        ]
    )
    heads = np.concatenate(
        [
            1 + free_students,
            1 + n + arc_project[arc_ids],
            np.array(project_head, dtype=np.int64),
            np.full(len(supervisors), sink),
        ]
    )
    caps = np.concatenate(
        [
            np.ones(len(free_students) + len(arc_ids), dtype=np.int64),
            np.maximum(room[open_projects], 0),
            np.array([max(sup_room[lid], 0) for lid in supervisors], dtype=np.int64),
        ]
    )
    return _Network(
        tails.astype(np.int32),
        heads.astype(np.int32),
        caps,
        source,
        sink,
        len(free_students),
        arc_ids,
    )


def _solve_flow(prep: _Prepared, scale: int, costs: np.ndarray) -> Solution:
    """Maximum flow of minimum cost in ``_network``: each student arc costs its rank cost
    times ``scale`` plus a tie-break below one unit (wanted programme first, then the lottery)."""
    started = time.perf_counter()
    net = _network(prep)
    arc_ids = net.arc_ids
    tie = np.where(np.asarray(prep.wanted, dtype=bool)[arc_ids], 0, _LOTTERY_STEPS) + (
        np.asarray(prep.lottery)[arc_ids] * _LOTTERY_STEPS
    ).astype(np.int64)
    unit = np.zeros(len(net.tails), dtype=np.int64)
    unit[net.first : net.first + len(arc_ids)] = costs[arc_ids].astype(np.int64) * scale + tie
    chosen = list(prep.pinned_arc.values())
    if len(net.tails):
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(net.tails, net.heads, net.caps, unit)
        flow.set_node_supply(net.source, net.first)
        flow.set_node_supply(net.sink, -net.first)
        status = flow.solve_max_flow_with_min_cost()
        if status != flow.OPTIMAL:
            raise AllocationError(f"min-cost flow failed with status {status}")
        values = flow.flows(np.arange(net.first, net.first + len(arc_ids)))
        chosen.extend(arc_ids[values > 0].tolist())
    students, projects = prep.students, prep.projects
    assignment = {
        students[prep.arc_student[a]].id: projects[prep.arc_project[a]].id for a in chosen
    }
    seconds = time.perf_counter() - started
    placed = float(len(assignment))
    cost = float(costs[np.asarray(chosen, dtype=np.int64)].sum())
    return Solution(
        assignment=assignment,
        method="min-cost-flow",
        phases=[
            Phase("placed", "max", placed, placed, True, seconds),
            Phase("rank-cost", "min", cost, cost, True, 0.0),
        ],
    )


def _heuristic_unit_costs(prep: _Prepared) -> list[int]:
    """Integral arc costs of the heuristic flow. Min-cost: the rank costs scaled to 0 .. 10,000.
    Rank-maximal: costs 0, 1, B, B², … (B = ``_STEEP``) that grow with the rank; only a first
    answer, the stages make it exact."""
    options = prep.instance.options
    if options.objective == "min-cost":
        costs = _costs(prep)
        low, top = (costs.min(), costs.max()) if len(costs) else (0.0, 1.0)
        span = max(top - low, 1e-9)
        return np.rint(10_000.0 * (costs - low) / span).astype(np.int64).tolist()
    return [0 if r == 1 else _STEEP ** (r - 2) for r in prep.arc_rank]


def _flow_heuristic(prep: _Prepared, *, max_rounds: int = 60) -> list[int] | None:
    """A quick feasible answer (chosen arcs) for a round with minimum sizes and competences.

    A min-cost flow source -> student -> (competence node) -> project -> supervisor -> sink with
    maximum sizes and supervisor capacities as capacities; a project's first ``min_size``
    places earn a bonus and so does its first member bringing each required competence (a
    node per competence gathers the students having it). Every project still under its minimum
    or lacking a competence afterwards is closed and the flow runs again; a pinned project,
    which cannot close, gets the best-ranking applicant it lacks forced in instead. None when a
    project has two supervisors (no flow network) or nothing feasible is found.
    """
    students, projects = prep.students, prep.projects
    if any(len(p.supervisors) > 1 for p in projects):
        return None
    n, m = len(students), len(projects)
    supervisors = sorted(prep.supervisor_projects)
    cost_of_arc = _heuristic_unit_costs(prep)
    top = max(cost_of_arc, default=1)
    # Opening a needed project is worth about one student's whole range of ranks (measured at
    # 5,000: 62.7 % first choices; steeper costs or bigger bonuses gave 54-58 %).
    fill_bonus = top + 4  # opening a needed project beats any rank change
    competence_bonus = top + 4
    comp_nodes: list[tuple[int, str]] = [
        (j, c)
        for j, p in enumerate(projects)
        if prep.arcs_of_project[j]
        for c in p.required_competences
    ]
    comp_node = {key: 1 + n + m + k for k, key in enumerate(comp_nodes)}
    base = 1 + n + m + len(comp_nodes)
    sup_node = {lid: base + k for k, lid in enumerate(supervisors)}
    source, sink = 0, base + len(supervisors)
    forced: dict[int, int] = dict(prep.pinned_arc)  # student -> arc
    closed: set[int] = set()
    for _ in range(max_rounds):
        room = [p.max_size for p in projects]
        have: list[set[str]] = [set() for _ in projects]
        count = [0] * m
        sup_room = {lid: prep.capacity[lid] for lid in supervisors}
        for a in forced.values():
            j = prep.arc_project[a]
            room[j] -= 1
            count[j] += 1
            have[j] |= set(students[prep.arc_student[a]].competences)
            for lid in projects[j].supervisors:
                sup_room[lid] -= 1
        if any(r < 0 for r in room) or any(r < 0 for r in sup_room.values()):
            return None
        tails: list[int] = []
        heads: list[int] = []
        caps: list[int] = []
        unit: list[int] = []
        arc_ids: list[int] = []
        for i in range(n):
            if i not in forced:
                tails.append(source)
                heads.append(1 + i)
                caps.append(1)
                unit.append(0)
        first = len(tails)
        for a, (i, j) in enumerate(zip(prep.arc_student, prep.arc_project, strict=True)):
            if i in forced or j in closed:
                continue
            head = 1 + n + j
            for c in projects[j].required_competences:
                if c not in have[j] and c in students[i].competences:
                    head = comp_node[(j, c)]  # the first competence it lacks that i brings
                    break
            tails.append(1 + i)
            heads.append(head)
            caps.append(1)
            unit.append(cost_of_arc[a])
            arc_ids.append(a)
        for (j, c), node in comp_node.items():
            # One member bringing c earns the bonus (only while the project lacks c).
            tails.extend((node, node))
            heads.extend((1 + n + j, 1 + n + j))
            caps.extend((0 if c in have[j] else 1, n))
            unit.extend((-competence_bonus, 0))
        for j, p in enumerate(projects):
            head = sup_node[p.supervisors[0]] if p.supervisors else sink
            cap = 0 if j in closed else max(room[j], 0)
            needed = min(cap, max(p.min_size - count[j], 0))
            tails.extend((1 + n + j, 1 + n + j))
            heads.extend((head, head))
            caps.extend((needed, cap - needed))
            unit.extend((-fill_bonus, 0))
        for lid in supervisors:
            tails.append(sup_node[lid])
            heads.append(sink)
            caps.append(max(sup_room[lid], 0))
            unit.append(0)
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(
            np.array(tails, dtype=np.int32),
            np.array(heads, dtype=np.int32),
            np.array(caps, dtype=np.int64),
            np.array(unit, dtype=np.int64),
        )
        flow.set_node_supply(source, n)
        flow.set_node_supply(sink, -n)
        if flow.solve_max_flow_with_min_cost() != flow.OPTIMAL:
            return None
        chosen = list(forced.values())
        if arc_ids:
            values = flow.flows(np.arange(first, first + len(arc_ids)))
            chosen.extend(arc_ids[k] for k in np.nonzero(values > 0)[0])
        members: list[list[int]] = [[] for _ in projects]
        for a in chosen:
            members[prep.arc_project[a]].append(a)
        to_close = set()
        progress = False
        used_sup: dict[str, int] = {}
        for a in forced.values():
            for lid in projects[prep.arc_project[a]].supervisors:
                used_sup[lid] = used_sup.get(lid, 0) + 1
        for j, p in enumerate(projects):
            team = members[j]
            if not team and j not in prep.pinned_projects:
                continue
            skills = set().union(*(students[prep.arc_student[a]].competences for a in team))
            lacking = [c for c in p.required_competences if c not in skills]
            if len(team) >= p.min_size and not lacking:
                continue
            if j not in prep.pinned_projects:
                to_close.add(j)
                continue
            # Keep it (a pinned project must run): force in the best-ranking applicants it
            # lacks, first one with each missing competence, then up to its minimum size.
            in_team = {prep.arc_student[a] for a in team}
            free = sorted(
                (a for a in prep.arcs_of_project[j] if prep.arc_student[a] not in forced),
                key=lambda a: (prep.arc_rank[a], a),
            )
            picks: list[int] = []
            for c in lacking:
                if any(c in students[prep.arc_student[a]].competences for a in picks):
                    continue
                pick = next(
                    (a for a in free if c in students[prep.arc_student[a]].competences), None
                )
                if pick is None:
                    break
                picks.append(pick)
            covered = all(
                any(c in students[prep.arc_student[a]].competences for a in picks) for c in lacking
            )
            size = len(in_team) + len(picks)
            for a in free:
                if size >= p.min_size:
                    break
                if a not in picks and prep.arc_student[a] not in in_team:
                    picks.append(a)
                    size += 1
            loose = sorted(
                (a for a in team if prep.arc_student[a] not in forced),
                key=lambda a: (prep.arc_rank[a], a),
            )
            held = len(team) - len(loose)  # forced in an earlier round
            keep = loose[: max(p.max_size - held - len(picks), 0)]
            fits = all(
                used_sup.get(lid, 0) + len(picks) + len(keep) <= prep.capacity[lid]
                for lid in p.supervisors
            )
            too_many = held + len(picks) > p.max_size
            if not covered or size < p.min_size or too_many or not fits:
                if j in prep.pinned_projects:
                    return None
                to_close.add(j)
                continue
            for a in picks + keep:
                forced[prep.arc_student[a]] = a
                for lid in p.supervisors:
                    used_sup[lid] = used_sup.get(lid, 0) + 1
            progress = True
        if not to_close and not progress:
            return chosen
        closed |= to_close
    return None


def _max_flow(prep: _Prepared) -> int:
    """The most students that can be placed, pinned students included, with maximum sizes and
    supervisor capacities (the network case): a max flow in ``_network``."""
    net = _network(prep)
    if not len(net.tails):
        return len(prep.pinned_arc)
    flow = max_flow.SimpleMaxFlow()
    flow.add_arcs_with_capacity(net.tails, net.heads, net.caps)
    if flow.solve(net.source, net.sink) != flow.OPTIMAL:
        return -1
    return len(prep.pinned_arc) + int(flow.optimal_flow())


# --------------------------------------------------------------------------------------------
# Methods 2 and 3: staged HiGHS models

_banner_silenced = False


def _new_highs() -> highspy.Highs:
    """A silent HiGHS instance; the first one per process prints a banner on file descriptor 1,
    which would spoil the JSON the command line writes to standard output."""
    global _banner_silenced  # noqa: PLW0603 - a process-wide fact about the C library
    if _banner_silenced:
        highs = highspy.Highs()
    else:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as devnull:
                os.dup2(devnull.fileno(), 1)
                highs = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _banner_silenced = True
    highs.setOptionValue("output_flag", False)
    return highs


class _Rows:
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
class _Model:
    """Columns and rows of the allocation model (x for arcs first)."""

    n_cols: int
    lower: list[float]
    upper: list[float]
    integer: list[int]
    rows: _Rows
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


def _build_model(prep: _Prepared) -> _Model:
    options = prep.instance.options
    n_arcs = len(prep.arc_student)
    model = _Model(
        n_cols=n_arcs,
        lower=[0.0] * n_arcs,
        upper=[1.0] * n_arcs,
        integer=list(range(n_arcs)),
        rows=_Rows(),
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


def _add_share(prep: _Prepared, model: _Model, share: float) -> None:
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


def _add_pairs(prep: _Prepared, model: _Model) -> None:
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


def _entries(lp: highspy.HighsLp) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, column and value of each entry of the matrix of ``lp`` (HiGHS stores it by column
    or, after some changes, by row)."""
    matrix = lp.a_matrix_
    starts = np.array(matrix.start_, dtype=np.int64)
    outer = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
    # (dtype given: an empty matrix would give float arrays)
    inner = np.array(matrix.index_, dtype=np.int64)
    value = np.array(matrix.value_, dtype=np.float64)
    if matrix.format_ == highspy.MatrixFormat.kColwise:
        return inner, outer, value
    if matrix.format_ == highspy.MatrixFormat.kRowwise:
        return outer, inner, value
    raise AllocationError(f"unexpected matrix format {matrix.format_}")


class _Solution(NamedTuple):
    """A solution over the model's columns (see ``_Staged.solution``)."""

    col_value: np.ndarray
    col_dual: np.ndarray
    row_value: np.ndarray
    row_dual: np.ndarray


class _Staged:
    """One HiGHS model optimised stage by stage, each stage's optimum held in the next."""

    def __init__(self, model: _Model, *, mip: bool, seed: int, deadline: float) -> None:
        self.model = model
        self.mip = mip
        self.seed = seed
        self.deadline = deadline
        highs = _new_highs()
        highs.setOptionValue("random_seed", seed % 2_147_483_647)
        if not mip:
            highs.setOptionValue("solver", "simplex")
        highs.addVars(
            model.n_cols,
            np.array(model.lower, dtype=np.float64),
            np.array(model.upper, dtype=np.float64),
        )
        if mip and model.integer:
            highs.changeColsIntegrality(
                len(model.integer),
                np.array(model.integer, dtype=np.int32),
                np.array([highspy.HighsVarType.kInteger] * len(model.integer)),
            )
        model.rows.load(highs)
        self.highs = highs
        self.values: np.ndarray | None = None
        self.phases: list[Phase] = []
        # Current column bounds (reduced-cost fixing tightens them for good).
        self.col_lower = np.array(model.lower, dtype=np.float64)
        self.col_upper = np.array(model.upper, dtype=np.float64)
        self.int_cols = np.array(model.integer, dtype=np.int64)
        binary = np.zeros(model.n_cols, dtype=bool)
        binary[self.int_cols] = True
        self.binary = binary & (self.col_lower >= 0.0) & (self.col_upper <= 1.0)
        self.fixed_by_reduced_cost = 0
        self.relaxation_seconds = 0.0  # of the last relaxation
        self._last_hold: tuple[np.ndarray, float, bool, bool] | None = None
        # The columns HiGHS still holds (``compact`` removes fixed ones) and where each column
        # of the model sits in HiGHS (-1: removed, its value is its fixed bound).
        self.kept = np.arange(model.n_cols, dtype=np.int64)
        self.position = np.arange(model.n_cols, dtype=np.int64)
        self.row_position = np.arange(highs.getNumRow(), dtype=np.int64)  # of the model's rows

    # ----------------------------------------------------------------------------------------
    # The model's columns in HiGHS. Stages fix most columns for good (at 5,000 students with
    # all constraints, 69 % after the first rank); ``compact`` removes them from HiGHS, so
    # relaxations, presolve and branch and cut only see the rest (at 5,000 students HiGHS
    # held 31,000 rows for 8,600 free columns before rows were removed as well). Everything
    # outside these helpers speaks of the model's columns and rows.

    def compact(self, *, force: bool = False) -> None:
        """Remove the fixed columns from HiGHS, their share moved into the row bounds, and the
        rows that the bounds of the remaining columns satisfy whatever their values (such as
        "x <= y" once y is fixed at 1, or a row with no column left)."""
        kept = self.kept
        gone = kept[self.col_lower[kept] == self.col_upper[kept]]
        if not force and len(gone) < max(_COMPACT_FROM, _COMPACT_SHARE * len(kept)):
            return
        gone = gone[: len(kept) - 1]  # HiGHS reports no solution for a model without columns
        if len(gone) == 0:
            return
        highs = self.highs
        lp = highs.getLp()
        row_of, col_of, entry = _entries(lp)  # col_of: positions in HiGHS
        n_rows = highs.getNumRow()
        positions = self.position[gone]
        removed = np.zeros(len(kept), dtype=bool)
        removed[positions] = True
        lower = self.col_lower[kept][col_of]
        upper = self.col_upper[kept][col_of]
        out = removed[col_of]
        shift = np.bincount(row_of[out], weights=entry[out] * lower[out], minlength=n_rows)
        row_lower = np.array(lp.row_lower_) - shift
        row_upper = np.array(lp.row_upper_) - shift
        # The least and the most each remaining row can reach within its columns' bounds (no
        # entry is 0 and every lower bound is finite, so no inf - inf arises).
        entry, row_in = entry[~out], row_of[~out]
        low = np.where(entry > 0, entry * lower[~out], entry * upper[~out])
        high = np.where(entry > 0, entry * upper[~out], entry * lower[~out])
        least = np.bincount(row_in, weights=low, minlength=n_rows)
        most = np.bincount(row_in, weights=high, minlength=n_rows)
        redundant = (least >= row_lower - 1e-9) & (most <= row_upper + 1e-9)
        moved = np.nonzero((shift != 0) & ~redundant)[0]
        if len(moved):
            highs.changeRowsBounds(  # type: ignore[attr-defined]  # missing from the stubs
                len(moved), moved.astype(np.int32), row_lower[moved], row_upper[moved]
            )
        highs.deleteCols(len(positions), np.sort(positions).astype(np.int32))
        self.position[gone] = -1
        self.kept = kept[~removed]
        self.position[self.kept] = np.arange(len(self.kept))
        drop = np.nonzero(redundant)[0]
        if len(drop):
            highs.deleteRows(len(drop), drop.astype(np.int32))
            new = np.full(n_rows, -1, dtype=np.int64)
            new[~redundant] = np.arange(n_rows - len(drop))
            inside = self.row_position >= 0
            self.row_position[inside] = new[self.row_position[inside]]

    def set_costs(self, costs: np.ndarray) -> None:
        """The objective ``costs`` (one per model column); removed columns add a constant."""
        kept = self.kept
        self.highs.changeColsCost(
            len(kept), np.arange(len(kept), dtype=np.int32), costs[kept].astype(np.float64)
        )
        gone = self.position < 0
        self.highs.changeObjectiveOffset(float(costs[gone] @ self.col_lower[gone]))

    def set_bounds(self, cols: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
        """Bounds of columns HiGHS still holds (a removed column is fixed for good)."""
        at = self.position[cols]
        assert np.all(at >= 0)  # noqa: S101 - removed columns are fixed, never changed
        self.highs.changeColsBounds(len(at), at.astype(np.int32), lower, upper)

    def add_row(self, cols: np.ndarray, vals: np.ndarray, lo: float, hi: float) -> None:
        """A row over model columns; the removed ones' share moves into the bounds."""
        at = self.position[cols]
        inside = at >= 0
        constant = float(vals[~inside] @ self.col_lower[cols[~inside]])
        self.highs.addRow(
            lo - constant,
            hi - constant,
            int(inside.sum()),
            at[inside].astype(np.int32),
            vals[inside].astype(np.float64),
        )

    def solution(self) -> _Solution:
        """HiGHS's solution spread over the model's columns (a removed column: its fixed
        value, reduced cost 0). Row values are HiGHS's, without the removed columns' share."""
        raw = self.highs.getSolution()
        values = self.col_lower.copy()
        values[self.kept] = np.array(raw.col_value)
        duals = np.zeros(len(values))
        duals[self.kept] = np.array(raw.col_dual)
        return _Solution(values, duals, np.array(raw.row_value), np.array(raw.row_dual))

    def optimise(
        self, name: str, cols: Sequence[int], coeffs: Sequence[float] | np.ndarray, *,
        maximise: bool, integral: bool, record: bool = True, upper: float | None = None,
        hold: bool = True, relax: bool = True,
    ) -> None:  # fmt: skip
        """Optimise one stage, then hold its optimum for the stages that follow.

        ``upper`` is a bound known without solving (e.g. the number of students with a ranked
        project); an incumbent that reaches it is optimal without a relaxation. With ``hold``
        false the caller holds the optimum (``hold_all_placed`` or ``hold_last``). A MIP stage
        with ``relax`` false goes straight to branch and cut: after a dense hold row the warm
        relaxation of the whole model is slow, while HiGHS's presolve drops fixed columns."""
        highs = self.highs
        started = time.perf_counter()
        costs = np.zeros(self.model.n_cols)
        costs[np.asarray(cols, dtype=np.int64)] = np.asarray(coeffs, dtype=np.float64)
        if self.mip:
            self.compact()
        self.set_costs(costs)
        sense = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        highs.changeObjectiveSense(sense)
        if self.mip:
            self._optimise_mip(name, costs, maximise, integral, record, started, upper, hold, relax)
            return
        highs.run()
        status = highs.getModelStatus()
        info = highs.getInfo()
        if status == highspy.HighsModelStatus.kInfeasible:
            raise InstanceError(
                "the pins cannot all be honoured together with sizes, supervisor capacities "
                "and required competences"
            )
        has_solution = info.primal_solution_status == highspy.kSolutionStatusFeasible
        if not has_solution:
            if self.values is None:
                raise AllocationError(f"phase {name}: no feasible assignment found in time")
            self._record_unsolved(name, costs, maximise, started, record)
            return
        solution = self.solution()
        values = solution.col_value.copy()
        objective = float(costs @ values)
        if abs(objective - float(info.objective_function_value)) > _TOL * max(1.0, abs(objective)):
            raise AllocationError(f"phase {name}: the solver's objective does not match its answer")
        if self.values is not None:
            previous = float(costs @ self.values)
            better = previous - objective if maximise else objective - previous
            if better > _TOL * max(1.0, abs(objective)):
                values, objective = self.values, previous  # a timed-out stage kept a worse answer
        optimal = status == highspy.HighsModelStatus.kOptimal
        # For an integral objective the absolute gap below one proves the optimum.
        bound = objective if optimal or not self.mip else float(info.mip_dual_bound)
        self.values = values
        if record:
            self.phases.append(
                Phase(
                    name,
                    "max" if maximise else "min",
                    objective,
                    bound,
                    optimal,
                    time.perf_counter() - started,
                )
            )
        if not hold:
            self._last_hold = (costs, objective, maximise, integral and optimal)
        elif self.mip or not optimal:
            self._hold_by_row(costs, objective, maximise, integral)
        else:
            self._hold_by_reduced_costs(solution)

    def hold_last(self) -> None:
        """Hold the optimum of the last stage (run with ``hold=False``) by a row."""
        assert self._last_hold is not None  # noqa: S101 - a stage ran with hold=False
        costs, objective, maximise, integral = self._last_hold
        self._hold_by_row(costs, objective, maximise, integral)

    def hold_all_placed(self) -> None:
        """Hold "every student with an arc is placed" sparsely: each student's "one place" row
        becomes an equation (a one-arc student's arc is fixed at 1). A dense row "sum of all
        x >= k" instead made every later LP relaxation 20 to 50 times slower (degenerate)."""
        model_rows = np.array(self.model.student_rows, dtype=np.int64)
        rows = self.row_position[model_rows]
        present = rows >= 0
        stored = self.model.rows
        if np.any(present):
            # A removed column's share already left the row's bounds (``compact``).
            starts = np.array(stored.starts, dtype=np.int64)[model_rows[present]]
            ends = np.array([stored.end(r) for r in model_rows[present].tolist()], dtype=np.int64)
            cols = np.array(
                [c for a, b in zip(starts, ends, strict=True) for c in stored.index[a:b]],
                dtype=np.int64,
            )
            owner = np.repeat(np.arange(len(starts)), ends - starts)
            out = self.position[cols] < 0
            shift = np.bincount(
                owner[out], weights=self.col_lower[cols[out]], minlength=len(starts)
            )
            level = 1.0 - shift
            self.highs.changeRowsBounds(  # type: ignore[attr-defined]  # missing from the stubs
                int(present.sum()), rows[present].astype(np.int32), level, level
            )
        for r in model_rows[rows < 0].tolist():
            # ``compact`` removed the row ("at most one place" could no longer be broken); as
            # an equation it may bind again.
            cols = np.array(stored.index[stored.starts[r] : stored.end(r)], dtype=np.int64)
            self.add_row(cols, np.ones(len(cols)), 1.0, 1.0)
        single = np.array(self.model.single_arcs, dtype=np.int64)
        single = single[self.position[single] >= 0]  # a removed one is fixed (pinned) already
        if len(single):
            self.col_lower[single] = 1.0
            self.set_bounds(single, self.col_lower[single], self.col_upper[single])

    # ----------------------------------------------------------------------------------------
    # MIP stages: LP relaxation first, reduced-cost fixing against the incumbent, then the MIP
    # on the reduced model only when the relaxation leaves a gap.

    def _complete(self, values: np.ndarray, cols: np.ndarray) -> np.ndarray | None:
        """A full column vector from a heuristic's values of ``cols`` (x and y columns): the
        other columns (soft-wish helpers) come from a MIP with these fixed. None when the
        heuristic answer breaks a constraint of the model."""
        highs = self.highs
        self.set_costs(np.zeros(self.model.n_cols))
        fixed = np.round(values[cols])
        if np.any(fixed < self.col_lower[cols] - _TOL) or np.any(
            fixed > self.col_upper[cols] + _TOL
        ):
            return None
        self.set_bounds(cols, fixed, fixed)
        try:
            highs.setOptionValue("time_limit", max(self.deadline - time.perf_counter(), 0.5))
            highs.run()
            info = highs.getInfo()
            if info.primal_solution_status != highspy.kSolutionStatusFeasible:
                return None
            result = self.solution().col_value
        finally:
            self.set_bounds(cols, self.col_lower[cols], self.col_upper[cols])
        result[cols] = fixed
        return result

    def offer(self, values: np.ndarray) -> None:
        """A feasible answer found outside HiGHS (before the first stage)."""
        if self.values is None:
            self.values = values

    def _relaxation(
        self, *, strict: bool = True, limit: float | None = None
    ) -> tuple[_Solution, Any, float] | None:
        """Solve the LP relaxation (in at most ``limit`` seconds); (solution, status, objective)
        or None when it ran out (or is infeasible and not ``strict``)."""
        highs = self.highs
        highs.setOptionValue("solve_relaxation", True)
        started = time.perf_counter()
        try:
            # HiGHS 1.16 checks an LP's time limit against its run clock, which keeps running
            # across runs of one instance (after a MIP the limit had "passed" at once).
            remaining = max(self.deadline - started, 0.1)
            if limit is not None:
                remaining = min(remaining, limit)
            highs.setOptionValue("time_limit", highs.getRunTime() + remaining)
            highs.run()
        finally:
            highs.setOptionValue("solve_relaxation", False)
            self.relaxation_seconds = time.perf_counter() - started
        status = highs.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible and strict:
            raise InstanceError(
                "the pins cannot all be honoured together with sizes, supervisor capacities "
                "and required competences"
            )
        if status != highspy.HighsModelStatus.kOptimal:
            return None
        return self.solution(), status, float(highs.getInfo().objective_function_value)

    def _optimise_mip(
        self, name: str, costs: np.ndarray, maximise: bool, integral: bool, record: bool,
        started: float, upper: float | None = None, hold: bool = True, relax: bool = True,
    ) -> None:  # fmt: skip
        """One MIP stage. Internally "larger is better" (``sign``). Steps:

        1. the LP relaxation gives the bound L; an integral LP optimum is the stage optimum;
        2. otherwise the incumbent z (the previous stage's answer, feasible here) is optimal
           when L cannot beat it (for an integral objective: floor(L) <= z);
        3. otherwise every binary column whose reduced cost d proves L - |d| < z is fixed at
           its LP value: no answer at least as good as z flips it, so the optimal face of this
           stage (and of every later one) is kept; then HiGHS solves the reduced MIP, for an
           integral objective with the cut "objective >= z + 1".
        """
        sign = 1.0 if maximise else -1.0
        scale = max(1.0, float(np.abs(costs).sum()))
        if self.values is not None and self.deadline - time.perf_counter() <= 0:
            self._record_unsolved(name, costs, maximise, started, record)
            return
        incumbent = self.values
        z = sign * float(costs @ incumbent) if incumbent is not None else -math.inf
        if upper is not None and incumbent is not None and z >= sign * upper - 1e-9:
            lp = None
            bound, proven = z, True
        elif not relax:
            lp = None
            bound, proven = math.inf, False
        else:
            lp = self._relaxation()
            bound, proven = math.inf, False
        lp_bound = math.nan
        if lp is not None:
            solution, _, lp_objective = lp
            bound = lp_bound = sign * lp_objective
            values = solution.col_value.copy()
            ints = self.int_cols
            if len(ints) == 0 or np.max(np.abs(values[ints] - np.round(values[ints]))) <= 1e-6:
                values[ints] = np.round(values[ints])
                candidate = sign * float(costs @ values)
                if incumbent is None or candidate >= z - 1e-9 * scale:
                    incumbent, z = values, candidate
                proven = True  # the relaxation's optimum is integral
            else:
                found = self._dive(values)
                if found is not None and (incumbent is None or sign * costs @ found > z):
                    incumbent, z = found, sign * float(costs @ found)
                if incumbent is not None:
                    proven = self._settle(solution, values, bound, z, sign, integral, scale)
                if not proven:
                    found = self._core_search(name, costs, sign, integral, solution, values)
                    if found is not None and (incumbent is None or sign * costs @ found > z):
                        incumbent, z = found, sign * float(costs @ found)
                        proven = self._settle(solution, values, bound, z, sign, integral, scale)
        if not proven:
            basis = self.highs.getBasis() if lp is not None else None
            incumbent, z, bound, proven = self._branch(
                name, costs, sign, integral, incumbent, z, bound
            )
            if basis is not None and basis.valid:
                # Branch and cut leaves no basis behind: the next stage's relaxation starts warm
                # from this stage's (its optimum stays primal feasible for the next stage).
                self.highs.setBasis(basis)
        assert incumbent is not None  # noqa: S101 - _branch raises otherwise
        objective = sign * z
        if proven:
            bound = z
            if lp is not None and hold:
                # Every later stage keeps this optimum z: a column whose reduced cost proves
                # L - |d| < z stays at its relaxation value in all of them.
                self._fix_by_reduced_costs(lp[0], values, lp_bound, z, sign, incumbent)
        self.values = incumbent
        if record:
            self.phases.append(
                Phase(
                    name,
                    "max" if maximise else "min",
                    objective,
                    sign * bound if math.isfinite(bound) else (math.inf * sign),
                    proven,
                    time.perf_counter() - started,
                )
            )
        if not hold:
            self._last_hold = (costs, objective, maximise, integral and proven)
            return
        # When the relaxation's optimum is the stage's optimum, every optimal answer lies on
        # the relaxation's optimal face: hold it by bounds (sparse) instead of a dense row.
        if (
            proven
            and lp is not None
            and abs(lp_bound - z) <= 1e-9 * scale
            and self._hold_face(lp[0], incumbent)
        ):
            return
        self._hold_by_row(costs, objective, maximise, integral and proven)

    def _settle(
        self, solution: _Solution, values: np.ndarray, bound: float, z: float, sign: float,
        integral: bool, scale: float,
    ) -> bool:  # fmt: skip
        """True when the answer z is optimal (the bound L cannot beat it: floor(L) <= z for an
        integral objective); otherwise fix the columns whose reduced costs rule them out."""
        limit = math.floor(bound + 1e-6) if integral else bound - 1e-7 - 1e-9 * scale
        proven = limit <= z
        if not proven:
            self._fix_by_reduced_costs(solution, values, bound, z, sign)
        return proven

    def _hold_face(self, solution: _Solution, incumbent: np.ndarray) -> bool:
        """Fix the optimal face of the relaxation whose ``solution`` (with duals) is optimal
        and whose value the incumbent reaches: by complementary slackness every column with a
        non-zero reduced cost stays at its bound and every row with a non-zero dual stays at its
        bound. The bounds are the model's, never rounded values. False (nothing changed) when
        the incumbent is not on that face within tolerances: then the caller holds by a row."""
        highs = self.highs
        col_dual = solution.col_dual
        values = solution.col_value
        fix = np.nonzero(np.abs(col_dual) > 1e-7)[0]
        # (An infinite bound is never "reached": inf - inf would compare as near.)
        at_lower = np.isfinite(self.col_lower[fix]) & (
            np.abs(values[fix] - self.col_lower[fix]) <= 1e-7
        )
        at_upper = np.isfinite(self.col_upper[fix]) & (
            np.abs(values[fix] - self.col_upper[fix]) <= 1e-7
        )
        if not np.all(at_lower | at_upper):
            return False
        level = np.where(at_lower, self.col_lower[fix], self.col_upper[fix])
        if np.any(np.abs(incumbent[fix] - level) > 1e-6):
            return False
        tight = np.nonzero(np.abs(solution.row_dual) > 1e-7)[0]
        if len(tight):
            # Rows as HiGHS holds them: bounds and values without the removed columns' share.
            lp = highs.getLp()
            row_lower = np.array(lp.row_lower_)[tight]
            row_upper = np.array(lp.row_upper_)[tight]
            index, col_of, entries = _entries(lp)
            activity = np.bincount(
                index, weights=entries * incumbent[self.kept][col_of], minlength=highs.getNumRow()
            )[tight]
            row_value = solution.row_value[tight]
            r_low = np.isfinite(row_lower) & (
                np.abs(row_value - row_lower) <= 1e-7 * np.maximum(1.0, np.abs(row_lower))
            )
            r_up = np.isfinite(row_upper) & (
                np.abs(row_value - row_upper) <= 1e-7 * np.maximum(1.0, np.abs(row_upper))
            )
            if not np.all(r_low | r_up):
                return False
            row_level = np.where(r_low, row_lower, row_upper)
            if np.any(np.abs(activity - row_level) > 1e-6 * np.maximum(1.0, np.abs(row_level))):
                return False
            status = highs.changeRowsBounds(  # type: ignore[attr-defined]  # not in the stubs
                len(tight), tight.astype(np.int32), row_level, row_level
            )
            if status != highspy.HighsStatus.kOk:
                return False
        if len(fix):
            self.col_lower[fix] = level
            self.col_upper[fix] = level
            self.set_bounds(fix, level, level)
        return True

    def _dive(self, values: np.ndarray) -> np.ndarray | None:
        """An integral answer near the relaxation's: the fractional "open" columns are rounded
        (then closed) and the LP solved again, warm-started, before the bounds are restored.
        Each try gets as long as the stage's relaxation took (at least 0.1 s): a dive only
        helps when it is quick (a slow one cost 1 s at 5,000 students and found nothing)."""
        limit = max(0.1, self.relaxation_seconds)
        opens = np.array(list(self.model.open_col.values()), dtype=np.int64)
        if len(opens) == 0:
            return None
        ints = self.int_cols
        frac = opens[np.abs(values[opens] - np.round(values[opens])) > 1e-6]
        frac = frac[self.col_lower[frac] < self.col_upper[frac]]
        if len(frac) == 0:
            return None
        found = None
        for level in (np.where(values[frac] >= 0.5, 1.0, 0.0), np.zeros(len(frac))):
            self.set_bounds(frac, level, level)
            try:
                lp = self._relaxation(strict=False, limit=limit)
            finally:
                self.set_bounds(frac, self.col_lower[frac], self.col_upper[frac])
            if lp is None:
                continue
            trial = lp[0].col_value.copy()
            if np.max(np.abs(trial[ints] - np.round(trial[ints]))) <= 1e-6:
                trial[ints] = np.round(trial[ints])
                found = trial
                break
        return found

    def _core_search(
        self, name: str, costs: np.ndarray, sign: float, integral: bool, solution: _Solution,
        values: np.ndarray,
    ) -> np.ndarray | None:  # fmt: skip
        """A good answer fast: branch and cut on a core of the model, the arcs the relaxation
        uses plus, per student on average, one more arc of the smallest reduced cost (the
        others held at 0), with part of the time left. Its answer, feasible for the whole
        model, lets reduced costs fix far more columns before the exact search; nothing is
        proven on the core. None when the model is small or the core finds nothing."""
        n_arcs = self.model.n_arcs
        free = np.nonzero(self.col_lower[:n_arcs] < self.col_upper[:n_arcs])[0]
        if len(free) < _CORE_FROM:
            return None
        unused = free[values[free] <= 1e-6]
        d = np.abs(solution.col_dual[unused])
        extra = round(_CORE_EXTRA * (len(self.model.student_rows) + len(self.model.single_arcs)))
        order = np.argsort(d, kind="stable")
        out = unused[order[extra:]]
        if len(out) == 0:
            return None
        remaining = self.deadline - time.perf_counter()
        budget = min(_CORE_SHARE * remaining, remaining - 0.5)
        if budget <= 0.5:
            return None
        zeros = np.zeros(len(out))
        self.set_bounds(out, zeros, zeros)
        try:
            found, _, _, _ = self._branch(
                name, costs, sign, integral, None, -math.inf, math.inf, limit=budget, core=True
            )
        finally:
            self.set_bounds(out, self.col_lower[out], self.col_upper[out])
        return found

    def _fix_by_reduced_costs(
        self, solution: _Solution, values: np.ndarray, bound: float, z: float, sign: float,
        incumbent: np.ndarray | None = None,
    ) -> None:  # fmt: skip
        """Fix every binary column at its relaxation value that no answer worth z or more
        can move (L - |d| < z); with ``incumbent`` (worth z) only where it agrees, a guard
        against tolerances."""
        d = sign * solution.col_dual
        free = self.binary & (self.col_lower < self.col_upper)
        at_lower = free & (values <= self.col_lower + 1e-9) & (d <= 1e-9)
        at_upper = free & (values >= self.col_upper - 1e-9) & (d >= -1e-9)
        worse = bound - np.abs(d)
        fix = np.nonzero((at_lower | at_upper) & (worse < z - 1e-6))[0]
        if len(fix) == 0:
            return
        level = np.where(at_lower[fix], self.col_lower[fix], self.col_upper[fix])
        if incumbent is not None:
            agree = np.abs(incumbent[fix] - level) <= 1e-6
            fix, level = fix[agree], level[agree]
        self.col_lower[fix] = level
        self.col_upper[fix] = level
        self.set_bounds(fix, level, level)
        self.fixed_by_reduced_cost += len(fix)

    def _branch(
        self, name: str, costs: np.ndarray, sign: float, integral: bool,
        incumbent: np.ndarray | None, z: float, bound: float, *, limit: float | None = None,
        core: bool = False,
    ) -> tuple[np.ndarray | None, float, float, bool]:  # fmt: skip
        """Branch and cut on the (reduced) model; returns (answer, value, bound, proven).
        On a ``core`` (columns held at 0 that the model leaves free) only the answer counts:
        None when it found none, never an error."""
        highs = self.highs
        remaining = self.deadline - time.perf_counter()
        if limit is not None:
            remaining = min(remaining, limit)
        if incumbent is not None and remaining <= 0:
            return incumbent, z, bound, False
        highs.setOptionValue("time_limit", max(remaining, 0.5))
        highs.setOptionValue("mip_rel_gap", 0.0)
        highs.setOptionValue("mip_abs_gap", 1.0 - 1e-6 if integral else 1e-7)
        # The feasibility-jump heuristic searches for a first answer; with an incumbent it
        # only costs time (0.3-0.5 s per stage at 5,000 students).
        highs.setOptionValue("mip_heuristic_run_feasibility_jump", incumbent is None)
        # No start solution (setSolution): with presolve on, HiGHS 1.16 reported the start as
        # "optimal" with a wrong objective after an objective change. A cut "better than the
        # incumbent" prunes as well, and its infeasibility proves the incumbent optimal.
        cut = incumbent is not None and integral
        cols = np.nonzero(costs)[0]
        if cut:
            target = z + 1.0
            lo, hi = (
                (target - 1e-6, highspy.kHighsInf)
                if sign > 0
                else (-highspy.kHighsInf, -target + 1e-6)
            )
            self.add_row(cols, costs[cols], lo, hi)
        try:
            highs.run()
            status = highs.getModelStatus()
            info = highs.getInfo()
            has_solution = info.primal_solution_status == highspy.kSolutionStatusFeasible
            values = self.solution().col_value if has_solution else None
            reported = float(info.objective_function_value)
            dual_bound = float(info.mip_dual_bound)
        finally:
            if cut:
                highs.deleteRows(1, np.array([highs.getNumRow() - 1], dtype=np.int32))
        if core:
            return values, -math.inf, math.inf, False
        if status == highspy.HighsModelStatus.kInfeasible:
            if cut:
                return incumbent, z, z, True  # nothing beats the incumbent
            raise InstanceError(
                "the pins cannot all be honoured together with sizes, supervisor capacities "
                "and required competences"
            )
        optimal = status == highspy.HighsModelStatus.kOptimal
        if values is not None:
            found = sign * float(costs @ values)
            if abs(found - sign * reported) > _TOL * max(1.0, abs(found)):
                raise AllocationError(
                    f"phase {name}: the solver's objective does not match its answer"
                )
            if incumbent is None or found > z:
                incumbent, z = values, found
        if incumbent is None:
            raise AllocationError(f"phase {name}: no feasible assignment found in time")
        if optimal and values is not None:
            return incumbent, z, z, True
        if math.isfinite(dual_bound):
            bound = min(bound, sign * dual_bound)
        bound = max(bound, z)  # with the cut the solver's bound is only about better answers
        if cut and math.isfinite(bound) and math.floor(bound + 1e-6) <= z:
            return incumbent, z, z, True
        return incumbent, z, bound, False

    def _record_unsolved(
        self, name: str, costs: np.ndarray, maximise: bool, started: float, record: bool
    ) -> None:
        assert self.values is not None  # noqa: S101 - callers check
        objective = float(costs @ self.values)
        if record:
            bound = math.inf if maximise else -math.inf
            self.phases.append(
                Phase(
                    name,
                    "max" if maximise else "min",
                    objective,
                    bound,
                    False,
                    time.perf_counter() - started,
                )
            )
        self._hold_by_row(costs, objective, maximise, integral=False)

    def _hold_by_row(
        self, costs: np.ndarray, objective: float, maximise: bool, integral: bool
    ) -> None:
        cols = np.nonzero(costs)[0]
        if len(cols) == 0:
            return
        slack = 0.0 if integral else _TOL * max(1.0, abs(objective))
        if integral:
            objective = float(round(objective))
        lo, hi = (
            (objective - slack, highspy.kHighsInf)
            if maximise
            else (-highspy.kHighsInf, objective + slack)
        )
        self.add_row(cols, costs[cols], lo, hi)

    def _hold_by_reduced_costs(self, solution: _Solution) -> None:
        """Fix what every optimum shares: by complementary slackness with the optimal duals, a
        column with a non-zero reduced cost stays at its bound and a row with a non-zero dual
        stays tight. Only bounds change, so the matrix stays a network matrix."""
        highs = self.highs
        fix = np.nonzero(np.abs(solution.col_dual) > 1e-7)[0]
        if len(fix):
            fixed = np.round(solution.col_value[fix])
            self.set_bounds(fix, fixed, fixed)
        row_value = solution.row_value
        tight = np.nonzero(np.abs(solution.row_dual) > 1e-7)[0]
        if len(tight):
            level = np.round(row_value[tight])
            highs.changeRowsBounds(  # type: ignore[attr-defined]  # missing from the stubs
                len(tight), tight.astype(np.int32), level, level
            )

    def integral_values(self) -> np.ndarray:
        assert self.values is not None  # noqa: S101 - optimise ran
        return self.values


def _rank_stages(
    prep: _Prepared, staged: _Staged, *, placed: int, can_place: int, search_near: bool = True
) -> None:
    """Rank-maximal: most first choices, then most second choices, … held stage by stage.

    A MIP stage may optimise a few consecutive ranks at once with exact mixed-radix weights:
    rank t weighs W_t = W_{t+1} (U_{t+1} + 1), where U_t bounds how many students can still
    land on rank t, so one more student on rank t outweighs any change further down and the
    weighted optimum is the lexicographic one. A group grows while its objective range stays
    below ``_GROUP_RANGE`` (well inside exact double arithmetic and HiGHS's tolerances); each
    MIP stage costs a relaxation and often a branch and cut, so fewer stages are faster.

    In a large model (``search_near``) every rank stage starts from ``_complete_ranks``, a
    search near the incumbent: an answer good in all later ranks, which the stage keeps should
    its own search run out."""
    by_rank: dict[int, list[int]] = defaultdict(list)
    for a, r in enumerate(prep.arc_rank):
        by_rank[r].append(a)
    ranks = sorted(by_rank)
    last_rank = ranks[-1] if ranks else 0
    settled = 0
    k = 0
    near = search_near and staged.mip and _free_arcs(staged) >= _COMPLETE_FROM
    searched: np.ndarray | None = None
    while k < len(ranks) and settled < placed:
        r = ranks[k]
        if near and staged.values is not None and staged.values is not searched:
            found = _complete_ranks(prep, staged, r, placed=placed, can_place=can_place)
            if found is not None:
                staged.values = found
            searched = staged.values
        if r == last_rank and placed == can_place and all(p.optimal for p in staged.phases):
            # Everyone is placed and every earlier rank is held: the rest are on this rank.
            staged.phases.append(
                Phase(f"rank-{r}", "max", placed - settled, placed - settled, True, 0.0)
            )
            return
        remaining = placed - settled
        group = [r]
        if staged.mip:
            bound = [min(remaining, _students_free_at(prep, staged, by_rank[r]))]
            for t in ranks[k + 1 :]:
                if t == last_rank and placed == can_place:
                    break  # determined by the others once they are held
                u = min(remaining, _students_free_at(prep, staged, by_rank[t]))
                weights = _radix_weights([*bound, u])
                if sum(w * b for w, b in zip(weights, [*bound, u], strict=True)) > _GROUP_RANGE:
                    break
                group.append(t)
                bound.append(u)
        weights = _radix_weights(bound) if len(group) > 1 else [1]
        cols = [a for t in group for a in by_rank[t]]
        coeffs = [float(w) for t, w in zip(group, weights, strict=True) for _ in by_rank[t]]
        name = f"rank-{r}" if len(group) == 1 else f"rank-{r}-{group[-1]}"
        staged.optimise(name, cols, coeffs, maximise=True, integral=True)
        values = staged.integral_values()
        counts = [round(float(values[by_rank[t]].sum())) for t in group]
        if len(group) > 1:
            _split_phase(staged, group, counts, weights)
        settled += sum(counts)
        k += len(group)


def _free_arcs(staged: _Staged) -> int:
    n = staged.model.n_arcs
    return int(np.count_nonzero(staged.col_lower[:n] < staged.col_upper[:n]))


def _complete_ranks(
    prep: _Prepared, staged: _Staged, rank: int, *, placed: int, can_place: int
) -> np.ndarray | None:
    """An answer near the incumbent with the same counts on ranks before ``rank`` (which
    ``staged`` holds) and better ones from there on, or None.

    A large neighbourhood search: a second model keeps every project open or closed as in the
    incumbent, and everything ``staged`` has fixed, and optimises all ranks in turn from the
    incumbent. With the projects decided the model is nearly a network: its relaxations come
    out integral and each optimum is held by its face, without a dense row. At 20,000 students
    all ranks take 1.5 s there, while one relaxation of the whole model after rank 1 takes 18 s;
    a stage that runs out of time keeps this answer, good in every later rank, instead of one
    that only the earlier ranks shaped (top 3 at 20,000: 92 % instead of 84 %)."""
    incumbent = staged.integral_values()
    remaining = staged.deadline - time.perf_counter()
    budget = min(_COMPLETE_SHARE * remaining, remaining - 0.5)
    if budget <= 0.5:
        return None
    model = staged.model
    sub = _Staged(model, mip=True, seed=staged.seed, deadline=time.perf_counter() + budget)
    sub.col_lower[:] = staged.col_lower
    sub.col_upper[:] = staged.col_upper
    for j, y in model.open_col.items():
        level = round(float(incumbent[y]))
        sub.col_lower[y] = sub.col_upper[y] = level
        if level == 0:
            shut = np.asarray(prep.arcs_of_project[j], dtype=np.int64)
            sub.col_lower[shut] = sub.col_upper[shut] = 0.0
    sub.set_bounds(np.arange(model.n_cols), sub.col_lower, sub.col_upper)
    sub.compact(force=True)
    if placed == can_place:
        sub.hold_all_placed()
    else:
        arcs = np.arange(model.n_arcs)
        sub.add_row(arcs, np.ones(len(arcs)), float(placed), highspy.kHighsInf)
    sub.offer(incumbent)
    try:
        _rank_stages(prep, sub, placed=placed, can_place=can_place, search_near=False)
    except (AllocationError, InstanceError):  # the incumbent is feasible there; tolerances
        return None
    found = sub.integral_values()
    before, after = _rank_counts(prep, incumbent), _rank_counts(prep, found)
    settled = rank - 1  # ranks are 1-based; the stages before ``rank`` hold these counts
    if after[:settled] == before[:settled] and after > before:
        return found
    return None


def _rank_counts(prep: _Prepared, values: np.ndarray) -> tuple[int, ...]:
    """How many students land on each rank (placed arcs of ``values``), best rank first."""
    n = len(prep.arc_rank)
    placed = np.asarray(prep.arc_rank)[values[:n] > 0.5]
    return tuple(np.bincount(placed, minlength=max(prep.arc_rank, default=0) + 1)[1:].tolist())


_COMPACT_FROM = 2_000  # fixed columns from which a stage removes them from HiGHS
_COMPACT_SHARE = 0.2  # ... and at least this share of the columns HiGHS holds
_GROUP_RANGE = 2**24  # largest objective range of a stage that optimises several ranks at once
_CORE_FROM = 20_000  # free arc columns from which a stage searches a core first
_CORE_SHARE = 0.35  # of the time left
_CORE_EXTRA = 1.0  # arcs beyond the relaxation's per student in the core
_COMPLETE_FROM = 50_000  # free arc columns from which rank stages start with _complete_ranks
_COMPLETE_SHARE = 0.3  # of the time left
_TIE_SHARE = 0.1  # of the time limit, for the tie-break stages


def _students_free_at(prep: _Prepared, staged: _Staged, arcs: list[int]) -> int:
    """How many students still have an arc in ``arcs`` that is not fixed at 0."""
    cols = np.asarray(arcs, dtype=np.int64)
    free = cols[staged.col_upper[cols] > 0.5]
    return len({prep.arc_student[a] for a in free.tolist()})


def _radix_weights(bounds: Sequence[int]) -> list[int]:
    """W_last = 1, W_t = W_{t+1} (bounds[t+1] + 1): lexicographic weights for counts that lie
    in 0 .. bounds[t]."""
    weights = [1] * len(bounds)
    for t in range(len(bounds) - 2, -1, -1):
        weights[t] = weights[t + 1] * (bounds[t + 1] + 1)
    return weights


def _split_phase(
    staged: _Staged, group: Sequence[int], counts: Sequence[int], weights: Sequence[int]
) -> None:
    """Replace the record of a combined stage by one record per rank (its count; the bound of
    the first rank is the combined bound over its weight, the others' only when proven)."""
    combined = staged.phases.pop()
    for k, (t, placed) in enumerate(zip(group, counts, strict=True)):
        count = float(placed)
        if combined.optimal:
            bound = count
        elif k == 0 and math.isfinite(combined.bound):
            bound = float(math.floor(combined.bound / weights[0] + 1e-6))
        else:
            bound = math.inf
        seconds = combined.seconds if k == 0 else 0.0
        staged.phases.append(Phase(f"rank-{t}", "max", count, bound, combined.optimal, seconds))


def _first_answer(prep: _Prepared, staged: _Staged) -> np.ndarray | None:
    """The flow heuristic's answer completed by HiGHS (every column), or None."""
    chosen = _flow_heuristic(prep)
    if chosen is None:
        return None
    model = staged.model
    values = np.zeros(model.n_cols)
    values[np.asarray(chosen, dtype=np.int64)] = 1.0
    for j, y in model.open_col.items():
        values[y] = 1.0 if any(values[a] > 0.5 for a in prep.arcs_of_project[j]) else 0.0
    cols = np.array([*range(model.n_arcs), *model.open_col.values()], dtype=np.int64)
    return staged._complete(values, cols)


def _solve_staged(prep: _Prepared, *, mip: bool, deadline: float) -> Solution:
    options = prep.instance.options
    model = _build_model(prep)
    staged = _Staged(model, mip=mip, seed=options.seed, deadline=deadline)
    n_arcs = len(prep.arc_student)
    arcs = list(range(n_arcs))
    costs = _costs(prep)
    if mip:
        first = _first_answer(prep, staged)
        if first is not None:
            staged.offer(first)

    can_place = sum(1 for own in prep.arcs_of_student if own)
    if not mip and _max_flow(prep) == can_place:
        # Everyone can be placed (a max flow shows it in a fraction of the LP's time).
        staged.phases.append(Phase("placed", "max", can_place, can_place, True, 0.0))
        staged.hold_all_placed()
    else:
        staged.optimise(
            "placed",
            arcs,
            [1.0] * n_arcs,
            maximise=True,
            integral=True,
            upper=float(can_place),
            hold=not mip,  # the network LP holds by reduced costs
        )
        if mip:
            if staged.phases[-1].optimal and round(staged.phases[-1].objective) == can_place:
                staged.hold_all_placed()
            else:
                staged.hold_last()
    placed = round(staged.phases[-1].objective)
    if options.objective == "rank-maximal":
        _rank_stages(prep, staged, placed=placed, can_place=can_place)
    else:
        staged.optimise("rank-cost", arcs, costs, maximise=False, integral=_integral(costs))
    soft_cols = [*model.excess_cols, *model.pair_cols]
    if soft_cols:
        coeffs = [1.0] * len(model.excess_cols) + [-options.work_with_weight] * len(model.pair_cols)
        staged.optimise("soft-wishes", soft_cols, coeffs, maximise=False, integral=False)
    # Tie-breaks come last and get at most a tenth of the time limit (at least 2 s): the
    # answer's quality is settled; unfinished, they keep the best answer found.
    tie_limit = max(2.0, _TIE_SHARE * options.time_limit)
    staged.deadline = min(deadline, time.perf_counter() + tie_limit)
    if any(prep.wanted):
        wanted = [a for a in arcs if prep.wanted[a]]
        staged.optimise(
            "wanted-programmes",
            wanted,
            [1.0] * len(wanted),
            maximise=True,
            integral=True,
            relax=False,
        )
    if n_arcs:
        staged.optimise(
            "lottery", arcs, prep.lottery, maximise=True, integral=False, record=False, relax=False
        )
    values = staged.integral_values()
    method = "mip" if mip else "network-lp"
    if not mip and np.any(np.abs(values[:n_arcs] - np.round(values[:n_arcs])) > 1e-6):
        # Cannot happen for a network matrix up to rounding; stay exact rather than round.
        return _solve_staged(prep, mip=True, deadline=deadline)
    assignment: dict[str, str] = {}
    for a in range(n_arcs):
        if values[a] > 0.5:
            sid = prep.students[prep.arc_student[a]].id
            assignment[sid] = prep.projects[prep.arc_project[a]].id
    return Solution(assignment=assignment, method=method, phases=staged.phases)


# --------------------------------------------------------------------------------------------
# Entry points


def _is_network(prep: _Prepared) -> bool:
    options = prep.instance.options
    if prep.gated:
        return False
    if options.max_programme_share is not None:
        return False
    if options.work_with_weight > 0 and any(s.work_with for s in prep.students):
        return False
    return all(
        len(p.supervisors) <= 1 for j, p in enumerate(prep.projects) if prep.arcs_of_project[j]
    )


def solve(instance: Instance, *, reserve: float = 0.0) -> Solution:
    """Only the assignment and its phases, without explanations; the solver stops ``reserve``
    seconds before the time limit (``allocate`` keeps them for the explanations)."""
    started = time.perf_counter()
    deadline = started + instance.options.time_limit - reserve
    prep = _prepare(instance)
    if not prep.arc_student:
        return Solution(
            assignment={}, method="trivial", phases=[Phase("placed", "max", 0, 0, True, 0)]
        )
    if _is_network(prep):
        if instance.options.objective == "min-cost" and not any(prep.wanted):
            costs = _costs(prep)
            scale = _flow_scale(prep, costs)
            if scale is not None:
                return _solve_flow(prep, scale, costs)
        return _solve_staged(prep, mip=False, deadline=deadline)
    return _solve_staged(prep, mip=True, deadline=deadline)


def solver_versions() -> dict[str, str]:
    versions = {}
    for package in ("highspy", "ortools"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:  # pragma: no cover - both are dependencies
            versions[package] = "unknown"
    return versions


@without_cyclic_gc
def allocate(instance: Instance, progress: Callable[[str], None] | None = None) -> Result:
    """Allocate the students of ``instance`` to projects and explain the outcome.

    ``progress``, if given, is called with the name of each step as it begins ("solving",
    "explaining"), so that a caller can show how far a long run has come.
    Raises ``InstanceError`` when the pins contradict the hard constraints and
    ``AllocationError`` when no feasible assignment is found within the time limit.
    """
    from transferraum.allocation.explain import build_result  # explain imports this module

    started = time.perf_counter()
    if progress is not None:
        progress("solving")
    # Keep time for the explanations (measured: 70-130 µs per student) and for winding up the
    # stages after the solver stopped (up to 0.7 s at 20,000 students) within the limit.
    limit = instance.options.time_limit
    reserve = min(0.35 * limit, 0.2 + 1.6e-4 * len(instance.students))
    solution = solve(instance, reserve=reserve)
    if progress is not None:
        progress("explaining")
    return build_result(instance, solution, started)


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

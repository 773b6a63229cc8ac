"""The flow method and the flow heuristic: OR-Tools min-cost flow on source -> student ->
project -> supervisor -> sink.

``solve_flow`` is the whole answer for a round with maximum sizes only, at most one supervisor
per project and integral rank costs (``min-cost``): "maximum flow of minimum cost" is exactly
"place the most students, then minimise the rank cost", with the tie-break (wanted programme,
then the lottery) folded into the arc cost below one unit of rank cost (``flow_scale`` decides
whether that fits into 64 bits). ``max_placed`` is the most students any assignment can place
in the same network. ``flow_heuristic`` gives the staged MIP its first answer when minimum
sizes and competences apply: the flow with bonuses for filling a project up to its minimum
and for its first member with each required competence, then closing what still falls short.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from transferraum.allocation.engine.prepare import Prepared, is_integral, rank_costs
from transferraum.allocation.engine.solution import AllocationError, Phase, Solution

# Tuning of the flow method.
# The integer lottery of ``solve_flow``: each arc's draw in [0, 1) becomes 0 .. 999, below one
# unit of rank cost together with the wanted-programme step.
_LOTTERY_STEPS = 1000
# The heuristic's costs for rank-maximal: rank r costs _STEEP ** (r - 2), rank 1 nothing
# (steeper costs gave fewer first choices at 5,000 students: 54-57 % instead of 62.7 %).
_STEEP = 2


def flow_scale(prep: Prepared, costs: np.ndarray) -> int | None:
    """Cost multiplier that keeps the tie-break below one unit of rank cost, or None."""
    if not is_integral(costs):
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
    arc_ids: np.ndarray  # the arc (of ``Prepared``) of each student -> project arc


def _network(prep: Prepared) -> _Network:
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


def solve_flow(prep: Prepared, scale: int, costs: np.ndarray) -> Solution:
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


def _heuristic_unit_costs(prep: Prepared) -> list[int]:
    """Integral arc costs of the heuristic flow. Min-cost: the rank costs scaled to 0 .. 10,000.
    Rank-maximal: costs 0, 1, B, B², … (B = ``_STEEP``) that grow with the rank; only a first
    answer, the stages make it exact."""
    options = prep.instance.options
    if options.objective == "min-cost":
        costs = rank_costs(prep)
        low, top = (costs.min(), costs.max()) if len(costs) else (0.0, 1.0)
        span = max(top - low, 1e-9)
        return np.rint(10_000.0 * (costs - low) / span).astype(np.int64).tolist()
    return [0 if r == 1 else _STEEP ** (r - 2) for r in prep.arc_rank]


def flow_heuristic(prep: Prepared, *, max_rounds: int = 60) -> list[int] | None:
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


def max_placed(prep: Prepared) -> int:
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

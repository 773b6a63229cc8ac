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

The engine is a package by method, each module with what it decides:

- ``prepare``: the instance turned into arcs (ranked, allowed pairs) and the model's rows;
- ``flow``: the min-cost flow method and the flow heuristic that starts the staged MIP;
- ``staged``: one HiGHS model solved stage by stage (network LP or MIP), its model operations;
- ``stages``: the stage driver (placed, ranks, soft wishes, tie-breaks, the time budget);
- ``checks``: violations, rank profile and soft wishes of an assignment;
- ``solution``: the ``Solution`` with its ``Phase`` records, ``AllocationError``.

This module chooses the method (``solve``) and adds the explanations (``allocate``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib import metadata

from transferraum.allocation.engine.checks import (
    Violation,
    profile_of,
    rank_of,
    soft_score,
    violation_list,
    violations,
)
from transferraum.allocation.engine.flow import flow_scale, solve_flow
from transferraum.allocation.engine.prepare import Prepared, prepare, rank_costs
from transferraum.allocation.engine.solution import AllocationError, Phase, Solution
from transferraum.allocation.engine.stages import solve_staged
from transferraum.allocation.model import Instance, Result, without_cyclic_gc

__all__ = [
    "AllocationError",
    "Phase",
    "Solution",
    "Violation",
    "allocate",
    "profile_of",
    "rank_of",
    "soft_score",
    "solve",
    "solver_versions",
    "violation_list",
    "violations",
]


def _is_network(prep: Prepared) -> bool:
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
    prep = prepare(instance)
    if not prep.arc_student:
        return Solution(
            assignment={}, method="trivial", phases=[Phase("placed", "max", 0, 0, True, 0)]
        )
    if _is_network(prep):
        if instance.options.objective == "min-cost" and not any(prep.wanted):
            costs = rank_costs(prep)
            scale = flow_scale(prep, costs)
            if scale is not None:
                return solve_flow(prep, scale, costs)
        return solve_staged(prep, mip=False, deadline=deadline)
    return solve_staged(prep, mip=True, deadline=deadline)


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

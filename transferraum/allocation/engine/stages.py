"""The stage driver: which stages run, in which order, with which objective and time.

``solve_staged`` runs the priorities of docs/allocation.md as stages of one ``Staged`` model:
the flow heuristic's first answer (MIP only), ``placed`` (most students placed, held as
"everyone placed" when that is reached), the rank stages (``_rank_stages``: rank-maximal, a few
consecutive ranks per stage with exact mixed-radix weights) or the rank cost (min-cost), the
soft wishes, then the tie-breaks (wanted programmes, the lottery) within a share of the time
limit. Large rounds start each rank stage from ``_complete_ranks``, a search near the incumbent
in a second model with the incumbent's projects fixed.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Sequence

import highspy
import numpy as np

from transferraum.allocation.engine.flow import flow_heuristic, max_placed
from transferraum.allocation.engine.prepare import Prepared, build_model, is_integral, rank_costs
from transferraum.allocation.engine.solution import AllocationError, Phase, Solution
from transferraum.allocation.engine.staged import Staged, StageOptions
from transferraum.allocation.model import InstanceError

# Tuning of the stage driver (read when the stages run, so a test may patch them here; the
# tuning of a single MIP stage, compaction and the core search, is at the top of ``staged``).
# Largest objective range of a stage that optimises several ranks at once: well inside exact
# double arithmetic and HiGHS's tolerances (at 5,000 students: rank 1, then 2-3, 4-5, 6-7).
_GROUP_RANGE = 2**24
# Free arc columns from which every rank stage starts with ``_complete_ranks`` (at 5,000
# students each stage takes under a second and the search only added 0.3-0.5 s).
_COMPLETE_FROM = 50_000
# ``_complete_ranks`` gets at most this share of the time left.
_COMPLETE_SHARE = 0.3
# The tie-break stages (wanted programmes, lottery) together get at most this share of the
# time limit (at least 2 s): the answer's quality is settled before them.
_TIE_SHARE = 0.1


def solve_staged(prep: Prepared, *, mip: bool, deadline: float) -> Solution:
    """Every priority as a stage of one model, each optimum held in the next: placed, the
    ranks (rank-maximal) or the rank cost (min-cost), the soft wishes, then the tie-breaks
    within their share of the time. ``mip`` false: the network LP (max sizes only)."""
    options = prep.instance.options
    model = build_model(prep)
    staged = Staged(model, mip=mip, seed=options.seed, deadline=deadline)
    n_arcs = len(prep.arc_student)
    arcs = list(range(n_arcs))
    costs = rank_costs(prep)
    if mip:
        first = _first_answer(prep, staged)
        if first is not None:
            staged.offer(first)

    can_place = sum(1 for own in prep.arcs_of_student if own)
    if not mip and max_placed(prep) == can_place:
        # Everyone can be placed (a max flow shows it in a fraction of the LP's time).
        staged.phases.append(Phase("placed", "max", can_place, can_place, True, 0.0))
        staged.hold_all_placed()
    else:
        staged.optimise(
            "placed",
            arcs,
            [1.0] * n_arcs,
            StageOptions(
                maximise=True,
                integral=True,
                upper=float(can_place),
                hold=not mip,  # the network LP holds by reduced costs
            ),
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
        staged.optimise(
            "rank-cost", arcs, costs, StageOptions(maximise=False, integral=is_integral(costs))
        )
    soft_cols = [*model.excess_cols, *model.pair_cols]
    if soft_cols:
        coeffs = [1.0] * len(model.excess_cols) + [-options.work_with_weight] * len(model.pair_cols)
        staged.optimise(
            "soft-wishes", soft_cols, coeffs, StageOptions(maximise=False, integral=False)
        )
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
            StageOptions(maximise=True, integral=True, relax=False),
        )
    if n_arcs:
        # The lottery only decides among answers with the incumbent's projects open; then its
        # relaxation comes out integral or nearly so and goes first.
        decided = mip and bool(model.open_col)
        if decided:
            _fix_projects(prep, staged)
        staged.optimise(
            "lottery",
            arcs,
            prep.lottery,
            StageOptions(maximise=True, integral=False, record=False, relax=decided),
        )
    values = staged.integral_values()
    method = "mip" if mip else "network-lp"
    if not mip and np.any(np.abs(values[:n_arcs] - np.round(values[:n_arcs])) > 1e-6):
        # Cannot happen for a network matrix up to rounding; stay exact rather than round.
        return solve_staged(prep, mip=True, deadline=deadline)
    assignment: dict[str, str] = {}
    for a in range(n_arcs):
        if values[a] > 0.5:
            sid = prep.students[prep.arc_student[a]].id
            assignment[sid] = prep.projects[prep.arc_project[a]].id
    return Solution(assignment=assignment, method=method, phases=staged.phases)


def _rank_stages(
    prep: Prepared, staged: Staged, *, placed: int, can_place: int, search_near: bool = True
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
        staged.optimise(name, cols, coeffs, StageOptions(maximise=True, integral=True))
        values = staged.integral_values()
        counts = [round(float(values[by_rank[t]].sum())) for t in group]
        if len(group) > 1:
            _split_phase(staged, group, counts, weights)
        settled += sum(counts)
        k += len(group)


def _free_arcs(staged: Staged) -> int:
    n = staged.model.n_arcs
    return int(np.count_nonzero(staged.col_lower[:n] < staged.col_upper[:n]))


def _complete_ranks(
    prep: Prepared, staged: Staged, rank: int, *, placed: int, can_place: int
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
    sub = Staged(model, mip=True, seed=staged.seed, deadline=time.perf_counter() + budget)
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


def _rank_counts(prep: Prepared, values: np.ndarray) -> tuple[int, ...]:
    """How many students land on each rank (placed arcs of ``values``), best rank first."""
    n = len(prep.arc_rank)
    placed = np.asarray(prep.arc_rank)[values[:n] > 0.5]
    return tuple(np.bincount(placed, minlength=max(prep.arc_rank, default=0) + 1)[1:].tolist())


def _students_free_at(prep: Prepared, staged: Staged, arcs: list[int]) -> int:
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
    staged: Staged, group: Sequence[int], counts: Sequence[int], weights: Sequence[int]
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


def _fix_projects(prep: Prepared, staged: Staged) -> None:
    """Keep every project open or closed as in the incumbent (and a closed project's arcs at
    0) for the lottery. With the projects decided the model is nearly a network (as in
    ``_complete_ranks``) and its relaxation comes out integral: at 5,000 students with the
    product's settings the lottery took 0.2-0.4 s instead of running into its time limit
    (5.6 s, still at the root node, the incumbent unchanged). Only the unrecorded lottery
    runs on this restriction: every recorded stage keeps its proof over all answers."""
    incumbent = staged.integral_values()
    model = staged.model
    fix: list[int] = []
    for j, y in model.open_col.items():
        if staged.col_lower[y] == staged.col_upper[y]:
            continue
        level = round(float(incumbent[y]))
        staged.col_lower[y] = staged.col_upper[y] = level
        fix.append(y)
        if level == 0:
            shut = [a for a in prep.arcs_of_project[j] if staged.col_lower[a] < staged.col_upper[a]]
            staged.col_upper[shut] = 0.0
            fix.extend(shut)
    if fix:
        cols = np.asarray(fix, dtype=np.int64)
        staged.set_bounds(cols, staged.col_lower[cols], staged.col_upper[cols])


def _first_answer(prep: Prepared, staged: Staged) -> np.ndarray | None:
    """The flow heuristic's answer completed by HiGHS (every column), or None."""
    chosen = flow_heuristic(prep)
    if chosen is None:
        return None
    model = staged.model
    values = np.zeros(model.n_cols)
    values[np.asarray(chosen, dtype=np.int64)] = 1.0
    for j, y in model.open_col.items():
        values[y] = 1.0 if any(values[a] > 0.5 for a in prep.arcs_of_project[j]) else 0.0
    cols = np.array([*range(model.n_arcs), *model.open_col.values()], dtype=np.int64)
    return staged.complete(values, cols)

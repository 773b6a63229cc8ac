"""The staged model: one HiGHS model optimised stage by stage, each stage's optimum held in
the next (``Staged``).

It decides how one stage is solved and how its optimum is kept. The network LP (max sizes
only) solves each stage by dual simplex and holds the optimum by reduced-cost fixing, so only
bounds change and every vertex stays integral. A MIP stage (``_optimise_mip``) solves the LP
relaxation first, dives on the fractional "open" columns, fixes columns by reduced costs
against the incumbent, on large models searches a core of the model first, and only then runs
branch and cut on what is left; its optimum is held by the relaxation's optimal face (bounds)
where it can, otherwise by a row. Between stages ``compact`` removes the columns fixed for good
(and the rows they make redundant) from HiGHS; ``set_costs``, ``set_bounds``, ``add_row`` and
``solution`` speak of the model's columns whatever HiGHS still holds. How a stage runs is one
``StageOptions``; which stages run, in which order and with which time is decided in
``stages``.
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import highspy
import numpy as np

from transferraum.allocation.engine.prepare import Model
from transferraum.allocation.engine.solution import AllocationError, Phase
from transferraum.allocation.model import InstanceError

# Tuning of a MIP stage (read when a stage runs, so a test may patch them here).
# Relative tolerance of an objective: the solver's value against its answer's, and the slack of
# a row holding a non-integral optimum.
_TOL = 1e-6
# ``compact`` removes fixed columns from HiGHS once at least this many are fixed ...
_COMPACT_FROM = 2_000
# ... and at least this share of the columns HiGHS still holds (at 5,000 students the model
# shrinks after the rank-2-3 stage from 27,500 to 8,595 columns).
_COMPACT_SHARE = 0.2
# A stage searches a core of the model first (``_core_search``) from this many free arc
# columns: below it branch and cut on the whole model is quick enough.
_CORE_FROM = 20_000
# The core search gets at most this share of the time left.
_CORE_SHARE = 0.35
# Arcs in the core beyond those the relaxation uses, per student on average.
_CORE_EXTRA = 1.0


@dataclass(frozen=True)
class StageOptions:
    """How ``Staged.optimise`` runs one stage and what it leaves for the next."""

    maximise: bool
    # The objective is integral on integral answers: a gap below 1 proves the optimum, and a
    # cut "objective >= z + 1" prunes.
    integral: bool
    # Append the stage's ``Phase`` to the record (the lottery runs unrecorded).
    record: bool = True
    # A bound known without solving (e.g. the students with a ranked project): an incumbent
    # that reaches it is optimal without a relaxation.
    upper: float | None = None
    # Hold the optimum for the stages that follow; False: the caller holds it
    # (``hold_all_placed`` or ``hold_last``).
    hold: bool = True
    # MIP: solve the LP relaxation first; False goes straight to branch and cut (after a dense
    # hold row the warm relaxation of the whole model is slow, while presolve drops fixed
    # columns).
    relax: bool = True


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
    """A solution over the model's columns (see ``Staged.solution``)."""

    col_value: np.ndarray
    col_dual: np.ndarray
    row_value: np.ndarray
    row_dual: np.ndarray


class Staged:
    """One HiGHS model optimised stage by stage, each stage's optimum held in the next."""

    def __init__(self, model: Model, *, mip: bool, seed: int, deadline: float) -> None:
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
        self, name: str, cols: Sequence[int], coeffs: Sequence[float] | np.ndarray,
        stage: StageOptions,
    ) -> None:  # fmt: skip
        """Optimise one stage (the objective ``coeffs`` on ``cols``) as ``stage`` says, then
        hold its optimum for the stages that follow (unless ``stage.hold`` is false)."""
        highs = self.highs
        started = time.perf_counter()
        costs = np.zeros(self.model.n_cols)
        costs[np.asarray(cols, dtype=np.int64)] = np.asarray(coeffs, dtype=np.float64)
        if self.mip:
            self.compact()
        self.set_costs(costs)
        sense = highspy.ObjSense.kMaximize if stage.maximise else highspy.ObjSense.kMinimize
        highs.changeObjectiveSense(sense)
        if self.mip:
            self._optimise_mip(name, costs, stage, started)
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
            self._record_unsolved(name, costs, stage.maximise, started, stage.record)
            return
        solution = self.solution()
        values = solution.col_value.copy()
        objective = float(costs @ values)
        if abs(objective - float(info.objective_function_value)) > _TOL * max(1.0, abs(objective)):
            raise AllocationError(f"phase {name}: the solver's objective does not match its answer")
        if self.values is not None:
            previous = float(costs @ self.values)
            better = previous - objective if stage.maximise else objective - previous
            if better > _TOL * max(1.0, abs(objective)):
                values, objective = self.values, previous  # a timed-out stage kept a worse answer
        optimal = status == highspy.HighsModelStatus.kOptimal
        # For an integral objective the absolute gap below one proves the optimum.
        bound = objective if optimal or not self.mip else float(info.mip_dual_bound)
        self.values = values
        if stage.record:
            self.phases.append(
                Phase(
                    name,
                    "max" if stage.maximise else "min",
                    objective,
                    bound,
                    optimal,
                    time.perf_counter() - started,
                )
            )
        if not stage.hold:
            self._last_hold = (costs, objective, stage.maximise, stage.integral and optimal)
        elif self.mip or not optimal:
            self._hold_by_row(costs, objective, stage.maximise, stage.integral)
        else:
            self._hold_by_reduced_costs(solution)

    def hold_last(self) -> None:
        """Hold the optimum of the last stage (run with ``StageOptions(hold=False)``) by a row."""
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

    def complete(self, values: np.ndarray, cols: np.ndarray) -> np.ndarray | None:
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
        self, name: str, costs: np.ndarray, stage: StageOptions, started: float
    ) -> None:
        """One MIP stage. Internally "larger is better" (``sign``). Steps:

        1. the LP relaxation gives the bound L; an integral LP optimum is the stage optimum;
        2. otherwise the incumbent z (the previous stage's answer, feasible here) is optimal
           when L cannot beat it (for an integral objective: floor(L) <= z);
        3. otherwise every binary column whose reduced cost d proves L - |d| < z is fixed at
           its LP value: no answer at least as good as z flips it, so the optimal face of this
           stage (and of every later one) is kept; then HiGHS solves the reduced MIP, for an
           integral objective with the cut "objective >= z + 1".
        """
        sign = 1.0 if stage.maximise else -1.0
        scale = max(1.0, float(np.abs(costs).sum()))
        if self.values is not None and self.deadline - time.perf_counter() <= 0:
            self._record_unsolved(name, costs, stage.maximise, started, stage.record)
            return
        incumbent = self.values
        z = sign * float(costs @ incumbent) if incumbent is not None else -math.inf
        if stage.upper is not None and incumbent is not None and z >= sign * stage.upper - 1e-9:
            lp = None
            bound, proven = z, True
        elif not stage.relax:
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
                    proven = self._settle(solution, values, bound, z, sign, stage.integral, scale)
                if not proven:
                    found = self._core_search(name, costs, sign, stage.integral, solution, values)
                    if found is not None and (incumbent is None or sign * costs @ found > z):
                        incumbent, z = found, sign * float(costs @ found)
                        proven = self._settle(
                            solution, values, bound, z, sign, stage.integral, scale
                        )
        if not proven:
            basis = self.highs.getBasis() if lp is not None else None
            incumbent, z, bound, proven = self._branch(
                name, costs, sign, stage.integral, incumbent, z, bound
            )
            if basis is not None and basis.valid:
                # Branch and cut leaves no basis behind: the next stage's relaxation starts warm
                # from this stage's (its optimum stays primal feasible for the next stage).
                self.highs.setBasis(basis)
        assert incumbent is not None  # noqa: S101 - _branch raises otherwise
        objective = sign * z
        if proven:
            bound = z
            if lp is not None and stage.hold:
                # Every later stage keeps this optimum z: a column whose reduced cost proves
                # L - |d| < z stays at its relaxation value in all of them.
                self._fix_by_reduced_costs(lp[0], values, lp_bound, z, sign, incumbent)
        self.values = incumbent
        if stage.record:
            self.phases.append(
                Phase(
                    name,
                    "max" if stage.maximise else "min",
                    objective,
                    sign * bound if math.isfinite(bound) else (math.inf * sign),
                    proven,
                    time.perf_counter() - started,
                )
            )
        if not stage.hold:
            self._last_hold = (costs, objective, stage.maximise, stage.integral and proven)
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
        self._hold_by_row(costs, objective, stage.maximise, stage.integral and proven)

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

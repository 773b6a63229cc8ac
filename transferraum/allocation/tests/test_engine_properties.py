"""Property tests: the engine against brute force on tiny random instances."""

from __future__ import annotations

import contextlib
import dataclasses
from types import ModuleType
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from transferraum.allocation import engine
from transferraum.allocation.engine import allocate, staged, stages
from transferraum.allocation.io import instance_from_json, result_to_json
from transferraum.allocation.model import Instance, InstanceError
from transferraum.allocation.tests.strategies import (
    all_feasible,
    instance_json,
    rank_key,
    soft_value,
)

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(data: dict[str, Any]) -> Instance | None:
    try:
        return instance_from_json(data)
    except InstanceError:
        return None  # an infeasible pin refused by validation: covered by the CLI tests


@SETTINGS
@given(instance_json())
def test_result_keeps_every_hard_constraint_and_matches_brute_force(data: dict[str, Any]) -> None:
    instance = _load(data)
    if instance is None:
        return
    feasible = all_feasible(instance)
    try:
        result = allocate(instance)
    except InstanceError:
        assert not feasible, "the engine refused pins that a feasible assignment honours"
        return
    event(f"method {result.meta['method']}, placed {len(result.assignment)}")
    assert engine.violations(instance, result.assignment) == []
    assert feasible, "the engine found an assignment brute force did not"
    best = max(rank_key(instance, a) for a in feasible)
    # Placed students first, then the rank profile (rank-maximal) or the rank cost (min-cost).
    assert rank_key(instance, result.assignment) == best
    # Soft wishes are optimal among the assignments with the optimal ranks.
    best_soft = min(soft_value(instance, a) for a in feasible if rank_key(instance, a) == best)
    assert soft_value(instance, result.assignment) == pytest.approx(best_soft, abs=1e-6)
    assert result.optimal
    unplaced = {u.student for u in result.unassigned}
    assert unplaced == {s.id for s in instance.students} - set(result.assignment)
    assert {c.project for c in result.closed_projects} == {p.id for p in instance.projects} - set(
        result.assignment.values()
    )


# Each shortcut's thresholds, patched in the module that reads them.
SHORTCUTS: dict[str, tuple[ModuleType, dict[str, Any]]] = {
    # Large rounds first search a core of the model (it only supplies an answer, never a proof).
    "core search": (staged, {"_CORE_FROM": 0, "_CORE_EXTRA": 0.2}),
    # Large rounds remove fixed columns and redundant rows from HiGHS between stages.
    "compact model": (staged, {"_COMPACT_FROM": 0, "_COMPACT_SHARE": 0.0}),
    # Large rounds start each rank stage from a search with the incumbent's projects fixed.
    "search near the incumbent": (stages, {"_COMPLETE_FROM": 0}),
}


@pytest.mark.parametrize("shortcut", SHORTCUTS)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=instance_json())
def test_shortcuts_of_large_rounds_keep_the_optimum(shortcut: str, data: dict[str, Any]) -> None:
    """What only large rounds do is forced on every stage here: ranks and soft wishes must still
    be the brute-force optimum."""
    instance = _load(data)
    if instance is None:
        return
    feasible = all_feasible(instance)
    with contextlib.ExitStack() as patches:
        module, thresholds = SHORTCUTS[shortcut]
        for name, value in thresholds.items():
            patches.enter_context(mock.patch.object(module, name, value))
        try:
            result = allocate(instance)
        except InstanceError:
            assert not feasible
            return
    assert engine.violations(instance, result.assignment) == []
    best = max(rank_key(instance, a) for a in feasible)
    assert rank_key(instance, result.assignment) == best
    best_soft = min(soft_value(instance, a) for a in feasible if rank_key(instance, a) == best)
    assert soft_value(instance, result.assignment) == pytest.approx(best_soft, abs=1e-6)
    assert result.optimal


def test_radix_weights_make_one_more_on_a_better_rank_outweigh_the_rest() -> None:
    weights = stages._radix_weights([5, 3, 2])
    assert weights == [12, 3, 1]
    # The most the later ranks can add (3 * 3 + 2 * 1 = 11) stays below one on the first.
    assert 3 * weights[1] + 2 * weights[2] < weights[0]


@SETTINGS
@given(instance_json())
def test_nobody_is_unassigned_when_a_complete_assignment_exists(data: dict[str, Any]) -> None:
    instance = _load(data)
    if instance is None:
        return
    complete = any(len(a) == len(instance.students) for a in all_feasible(instance))
    if not complete:
        return
    assert allocate(instance).unassigned == ()


@settings(max_examples=300, deadline=None)
@given(instance_json(max_students=6, max_projects=3, network=True))
def test_network_methods_match_brute_force(data: dict[str, Any]) -> None:
    instance = _load(data)
    if instance is None:
        return
    result = allocate(instance)
    assert result.meta["method"] in {"min-cost-flow", "network-lp", "trivial"}
    assert engine.violations(instance, result.assignment) == []
    feasible = all_feasible(instance)
    assert rank_key(instance, result.assignment) == max(rank_key(instance, a) for a in feasible)


@settings(max_examples=60, deadline=None)
@given(instance_json(), st.integers(0, 5))
def test_same_input_and_seed_give_the_same_result(data: dict[str, Any], seed: int) -> None:
    data["options"]["seed"] = seed
    instance = _load(data)
    if instance is None:
        return
    try:
        first = result_to_json(allocate(instance))
    except InstanceError:
        return
    second = result_to_json(allocate(dataclasses.replace(instance)))
    for run in (first, second):
        run.pop("seconds")
        for phase in run["meta"]["phases"]:
            phase.pop("seconds")
    assert first == second

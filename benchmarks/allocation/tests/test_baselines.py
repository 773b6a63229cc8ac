import pytest

from benchmarks.allocation.baselines import (
    BASELINES,
    greedy_first_choice_first,
    serial_dictatorship,
    stable_allocation,
)
from benchmarks.allocation.generator import generate
from benchmarks.allocation.metrics import blocking_pairs, violations


def _round(preferences, capacities, supervisors=None):
    """A tiny instance: ``preferences`` {student: [projects]}, ``capacities`` {project: max}."""
    supervised = supervisors or {}
    return {
        "students": [
            {
                "id": s,
                "preferences": p,
                "programme": "Geographie",
                "competences": [],
                "work_with": [],
            }
            for s, p in preferences.items()
        ],
        "projects": [
            {
                "id": p,
                "min_size": 0,
                "max_size": c,
                "supervisors": [supervised[p][0]] if p in supervised else [],
                "required_competences": [],
                "wanted_programmes": [],
            }
            for p, c in capacities.items()
        ],
        "supervisors": [{"id": lid, "capacity": cap} for lid, cap in set(supervised.values())],
        "pins": [],
        "exclusions": [],
        "options": {"max_programme_share": None},
    }


@pytest.mark.parametrize("name", BASELINES)
@pytest.mark.parametrize("scenario", ["max-only", "full"])
def test_baselines_respect_maximum_sizes_and_rankings(name, scenario):
    data = generate(600, 2, scenario=scenario)
    assignment = BASELINES[name](data, 1)
    found = violations(data, assignment)
    assert found["max_size"] == 0
    assert found["unranked"] == 0
    assert len(assignment) > 0.9 * 600


@pytest.mark.parametrize("name", BASELINES)
def test_baselines_are_deterministic_per_seed(name):
    data = generate(400, 3, scenario="full")
    assert BASELINES[name](data, 5) == BASELINES[name](data, 5)


def test_serial_dictatorship_serves_students_in_lottery_order():
    data = _round({"a": ["p1", "p2"], "b": ["p1", "p2"]}, {"p1": 1, "p2": 1})
    results = {tuple(sorted(serial_dictatorship(data, seed).items())) for seed in range(20)}
    assert results == {(("a", "p1"), ("b", "p2")), (("a", "p2"), ("b", "p1"))}


def test_serial_dictatorship_lets_an_early_student_take_a_late_choice():
    # b loses their only choice p1 whenever c takes p2 first and a falls back to p1 before b.
    data = _round({"c": ["p2"], "a": ["p2", "p1"], "b": ["p1"]}, {"p1": 1, "p2": 1})
    outcomes = {serial_dictatorship(data, seed).get("b") for seed in range(30)}
    assert outcomes == {"p1", None}


def test_greedy_serves_first_choices_before_second_choices():
    data = _round({"c": ["p2"], "a": ["p2", "p1"], "b": ["p1"]}, {"p1": 1, "p2": 1})
    for seed in range(20):
        assert greedy_first_choice_first(data, seed)["b"] == "p1"


def test_stable_allocation_has_no_blocking_pairs_with_maximum_sizes_only():
    for seed in range(3):
        data = generate(500, seed, scenario="max-only")
        assert blocking_pairs(data, stable_allocation(data, seed)) == 0


def test_stable_allocation_prefers_students_who_ranked_the_project_higher():
    data = _round({"a": ["p2", "p1"], "b": ["p1", "p2"]}, {"p1": 1, "p2": 1})
    assert stable_allocation(data, 0) == {"a": "p2", "b": "p1"}
    crowded = _round({"a": ["p1", "p2"], "b": ["p2", "p1"], "c": ["p2"]}, {"p1": 1, "p2": 1})
    assignment = stable_allocation(crowded, 0)
    assert assignment["a"] == "p1"
    assert assignment.get("b") == "p2" or assignment.get("c") == "p2"


def test_stable_allocation_respects_supervisor_capacities():
    data = _round(
        {"a": ["p1"], "b": ["p2"], "c": ["p2", "p3"]},
        {"p1": 2, "p2": 2, "p3": 2},
        supervisors={"p1": ("l1", 2), "p2": ("l1", 2), "p3": ("l2", 2)},
    )
    assignment = stable_allocation(data, 0)
    assert violations(data, assignment)["supervisor_capacity"] == 0
    assert sum(1 for p in assignment.values() if p in {"p1", "p2"}) == 2
    full = generate(600, 1, scenario="full")
    assert violations(full, stable_allocation(full, 1))["supervisor_capacity"] == 0

"""What the projects app needs of the engine: structured violations, a progress callback and a
stored result read back."""

from __future__ import annotations

from transferraum.allocation import engine
from transferraum.allocation.explain import counterfactual
from transferraum.allocation.io import instance_from_json, result_from_json, result_to_json

ROUND = {
    "students": [
        {"id": "s1", "preferences": ["p1", "p2"], "competences": ["gis"]},
        {"id": "s2", "preferences": ["p1", "p2"]},
        {"id": "s3", "preferences": ["p2"]},
    ],
    "projects": [
        {"id": "p1", "min_size": 1, "max_size": 1, "supervisors": ["l1"]},
        {"id": "p2", "min_size": 2, "max_size": 3, "required_competences": ["gis"]},
    ],
    "supervisors": [{"id": "l1", "capacity": 1}],
    "exclusions": [{"student": "s3", "project": "p2"}],
}


def test_violation_list_names_kind_ids_and_numbers_and_matches_the_words() -> None:
    instance = instance_from_json(ROUND)
    assignment = {"s1": "p1", "s2": "p1", "s3": "p2", "s9": "p1"}

    found = engine.violation_list(instance, assignment)

    kinds = {(v.kind, v.student, v.project, v.supervisor, v.count, v.limit) for v in found}
    assert kinds == {
        ("unknown", "s9", "p1", None, None, None),
        ("excluded", "s3", "p2", None, None, None),
        ("max_size", None, "p1", None, 2, 1),
        ("min_size", None, "p2", None, 1, 2),
        ("competence", None, "p2", None, None, None),
        ("capacity", None, None, "l1", 2, 1),
    }
    assert engine.violations(instance, assignment) == [v.text for v in found]
    assert engine.violation_list(instance, {"s1": "p2", "s2": "p1", "s3": "p1"})[0].kind == (
        "not_ranked"
    )


def test_allocate_reports_its_steps() -> None:
    steps: list[str] = []

    result = engine.allocate(instance_from_json(ROUND), progress=steps.append)

    assert steps == ["solving", "explaining"]
    assert engine.violations(instance_from_json(ROUND), result.assignment) == []


def test_a_stored_result_reads_back_for_the_counterfactual() -> None:
    instance = instance_from_json(ROUND)
    result = engine.allocate(instance)

    again = result_from_json(result_to_json(result))

    assert result_to_json(again) == result_to_json(result)
    loser = next(s for s in ("s1", "s2") if result.assignment.get(s) != "p1")
    assert counterfactual(instance, again, loser, "p1") == counterfactual(
        instance, result, loser, "p1"
    )

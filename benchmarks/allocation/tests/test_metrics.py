import pytest

from benchmarks.allocation.metrics import (
    VIOLATION_KINDS,
    blocking_pairs,
    dominated_teams,
    evaluate,
    max_first_choices,
    max_placeable,
    peak_rss_mb,
    violations,
)


def _student(sid, preferences, programme="Geographie", competences=()):
    return {
        "id": sid,
        "preferences": preferences,
        "programme": programme,
        "competences": list(competences),
        "work_with": [],
    }


def _project(pid, max_size, min_size=0, supervisors=(), required=()):
    return {
        "id": pid,
        "min_size": min_size,
        "max_size": max_size,
        "supervisors": list(supervisors),
        "required_competences": list(required),
        "wanted_programmes": [],
    }


def _instance(students, projects, *, supervisors=(), pins=(), exclusions=(), share=None):
    return {
        "students": students,
        "projects": projects,
        "supervisors": list(supervisors),
        "pins": list(pins),
        "exclusions": list(exclusions),
        "options": {"objective": "rank-maximal", "max_programme_share": share},
    }


def _only(kind, found):
    assert found[kind] == 1, found
    assert all(v == 0 for k, v in found.items() if k != kind), found


def test_shares_and_ranks():
    data = _instance(
        [
            _student("a", ["p1", "p2", "p3", "p4"]),
            _student("b", ["p1", "p2", "p3", "p4"]),
            _student("c", ["p1", "p2", "p3", "p4"]),
            _student("d", ["p1", "p2", "p3", "p4"]),
        ],
        [_project(p, 1) for p in ("p1", "p2", "p3", "p4")],
    )
    quality = evaluate(data, {"a": "p1", "b": "p2", "c": "p4"})
    assert quality.students == 4 and quality.placed == 3 and quality.unassigned == 1
    assert quality.first_choice_share == pytest.approx(0.25)
    assert quality.top3_share == pytest.approx(0.5)
    assert quality.unassigned_share == pytest.approx(0.25)
    assert quality.mean_rank == pytest.approx((1 + 2 + 4) / 3)
    assert quality.worst_rank == 4
    assert quality.violation_count == 0


def test_nobody_placed_has_no_mean_rank():
    data = _instance([_student("a", ["p1"])], [_project("p1", 1)])
    quality = evaluate(data, {})
    assert quality.mean_rank is None and quality.worst_rank is None
    assert quality.blocking_pairs == 1  # a and the empty p1


def test_free_place_on_a_better_choice_is_a_blocking_pair():
    data = _instance([_student("a", ["p1", "p2"])], [_project("p1", 2), _project("p2", 2)])
    assert blocking_pairs(data, {"a": "p2"}) == 1
    assert blocking_pairs(data, {"a": "p1"}) == 0


def test_justified_envy_is_a_blocking_pair():
    data = _instance(
        [_student("a", ["p1", "p2"]), _student("b", ["p2", "p1"])],
        [_project("p1", 1), _project("p2", 1)],
    )
    # b ranked p1 second, a ranked it first: a envies b's place with reason.
    assert blocking_pairs(data, {"a": "p2", "b": "p1"}) == 2
    assert blocking_pairs(data, {"a": "p1", "b": "p2"}) == 0


def test_full_project_of_equally_keen_students_blocks_nobody():
    data = _instance(
        [_student("a", ["p1", "p2"]), _student("b", ["p1", "p2"])],
        [_project("p1", 1), _project("p2", 1)],
    )
    assert blocking_pairs(data, {"a": "p2", "b": "p1"}) == 0


def test_max_size_violation():
    data = _instance([_student("a", ["p1"]), _student("b", ["p1"])], [_project("p1", 1)])
    _only("max_size", violations(data, {"a": "p1", "b": "p1"}))


def test_open_project_below_its_minimum_is_a_violation_but_a_closed_one_is_not():
    data = _instance(
        [_student("a", ["p1", "p2"]), _student("b", ["p2"])],
        [_project("p1", 3, min_size=2), _project("p2", 3)],
    )
    _only("min_size", violations(data, {"a": "p1", "b": "p2"}))
    assert sum(violations(data, {"a": "p2", "b": "p2"}).values()) == 0


def test_supervisor_capacity_counts_every_project_of_the_supervisor():
    data = _instance(
        [_student("a", ["p1"]), _student("b", ["p2"])],
        [_project("p1", 2, supervisors=["l1"]), _project("p2", 2, supervisors=["l1"])],
        supervisors=[{"id": "l1", "capacity": 1}],
    )
    _only("supervisor_capacity", violations(data, {"a": "p1", "b": "p2"}))


def test_missing_required_competence_counts_per_competence():
    data = _instance(
        [_student("a", ["p1"], competences=["GIS"])],
        [_project("p1", 2, required=["GIS", "Statistik", "Recht"])],
    )
    found = violations(data, {"a": "p1"})
    assert found["required_competences"] == 2
    assert sum(violations(data, {}).values()) == 0  # a closed project needs no skills


def test_pin_not_honoured():
    data = _instance(
        [_student("a", ["p1", "p2"])],
        [_project("p1", 1), _project("p2", 1)],
        pins=[{"student": "a", "project": "p2"}],
    )
    _only("pins", violations(data, {"a": "p1"}))
    _only("pins", violations(data, {}))


def test_exclusion_not_respected():
    data = _instance(
        [_student("a", ["p1", "p2"])],
        [_project("p1", 1), _project("p2", 1)],
        exclusions=[{"student": "a", "project": "p1"}],
    )
    _only("exclusions", violations(data, {"a": "p1"}))


def test_project_not_ranked_or_unknown():
    data = _instance([_student("a", ["p1"])], [_project("p1", 1), _project("p2", 1)])
    _only("unranked", violations(data, {"a": "p2"}))
    _only("unranked", violations(data, {"a": "p9"}))


def test_every_kind_is_reported():
    data = _instance([_student("a", ["p1"])], [_project("p1", 1)])
    assert set(violations(data, {"a": "p1"})) == set(VIOLATION_KINDS)


def test_dominated_teams_only_with_a_programme_share():
    students = [
        _student("a", ["p1"], programme="Informatik"),
        _student("b", ["p1"], programme="Informatik"),
        _student("c", ["p1"], programme="Geographie"),
        _student("d", ["p2"], programme="Informatik"),
        _student("e", ["p2"], programme="Informatik"),
    ]
    projects = [_project("p1", 3), _project("p2", 3)]
    assignment = {s["id"]: s["preferences"][0] for s in students}
    # p1: two of three from one programme is above 0.6; p2 has two members, too small to count.
    assert dominated_teams(_instance(students, projects, share=0.6), assignment) == 1
    assert dominated_teams(_instance(students, projects, share=0.7), assignment) == 0
    assert dominated_teams(_instance(students, projects), assignment) == 0


def test_max_placeable_respects_sizes_supervisors_and_exclusions():
    students = [_student(s, ["p1", "p2"]) for s in ("a", "b", "c", "d")]
    projects = [_project("p1", 2, supervisors=["l1"]), _project("p2", 2, supervisors=["l1"])]
    assert max_placeable(_instance(students, [_project("p1", 2), _project("p2", 1)])) == 3
    capped = _instance(students, projects, supervisors=[{"id": "l1", "capacity": 3}])
    assert max_placeable(capped) == 3
    excluded = _instance(
        students[:1], [_project("p1", 2)], exclusions=[{"student": "a", "project": "p1"}]
    )
    assert max_placeable(excluded) == 0


def test_max_first_choices_counts_places_and_first_choice_demand():
    students = [_student("a", ["p1"]), _student("b", ["p1"]), _student("c", ["p2", "p1"])]
    projects = [_project("p1", 1), _project("p2", 2)]
    assert max_first_choices(_instance(students, projects)) == 2
    excluded = _instance(students, projects, exclusions=[{"student": "c", "project": "p2"}])
    assert max_first_choices(excluded) == 1


def test_peak_memory_is_reported_in_megabytes():
    assert 1 < peak_rss_mb() < 100_000

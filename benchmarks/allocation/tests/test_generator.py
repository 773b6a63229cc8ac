from collections import Counter

import pytest

from benchmarks.allocation.generator import CONSTRAINT_SCENARIOS, SCENARIOS, generate


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_same_seed_gives_the_same_round(scenario):
    assert generate(300, 7, scenario=scenario) == generate(300, 7, scenario=scenario)


def test_another_seed_gives_another_round():
    assert generate(300, 7, scenario="full") != generate(300, 8, scenario="full")


def test_scenarios_share_students_and_preferences():
    rounds = [generate(300, 3, scenario=s) for s in CONSTRAINT_SCENARIOS]
    assert rounds[0]["students"] == rounds[1]["students"] == rounds[2]["students"]
    assert [p["max_size"] for p in rounds[0]["projects"]] == [
        p["max_size"] for p in rounds[1]["projects"]
    ]


def test_unknown_scenario_is_refused():
    with pytest.raises(ValueError, match="unknown scenario"):
        generate(100, 1, scenario="everything")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_round_is_consistent(scenario):
    data = generate(1_200, 5, scenario=scenario)
    students = {s["id"]: s for s in data["students"]}
    projects = {p["id"]: p for p in data["projects"]}
    supervisors = {s["id"]: s for s in data["supervisors"]}
    assert len(students) == 1_200
    assert len(projects) == 200  # about six students per project
    for student in students.values():
        assert 3 <= len(student["preferences"]) <= 8
        assert len(set(student["preferences"])) == len(student["preferences"])
        assert set(student["preferences"]) <= set(projects)
        assert set(student["work_with"]) <= set(students) - {student["id"]}
    for project in projects.values():
        assert 0 <= project["min_size"] <= project["max_size"]
        assert len(project["required_competences"]) <= 2
        assert set(project["supervisors"]) <= set(supervisors)
    for pin in data["pins"]:
        assert pin["project"] in students[pin["student"]]["preferences"]
    for exclusion in data["exclusions"]:
        assert exclusion["project"] in projects
    assert 8 <= len({s["programme"] for s in students.values()}) <= 12


def test_max_only_has_maximum_sizes_only():
    data = generate(600, 2, scenario="max-only")
    assert all(p["min_size"] == 0 for p in data["projects"])
    assert all(not p["supervisors"] and not p["required_competences"] for p in data["projects"])
    assert data["supervisors"] == data["pins"] == data["exclusions"] == []
    assert data["options"]["max_programme_share"] is None


def test_full_round_has_the_realistic_constraints():
    data = generate(5_000, 1, scenario="full")
    projects = data["projects"]
    with_minimum = sum(1 for p in projects if p["min_size"] >= 2)
    assert 0.75 * len(projects) <= with_minimum < len(projects)
    assert all(p["min_size"] <= 4 for p in projects)
    assert any(p["required_competences"] for p in projects)
    per_supervisor = Counter(p["supervisors"][0] for p in projects)
    assert all(2 <= n <= 5 for n in per_supervisor.values())
    seats = {s["id"]: 0 for s in data["supervisors"]}
    for project in projects:
        seats[project["supervisors"][0]] += project["max_size"]
    # A bit above their projects' typical total: sometimes binding, never absurdly small.
    capacities = {s["id"]: s["capacity"] for s in data["supervisors"]}
    assert any(capacities[s] < seats[s] for s in seats)
    assert all(capacities[s] >= 0.5 * seats[s] for s in seats)
    assert data["pins"] and data["exclusions"]
    assert len({s["programme"] for s in data["students"]}) >= 8


def test_popularity_is_skewed():
    data = generate(5_000, 1, scenario="max-only")
    first = Counter(s["preferences"][0] for s in data["students"])
    counts = sorted(first.values(), reverse=True)
    # The most wanted project has many times the average demand for first choices.
    assert counts[0] > 5 * 5_000 / len(data["projects"])


def test_diversity_sets_the_programme_share():
    data = generate(300, 1, scenario="diversity")
    assert data["options"]["max_programme_share"] == 0.6
    assert data["projects"] == generate(300, 1, scenario="full")["projects"]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_engine_accepts_the_round(scenario):
    io = pytest.importorskip("transferraum.allocation.io")
    instance = io.instance_from_json(generate(1_000, 4, scenario=scenario))
    assert len(instance.students) == 1_000


def test_short_skewed_lists_are_three_long_and_more_skewed():
    short = generate(2_000, 1, scenario="short-skewed")
    full = generate(2_000, 1, scenario="full")
    assert {len(s["preferences"]) for s in short["students"]} == {3}

    def top_share(data):
        first = Counter(s["preferences"][0] for s in data["students"])
        return sum(sorted(first.values(), reverse=True)[:10]) / len(data["students"])

    assert top_share(short) > 2 * top_share(full)


def test_programme_tastes_keep_students_of_one_programme_together():
    def agreement(data):
        # Share of pairs of students of one programme with the same first choice.
        firsts: dict[str, Counter] = {}
        for s in data["students"]:
            firsts.setdefault(s["programme"], Counter())[s["preferences"][0]] += 1
        same = sum(c * (c - 1) for counter in firsts.values() for c in counter.values())
        pairs = sum(n * (n - 1) for n in (sum(c.values()) for c in firsts.values()))
        return same / pairs

    tastes = generate(2_000, 1, scenario="programme-tastes")
    assert agreement(tastes) > 1.5 * agreement(generate(2_000, 1, scenario="full"))

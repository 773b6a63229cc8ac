"""Examples a coordinator would recognise, and the methods against each other."""

from __future__ import annotations

import dataclasses
import gc
import itertools
import random
from typing import Any
from unittest import mock

import numpy as np
import pytest

from benchmarks.allocation import generator
from transferraum.allocation import engine
from transferraum.allocation.engine import allocate, stages
from transferraum.allocation.engine import staged as staged_module
from transferraum.allocation.engine.flow import max_placed
from transferraum.allocation.engine.prepare import build_model, prepare
from transferraum.allocation.engine.staged import Staged, StageOptions
from transferraum.allocation.explain import counterfactual
from transferraum.allocation.io import instance_from_json
from transferraum.allocation.model import InstanceError, without_cyclic_gc


def _round(students: list[dict[str, Any]], projects: list[dict[str, Any]], **extra: Any) -> Any:
    return instance_from_json({"students": students, "projects": projects, **extra})


def _random_round(seed: int, n: int, m: int, *, objective: str) -> Any:
    rng = random.Random(seed)
    projects = [{"id": f"p{j}", "max_size": rng.randint(2, 6)} for j in range(m)]
    weights = [1.0 / (j + 1) for j in range(m)]  # popularity skew
    students = []
    for i in range(n):
        prefs: list[str] = []
        while len(prefs) < rng.randint(2, 5):
            pid = rng.choices([p["id"] for p in projects], weights)[0]
            if pid not in prefs:
                prefs.append(pid)
        students.append({"id": f"s{i}", "preferences": prefs})
    return _round(students, projects, options={"objective": objective, "seed": seed})


def test_staged_network_lp_equals_the_mip_on_larger_rounds() -> None:
    for seed in range(3):
        for objective in ("rank-maximal", "min-cost"):
            instance = _random_round(seed, 80, 14, objective=objective)
            prep = prepare(instance)
            fast = engine.solve(instance)
            exact = stages.solve_staged(prep, mip=True, deadline=float("inf"))
            assert fast.method in {"network-lp", "min-cost-flow"}
            assert engine.violations(instance, fast.assignment) == []
            assert len(fast.assignment) == len(exact.assignment)
            if objective == "rank-maximal":
                assert engine.profile_of(instance, fast.assignment) == engine.profile_of(
                    instance, exact.assignment
                )
            else:
                assert fast.phases[-1].objective == exact.phases[-1].objective


def test_core_search_finds_the_same_proven_optimum() -> None:
    """Large rounds search a core of the model first (the relaxation's arcs and a few of the
    cheapest others); forced on here, it must supply answers and change no optimum."""
    data = generator.generate(200, 1, scenario="full")
    data["options"]["objective"] = "min-cost"  # rank-maximal's stages prove without a search
    instance = instance_from_json(data)
    plain = allocate(instance)
    found = []
    search = Staged._core_search

    def spy(self: Any, *args: Any, **kwargs: Any) -> Any:
        answer = search(self, *args, **kwargs)
        found.append(answer is not None)
        return answer

    with (
        mock.patch.object(staged_module, "_CORE_FROM", 0),
        mock.patch.object(staged_module, "_CORE_EXTRA", 0.2),
        mock.patch.object(Staged, "_core_search", spy),
    ):
        cored = allocate(instance)
    assert any(found)
    assert plain.optimal and cored.optimal
    assert engine.violations(instance, cored.assignment) == []
    assert cored.profile == plain.profile
    assert cored.objective == plain.objective


@pytest.mark.parametrize(
    ("scenario", "objective"),
    [("full", "rank-maximal"), ("full", "min-cost"), ("diversity", "rank-maximal")],
)
def test_compacting_the_model_gives_the_same_proven_optimum(scenario: str, objective: str) -> None:
    """Large rounds remove the columns that stages fixed (and the rows that became redundant)
    from HiGHS; forced at every stage here, it must remove some and change no optimum."""
    data = generator.generate(200, 1, scenario=scenario)
    data["options"]["objective"] = objective
    instance = instance_from_json(data)
    plain = allocate(instance)
    sizes = []
    compact = Staged.compact

    def spy(self: Any) -> None:
        before = (len(self.kept), self.highs.getNumRow())
        compact(self)
        sizes.append((before, (len(self.kept), self.highs.getNumRow())))

    with (
        mock.patch.object(staged_module, "_COMPACT_FROM", 0),
        mock.patch.object(staged_module, "_COMPACT_SHARE", 0.0),
        mock.patch.object(Staged, "compact", spy),
    ):
        compacted = allocate(instance)
    assert any(after[0] < before[0] and after[1] < before[1] for before, after in sizes)
    assert plain.optimal and compacted.optimal
    assert engine.violations(instance, compacted.assignment) == []
    assert compacted.profile == plain.profile
    assert compacted.objective == pytest.approx(plain.objective)
    assert engine.soft_score(instance, compacted.assignment) == pytest.approx(
        engine.soft_score(instance, plain.assignment)
    )


def test_a_student_row_removed_by_compaction_still_holds_everyone_placed() -> None:
    """``compact`` drops a student's "at most one place" row once only one arc is free; when
    "everyone placed" is held afterwards, the row must come back as an equation, or the next
    stage would unplace the student to give the place to another."""
    instance = _round(
        [{"id": "s0", "preferences": ["p0", "p1"]}, {"id": "s1", "preferences": ["p0", "p1"]}],
        [{"id": "p0", "max_size": 1}, {"id": "p1", "max_size": 1}],
    )
    prep = prepare(instance)
    staged = Staged(build_model(prep), mip=True, seed=0, deadline=1e12)
    (s0_p0, s0_p1), (s1_p0, _) = prep.arcs_of_student
    rows = staged.highs.getNumRow()
    staged.col_upper[s0_p1] = 0.0  # as if a stage had fixed it
    staged.set_bounds(np.array([s0_p1]), np.zeros(1), np.zeros(1))
    with mock.patch.object(staged_module, "_COMPACT_FROM", 0):
        staged.compact()
    assert staged.position[s0_p1] == -1
    assert staged.highs.getNumRow() < rows  # s0's row went
    staged.hold_all_placed()
    staged.optimise("s1 on p0", [s1_p0], [1.0], StageOptions(maximise=True, integral=True))
    values = staged.integral_values()
    assert values[s0_p0] == 1.0
    assert values[s1_p0] == 0.0


def test_a_place_fixed_before_compaction_counts_when_everyone_placed_is_held() -> None:
    """Once ``compact`` removed a student's arc fixed at 1, the student's row keeps only the
    other arcs (at most 0 of them); holding "everyone placed" must leave it so, not ask one
    more place of them (a second place for the same student)."""
    instance = _round(
        [{"id": "s0", "preferences": ["p0", "p1", "p2"]}],
        [{"id": f"p{j}", "max_size": 2} for j in range(3)],
    )
    prep = prepare(instance)
    staged = Staged(build_model(prep), mip=True, seed=0, deadline=1e12)
    (s0_p0, s0_p1, s0_p2) = prep.arcs_of_student[0]
    staged.col_lower[s0_p0] = 1.0  # as if a stage had fixed it
    staged.set_bounds(np.array([s0_p0]), np.ones(1), np.ones(1))
    staged.compact(force=True)
    assert staged.position[s0_p0] == -1
    staged.hold_all_placed()
    staged.optimise("tempt", [s0_p1, s0_p2], [1.0, 1.0], StageOptions(maximise=True, integral=True))
    values = staged.integral_values()
    assert values[[s0_p0, s0_p1, s0_p2]].tolist() == [1.0, 0.0, 0.0]


def test_the_search_near_the_incumbent_improves_its_ranks_with_the_same_projects_open() -> None:
    """Large rounds start each rank stage from ``_complete_ranks``: the projects opened and
    closed as in the incumbent, all ranks optimised in a second, nearly network model. From
    the flow heuristic's answer it must find a better profile, feasible, with no project
    opened or closed; asked to keep the first rank's count, it keeps it."""
    data = generator.generate(200, 1, scenario="full")
    instance = instance_from_json(data)
    prep = prepare(instance)
    staged = Staged(build_model(prep), mip=True, seed=0, deadline=1e12)
    first = stages._first_answer(prep, staged)
    assert first is not None
    staged.offer(first)
    incumbent = staged.integral_values()
    everyone = sum(1 for arcs in prep.arcs_of_student if arcs)
    found = stages._complete_ranks(prep, staged, 1, placed=everyone, can_place=everyone)
    assert found is not None
    assert stages._rank_counts(prep, found) > stages._rank_counts(prep, incumbent)
    assignment = {
        prep.students[prep.arc_student[a]].id: prep.projects[prep.arc_project[a]].id
        for a in range(len(prep.arc_student))
        if found[a] > 0.5
    }
    assert len(assignment) == everyone
    assert engine.violations(instance, assignment) == []
    opens = list(staged.model.open_col.values())
    assert found[opens].tolist() == incumbent[opens].tolist()
    # From rank 2 on, with the first rank's count to keep: never fewer first choices.
    kept = stages._complete_ranks(prep, staged, 2, placed=everyone, can_place=everyone)
    if kept is not None:
        assert stages._rank_counts(prep, kept)[0] == stages._rank_counts(prep, incumbent)[0]
    # The optimum of the whole model is at least as good as the best with these projects.
    best = allocate(instance)
    assert best.optimal
    assert tuple(best.profile) >= stages._rank_counts(prep, found)


def test_project_with_too_few_choices_closes_and_says_why() -> None:
    instance = _round(
        [
            {"id": "s1", "preferences": ["big", "small"]},
            {"id": "s2", "preferences": ["big", "small"]},
        ],
        [{"id": "big", "min_size": 4, "max_size": 5}, {"id": "small", "max_size": 2}],
        options={"language": "en"},
    )
    result = allocate(instance)
    assert result.assignment == {"s1": "small", "s2": "small"}
    (closed,) = result.closed_projects
    assert closed.reason == "closed: only 2 of the 4 needed students chose it"
    why = result.explanations["s1"][0]
    assert why.project == "big"
    assert why.texts["de"] == "geschlossen: nur 2 der 4 nötigen Studierenden haben es gewählt"


def test_required_competence_and_supervisor_capacity_hold() -> None:
    instance = _round(
        [
            {"id": "a", "preferences": ["gis", "web"], "competences": ["GIS"]},
            {"id": "b", "preferences": ["gis", "web"]},
            {"id": "c", "preferences": ["gis", "web"]},
            {"id": "d", "preferences": ["web", "gis"]},
        ],
        [
            {"id": "gis", "min_size": 2, "max_size": 3, "required_competences": ["GIS"],
             "supervisors": ["l1"]},
            {"id": "web", "max_size": 3, "supervisors": ["l1"]},
        ],
        supervisors=[{"id": "l1", "capacity": 3}],
    )  # fmt: skip
    result = allocate(instance)
    assert engine.violations(instance, result.assignment) == []
    assert len(result.assignment) == 3
    assert result.assignment.get("a") == "gis"
    assert result.unassigned[0].kind == "unassigned_no_room"


def test_closed_for_lack_of_competence_is_explained() -> None:
    instance = _round(
        [{"id": "s1", "preferences": ["gis", "web"]}, {"id": "s2", "preferences": ["gis"]}],
        [
            {"id": "gis", "max_size": 3, "required_competences": ["GIS"]},
            {"id": "web", "max_size": 3},
        ],
        options={"language": "en"},
    )
    result = allocate(instance)
    assert result.assignment == {"s1": "web"}
    assert result.closed_projects[0].reason == (
        "closed: no one with the required competence GIS ranked it"
    )
    (unplaced,) = result.unassigned
    assert unplaced.student == "s2"
    assert unplaced.kind == "unassigned_all_closed"
    assert unplaced.suggestions == ("web",)


def test_programme_share_is_met_when_the_ranks_allow_it() -> None:
    students = [
        {"id": f"g{i}", "preferences": ["x", "y"], "programme": "Geo"} for i in range(3)
    ] + [{"id": f"i{i}", "preferences": ["y", "x"], "programme": "Inf"} for i in range(3)]
    projects = [{"id": "x", "max_size": 3}, {"id": "y", "max_size": 3}]
    plain = allocate(_round(students, projects))
    assert plain.profile == (6, 0)
    diverse = allocate(
        _round(
            students,
            projects,
            options={"objective": "min-cost", "max_programme_share": 0.7},
        )
    )
    # The ranks come first: everyone keeps their first choice, the excess is reported.
    assert diverse.profile == (6, 0)
    assert diverse.meta["programme_excess"] > 0


def test_work_with_wishes_are_granted_among_equally_ranked_answers() -> None:
    instance = _round(
        [
            {"id": "a", "preferences": ["x", "y"], "work_with": ["b"]},
            {"id": "b", "preferences": ["x", "y"]},
            {"id": "c", "preferences": ["x", "y"]},
        ],
        [{"id": "x", "max_size": 2}, {"id": "y", "max_size": 2}],
        options={"work_with_weight": 1},
    )
    for seed in range(4):
        options = dataclasses.replace(instance.options, seed=seed)
        result = allocate(dataclasses.replace(instance, options=options))
        assert result.assignment["a"] == result.assignment["b"] == "x"


def test_pins_hold_and_counterfactual_counts_the_students_moved() -> None:
    instance = _round(
        [
            {"id": "s1", "preferences": ["x", "y"]},
            {"id": "s2", "preferences": ["x", "y"]},
            {"id": "s3", "preferences": ["y", "x"]},
        ],
        [{"id": "x", "max_size": 1}, {"id": "y", "max_size": 2}],
        pins=[{"student": "s2", "project": "x"}],
        options={"language": "en"},
    )
    result = allocate(instance)
    assert result.assignment["s2"] == "x"
    assert result.assignment["s1"] == "y"
    assert result.explanations["s1"][0].kind == "full_higher"
    what_if = counterfactual(instance, result, "s3", "x")
    assert what_if.kind == "counterfactual_impossible"  # x has one place and it is pinned
    free = allocate(_round(
        [{"id": "s1", "preferences": ["x", "y"]}, {"id": "s2", "preferences": ["x", "y"]}],
        [{"id": "x", "max_size": 1}, {"id": "y", "max_size": 1}],
        options={"language": "en"},
    ))  # fmt: skip
    loser = next(s for s, p in free.assignment.items() if p == "y")
    instance2 = _round(
        [{"id": "s1", "preferences": ["x", "y"]}, {"id": "s2", "preferences": ["x", "y"]}],
        [{"id": "x", "max_size": 1}, {"id": "y", "max_size": 1}],
        options={"language": "en"},
    )
    swap = counterfactual(instance2, free, loser, "x")
    assert swap.kind == "counterfactual"
    assert swap.params == {"moved": 1, "unplaced": 0}
    assert swap.text == (
        "Giving you this place would have moved 1 other student to a worse choice and left 0 "
        "without a place."
    )


def test_rank_maximal_rewards_first_choices_and_min_cost_spreads() -> None:
    # One student's first choice costs another student their only acceptable place.
    students = [
        {"id": "a", "preferences": ["x", "y", "z"]},
        {"id": "b", "preferences": ["y", "z", "x"]},
        {"id": "c", "preferences": ["y", "x", "z"]},
    ]
    projects = [{"id": p, "max_size": 1} for p in ("x", "y", "z")]
    rank_maximal = allocate(_round(students, projects))
    assert rank_maximal.profile[0] == 2
    assert engine.violations(_round(students, projects), rank_maximal.assignment) == []


def test_counted_words_take_the_singular_for_one() -> None:
    from transferraum.allocation.explain import message

    _, one = message("counterfactual", moved=1, unplaced=0)
    _, many = message("counterfactual", moved=3, unplaced=1)
    assert "moved 1 other student to" in one["en"]
    assert "1 andere Person auf" in one["de"]
    assert "moved 3 other students to" in many["en"]
    assert "3 andere Studierende auf" in many["de"]
    _, left = message("closed_too_few_left", chosen=1, left=0, needed=3)
    assert left["en"].startswith("closed: 1 student chose it")
    assert left["de"].startswith("geschlossen: 1 Person hat es gewählt")


def test_the_cyclic_collector_pauses_during_a_run_and_resumes_after_it() -> None:
    seen = []

    @without_cyclic_gc
    def work(fail: bool) -> None:
        seen.append(gc.isenabled())
        if fail:
            raise InstanceError("bad round")

    assert gc.isenabled()
    work(False)
    with pytest.raises(InstanceError):
        work(True)
    assert seen == [False, False]
    assert gc.isenabled()
    gc.disable()
    try:
        work(False)  # a caller that paused it itself keeps it paused
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_max_flow_counts_pinned_students_and_takes_their_places_off() -> None:
    """The network case checks "everyone can be placed" with a max flow before any LP."""
    one_place = {"id": "p", "max_size": 1}
    pinned = _round(
        [{"id": "a", "preferences": ["p", "q"]}, {"id": "b", "preferences": ["p"]}],
        [one_place, {"id": "q", "max_size": 1}],
        pins=[{"student": "a", "project": "p"}],
    )
    # a holds p's only place, so b cannot be placed: one of two.
    assert max_placed(prepare(pinned)) == 1
    free = dataclasses.replace(pinned, pins=())
    assert max_placed(prepare(free)) == 2  # a moves to q


def test_the_lottery_decides_among_answers_with_the_same_projects_open() -> None:
    """The lottery runs last, with the projects open or closed as the stages before left them;
    by brute force over every assignment: the answer has the highest lottery sum among those
    with the same rank profile, the same wanted-programme count and the same projects open, and
    the profile is the best of all with everyone placed."""
    # Seven students, one taste: who gets which place is a tie the wanted programme and the
    # lottery decide (p2 must open with two for everyone to be placed).
    students = [
        {"id": f"s{i}", "preferences": ["p0", "p1", "p2"], "programme": programme}
        for i, programme in enumerate(["Informatik", "Geographie"] * 3 + ["Informatik"])
    ]
    projects = [
        {"id": "p0", "min_size": 2, "max_size": 3, "wanted_programmes": ["Geographie"]},
        {"id": "p1", "min_size": 2, "max_size": 3},
        {"id": "p2", "min_size": 2, "max_size": 2},
    ]
    for seed in range(6):
        instance = _round(students, projects, options={"seed": seed})
        prep = prepare(instance)
        lottery = {
            (prep.students[prep.arc_student[a]].id, prep.projects[prep.arc_project[a]].id): w
            for a, w in enumerate(prep.lottery)
        }
        wanted = {
            (prep.students[prep.arc_student[a]].id, prep.projects[prep.arc_project[a]].id)
            for a in range(len(prep.lottery))
            if prep.wanted[a]
        }
        result = allocate(instance)
        assert result.optimal
        assert engine.violations(instance, result.assignment) == []

        def key(
            assignment: dict[str, str], instance: Any = instance, wanted: set[Any] = wanted
        ) -> tuple[Any, ...]:
            return (
                engine.profile_of(instance, assignment),
                sum(1 for pair in assignment.items() if pair in wanted),
                frozenset(assignment.values()),
            )

        feasible = []
        for choice in itertools.product(*[[None, *s["preferences"]] for s in students]):
            assignment = {s["id"]: p for s, p in zip(students, choice, strict=True) if p}
            if engine.violations(instance, assignment) == []:
                feasible.append(assignment)
        assert len(result.assignment) == max(len(a) for a in feasible) == len(students)
        best_profile = max(engine.profile_of(instance, a) for a in feasible if len(a) == 7)
        assert engine.profile_of(instance, result.assignment) == best_profile
        same = [a for a in feasible if key(a) == key(result.assignment)]
        best = max(sum(lottery[pair] for pair in a.items()) for a in same)
        assert sum(lottery[pair] for pair in result.assignment.items()) == pytest.approx(best)

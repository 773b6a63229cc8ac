"""The allocation in a round: the engine's input, runs, hand moves, publication."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core import mail
from django.utils import timezone, translation

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import StudyProgrammeFactory, UserFactory
from transferraum.actors.models import Competence, PersonProfile
from transferraum.allocation import engine
from transferraum.allocation.engine import AllocationError
from transferraum.challenges.models import Challenge
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.models import Activity
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import (
    AllocationRun,
    Assignment,
    Counterfactual,
    Project,
    Round,
)
from transferraum.projects.selectors.allocation import (
    allocation_board,
    counterfactual_answer,
    round_instance,
    student_result,
)
from transferraum.projects.services.allocation import (
    allocation_move,
    allocation_move_check,
    allocation_publish,
    allocation_start,
    allocation_swap,
    allocation_swap_check,
    counterfactual_execute,
    counterfactual_request,
)
from transferraum.projects.tasks.allocation import allocation_counterfactual
from transferraum.projects.tests.factories import (
    ProjectFactory,
    RoundFactory,
    StudentFactory,
    SupervisorCapacityFactory,
    SupervisorFactory,
    application_for,
    place,
)

P = Round.Phase


def build_round(
    *,
    projects: int = 3,
    students: int = 8,
    min_size: int = 2,
    max_size: int = 3,
    phase: str = P.ALLOCATION,
) -> SimpleNamespace:
    """A round whose students rank three projects each, first choices spread over the projects."""
    round = RoundFactory(phase=phase)
    supervisor = SupervisorFactory()
    items = [
        ProjectFactory(
            round=round,
            title=f"Projekt {chr(65 + i)}",
            min_team_size=min_size,
            max_team_size=max_size,
            supervisors=[supervisor],
        )
        for i in range(projects)
    ]
    people = [StudentFactory(name=f"Studentin {i:02d}") for i in range(students)]
    for i, student in enumerate(people):
        shift = i % len(items)
        application_for(student, (items[shift:] + items[:shift])[:3])
    return SimpleNamespace(round=round, projects=items, students=people, supervisor=supervisor)


def run_allocation(round, actor, capture, **kwargs) -> AllocationRun:
    with capture(execute=True):
        run = allocation_start(actor=actor, round=round, **kwargs)
    run.refresh_from_db()
    return run


def team_of(round, student) -> Project | None:
    return Assignment.objects.get(round=round, student=student).project


# --------------------------------------------------------------------------------------------
# The engine's input


@pytest.mark.django_db
def test_the_instance_holds_applicants_open_projects_and_round_options():
    data = build_round(projects=3, students=4)
    round = data.round
    round.max_programme_share = "0.60"
    round.work_with_weight = 2
    round.objective = Round.Objective.MIN_COST
    round.save()
    closed = ProjectFactory(round=round, status=Project.Status.CLOSED)
    outsider_project = ProjectFactory()  # another round
    first = data.students[0]
    first.study_programme = StudyProgrammeFactory(name="Geographie")
    first.save()
    gis = Competence.objects.create(slug="gis", label_de="GIS", label_en="GIS")
    PersonProfile.objects.create(user=first).competences.add(gis)
    a, b, c = data.projects
    a.required_competences.add(gis)
    a.wanted_programmes.add(first.study_programme)
    application = first.applications.get()
    application.work_with.add(data.students[1], UserFactory())  # the second is no applicant
    application.choices.create(project=closed, rank=4)

    instance = round_instance(round, seed=7)

    assert [s.id for s in instance.students] == [f"s{s.pk}" for s in data.students]
    s1 = instance.students[0]
    assert s1.preferences == (f"p{a.pk}", f"p{b.pk}", f"p{c.pk}")  # closed project dropped
    assert s1.programme == "Geographie"
    assert s1.competences == ("gis",)
    assert s1.work_with == (f"s{data.students[1].pk}",)
    assert instance.students[1].programme is None
    assert [p.id for p in instance.projects] == [f"p{p.pk}" for p in data.projects]
    assert f"p{outsider_project.pk}" not in {p.id for p in instance.projects}
    pa = instance.projects[0]
    assert (pa.min_size, pa.max_size) == (2, 3)
    assert pa.supervisors == (f"l{data.supervisor.pk}",)
    assert pa.required_competences == ("gis",)
    assert pa.wanted_programmes == ("Geographie",)
    options = instance.options
    assert options.objective == "min-cost"
    assert options.max_programme_share == pytest.approx(0.6)
    assert options.work_with_weight == 2
    assert options.seed == 7


@pytest.mark.django_db
def test_supervisors_without_capacity_take_any_number_and_capacities_count():
    data = build_round(projects=2, students=5)
    other = SupervisorFactory()
    data.projects[1].supervisors.add(other)
    SupervisorCapacityFactory(round=data.round, supervisor=other, capacity=2)

    capacities = {s.id: s.capacity for s in round_instance(data.round).supervisors}

    assert capacities == {f"l{data.supervisor.pk}": 5, f"l{other.pk}": 2}


@pytest.mark.django_db
def test_hand_moves_become_pins_or_exclusions():
    data = build_round(projects=3, students=3)
    a, b, c = data.projects
    s0, s1, s2 = data.students
    Assignment.objects.create(round=data.round, student=s0, project=b, pinned=True)
    Assignment.objects.create(round=data.round, student=s1, project=None, pinned=True)
    Assignment.objects.create(round=data.round, student=s2, project=a, pinned=False)
    extra = ProjectFactory(round=data.round, supervisors=[data.supervisor])
    s2_pin = Assignment.objects.get(student=s2)
    s2_pin.project, s2_pin.pinned = extra, True  # a project s2 did not rank
    s2_pin.save()

    instance = round_instance(data.round)

    assert {(p.student, p.project) for p in instance.pins} == {
        (f"s{s0.pk}", f"p{b.pk}"),
        (f"s{s2.pk}", f"p{extra.pk}"),
    }
    assert instance.students[2].preferences[-1] == f"p{extra.pk}"
    assert {e.project for e in instance.exclusions if e.student == f"s{s1.pk}"} == {
        f"p{a.pk}",
        f"p{b.pk}",
        f"p{c.pk}",
    }
    freed = round_instance(data.round, free_students={s0.pk})
    assert f"s{s0.pk}" not in {p.student for p in freed.pins}


@pytest.mark.django_db
def test_the_instance_takes_the_same_number_of_queries_for_few_and_many_projects(
    django_assert_num_queries,
):
    small = build_round(projects=2, students=3)
    large = build_round(projects=8, students=12)
    for data in (small, large):
        Assignment.objects.create(
            round=data.round, student=data.students[0], project=data.projects[0], pinned=True
        )
        data.students[0].applications.get().work_with.add(data.students[1])

    with django_assert_num_queries(10):
        round_instance(small.round)
    with django_assert_num_queries(10):
        round_instance(large.round)


# --------------------------------------------------------------------------------------------
# Runs


@pytest.mark.django_db
def test_a_run_places_students_and_stores_input_result_and_explanations(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round()

    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks, seed=3)

    assert run.status == AllocationRun.Status.DONE
    assert run.progress == 100
    assert run.finished_at is not None
    assert run.seed == 3
    assert run.objective == data.round.objective
    assert run.result["meta"]["seed"] == 3
    assert set(run.result["meta"]["solvers"]) == {"highspy", "ortools"}
    assert run.result["gap"] == 0
    assert len(run.instance["students"]) == 8
    rows = Assignment.objects.filter(round=data.round)
    assert rows.count() == 8
    assert all(row.project is not None and row.rank == 1 for row in rows)
    assert all(row.run_id == run.pk and not row.pinned for row in rows)
    entry = rows.first().explanation[-1]
    assert entry["kind"] == "assigned"
    assert entry["rank"] == 1
    assert isinstance(entry["project"], int)
    assert entry["texts"]["en"] == "You got your choice no. 1."
    assert entry["texts"]["de"] == "Sie haben Ihren 1. Wunsch erhalten."
    assert Activity.objects.filter(verb="allocation.started").exists()
    assert Activity.objects.get(verb="allocation.finished").data["placed"] == 8


@pytest.mark.django_db
def test_explanations_name_the_better_projects_and_their_reasons(
    coordinator, django_capture_on_commit_callbacks
):
    round = RoundFactory(phase=P.ALLOCATION)
    popular = ProjectFactory(round=round, title="Marktplatz", min_team_size=1, max_team_size=1)
    quiet = ProjectFactory(round=round, title="Bahnhof", min_team_size=1, max_team_size=3)
    first, second = StudentFactory(), StudentFactory()
    application_for(first, [popular, quiet])
    application_for(second, [popular, quiet])

    run_allocation(round, coordinator, django_capture_on_commit_callbacks)

    loser = Assignment.objects.get(round=round, project=quiet)
    assert loser.rank == 2
    why_not = loser.explanation[0]
    assert why_not["project"] == popular.pk
    assert why_not["rank"] == 1
    assert why_not["kind"] == "full_higher"
    assert why_not["texts"]["en"].startswith("full:")
    assert loser.explanation[-1]["texts"]["en"] == "You got your choice no. 2."


@pytest.mark.django_db
def test_closed_projects_and_unplaced_students_are_reported(
    coordinator, django_capture_on_commit_callbacks
):
    round = RoundFactory(phase=P.ALLOCATION)
    big = ProjectFactory(round=round, title="Groß", min_team_size=4, max_team_size=5)
    small = ProjectFactory(round=round, title="Klein", min_team_size=1, max_team_size=1)
    people = [StudentFactory() for _ in range(3)]
    for student in people:
        application_for(student, [big, small])

    run = run_allocation(round, coordinator, django_capture_on_commit_callbacks)

    closed = {c["project"]: c for c in run.result["closed_projects"]}
    assert closed[f"p{big.pk}"]["kind"] == "closed_too_few"
    assert len(run.result["unassigned"]) == 2
    unplaced = Assignment.objects.filter(round=round, project__isnull=True)
    assert unplaced.count() == 2
    assert all(row.explanation[0]["kind"] == "closed_too_few" for row in unplaced)


@pytest.mark.django_db
def test_progress_is_reported_step_by_step(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    data = build_round(students=3)
    seen = []
    real = engine.allocate

    def watching(instance, progress=None):
        def report(step):
            progress(step)
            run = AllocationRun.objects.get()
            seen.append((run.status, run.progress, run.progress_note))

        return real(instance, progress=report)

    monkeypatch.setattr(engine, "allocate", watching)

    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    assert seen == [
        ("running", 20, "Solving"),
        ("running", 75, "Writing the explanations"),
    ]


@pytest.mark.django_db
def test_an_engine_error_fails_the_run_with_a_readable_message_and_keeps_the_teams(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    data = build_round(students=3)
    place(data.students[0], data.projects[0])

    def broken(instance, progress=None):
        raise AllocationError("no feasible assignment within the time limit")

    monkeypatch.setattr(engine, "allocate", broken)

    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    assert run.status == AllocationRun.Status.FAILED
    assert run.error == "no feasible assignment within the time limit"
    assert run.finished_at is not None
    assert Assignment.objects.filter(round=data.round).count() == 1
    assert Activity.objects.filter(verb="allocation.failed").exists()


@pytest.mark.django_db
def test_contradicting_pins_fail_the_run_naming_the_project(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=4, max_size=3)
    target = data.projects[0]
    target.max_team_size = 1
    target.min_team_size = 1
    target.save()
    for student in data.students[:2]:  # two pins, one place
        Assignment.objects.create(round=data.round, student=student, project=target, pinned=True)

    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    assert run.status == AllocationRun.Status.FAILED
    assert "“Projekt A”" in run.error
    assert "'p" not in run.error


@pytest.mark.django_db
def test_a_run_is_refused_outside_the_allocation_phase_after_publication_and_without_applicants(
    coordinator,
):
    early = build_round(phase=P.APPLICATIONS)
    with pytest.raises(DomainError, match="allocation phase"):
        allocation_start(actor=coordinator, round=early.round)

    published = build_round()
    published.round.published_at = timezone.now()
    published.round.save()
    with pytest.raises(DomainError, match="published"):
        allocation_start(actor=coordinator, round=published.round)

    empty = RoundFactory(phase=P.ALLOCATION)
    with pytest.raises(DomainError, match="No student"):
        allocation_start(actor=coordinator, round=empty)
    assert not AllocationRun.objects.exists()


@pytest.mark.django_db
def test_a_second_run_is_refused_while_one_is_going_on_until_its_worker_is_lost(coordinator):
    from transferraum.projects.services.allocation import allocation_task_stopped

    data = build_round(students=3)
    first = allocation_start(actor=coordinator, round=data.round)  # no commit: stays queued
    AllocationRun.objects.filter(pk=first.pk).update(
        updated_at=timezone.now() - dt.timedelta(hours=1)
    )

    # Old age alone stops nothing any more: only the task's heartbeat says a worker was lost.
    with pytest.raises(DomainError, match="still going on"):
        allocation_start(actor=coordinator, round=data.round)

    allocation_task_stopped(run_id=first.pk, lost=True, retrying=False)
    second = allocation_start(actor=coordinator, round=data.round)

    first.refresh_from_db()
    assert first.status == AllocationRun.Status.FAILED
    assert first.stopped
    assert second.status == AllocationRun.Status.QUEUED


@pytest.mark.django_db
def test_a_run_whose_worker_was_lost_waits_again_when_retried_and_then_finishes(
    coordinator, django_capture_on_commit_callbacks
):
    from transferraum.projects.services.allocation import (
        allocation_execute,
        allocation_task_stopped,
    )

    data = build_round(students=4)
    run = allocation_start(actor=coordinator, round=data.round)
    AllocationRun.objects.filter(pk=run.pk).update(status=AllocationRun.Status.RUNNING, progress=20)

    waiting = allocation_task_stopped(run_id=run.pk, lost=True, retrying=True)

    assert waiting.status == AllocationRun.Status.QUEUED
    assert waiting.progress == 0
    assert "start again" in waiting.progress_note
    finished = allocation_execute(run_id=run.pk)
    assert finished.status == AllocationRun.Status.DONE
    assert Assignment.objects.filter(round=data.round, run=run).count() == 4


@pytest.mark.django_db
def test_a_finished_run_is_left_alone_when_its_task_is_reported_stopped(
    coordinator, django_capture_on_commit_callbacks
):
    from transferraum.projects.services.allocation import allocation_task_stopped

    data = build_round(students=3)
    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    again = allocation_task_stopped(run_id=run.pk, lost=True, retrying=False)

    assert again.status == AllocationRun.Status.DONE
    assert allocation_task_stopped(run_id=run.pk + 1000, lost=True, retrying=True) is None


@pytest.mark.django_db
def test_a_run_whose_task_raised_fails_as_unexpected(coordinator):
    from transferraum.projects.services.allocation import allocation_task_stopped

    data = build_round(students=3)
    run = allocation_start(actor=coordinator, round=data.round)

    failed = allocation_task_stopped(run_id=run.pk, lost=False, retrying=False)

    assert failed.status == AllocationRun.Status.FAILED
    assert "unexpected error" in failed.error
    assert set(failed.result["error_texts"]) == {"de", "en"}
    assert Activity.objects.filter(verb="allocation.failed").count() == 1


@pytest.mark.django_db
def test_a_run_delivered_twice_runs_once(coordinator, django_capture_on_commit_callbacks):
    from transferraum.projects.services.allocation import allocation_execute

    data = build_round(students=3)
    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    finished = run.finished_at

    again = allocation_execute(run_id=run.pk)

    assert again.status == AllocationRun.Status.DONE
    assert again.finished_at == finished


@pytest.mark.django_db
def test_runs_are_numbered_within_their_round(coordinator, django_capture_on_commit_callbacks):
    first_round = build_round(students=3)
    second_round = build_round(students=3)

    runs = [
        run_allocation(first_round.round, coordinator, django_capture_on_commit_callbacks),
        run_allocation(first_round.round, coordinator, django_capture_on_commit_callbacks),
        run_allocation(second_round.round, coordinator, django_capture_on_commit_callbacks),
    ]

    assert [run.number for run in runs] == [1, 2, 1]
    assert str(runs[2]).endswith("#1")


@pytest.mark.django_db
def test_a_run_number_is_unique_in_its_round(coordinator, django_capture_on_commit_callbacks):
    from django.db import IntegrityError, transaction

    data = build_round(students=3)
    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    with pytest.raises(IntegrityError), transaction.atomic():
        AllocationRun.objects.create(round=data.round, number=run.number, objective=run.objective)


@pytest.mark.django_db
def test_the_migration_numbers_existing_runs_per_round_in_their_order(
    coordinator, django_capture_on_commit_callbacks
):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "transferraum.projects.migrations.0004_allocation_run_number"
    )
    rounds = [build_round(students=3).round, build_round(students=3).round]
    runs = [
        run_allocation(round, coordinator, django_capture_on_commit_callbacks)
        for round in (rounds[0], rounds[1], rounds[0])
    ]
    for offset, run in enumerate(runs):  # as numbered across rounds before
        AllocationRun.objects.filter(pk=run.pk).update(number=100 + offset)

    migration.number_runs(apps, None)

    assert [AllocationRun.objects.get(pk=run.pk).number for run in runs] == [1, 1, 2]


# --------------------------------------------------------------------------------------------
# Permissions


def _persona(request, name):
    return request.getfixturevalue(name)


REFUSED = ["student_geography", "officer_eilenburg", "researcher", "outsider", "supervisor"]


@pytest.fixture
def supervisor(db) -> User:
    return SupervisorFactory()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", REFUSED)
@pytest.mark.parametrize("action", ["start", "move", "swap", "publish"])
def test_only_coordinators_allocate(request, persona, action):
    data = build_round(students=3)
    actor = _persona(request, persona)
    calls = {
        "start": lambda: allocation_start(actor=actor, round=data.round),
        "move": lambda: allocation_move(
            actor=actor,
            round=data.round,
            student=data.students[0],
            project=data.projects[1],
            confirm=True,
        ),
        "swap": lambda: allocation_swap(
            actor=actor,
            round=data.round,
            student=data.students[0],
            other=data.students[1],
            confirm=True,
        ),
        "publish": lambda: allocation_publish(actor=actor, round=data.round),
    }
    with pytest.raises(PermissionDenied):
        calls[action]()
    assert not AllocationRun.objects.exists()
    assert not Assignment.objects.exists()
    assert Round.objects.get(pk=data.round.pk).published_at is None


# --------------------------------------------------------------------------------------------
# Moving by hand


@pytest.mark.django_db
def test_a_move_that_overfills_a_team_is_refused_even_when_confirmed(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=9, max_size=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    student = Assignment.objects.filter(round=data.round).exclude(project=data.projects[0])[0]

    problems = allocation_move_check(
        round=data.round, student=student.student, project=data.projects[0]
    )
    assert [p.kind for p in problems if p.blocking] == ["max_size"]
    assert "“Projekt A” would have 4 members, but takes at most 3." in [p.message for p in problems]
    with pytest.raises(DomainError, match="at most 3") as error:
        allocation_move(
            actor=coordinator,
            round=data.round,
            student=student.student,
            project=data.projects[0],
            confirm=True,
        )
    assert error.value.field == "project"
    student.refresh_from_db()
    assert not student.pinned
    assert not Activity.objects.filter(verb="allocation.moved").exists()


@pytest.mark.django_db
def test_broken_rules_are_listed_and_need_confirmation(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=6, min_size=2, max_size=3)
    a, b, c = data.projects
    gis = Competence.objects.create(slug="gis", label_de="GIS", label_en="GIS")
    SupervisorCapacityFactory(round=data.round, supervisor=data.supervisor, capacity=6)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    extra = ProjectFactory(round=data.round, title="Neu", min_team_size=2, max_team_size=3)
    extra.required_competences.add(gis)
    busy = SupervisorFactory(name="Prof. Dr. Voll")
    extra.supervisors.set([busy])
    SupervisorCapacityFactory(round=data.round, supervisor=busy, capacity=0)
    student = Assignment.objects.filter(round=data.round, project=a)[0].student

    problems = allocation_move_check(round=data.round, student=student, project=extra)

    kinds = {p.kind for p in problems}
    assert kinds == {"not_ranked", "min_size", "competence", "capacity"}
    assert not any(p.blocking for p in problems)
    messages = " ".join(p.message for p in problems)
    assert "did not rank “Neu”" in messages
    assert "“Projekt A” would have only 1 members; it needs at least 2." in messages
    assert "“Neu” would have only 1 members" in messages
    assert "required competence GIS" in messages
    assert (
        "Prof. Dr. Voll would supervise 1 students; their capacity in this round is 0" in messages
    )
    with pytest.raises(DomainError, match="confirm") as error:
        allocation_move(
            actor=coordinator, round=data.round, student=student, project=extra, confirm=False
        )
    assert error.value.field == "confirm"
    assert team_of(data.round, student) == a

    moved = allocation_move(
        actor=coordinator, round=data.round, student=student, project=extra, confirm=True
    )

    assert moved.project == extra
    assert moved.pinned
    assert moved.rank is None
    assert moved.explanation[-1]["kind"] == "pinned"
    activity = Activity.objects.get(verb="allocation.moved")
    assert activity.data["from"] == a.pk
    assert activity.data["to"] == extra.pk
    assert set(activity.data["broken"]) == kinds


@pytest.mark.django_db
def test_a_move_within_the_rules_needs_no_confirmation_and_is_kept_by_a_rerun(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=6, min_size=1, max_size=3)
    a, b, c = data.projects
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    student = Assignment.objects.filter(round=data.round, project=a)[0].student
    third_choice = student.applications.get().choices.get(rank=3).project

    assert allocation_move_check(round=data.round, student=student, project=third_choice) == []
    moved = allocation_move(
        actor=coordinator, round=data.round, student=student, project=third_choice, confirm=False
    )
    assert moved.rank == 3
    assert [e["kind"] for e in moved.explanation] == ["pinned", "pinned", "assigned"]

    rerun = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    kept = Assignment.objects.get(round=data.round, student=student)
    assert kept.project == third_choice
    assert kept.pinned
    assert kept.run == rerun
    assert rerun.instance["pins"] == [
        {"student": f"s{student.pk}", "project": f"p{third_choice.pk}"}
    ]
    assert Assignment.objects.filter(round=data.round).count() == 6


@pytest.mark.django_db
def test_a_student_taken_out_stays_out_after_a_rerun(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=3, students=6, min_size=1, max_size=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    student = data.students[0]

    allocation_move(
        actor=coordinator, round=data.round, student=student, project=None, confirm=True
    )
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    row = Assignment.objects.get(round=data.round, student=student)
    assert row.project is None
    assert row.pinned


@pytest.mark.django_db
def test_moves_are_refused_for_strangers_other_rounds_and_after_publication(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(students=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    stranger = StudentFactory()
    with pytest.raises(DomainError, match="not applied"):
        allocation_move(
            actor=coordinator,
            round=data.round,
            student=stranger,
            project=data.projects[0],
            confirm=True,
        )
    elsewhere = ProjectFactory()
    with pytest.raises(DomainError, match="not an open project"):
        allocation_move(
            actor=coordinator,
            round=data.round,
            student=data.students[0],
            project=elsewhere,
            confirm=True,
        )
    allocation_publish(actor=coordinator, round=data.round)
    with pytest.raises(DomainError, match="published"):
        allocation_move(
            actor=coordinator,
            round=data.round,
            student=data.students[0],
            project=data.projects[1],
            confirm=True,
        )


@pytest.mark.django_db
def test_moves_wait_for_a_running_allocation(coordinator):
    data = build_round(students=3)
    allocation_start(actor=coordinator, round=data.round)  # stays queued without a commit

    with pytest.raises(DomainError, match="still going on"):
        allocation_move(
            actor=coordinator,
            round=data.round,
            student=data.students[0],
            project=data.projects[1],
            confirm=True,
        )


@pytest.mark.django_db
def test_the_rank_profile_shares_are_of_all_placed_students_after_a_hand_move(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=4, students=4, min_size=1)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    unranked = data.projects[3]  # Studentin 00 ranked A, B and C
    allocation_move(
        actor=coordinator,
        round=data.round,
        student=data.students[0],
        project=unranked,
        confirm=True,
    )

    board = allocation_board(data.round)

    assert (board.placed, board.unranked) == (4, 1)
    first, *others = board.profile
    assert (first.rank, first.count, first.share) == (1, 3, 75)  # not 3 of 3 = 100 %
    assert all(bar.share == 0 for bar in others)
    assert board.unranked_share == 25


def _place(round, student):
    return Assignment.objects.get(round=round, student=student)


@pytest.mark.django_db
def test_a_swap_puts_a_student_into_a_full_team_in_one_step(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=2, students=4, min_size=1, max_size=2)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    full_a, full_b = data.projects
    student = Assignment.objects.filter(round=data.round, project=full_a)[0].student
    other = Assignment.objects.filter(round=data.round, project=full_b)[0].student
    assert allocation_move_check(round=data.round, student=student, project=full_b)[0].blocking

    assert allocation_swap_check(round=data.round, student=student, other=other) == []
    allocation_swap(
        actor=coordinator, round=data.round, student=student, other=other, confirm=False
    )

    mine, theirs = _place(data.round, student), _place(data.round, other)
    assert (mine.project, theirs.project) == (full_b, full_a)
    assert mine.pinned and theirs.pinned
    assert mine.rank is not None and theirs.rank is not None
    assert Assignment.objects.filter(round=data.round, project=full_b).count() == 2
    activity = Activity.objects.get(verb="allocation.swapped")
    assert activity.data["student"] == student.pk and activity.data["other"] == other.pk


@pytest.mark.django_db
def test_a_swap_shows_every_broken_rule_and_needs_confirmation(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=4, students=4, min_size=1, max_size=1)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    student = data.students[0]  # ranked A, B and C, not D
    other = Assignment.objects.get(round=data.round, project=data.projects[3]).student
    before = {a.student_id: a.project_id for a in Assignment.objects.filter(round=data.round)}

    problems = allocation_swap_check(round=data.round, student=student, other=other)
    assert [p.kind for p in problems] == ["not_ranked"]
    assert problems[0].message == f"{student} did not rank “Projekt D”."
    with pytest.raises(DomainError, match="confirm") as error:
        allocation_swap(
            actor=coordinator, round=data.round, student=student, other=other, confirm=False
        )
    assert error.value.field == "confirm"
    assert {
        a.student_id: a.project_id for a in Assignment.objects.filter(round=data.round)
    } == before

    allocation_swap(actor=coordinator, round=data.round, student=student, other=other, confirm=True)
    assert _place(data.round, student).project == data.projects[3]
    assert _place(data.round, student).rank is None


@pytest.mark.django_db
def test_a_student_without_a_team_swaps_into_a_full_one(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(projects=2, students=5, min_size=1, max_size=2)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    outside = Assignment.objects.get(round=data.round, project__isnull=True).student
    other = Assignment.objects.filter(round=data.round, project=data.projects[0])[0].student

    allocation_swap(actor=coordinator, round=data.round, student=outside, other=other, confirm=True)

    assert _place(data.round, outside).project == data.projects[0]
    assert _place(data.round, other).project is None
    assert _place(data.round, other).pinned  # later runs keep them out


@pytest.mark.django_db
def test_swaps_that_are_no_swaps_are_refused(coordinator, django_capture_on_commit_callbacks):
    data = build_round(projects=2, students=5, min_size=1, max_size=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    team = list(Assignment.objects.filter(round=data.round, project=data.projects[0]))
    Assignment.objects.filter(pk=team[0].pk).update(project=None)
    outside, mate, fellow = team[0].student, team[1].student, team[2].student

    for student, other, message in [
        (mate, mate, "two different students"),
        (mate, fellow, "same team"),
        (mate, outside, "no team to swap with"),
    ]:
        with pytest.raises(DomainError, match=message):
            allocation_swap(
                actor=coordinator, round=data.round, student=student, other=other, confirm=True
            )
    assert not Assignment.objects.filter(round=data.round, pinned=True).exists()


# --------------------------------------------------------------------------------------------
# Publication


@pytest.mark.django_db
def test_publication_starts_staffed_projects_closes_the_others_and_tells_everyone(
    coordinator, django_capture_on_commit_callbacks, owner_zeitz
):
    data = build_round(projects=3, students=4, min_size=2, max_size=3)
    a, b, c = data.projects
    # four students: two rank A first, two rank B first; nobody needs C
    for student in data.students:
        student.applications.all().delete()
    for student in data.students[:2]:
        application_for(student, [a, b, c])
    for student in data.students[2:]:
        application_for(student, [b, a, c])
    lonely = StudentFactory(language="en")
    lonely_project = ProjectFactory(round=data.round, title="Allein", min_team_size=3)
    application_for(lonely, [lonely_project])
    a.partner_contacts.add(owner_zeitz)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        allocation_publish(actor=coordinator, round=data.round)

    data.round.refresh_from_db()
    assert data.round.published_at is not None
    statuses = {p.title: p.status for p in Project.objects.filter(round=data.round)}
    assert statuses == {
        "Projekt A": Project.Status.RUNNING,
        "Projekt B": Project.Status.RUNNING,
        "Projekt C": Project.Status.CLOSED,
        "Allein": Project.Status.CLOSED,
    }
    a.challenge.refresh_from_db()
    c.challenge.refresh_from_db()
    # The challenges move on when the work phase starts (test_rounds_services), not yet.
    assert a.challenge.status == Challenge.Status.PUBLISHED
    assert c.challenge.status == Challenge.Status.PUBLISHED
    recipients = {m.to[0]: m for m in mail.outbox}
    assert len(recipients) == len(mail.outbox) == 7  # five students, supervisor, partner
    for student in data.students:
        assert "Projekt" in recipients[student.email].subject
    assert recipients[lonely.email].subject.startswith("[Transferraum] No place for you yet")
    assert "coordinators will contact you" in recipients[lonely.email].body
    assert "Projekt A" in recipients[data.supervisor.email].body
    assert "Projekt A" in recipients[owner_zeitz.email].body
    assert Activity.objects.filter(verb="allocation.published").exists()


@pytest.mark.django_db
def test_the_placed_student_mail_carries_the_explanation_in_their_language(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(students=6)
    english = data.students[0]
    english.language = "en"
    english.save()
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        allocation_publish(actor=coordinator, round=data.round)

    message = next(m for m in mail.outbox if m.to == [english.email])
    assert "You will work in the project “Projekt A”. You got your choice no. 1." in message.body
    german = next(m for m in mail.outbox if m.to == [data.students[1].email])
    assert "Sie haben Ihren 1. Wunsch erhalten." in german.body


@pytest.mark.django_db
def test_publication_needs_a_finished_newest_run_and_happens_once(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(students=3)
    with pytest.raises(DomainError, match="finished allocation run"):
        allocation_publish(actor=coordinator, round=data.round)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    AllocationRun.objects.create(
        round=data.round, number=2, objective="rank-maximal", status=AllocationRun.Status.FAILED
    )
    with pytest.raises(DomainError, match="finished allocation run"):
        allocation_publish(actor=coordinator, round=data.round)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    with notifications_suppressed():
        allocation_publish(actor=coordinator, round=data.round)

    with pytest.raises(DomainError, match="published already"):
        allocation_publish(actor=coordinator, round=data.round)
    assert Activity.objects.filter(verb="allocation.published").count() == 1


@pytest.mark.django_db
def test_publication_is_refused_outside_the_allocation_phase(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(students=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    Round.objects.filter(pk=data.round.pk).update(phase=P.WORK)
    data.round.refresh_from_db()

    with pytest.raises(DomainError, match="allocation phase"):
        allocation_publish(actor=coordinator, round=data.round)


@pytest.mark.django_db
def test_publication_sends_nothing_when_notifications_are_suppressed(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(students=3)
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), notifications_suppressed():
        allocation_publish(actor=coordinator, round=data.round)

    assert mail.outbox == []


# --------------------------------------------------------------------------------------------
# The student's result


@pytest.mark.django_db
def test_the_student_result_follows_publication(coordinator, django_capture_on_commit_callbacks):
    data = build_round(students=6)
    student = data.students[0]
    assert student_result(data.round, StudentFactory()).state == "no_application"
    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    assert student_result(data.round, student).state == "not_published"

    with notifications_suppressed():
        round = allocation_publish(actor=coordinator, round=data.round)

    outcome = student_result(round, student)
    assert outcome.state == "placed"
    assert outcome.project == data.projects[0]
    with translation.override("de"):
        assert student_result(round, student).assigned_text == "Sie haben Ihren 1. Wunsch erhalten."
    assert outcome.assigned_text == "You got your choice no. 1."
    assert outcome.first_choice is None


def contested_round(coordinator, capture) -> tuple[Round, User, Project, Project]:
    """Two students want the one place of "Marktplatz"; the loser gets "Bahnhof"."""
    round = RoundFactory(phase=P.ALLOCATION)
    popular = ProjectFactory(round=round, title="Marktplatz", min_team_size=1, max_team_size=1)
    quiet = ProjectFactory(round=round, title="Bahnhof", min_team_size=1, max_team_size=3)
    first, second = StudentFactory(), StudentFactory()
    application_for(first, [popular, quiet])
    application_for(second, [popular, quiet])
    run_allocation(round, coordinator, capture)
    with notifications_suppressed():
        round = allocation_publish(actor=coordinator, round=round)
    loser = Assignment.objects.get(round=round, project=quiet).student
    return round, loser, popular, quiet


ANSWER = (
    "Giving you this place would have moved 1 other student to a worse choice and left "
    "0 without a place."
)


@pytest.mark.django_db
def test_the_counterfactual_counts_the_students_a_first_choice_would_have_moved(
    coordinator, django_capture_on_commit_callbacks
):
    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)

    outcome = student_result(round, loser)
    with django_capture_on_commit_callbacks(execute=True):
        question = counterfactual_request(actor=loser, round=round)

    question.refresh_from_db()
    assert outcome.first_choice == popular
    assert outcome.reasons[0].project == popular
    assert question.status == Counterfactual.Status.DONE
    assert question.project == popular
    assert question.run == AllocationRun.objects.get(round=round)
    assert question.texts["en"] == ANSWER
    assert question.texts["de"].startswith("Ihnen diesen Platz zu geben, hätte 1 andere")
    assert counterfactual_answer(round, loser).state == "done"
    assert counterfactual_answer(round, loser).text == ANSWER


@pytest.mark.django_db
def test_the_counterfactual_is_computed_in_the_background_not_in_the_request(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    from transferraum.allocation import explain

    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    calls = []
    solve = explain.counterfactual
    monkeypatch.setattr(explain, "counterfactual", lambda *args: calls.append(args) or solve(*args))

    with django_capture_on_commit_callbacks() as callbacks:
        question = counterfactual_request(actor=loser, round=round)

    assert calls == []  # nothing solved while the student waits for the page
    assert question.status == Counterfactual.Status.QUEUED
    assert counterfactual_answer(round, loser).state == "pending"
    assert len(callbacks) == 1  # the task, enqueued after the commit
    callbacks[0]()
    assert len(calls) == 1
    assert Counterfactual.objects.get().status == Counterfactual.Status.DONE


@pytest.mark.django_db
def test_the_counterfactual_is_computed_once_per_run_and_student(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    from transferraum.allocation import explain

    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    calls = []
    solve = explain.counterfactual
    monkeypatch.setattr(explain, "counterfactual", lambda *args: calls.append(args) or solve(*args))

    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            counterfactual_request(actor=loser, round=round)

    assert len(calls) == 1
    assert Counterfactual.objects.count() == 1


@pytest.mark.django_db
def test_a_counterfactual_task_delivered_twice_computes_once(
    coordinator, django_capture_on_commit_callbacks
):
    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        question = counterfactual_request(actor=loser, round=round)
    Counterfactual.objects.filter(pk=question.pk).update(texts={"en": "kept", "de": "kept"})

    allocation_counterfactual.enqueue(question.pk)  # the test backend runs it at once

    assert counterfactual_execute(counterfactual_id=question.pk).texts["en"] == "kept"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (AllocationError("phase rank: no feasible assignment found in time"), "time"),
        (RuntimeError("solver crashed"), "unexpected"),
    ],
)
def test_a_counterfactual_without_an_answer_fails_kindly_and_may_be_asked_again(
    coordinator, django_capture_on_commit_callbacks, monkeypatch, error, failure
):
    from transferraum.allocation import explain

    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    solve = explain.counterfactual

    def gives_up(*args):
        raise error

    monkeypatch.setattr(explain, "counterfactual", gives_up)
    with django_capture_on_commit_callbacks(execute=True):
        counterfactual_request(actor=loser, round=round)

    answer = counterfactual_answer(round, loser)
    assert (answer.state, answer.failure) == ("failed", failure)

    monkeypatch.setattr(explain, "counterfactual", solve)
    with django_capture_on_commit_callbacks(execute=True):
        counterfactual_request(actor=loser, round=round)

    assert counterfactual_answer(round, loser).text == ANSWER
    assert Counterfactual.objects.count() == 1


@pytest.mark.django_db
def test_a_counterfactual_of_a_run_without_input_has_no_answer(
    coordinator, django_capture_on_commit_callbacks
):
    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    AllocationRun.objects.filter(round=round).update(instance={})

    with django_capture_on_commit_callbacks(execute=True):
        counterfactual_request(actor=loser, round=round)

    answer = counterfactual_answer(round, loser)
    assert (answer.state, answer.failure) == ("failed", "no_answer")


@pytest.mark.django_db
def test_a_counterfactual_whose_worker_was_lost_is_asked_again(
    coordinator, django_capture_on_commit_callbacks
):
    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks():  # the task never runs
        question = counterfactual_request(actor=loser, round=round)
    assert counterfactual_answer(round, loser).state == "pending"
    Counterfactual.objects.filter(pk=question.pk).update(
        status=Counterfactual.Status.RUNNING,
        updated_at=timezone.now() - dt.timedelta(minutes=11),
    )

    assert counterfactual_answer(round, loser).state == "failed"
    with django_capture_on_commit_callbacks(execute=True):
        counterfactual_request(actor=loser, round=round)

    assert counterfactual_answer(round, loser).text == ANSWER


@pytest.mark.django_db
def test_a_new_run_asks_the_counterfactual_anew(coordinator, django_capture_on_commit_callbacks):
    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        counterfactual_request(actor=loser, round=round)
    old_run = AllocationRun.objects.get(round=round)
    new_run = AllocationRun.objects.create(
        round=round,
        number=old_run.number + 1,
        objective=old_run.objective,
        status=AllocationRun.Status.DONE,
        instance=old_run.instance,
        result=old_run.result,
    )
    Assignment.objects.filter(round=round).update(run=new_run)

    assert counterfactual_answer(round, loser).state == "ask"
    with django_capture_on_commit_callbacks(execute=True):
        counterfactual_request(actor=loser, round=round)

    assert set(Counterfactual.objects.values_list("run_id", flat=True)) == {
        old_run.pk,
        new_run.pk,
    }


@pytest.mark.django_db
def test_the_counterfactual_is_refused_to_those_who_have_nothing_to_compare(
    coordinator, django_capture_on_commit_callbacks
):
    round, loser, popular, quiet = contested_round(coordinator, django_capture_on_commit_callbacks)
    winner = Assignment.objects.get(round=round, project=popular).student

    with pytest.raises(DomainError, match="You got your first choice"):
        counterfactual_request(actor=winner, round=round)
    with pytest.raises(DomainError, match="only asked for a place in a team"):
        counterfactual_request(actor=StudentFactory(), round=round)
    Round.objects.filter(pk=round.pk).update(published_at=None)
    round.refresh_from_db()
    with pytest.raises(DomainError, match="not published"):
        counterfactual_request(actor=loser, round=round)
    assert not Counterfactual.objects.exists()


# --------------------------------------------------------------------------------------------
# Review findings: withdrawals, reopening, late runs, errors in every language


@pytest.mark.django_db
def test_a_run_drops_rows_of_students_who_no_longer_apply_even_pinned_ones(
    coordinator, django_capture_on_commit_callbacks
):
    data = build_round(students=6)
    leaver = data.students[0]
    Assignment.objects.create(
        round=data.round, student=leaver, project=data.projects[0], pinned=True
    )
    leaver.applications.all().delete()

    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    assert not Assignment.objects.filter(round=data.round, student=leaver).exists()
    assert Assignment.objects.filter(round=data.round).count() == 5


@pytest.mark.django_db
def test_publication_needs_a_run_after_the_last_change_of_applications(
    coordinator, django_capture_on_commit_callbacks
):
    from transferraum.core.services import activity_record

    data = build_round(students=6)
    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    AllocationRun.objects.filter(pk=run.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=5)
    )
    activity_record(actor=coordinator, verb="round.reopened", target=data.round)

    with pytest.raises(DomainError, match="changed after the last run"):
        allocation_publish(actor=coordinator, round=data.round)

    run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    late = StudentFactory()
    application_for(late, data.projects[:1])
    AllocationRun.objects.filter(round=data.round).update(
        created_at=timezone.now() - dt.timedelta(minutes=1)
    )
    with pytest.raises(DomainError, match="changed after the last run"):
        allocation_publish(actor=coordinator, round=data.round)
    assert Round.objects.get(pk=data.round.pk).published_at is None


@pytest.mark.django_db
def test_a_run_finishing_after_publication_leaves_the_teams_alone(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    data = build_round(students=6)
    first = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)
    teams = dict(Assignment.objects.filter(round=data.round).values_list("student", "project"))
    real = engine.allocate

    def publish_meanwhile(instance, progress=None):
        result = real(instance, progress=progress)
        Round.objects.filter(pk=data.round.pk).update(published_at=timezone.now())
        return result

    monkeypatch.setattr(engine, "allocate", publish_meanwhile)
    Assignment.objects.filter(round=data.round, pinned=False).update(run=first)

    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks, seed=3)

    assert run.status == AllocationRun.Status.FAILED
    assert "published before this run finished" in run.error
    assert dict(Assignment.objects.filter(round=data.round).values_list("student", "project")) == (
        teams
    )
    assert not Assignment.objects.filter(run=run).exists()


@pytest.mark.django_db
def test_a_run_stopped_as_stale_meanwhile_saves_nothing(
    coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    data = build_round(students=6)
    real = engine.allocate

    def stopped_meanwhile(instance, progress=None):
        result = real(instance, progress=progress)
        AllocationRun.objects.filter(round=data.round).update(status=AllocationRun.Status.FAILED)
        return result

    monkeypatch.setattr(engine, "allocate", stopped_meanwhile)

    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    assert run.status == AllocationRun.Status.FAILED
    assert not Assignment.objects.filter(round=data.round).exists()


@pytest.mark.django_db
def test_any_exception_fails_the_run_with_a_message_in_every_language(
    coordinator, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    data = build_round(students=3)

    def broken(instance, progress=None):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(engine, "allocate", broken)

    run = run_allocation(data.round, coordinator, django_capture_on_commit_callbacks)

    assert run.status == AllocationRun.Status.FAILED
    assert run.finished_at is not None
    assert "unexpected error" in run.error
    assert set(run.result["error_texts"]) == {"de", "en"}
    assert "unexpected error" in run.result["error_texts"]["en"]
    assert "ZeroDivisionError" in caplog.text


@pytest.mark.django_db
def test_run_errors_are_shown_in_the_viewers_language(coordinator, monkeypatch):
    from django.utils import translation

    from transferraum.projects.selectors.allocation import run_error
    from transferraum.projects.services import allocation as services

    data = build_round(students=3)
    run = AllocationRun.objects.create(
        round=data.round, number=1, objective="rank-maximal", status=AllocationRun.Status.RUNNING
    )
    AllocationRun.objects.filter(pk=run.pk).update(
        updated_at=timezone.now() - dt.timedelta(hours=1)
    )
    monkeypatch.setattr(
        services, "error_texts", lambda message, **params: {"de": "Deutsch", "en": message}
    )

    services.allocation_task_stopped(run_id=run.pk, lost=True, retrying=False)

    run.refresh_from_db()
    assert run.status == AllocationRun.Status.FAILED
    with translation.override("de"):
        assert run_error(run) == "Deutsch"
    with translation.override("en"):
        assert run_error(run) == "The background worker stopped before the run finished."


@pytest.mark.django_db
def test_team_size_counts_the_places_given_by_project():
    """One subquery counts a team, for the showcase (every place) and the allocation board
    (the round's applicants only: a place left by someone who withdrew does not count)."""
    from transferraum.projects.models import Application, Assignment, Project
    from transferraum.projects.selectors.allocation import board_teams
    from transferraum.projects.selectors.rounds import team_size

    project = ProjectFactory()
    empty = ProjectFactory(round=project.round)
    applicant, withdrawn = StudentFactory(), StudentFactory()
    Application.objects.create(round=project.round, student=applicant, submitted_at=timezone.now())
    for student in (applicant, withdrawn):
        Assignment.objects.create(round=project.round, student=student, project=project)

    def sizes(places=None) -> dict[int, int]:
        projects = Project.objects.filter(round=project.round)
        return dict(projects.annotate(n=team_size(places)).values_list("pk", "n"))

    assert sizes() == {project.pk: 2, empty.pk: 0}
    only_applicant = Assignment.objects.filter(student=applicant)
    assert sizes(only_applicant) == {project.pk: 1, empty.pk: 0}
    assert [(p, p.member_count) for p in board_teams(project.round)] == [(project, 1)]

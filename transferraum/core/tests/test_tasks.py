"""Background tasks that survive their worker: every task declares whether it may be retried,
the reaper retries or fails tasks whose heartbeat stopped, effects happen once per task."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from types import ModuleType

import pytest
from django.apps import apps
from django.core.management import get_commands
from django.utils import timezone
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult

from transferraum.core.models import TaskEffect, TaskHeartbeat
from transferraum.core.tasks import (
    POLICIES,
    TaskFailure,
    effect_once,
    heartbeat_beat,
    heartbeat_interval,
    heartbeat_start,
    lost_after,
    task,
    tasks_reap,
)
from transferraum.core.testing import task_attempt

# --- every task declares -----------------------------------------------------------------------


def _tasks_modules() -> list[ModuleType]:
    """Every app's `tasks` module, and each module of a `tasks` package."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("transferraum."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tasks")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.tasks":
                raise
            continue
        found.append(module)
        found.extend(
            importlib.import_module(f"{module.__name__}.{info.name}")
            for info in pkgutil.iter_modules(getattr(module, "__path__", []))
        )
    return found


def _registered_tasks() -> dict[str, Task]:
    return {
        value.module_path: value
        for module in _tasks_modules()
        for value in vars(module).values()
        if isinstance(value, Task) and value.func.__module__ == module.__name__
    }


def test_every_task_declares_whether_it_may_be_retried():
    found = _registered_tasks()

    assert len(found) >= 11, sorted(found)  # the walk reaches every app's tasks
    undeclared = sorted(path for path in found if path not in POLICIES)
    assert not undeclared, (
        "Declare with transferraum.core.tasks.task(retry=…) whether these may run again: "
        f"{undeclared}"
    )


def test_the_declarations_say_what_the_issue_asks():
    allocation = POLICIES["transferraum.projects.tasks.allocation.allocation_run"]
    assert allocation.retry and allocation.max_attempts == 2 and allocation.on_failure
    mail = POLICIES["transferraum.actors.tasks.invitation_send_email"]
    assert mail.retry and mail.on_failure is None


@task(retry=False, max_attempts=5)
def once() -> None:
    """A task that may not be retried, whatever its attempts say (for these tests)."""


def test_a_task_that_may_not_be_retried_runs_once_at_most():
    assert POLICIES[once.module_path].max_attempts == 1
    with pytest.raises(ValueError, match="at least once"):
        task(retry=True, max_attempts=0)


def test_core_runs_the_worker_with_heartbeats():
    # core comes before django_tasks_db in INSTALLED_APPS, so its db_worker is the one started
    assert get_commands()["db_worker"] == "transferraum.core"


# --- the reaper --------------------------------------------------------------------------------

told: list[TaskFailure] = []


def _told(failure: TaskFailure) -> None:
    told.append(failure)


@task(retry=True, max_attempts=2, on_failure=_told)
def retried_job(item_id: int) -> None:
    """A task that may run again (for these tests)."""


@task(retry=False, on_failure=_told)
def single_job(item_id: int) -> None:
    """A task that may not run again (for these tests)."""


@pytest.fixture(autouse=True)
def _forget_told():
    told.clear()
    yield
    told.clear()


def _running(job: Task, *, workers: list[str], beat_ago: int | None, started_ago: int = 600):
    now = timezone.now()
    result = DBTaskResult.objects.create(
        args_kwargs={"args": [7], "kwargs": {}},
        task_path=job.module_path,
        backend_name="default",
        status=TaskResultStatus.RUNNING,
        started_at=now - dt.timedelta(seconds=started_ago),
        worker_ids=workers,
    )
    if beat_ago is not None:
        TaskHeartbeat.objects.create(
            task=result, worker_id=workers[-1], beat_at=now - dt.timedelta(seconds=beat_ago)
        )
    return result


@pytest.mark.django_db
def test_a_lost_task_that_may_be_retried_is_queued_again_in_the_same_row(settings):
    settings.TASK_HEARTBEAT_SECONDS = 20
    lost = _running(retried_job, workers=["a"], beat_ago=41)

    report = tasks_reap()

    lost.refresh_from_db()
    assert (report.retried, report.failed) == (1, 0)
    assert lost.status == TaskResultStatus.READY
    assert lost.started_at is None
    assert lost.worker_ids == ["a"]  # the next claim adds the next worker: attempt 2
    assert not TaskHeartbeat.objects.exists()
    assert DBTaskResult.objects.ready().filter(pk=lost.pk).exists()
    expected = TaskFailure(
        task_path=retried_job.module_path,
        args=(7,),
        kwargs={},
        attempts=1,
        lost=True,
        retrying=True,
    )
    assert told == [expected]


@pytest.mark.django_db
def test_a_lost_task_without_attempts_left_fails_visibly(settings):
    settings.TASK_HEARTBEAT_SECONDS = 20
    lost = _running(retried_job, workers=["a", "b"], beat_ago=60)

    report = tasks_reap()

    lost.refresh_from_db()
    assert (report.retried, report.failed) == (0, 1)
    assert lost.status == TaskResultStatus.FAILED
    assert lost.exception_class_path == "transferraum.core.tasks.WorkerLost"
    assert "attempt 2: a, b" in lost.traceback
    assert lost.finished_at is not None
    assert [(f.lost, f.retrying, f.attempts) for f in told] == [(True, False, 2)]


@pytest.mark.django_db
def test_a_lost_task_that_may_not_be_retried_fails_at_once(settings):
    settings.TASK_HEARTBEAT_SECONDS = 20
    lost = _running(single_job, workers=["a"], beat_ago=60)

    tasks_reap()

    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.FAILED
    assert [(f.lost, f.retrying) for f in told] == [(True, False)]


@pytest.mark.django_db
def test_a_task_with_a_recent_heartbeat_is_left_running(settings):
    settings.TASK_HEARTBEAT_SECONDS = 20
    alive = _running(retried_job, workers=["a"], beat_ago=30, started_ago=3600)
    just_claimed = _running(retried_job, workers=["b"], beat_ago=None, started_ago=5)

    report = tasks_reap()

    assert (report.retried, report.failed) == (0, 0)
    assert set(DBTaskResult.objects.running().values_list("pk", flat=True)) == {
        alive.pk,
        just_claimed.pk,
    }
    assert not told


@pytest.mark.django_db
def test_a_task_whose_worker_died_before_its_first_beat_is_reaped(settings):
    settings.TASK_HEARTBEAT_SECONDS = 20
    lost = _running(retried_job, workers=["a"], beat_ago=None, started_ago=45)

    tasks_reap()

    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.READY


@pytest.mark.django_db
def test_a_lost_task_nobody_declared_fails():
    lost = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="transferraum.gone.tasks.removed",
        backend_name="default",
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - dt.timedelta(hours=1),
        worker_ids=["a"],
    )

    tasks_reap()

    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.FAILED


def test_a_lost_worker_is_noticed_after_two_heartbeats_and_two_minutes_at_most(settings):
    settings.TASK_HEARTBEAT_SECONDS = 20
    assert lost_after() == dt.timedelta(seconds=40)
    # Longer intervals are cut to 40 s: two missed beats and the next reaping fit in 2 minutes,
    # and a live worker always beats before it counts as lost.
    settings.TASK_HEARTBEAT_SECONDS = 300
    assert heartbeat_interval() == dt.timedelta(seconds=40)
    assert lost_after() + heartbeat_interval() == dt.timedelta(minutes=2)


@pytest.mark.django_db
def test_a_heartbeat_renews_the_beat_of_a_running_task_only():
    result = _running(retried_job, workers=["a"], beat_ago=None)
    assert not heartbeat_beat(task_id=result.pk)  # not claimed through heartbeat_start

    heartbeat_start(task_id=result.pk, worker_id="a")
    first = TaskHeartbeat.objects.get(task=result).beat_at
    assert heartbeat_beat(task_id=result.pk)

    assert TaskHeartbeat.objects.get(task=result).beat_at >= first


# --- the worker ---------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_worker_reaps_at_start_then_runs_the_retried_task(settings):
    from transferraum.core.management.commands.db_worker import HeartbeatWorker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_HEARTBEAT_SECONDS = 20
    lost = _running(retried_job, workers=["dead"], beat_ago=300)

    HeartbeatWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="fresh",
        excluded_queue_names=[],
    ).run()

    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.SUCCESSFUL
    assert lost.worker_ids == ["dead", "fresh"]
    assert not TaskHeartbeat.objects.exists()  # removed when the task ended
    assert [(f.retrying, f.attempts) for f in told] == [(True, 1)]


# --- effects once -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_outside_a_task_every_effect_happens():
    done = []
    for _ in range(2):
        with effect_once("mail:a") as first:
            done.append(first)
    assert done == [True, True]
    assert not TaskEffect.objects.exists()


@pytest.mark.django_db
def test_a_retried_task_skips_the_effects_its_lost_attempt_did():
    done: list[str] = []

    def run(keys: list[str]) -> None:
        for key in keys:
            with effect_once(key) as first:
                if first:
                    done.append(key)

    with task_attempt("result-1"):
        run(["mail:a", "mail:b"])  # the worker dies here
    with task_attempt("result-1"):
        run(["mail:a", "mail:b", "mail:c"])
    with task_attempt("result-2"):  # another task: its own effects
        run(["mail:a"])

    assert done == ["mail:a", "mail:b", "mail:c", "mail:a"]


@pytest.mark.django_db
def test_the_same_effect_twice_in_one_run_happens_twice_and_once_on_retry():
    done = []
    for _attempt in range(2):
        with task_attempt("result-1"):
            for _ in range(2):
                with effect_once("mail:a") as first:
                    done.append(first)
    assert done == [True, True, False, False]


@pytest.mark.django_db
def test_an_effect_that_failed_is_tried_again_on_retry():
    def send() -> None:
        with effect_once("mail:a") as first:
            assert first
            raise ConnectionError("mail server away")

    with task_attempt("result-1"), pytest.raises(ConnectionError):
        send()

    with task_attempt("result-1"), effect_once("mail:a") as first:
        assert first


@task(retry=True, on_failure=_told)
def broken(item_id: int) -> None:
    """A task that raises (for these tests)."""
    raise RuntimeError("boom")


@task(retry=True)
def mailing() -> None:
    """A task with one effect (for these tests)."""
    with effect_once("mail:a") as first:
        assert first


@pytest.mark.django_db
def test_a_finished_task_leaves_no_claims_behind():
    result = mailing.enqueue()

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert not TaskEffect.objects.exists()


@pytest.mark.django_db
def test_a_task_failed_for_good_leaves_no_claims_behind(settings):
    settings.TASK_HEARTBEAT_SECONDS = 20
    lost = _running(single_job, workers=["a"], beat_ago=60)
    TaskEffect.objects.create(task_id=str(lost.pk), key="mail:a#1")
    retried = _running(retried_job, workers=["a"], beat_ago=60)
    TaskEffect.objects.create(task_id=str(retried.pk), key="mail:a#1")

    tasks_reap()

    assert list(TaskEffect.objects.values_list("task_id", flat=True)) == [str(retried.pk)]


@pytest.mark.django_db
def test_a_task_that_raises_tells_its_domain_object():
    result = broken.enqueue(3)  # the tests' immediate backend

    assert result.status == TaskResultStatus.FAILED
    assert [(f.args, f.lost, f.retrying) for f in told] == [((3,), False, False)]


@pytest.mark.django_db
def test_the_admin_lists_heartbeats_read_only(admin_client):
    from django.urls import reverse

    result = _running(retried_job, workers=["worker-7"], beat_ago=3)

    page = admin_client.get(reverse("admin:core_taskheartbeat_changelist"))
    add = admin_client.get(reverse("admin:core_taskheartbeat_add"))

    assert page.status_code == 200
    assert "worker-7" in page.content.decode()
    assert add.status_code == 403
    assert TaskHeartbeat.objects.get().task == result

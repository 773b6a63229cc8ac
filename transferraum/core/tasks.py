"""Background tasks that survive their worker: declared retry rules, heartbeats, a reaper, and
side effects that happen once however often a task runs.

django-tasks-db records when a worker claimed a task (`status`, `started_at`, `worker_ids`) but
not whether that worker is still alive: a worker killed in the middle (an out-of-memory kill, a
server restart) leaves its task "running" for ever. This module adds what is missing:

- **Every task declares whether it may run again** (`@task(retry=…)` instead of django-tasks'
  `@task()`); `transferraum/core/tests/test_tasks.py` fails on a task without the declaration.
  A task may be retried when running it twice does no harm: its service checks the state
  first (an allocation run that is no longer waiting is left alone) and its side effects go
  through `effect_once` (every e-mail of `notify`). `on_failure` tells the domain object: it
  is called when the worker was lost (retried or not) and when the task raised.
- **Heartbeats**: the worker (`manage.py db_worker`, core's replacement of the library's
  command) renews a `TaskHeartbeat` row of the task it runs every `TASK_HEARTBEAT_SECONDS` from
  a thread of its own.
- **The reaper** (`tasks_reap`) runs in every worker when it starts and then with every
  heartbeat: a running task without a beat for twice the interval has lost its worker; with
  the interval at most 40 seconds, that is noticed within two minutes. It is queued again,
  in the same row (same id, one more entry in `worker_ids`, which counts the attempts), when
  it may be retried and has attempts left; otherwise it is marked failed with `WorkerLost`.
  Each task is reaped in its own transaction under a row lock, so two workers that reap at
  once do not both take it.
- **Effects once** (`effect_once(key)`): inside a task, the first call with a key claims it in a
  committed row before the effect happens; the same task run again skips it. A worker killed
  between the claim and the effect loses that effect rather than doing it twice (an e-mail is
  never sent twice; at worst one is missing). The claims go when the task finishes or fails
  for good.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task as django_task
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from transferraum.core.models import TaskEffect, TaskHeartbeat

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

# A lost worker is noticed within two minutes: no beat for two intervals, found by the next
# reaping (one interval later), so the interval is at most 40 seconds.
HEARTBEAT_AT_MOST = timedelta(seconds=40)


# --- declaring a task -------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskFailure:
    """What `on_failure` learns: the task's arguments, how many attempts it had, whether its
    worker was lost (else it raised) and whether it runs again."""

    task_path: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    attempts: int
    lost: bool
    retrying: bool


@dataclass(frozen=True)
class TaskPolicy:
    """A task's declaration: may it run again after its worker was lost, how often at most
    (attempts in all, the first included), and who learns of a failure."""

    retry: bool
    max_attempts: int
    on_failure: Callable[[TaskFailure], None] | None = None


# task path ("transferraum.projects.tasks.allocation.allocation_run") → its declaration
POLICIES: dict[str, TaskPolicy] = {}


def task(
    *,
    retry: bool,
    max_attempts: int = 3,
    on_failure: Callable[[TaskFailure], None] | None = None,
    **options: Any,
) -> Callable[[Callable[P, T]], Task[P, T]]:
    """django-tasks' `@task(**options)` with the declaration every task of the platform makes:
    `retry` says whether it may run again when its worker was lost (see the module's docstring
    for when that is safe), `max_attempts` how often it runs at most, `on_failure` tells the
    domain object of a lost worker or an error."""
    if max_attempts < 1:
        raise ValueError("A task runs at least once.")

    def declare(function: Callable[P, T]) -> Task[P, T]:
        declared: Task[P, T] = django_task(**options)(function)
        POLICIES[declared.module_path] = TaskPolicy(
            retry=retry, max_attempts=max_attempts if retry else 1, on_failure=on_failure
        )
        return declared

    return declare


def policy_for(task_path: str) -> TaskPolicy | None:
    """The declaration of the task at `task_path`, or None for an undeclared or removed one.
    The task's module is imported first: a worker that just started has not loaded it yet."""
    if task_path not in POLICIES:
        try:
            import_string(task_path)
        except ImportError:
            return None
    return POLICIES.get(task_path)


def _tell(failure: TaskFailure) -> None:
    policy = policy_for(failure.task_path)
    if policy is None or policy.on_failure is None:
        return
    try:
        with transaction.atomic():
            policy.on_failure(failure)
    except Exception:
        # A broken hook must neither stop the worker nor undo the task's own state.
        logger.exception("on_failure of %s failed", failure.task_path)


# --- the task being run -----------------------------------------------------------------------


@dataclass
class _Running:
    task_id: str
    effects: dict[str, int] = field(default_factory=dict)


# The tasks this thread runs, innermost last (the immediate backend runs tasks inside tasks).
_running: ContextVar[tuple[_Running, ...]] = ContextVar("transferraum_tasks_running", default=())


def current_task_id() -> str | None:
    """The id of the task result this thread is running, or None outside a task."""
    running = _running.get()
    return running[-1].task_id if running else None


def on_task_started(sender: Any, task_result: TaskResult[Any], **kwargs: Any) -> None:
    """Signal handler (task_started): remember which task runs, for `effect_once`."""
    _running.set((*_running.get(), _Running(str(task_result.id))))


def task_forget(task_id: str) -> None:
    """This thread no longer runs the task `task_id` (it finished, or its worker is gone)."""
    running = _running.get()
    if running and running[-1].task_id == task_id:
        _running.set(running[:-1])


def on_task_finished(sender: Any, task_result: TaskResult[Any], **kwargs: Any) -> None:
    """Signal handler (task_finished): forget the task and the effects it claimed (it will not
    run again); tell the domain object of an error."""
    task_forget(str(task_result.id))
    TaskEffect.objects.filter(task_id=str(task_result.id)).delete()
    if task_result.status == TaskResultStatus.FAILED:
        _tell(
            TaskFailure(
                task_path=task_result.task.module_path,
                args=tuple(task_result.args),
                kwargs=dict(task_result.kwargs),
                attempts=len(task_result.worker_ids),
                lost=False,
                retrying=False,
            )
        )


def _effect_key(key: str, occurrence: int) -> str:
    full = f"{key}#{occurrence}"
    if len(full) <= 255:
        return full
    return f"sha256:{hashlib.sha256(full.encode()).hexdigest()}"


@contextmanager
def effect_once(key: str) -> Iterator[bool]:
    """Claim the side effect `key` of the running task; yields whether to do it.

    Inside a task, the first run claims it (a row committed before the block runs) and yields
    True; the same task run again after its worker was lost yields False for every effect the
    lost run claimed. The n-th use of the same key within one run is its own effect. A block
    that raises gives its claim free again. Outside a task it always yields True. Call it
    outside the caller's own transaction, so that the claim is committed before the effect.
    """
    running = _running.get()
    if not running:
        yield True
        return
    current = running[-1]
    occurrence = current.effects.get(key, 0) + 1
    current.effects[key] = occurrence
    claim = _effect_key(key, occurrence)
    try:
        with transaction.atomic():
            TaskEffect.objects.create(task_id=current.task_id, key=claim)
    except IntegrityError:
        yield False
        return
    try:
        yield True
    except BaseException:
        TaskEffect.objects.filter(task_id=current.task_id, key=claim).delete()
        raise


# --- heartbeats and the reaper ----------------------------------------------------------------


def heartbeat_interval() -> timedelta:
    """How often a worker renews the heartbeat of its task and reaps lost ones
    (`TASK_HEARTBEAT_SECONDS`, at most 40 seconds)."""
    return min(timedelta(seconds=max(settings.TASK_HEARTBEAT_SECONDS, 1)), HEARTBEAT_AT_MOST)


def lost_after() -> timedelta:
    """How long a running task may go without a heartbeat before its worker counts as lost:
    two intervals (so with the next reaping, at most two minutes after the last beat)."""
    return 2 * heartbeat_interval()


def heartbeat_start(*, task_id: Any, worker_id: str) -> None:
    """The first beat of a task a worker has just claimed."""
    TaskHeartbeat.objects.update_or_create(
        task_id=task_id, defaults={"worker_id": worker_id, "beat_at": timezone.now()}
    )


def heartbeat_beat(*, task_id: Any) -> bool:
    """Renew the beat of a running task; False when it has none (finished meanwhile)."""
    return TaskHeartbeat.objects.filter(task_id=task_id).update(beat_at=timezone.now()) == 1


class WorkerLost(Exception):
    """The worker that ran the task stopped sending heartbeats (killed, crashed, switched
    off): the task's final state when it may not, or may no longer, be retried."""


@dataclass(frozen=True)
class ReapReport:
    retried: int = 0
    failed: int = 0


def _lost_tasks(limit: datetime) -> Q:
    # A task claimed by a worker that died before its first beat has no heartbeat row.
    return Q(heartbeat__beat_at__lt=limit) | Q(heartbeat__isnull=True, started_at__lt=limit)


def tasks_reap(*, now: datetime | None = None) -> ReapReport:
    """Find running tasks whose worker was lost (no heartbeat for `lost_after()`) and queue
    them again where they may be retried and have attempts left, else mark them failed with
    `WorkerLost`; the task's `on_failure` hears of either in the same transaction."""
    now = now or timezone.now()
    limit = now - lost_after()
    candidates = list(
        DBTaskResult.objects.running().filter(_lost_tasks(limit)).values_list("pk", flat=True)
    )
    retried = failed = 0
    for pk in candidates:
        outcome = _reap_one(pk, limit)
        retried += outcome == "retried"
        failed += outcome == "failed"
    return ReapReport(retried=retried, failed=failed)


def _reap_one(pk: Any, limit: datetime) -> str:
    with exclusive_transaction():
        result = (
            DBTaskResult.objects.running()
            .filter(_lost_tasks(limit), pk=pk)
            .select_for_update(skip_locked=True, of=("self",))
            .first()
        )
        if result is None:  # finished, or reaped by another worker meanwhile
            return ""
        policy = policy_for(result.task_path)
        attempts = len(result.worker_ids)
        retrying = policy is not None and policy.retry and attempts < policy.max_attempts
        TaskHeartbeat.objects.filter(task_id=result.pk).delete()
        if retrying:
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.save(update_fields=["status", "started_at"])
        else:
            workers = ", ".join(result.worker_ids) or "?"
            lost = f"The worker stopped sending heartbeats (attempt {attempts}: {workers})."
            result.set_failed(WorkerLost(lost))
            TaskEffect.objects.filter(task_id=str(result.pk)).delete()
        logger.warning(
            "Task %s (%s) lost its worker after attempt %d: %s",
            result.pk,
            result.task_path,
            attempts,
            "queued again" if retrying else "failed",
        )
        args_kwargs = result.args_kwargs if isinstance(result.args_kwargs, dict) else {}
        _tell(
            TaskFailure(
                task_path=result.task_path,
                args=tuple(args_kwargs.get("args", ())),
                kwargs=dict(args_kwargs.get("kwargs", {})),
                attempts=attempts,
                lost=True,
                retrying=retrying,
            )
        )
    return "retried" if retrying else "failed"

"""`manage.py db_worker`: django-tasks-db's worker with heartbeats and the reaper.

It takes the library's command's place (core comes before django_tasks_db in INSTALLED_APPS)
and its options, so `make run`, the deployment's service files and every documented call stay
the same. See transferraum.core.tasks and docs/concurrency.md.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import Any

from django.core.management.base import CommandError
from django.db import DatabaseError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from transferraum.core.models import TaskHeartbeat
from transferraum.core.tasks import heartbeat_beat, heartbeat_interval, heartbeat_start, tasks_reap

logger = logging.getLogger("transferraum.core.tasks")


class HeartbeatWorker(db_worker.Worker):
    """The library's worker with a heartbeat: a thread renews the beat of the running task
    every interval and reaps the lost tasks of other workers; the worker reaps once at start,
    so a task of a worker that died is taken up again as soon as a worker starts."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._task_id: Any = None
        self._stop = threading.Event()

    def run(self) -> None:
        self._reap()
        pulse = threading.Thread(target=self._pulse, name="task-heartbeat", daemon=True)
        pulse.start()
        try:
            super().run()
        finally:
            self._stop.set()
            pulse.join(timeout=5)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self._task_id = db_task_result.pk
        self._beat(db_task_result.pk)
        try:
            super().run_task(db_task_result)
        finally:
            self._task_id = None
            TaskHeartbeat.objects.filter(task_id=db_task_result.pk).delete()

    def _beat(self, task_id: Any) -> None:
        """Renew the task's beat, or give it its first one (the start's write may have met a
        busy database); a failed beat is tried again at the next interval."""
        try:
            if not heartbeat_beat(task_id=task_id) and self._task_id == task_id:
                heartbeat_start(task_id=task_id, worker_id=self.worker_id)
        except DatabaseError:
            logger.warning("Heartbeat of task %s failed; trying again.", task_id)

    def _reap(self) -> None:
        try:
            report = tasks_reap()
        except DatabaseError:
            # A busy database (SQLite's write lock) only delays the reaping to the next beat.
            logger.warning("Reaping lost tasks failed; trying again at the next heartbeat.")
            return
        if report.retried or report.failed:
            logger.warning("Lost tasks: %d queued again, %d failed.", report.retried, report.failed)

    def _pulse(self) -> None:
        seconds = heartbeat_interval().total_seconds()
        try:
            while not self._stop.wait(seconds):
                started = time.monotonic()
                task_id = self._task_id
                if task_id is not None:
                    self._beat(task_id)
                self._reap()
                logger.debug("Heartbeat took %.3f s", time.monotonic() - started)
        finally:
            connections.close_all()


class Command(db_worker.Command):
    help = "Run a database background worker with heartbeats; reap tasks of lost workers"

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        # The library's handle() with HeartbeatWorker in place of its Worker.
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload and --batch cannot be specified together: no reload.")
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = HeartbeatWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()

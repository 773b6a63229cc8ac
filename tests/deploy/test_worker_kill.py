"""A task worker killed in the middle of an allocation run (issue 19, point 4).

Real `manage.py db_worker` processes run against a database file (SQLite) or this test's own
PostgreSQL test database. An allocation run is slowed down by the test-only setting
`ALLOCATION_TEST_STEP_DELAY_MS` (read by the worker: another process, so no monkeypatch), the
worker is killed with SIGKILL while the run is at "Solving", and a new worker is started:

- once killed, the run finishes on the new worker (the task may be retried);
- killed on its retry as well, the run fails visibly with the message the coordinator reads.

Heartbeats every second make a lost worker noticed after two seconds; each case takes about
ten seconds and must end within two minutes.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 120  # seconds: the "within two minutes"

SEED = """
import django
django.setup()
from django.db import transaction
from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory
from transferraum.projects.services.allocation import allocation_start
from transferraum.projects.tests.test_allocation_services import build_round

with transaction.atomic():
    data = build_round(students=8)
    coordinator = UserFactory(role=User.Role.COORDINATOR)
    run = allocation_start(actor=coordinator, round=data.round)
print(run.pk)
"""


@dataclass(frozen=True)
class Run:
    status: str
    progress: int
    note: str
    error: str


@dataclass(frozen=True)
class Database:
    url: str
    query: Callable[[str, tuple[object, ...]], list[tuple[object, ...]]]

    def run(self, pk: int) -> Run:
        rows = self.query(
            "SELECT status, progress, progress_note, error FROM projects_allocationrun "
            "WHERE id = %s",
            (pk,),
        )
        status, progress, note, error = rows[0]
        return Run(str(status), int(str(progress)), str(note), str(error))

    def task(self) -> tuple[str, list[str], str]:
        """Status, worker ids and exception class of the newest allocation task."""
        rows = self.query(
            "SELECT status, worker_ids, exception_class_path "
            "FROM django_tasks_database_dbtaskresult WHERE task_path = %s "
            "ORDER BY enqueued_at DESC",
            ("transferraum.projects.tasks.allocation.allocation_run",),
        )
        status, workers, exception = rows[0]
        return (
            str(status),
            workers if isinstance(workers, list) else json.loads(str(workers)),
            (str(exception)),
        )


def _environment(url: str) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "tests.deploy.worker_settings",
        "DATABASE_URL": url,
        "TASK_HEARTBEAT_SECONDS": "1",
        "ALLOCATION_TEST_STEP_DELAY_MS": "1000",
        "PYTHONUNBUFFERED": "1",
    }


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite database file, copied for each test (migrating takes ten seconds)."""
    path = tmp_path_factory.mktemp("worker-kill") / "template.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=ROOT,
        env=_environment(f"sqlite:///{path}"),
        check=True,
        timeout=DEADLINE,
    )
    return path


def _sqlite(template: Path, tmp_path: Path) -> Database:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(template.read_bytes())

    def query(sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        with sqlite3.connect(path, timeout=10) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchall()

    return Database(f"sqlite:///{path}", query)


def _postgres() -> Database:
    # The test is transactional: what the seed and the workers commit is visible here.
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    url = (
        f"postgres://{db['USER'] or 'postgres'}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )

    def query(sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    return Database(url, query)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres", marks=[pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
        ),
    ]
)
def database(request, tmp_path) -> Database:
    if request.param == "postgres":
        return _postgres()
    return _sqlite(request.getfixturevalue("sqlite_template"), tmp_path)


class Workers:
    """The worker processes of one test, each with its log; all are stopped at the end."""

    def __init__(self, url: str, logs: Path) -> None:
        self.env = _environment(url)
        self.logs = logs
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str) -> None:
        with (self.logs / f"{name}.log").open("wb") as log:
            self.processes[name] = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--no-reload",
                    "--no-startup-delay",
                    "--interval=0.1",
                    f"--worker-id={name}",
                    "-v2",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill(self, name: str) -> None:
        """SIGKILL: no handler runs, nothing is cleaned up, as when a server dies."""
        process = self.processes[name]
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def log(self) -> str:
        return "\n".join(
            f"--- {name}\n{(self.logs / f'{name}.log').read_text(errors='replace')[-3000:]}"
            for name in self.processes
        )

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture
def workers(database: Database, tmp_path: Path) -> Iterator[Workers]:
    started = Workers(database.url, tmp_path)
    yield started
    started.stop_all()


def _seed(database: Database) -> int:
    output = subprocess.run(
        [sys.executable, "-c", SEED],
        cwd=ROOT,
        env=_environment(database.url),
        check=True,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
    ).stdout
    return int(output.strip().splitlines()[-1])


def _wait(what: str, check: Callable[[], bool], workers: Workers, deadline: float) -> None:
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"{what} did not happen in time:\n{workers.log()}")


def _solving(database: Database, pk: int, attempts: int) -> Callable[[], bool]:
    """The run is in the engine on its `attempts`-th worker."""

    def check() -> bool:
        run = database.run(pk)
        return (
            run.status == "running" and run.progress >= 20 and len(database.task()[1]) >= (attempts)
        )

    return check


def test_a_run_whose_worker_is_killed_finishes_on_the_next_worker(
    database: Database, workers: Workers
):
    started = time.monotonic()
    deadline = started + DEADLINE
    pk = _seed(database)
    workers.start("first")
    _wait("the run reaching the engine", _solving(database, pk, 1), workers, deadline)

    workers.kill("first")
    stuck = database.run(pk)
    assert stuck.status == "running"  # nobody finishes it: the worker is gone
    workers.start("second")
    _wait("the run finishing", lambda: database.run(pk).status == "done", workers, deadline)

    done = database.run(pk)
    assert (done.progress, done.error) == (100, "")
    status, worker_ids, _exception = database.task()
    assert status == "SUCCESSFUL"
    assert worker_ids == ["first", "second"]
    assert time.monotonic() - started < DEADLINE


def test_a_run_whose_worker_is_killed_twice_fails_visibly(database: Database, workers: Workers):
    started = time.monotonic()
    deadline = started + DEADLINE
    pk = _seed(database)
    workers.start("first")
    _wait("the run reaching the engine", _solving(database, pk, 1), workers, deadline)
    workers.kill("first")
    workers.start("second")
    _wait("the retry reaching the engine", _solving(database, pk, 2), workers, deadline)

    workers.kill("second")
    workers.start("third")
    _wait("the run failing", lambda: database.run(pk).status == "failed", workers, deadline)

    failed = database.run(pk)
    assert failed.note == "Stopped without finishing"
    assert failed.error == "The background worker stopped before the run finished."
    status, worker_ids, exception = database.task()
    assert status == "FAILED"
    assert worker_ids == ["first", "second"]  # the third worker only reaped it
    assert exception == "transferraum.core.tasks.WorkerLost"
    assert time.monotonic() - started < DEADLINE

"""Under load: 200 students send their ranking at the same moment through gunicorn with
production settings and four workers, and every ranking lands (issue 19: 142 of 200 failed with
"database is locked" before transactions took the write lock at their start).

The round, the students and their sessions are made in the test database and copied with
SQLite's online backup into a file the servers use, and the file is read back afterwards; on
PostgreSQL the servers use the test database itself (the test is transactional, so what it
writes is committed and the servers see it)."""

from __future__ import annotations

import secrets
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from transferraum.accounts.tests.factories import StudyProgrammeFactory
from transferraum.projects.models import Application, Choice
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, StudentFactory

ROOT = Path(__file__).resolve().parents[2]
HOST = "transferraum.example"
STUDENTS = 200
WORKERS = 4
START_TIMEOUT = 40
REQUEST_TIMEOUT = 50  # longer than the busy timeout: a request waits, it is never cut off

pytestmark = pytest.mark.django_db(transaction=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _sessions(students) -> list[str]:
    """A signed-in session per student, as the login would leave it."""
    keys = []
    for student in students:
        session = SessionStore()
        session[SESSION_KEY] = str(student.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = student.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def _database_copy(path: Path) -> None:
    """The test database into `path`, through SQLite's online backup (never a file copy)."""
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)
    target.close()


def _database_url(workdir: Path) -> str:
    """The address the servers use for what the test has written."""
    if connection.vendor == "sqlite":
        path = workdir / "transferraum.sqlite3"
        _database_copy(path)
        return f"sqlite:///{path}"
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER'] or 'postgres'}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _counts(database_url: str, *models) -> dict:
    """Rows per model in the servers' database."""
    if not database_url.startswith("sqlite:///"):
        return {model: model.objects.count() for model in models}
    database = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    try:
        return {
            model: database.execute(f"SELECT COUNT(*) FROM {model._meta.db_table}").fetchone()[0]  # noqa: S608
            for model in models
        }
    finally:
        database.close()


def _serve(database_url: str, workdir: Path, port: int) -> subprocess.Popen:
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "tests.deploy.settings",
        # The test's key: the sessions made here carry its signature.
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "TRANSFERRAUM_VAR_DIR": str(workdir),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    log = (workdir / "gunicorn.log").open("w")
    return subprocess.Popen(  # noqa: S603 (our own server)
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={WORKERS}",
            "--timeout=60",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _wait(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn ended:\n{log.read_text()[-4000:]}")
        try:
            requests.get(
                f"{base}/konto/login/",
                headers={"Host": HOST, "X-Forwarded-Proto": "https"},
                allow_redirects=False,
                timeout=REQUEST_TIMEOUT,
            )
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer in {START_TIMEOUT} s:\n{log.read_text()[-4000:]}")


def test_200_rankings_sent_at_once_all_land(tmp_path):
    round_ = RoundFactory(min_choices=3, max_choices=4)
    projects = [ProjectFactory(round=round_, title=f"Projekt {n}") for n in range(1, 6)]
    programme = StudyProgrammeFactory(name="Geographie")
    students = StudentFactory.create_batch(STUDENTS, study_programme=programme)
    sessions = _sessions(students)
    call_command("createcachetable", verbosity=0)  # production keeps its cache in the database
    database_url = _database_url(tmp_path)

    url = reverse("projects:apply", args=[round_.pk])
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(database_url, tmp_path, port)
    start = threading.Barrier(STUDENTS)

    def rank(n: int) -> tuple[int, str]:
        token = secrets.token_hex(16)  # 32 characters: Django's unmasked CSRF secret
        data = {"csrfmiddlewaretoken": token, "work_with_1": "", "work_with_2": ""}
        for rank, project in enumerate(projects[n % 3 : n % 3 + 3], start=1):
            data[f"rank_{project.pk}"] = str(rank)
            data[f"motivation_{project.pk}"] = f"Begründung {n}" if rank <= 2 else ""
        start.wait()
        response = requests.post(
            base + url,
            data=data,
            headers={
                "Host": HOST,
                "X-Forwarded-Proto": "https",
                "Referer": f"https://{HOST}{url}",
            },
            cookies={"sessionid": sessions[n], "csrftoken": token},
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
        )
        return response.status_code, response.headers.get("Location", "")

    try:
        _wait(base, server, tmp_path / "gunicorn.log")
        with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
            answers = list(pool.map(rank, range(STUDENTS)))
    finally:
        server.terminate()
        server.wait(timeout=30)

    log = (tmp_path / "gunicorn.log").read_text()
    assert answers == [(302, reverse("projects:mine"))] * STUDENTS, log[-4000:]
    assert "database is locked" not in log
    assert _counts(database_url, Application, Choice) == {
        Application: STUDENTS,
        Choice: STUDENTS * 3,
    }

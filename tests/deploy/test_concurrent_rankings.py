"""Under load: 200 students send their ranking at the same moment through gunicorn with
production settings and four workers, and every ranking lands (issue 19: on SQLite 142 of 200
failed with "database is locked" before transactions took the write lock at their start).

The round, the students and their sessions are made in the test database. On SQLite it is
copied with SQLite's online backup into a file the servers use, and the file is read back
afterwards; on PostgreSQL the servers use the test database itself (the test is transactional,
so what it writes is committed and the servers see it)."""

from __future__ import annotations

import secrets
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from tests.deploy.gunicorn import gunicorn, post, sessions_for
from transferraum.accounts.tests.factories import StudyProgrammeFactory
from transferraum.projects.models import Application, Choice
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, StudentFactory

STUDENTS = 200
WORKERS = 4

pytestmark = pytest.mark.django_db(transaction=True)


def database_url_for_servers(workdir: Path) -> str:
    """The address the servers use for what the test has written."""
    if connection.vendor == "sqlite":
        path = workdir / "transferraum.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)  # never a file copy
        finally:
            target.close()
        return f"sqlite:///{path}"
    return postgres_url(connection.settings_dict)


def postgres_url(db, *, host: str = "", port: int = 0) -> str:
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER'] or 'postgres'}{password}@{host or db['HOST'] or '127.0.0.1'}:"
        f"{port or db['PORT'] or 5432}/{db['NAME']}"
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


def ranking(projects, n: int) -> dict[str, str]:
    """The apply form of student `n`: three of the projects, reasons for the first two."""
    data = {"work_with_1": "", "work_with_2": ""}
    for rank, project in enumerate(projects[n % 3 : n % 3 + 3], start=1):
        data[f"rank_{project.pk}"] = str(rank)
        data[f"motivation_{project.pk}"] = f"Begründung {n}" if rank <= 2 else ""
    return data


def test_200_rankings_sent_at_once_all_land(tmp_path):
    round_ = RoundFactory(min_choices=3, max_choices=4)
    projects = [ProjectFactory(round=round_, title=f"Projekt {n}") for n in range(1, 6)]
    programme = StudyProgrammeFactory(name="Geographie")
    students = StudentFactory.create_batch(STUDENTS, study_programme=programme)
    sessions = sessions_for(students)
    call_command("createcachetable", verbosity=0)  # production keeps its cache in the database
    database_url = database_url_for_servers(tmp_path)
    url = reverse("projects:apply", args=[round_.pk])
    start = threading.Barrier(STUDENTS)

    with gunicorn(database_url, tmp_path, workers=WORKERS) as base:

        def rank(n: int) -> tuple[int, str]:
            token = secrets.token_hex(16)  # 32 characters: Django's unmasked CSRF secret
            start.wait()
            response = post(base, url, ranking(projects, n), sessions[n], token)
            return response.status_code, response.headers.get("Location", "")

        with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
            answers = list(pool.map(rank, range(STUDENTS)))

    log = (tmp_path / "gunicorn.log").read_text()
    assert answers == [(302, reverse("projects:mine"))] * STUDENTS, log[-4000:]
    assert "database is locked" not in log
    assert _counts(database_url, Application, Choice) == {
        Application: STUDENTS,
        Choice: STUDENTS * 3,
    }

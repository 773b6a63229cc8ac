"""Backup and restore round trip (core.backup through `manage.py backup` / `restore`): a
backup restored into an empty database holds every row of every table, and every uploaded file
comes back with the same bytes. On SQLite (online backup API) and PostgreSQL (pg_dump)."""

from __future__ import annotations

import sqlite3
import tarfile
from collections.abc import Iterator
from io import StringIO

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from transferraum.actors.tests.test_profiles import png_bytes
from transferraum.core.backup import backup_create, backup_restore, manifest_read, table_counts
from transferraum.projects.models import Application
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, application_for

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = b"%PDF-1.4\n% Abschlussbericht Radweg zur Mulde\n"


@pytest.fixture
def site(
    company_zeitz, town_eilenburg, student_geography, owner_zeitz, settings
) -> dict[str, bytes]:
    """Rows in many tables and uploads in nested folders; the files by name. The uploads go to a
    store of this test's own: the tests' in-memory store keeps every earlier test's files."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    round_ = RoundFactory()
    projects = [ProjectFactory(round=round_) for _ in range(3)]
    application_for(student_geography, projects)
    logo = png_bytes((64, 32))
    company_zeitz.logo.save("werkstatt.png", ContentFile(logo))
    report = default_storage.save("dokumente/2026/bericht.pdf", ContentFile(REPORT))
    return {company_zeitz.logo.name: logo, report: REPORT}


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def _counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return table_counts(cursor, _engine())


def _storage_clear(names) -> None:
    for name in names:
        default_storage.delete(name)


@pytest.fixture
def empty_database_url(tmp_path) -> Iterator[str]:
    """An empty database of the site's kind: a new SQLite file or a new PostgreSQL database."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    db = connection.settings_dict
    name = f"{db['NAME']}_restore"
    server = {
        "host": db["HOST"] or None,
        "port": db["PORT"] or None,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    try:
        yield (
            f"postgres://{db['USER'] or 'postgres'}{password}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{name}"
        )
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _counts_at(database_url: str) -> dict[str, int]:
    if database_url.startswith("sqlite:///"):
        database = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        try:
            return table_counts(database.cursor(), "sqlite")
        finally:
            database.close()
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as database:
        return table_counts(database.cursor(), "postgresql")


def test_a_backup_restored_into_an_empty_database_has_every_row_and_file(
    site, tmp_path, empty_database_url
):
    before = _counts()
    out = StringIO()

    call_command("backup", output=tmp_path / "backups", stdout=out)

    (archive,) = (tmp_path / "backups").glob("transferraum-*.tar.gz")
    assert str(archive) in out.getvalue()
    with tarfile.open(archive) as opened:
        manifest = manifest_read(opened)
        members = set(opened.getnames())
    assert manifest.tables == before
    assert manifest.files == {name: len(data) for name, data in site.items()}
    assert {f"files/{name}" for name in site} <= members
    assert not list((tmp_path / "backups").glob("tmp*"))  # no work files left behind

    _storage_clear(site)
    call_command(
        "restore", str(archive), database_url=empty_database_url, interactive=False, stdout=out
    )

    restored = _counts_at(empty_database_url)
    assert restored == before
    assert restored["accounts_user"] >= 3
    assert restored["projects_choice"] == 3
    for name, data in site.items():
        with default_storage.open(name, "rb") as stored:
            assert stored.read() == data
    assert "Restored" in out.getvalue()


def test_restoring_over_the_site_brings_back_what_was_deleted_since(site, tmp_path):
    before = _counts()
    call_command("backup", output=tmp_path, stdout=StringIO())
    (archive,) = tmp_path.glob("transferraum-*.tar.gz")
    Application.objects.all().delete()
    _storage_clear(site)
    assert _counts() != before

    restored = backup_restore(archive)

    assert _counts() == before == restored.tables
    assert Application.objects.get().choices.count() == 3
    assert all(default_storage.exists(name) for name in site)


def test_a_backup_of_another_engine_is_refused_and_nothing_changes(site, tmp_path):
    call_command("backup", output=tmp_path, without_files=True, stdout=StringIO())
    (archive,) = tmp_path.glob("transferraum-*.tar.gz")
    other = (
        "postgres://nobody@127.0.0.1:1/none"
        if connection.vendor == "sqlite"
        else f"sqlite:///{tmp_path / 'x.sqlite3'}"
    )

    with pytest.raises(CommandError, match="the target is"):
        call_command("restore", str(archive), database_url=other, interactive=False)


def test_restore_asks_first_and_does_nothing_without_yes(site, tmp_path, monkeypatch):
    call_command("backup", output=tmp_path, stdout=StringIO())
    (archive,) = tmp_path.glob("transferraum-*.tar.gz")
    Application.objects.all().delete()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(archive))

    assert not Application.objects.exists()


def test_a_missing_archive_is_named(tmp_path):
    with pytest.raises(CommandError, match="No archive at"):
        call_command("restore", str(tmp_path / "gibt-es-nicht.tar.gz"), interactive=False)


def test_a_site_without_uploads_yet_is_backed_up_and_two_backups_in_a_second_keep_both(tmp_path):
    no_uploads_yet = FileSystemStorage(location=tmp_path / "media")  # MEDIA_ROOT not made yet

    first = backup_create(directory=tmp_path / "backups", storage=no_uploads_yet)
    second = backup_create(directory=tmp_path / "backups", storage=no_uploads_yet)

    assert first != second
    with tarfile.open(first) as opened:
        manifest = manifest_read(opened)
    assert manifest.files == {}
    assert manifest.tables == _counts()

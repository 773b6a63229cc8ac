"""Backup and restore of the whole site: the database and the uploaded files in one archive.

An archive (`transferraum-<date>-<time>.tar.gz`) holds `manifest.json` (when, which database,
rows per table, every file with its size), the database (`database.sqlite3` made with SQLite's
online backup, which is consistent while the site writes; or `database.pgdump`, pg_dump's custom
format) and the uploads under `files/`, read through the storage API (local disk or S3).

`backup_create` and `backup_restore` are what `manage.py backup` and `manage.py restore` run;
docs/deployment.md says how to schedule them."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import dj_database_url
import psycopg
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connections
from django.utils import timezone

from transferraum.core.checks import SQLITE, database_description

MANIFEST = "manifest.json"
FILES = "files"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


@dataclass(frozen=True)
class Manifest:
    created_at: str
    engine: str  # "sqlite" or "postgresql"
    database: str
    tables: dict[str, int]
    files: dict[str, int]  # name in the storage -> size in bytes

    @property
    def member(self) -> str:
        return SQLITE_MEMBER if self.engine == "sqlite" else POSTGRES_MEMBER


def _engine(database: Mapping[str, Any]) -> str:
    if database["ENGINE"] == SQLITE:
        return "sqlite"
    if database["ENGINE"] == "django.db.backends.postgresql":
        return "postgresql"
    raise BackupError(f"No backup for the database engine {database['ENGINE']}.")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_counts(cursor: Any, engine: str) -> dict[str, int]:
    """Rows per table of the database behind `cursor` (a DB-API cursor)."""
    if engine == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        )
    names = sorted(row[0] for row in cursor.fetchall())
    counts = {}
    for name in names:
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(name)}")  # noqa: S608 (names from the catalogue)
        counts[name] = int(cursor.fetchone()[0])
    return counts


def _postgres_arguments(database: Mapping[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore; the password goes into the environment,
    never onto the command line (where `ps` shows it)."""
    arguments = [f"--dbname={database['NAME']}"]
    if database.get("HOST"):
        arguments.append(f"--host={database['HOST']}")
    if database.get("PORT"):
        arguments.append(f"--port={database['PORT']}")
    if database.get("USER"):
        arguments.append(f"--username={database['USER']}")
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return arguments, env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def _storage_names(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # MEDIA_ROOT before the first upload
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder, name)) if folder else name
    for directory in sorted(directories):
        yield from _storage_names(storage, str(PurePosixPath(folder, directory)))


def _database_dump(workdir: Path) -> tuple[Path, str, dict[str, int]]:
    """The site's database into `workdir`: the file, the engine and the rows per table of
    exactly what was saved."""
    connection = connections["default"]
    database = connection.settings_dict
    engine = _engine(database)
    if engine == "sqlite":
        target_path = workdir / SQLITE_MEMBER
        connection.ensure_connection()
        target = sqlite3.connect(target_path)
        try:
            connection.connection.backup(target)  # a consistent copy, even in WAL mode
            counts = table_counts(target.cursor(), engine)
        finally:
            target.close()
        return target_path, engine, counts
    target_path = workdir / POSTGRES_MEMBER
    arguments, env = _postgres_arguments(database)
    # The counts and the dump read the same snapshot, so the manifest says what the dump holds.
    with connection.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(cursor, engine)
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target_path}",
                    *arguments,
                ],
                env,
            )
        finally:
            cursor.execute("ROLLBACK")
    return target_path, engine, counts


def backup_create(
    *, directory: Path, with_files: bool = True, storage: Storage | None = None
) -> Path:
    """Write an archive of the database and (`with_files`) every uploaded file into
    `directory`; return its path. The archive appears under its final name only when it is
    complete."""
    storage = storage or default_storage
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime()
    path = directory / f"transferraum-{now:%Y-%m-%d-%H%M%S}.tar.gz"
    number = 1
    while path.exists():  # two backups in one second keep both
        number += 1
        path = directory / f"transferraum-{now:%Y-%m-%d-%H%M%S}-{number}.tar.gz"
    with tempfile.TemporaryDirectory(dir=directory) as work:
        dump, engine, counts = _database_dump(Path(work))
        names = list(_storage_names(storage)) if with_files else []
        partial = Path(work) / "archive.tar.gz"
        files: dict[str, int] = {}
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, arcname=dump.name)
            for name in names:
                info = tarfile.TarInfo(f"{FILES}/{name}")
                info.size = storage.size(name)
                info.mtime = int(now.timestamp())
                with storage.open(name, "rb") as stored:
                    archive.addfile(info, stored)  # streamed: files are not held in memory
                files[name] = info.size
            manifest = Manifest(
                created_at=now.isoformat(),
                engine=engine,
                database=database_description(connections["default"].settings_dict),
                tables=counts,
                files=files,
            )
            text = json.dumps(manifest.__dict__, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(text)
            info.mtime = int(now.timestamp())
            archive.addfile(info, io.BytesIO(text))
        shutil.move(partial, path)
    return path


def manifest_read(archive: tarfile.TarFile) -> Manifest:
    member = archive.extractfile(MANIFEST)
    if member is None:
        raise BackupError("The archive has no manifest.json: not a Transferraum backup.")
    return Manifest(**json.load(member))


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    tables: dict[str, int]  # rows per table after the restore

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def backup_restore(
    path: Path, *, database_url: str = "", with_files: bool = True, storage: Storage | None = None
) -> Restored:
    """Put the archive at `path` back: its database replaces the site's (or the one at
    `database_url`, e.g. an empty one to try a backup out), its files are saved into the
    storage under their names. Raises BackupError when the archive does not fit the database
    or what was restored does not match the manifest."""
    storage = storage or default_storage
    database = (
        dict(dj_database_url.parse(database_url))
        if database_url
        else connections["default"].settings_dict
    )
    engine = _engine(database)
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        manifest = manifest_read(archive)
        if manifest.engine != engine:
            raise BackupError(
                f"The archive holds a {manifest.engine} database; the target is {engine}."
            )
        archive.extract(manifest.member, work, filter="data")
        dump = Path(work) / manifest.member
        tables = _database_load(dump, engine, database, own=not database_url)
        if with_files:
            for name in manifest.files:
                member = archive.extractfile(f"{FILES}/{name}")
                if member is None:
                    raise BackupError(f"The archive lacks the file {name}.")
                if storage.exists(name):
                    storage.delete(name)
                saved = storage.save(name, File(member, name=PurePosixPath(name).name))
                if saved != name or storage.size(saved) != manifest.files[name]:
                    raise BackupError(f"The file {name} could not be restored as it was.")
    missing = {t: n for t, n in manifest.tables.items() if tables.get(t) != n}
    if missing:
        raise BackupError(f"Rows differ from the backup in: {', '.join(sorted(missing))}.")
    return Restored(manifest=manifest, tables=tables)


def _database_load(
    dump: Path, engine: str, database: Mapping[str, Any], *, own: bool
) -> dict[str, int]:
    """Load `dump` into `database` (the site's own connection when `own`); rows per table."""
    if engine == "sqlite":
        source = sqlite3.connect(dump)
        try:
            if own:
                site = connections["default"]
                site.ensure_connection()
                source.backup(site.connection)
                with site.cursor() as cursor:
                    return table_counts(cursor, engine)
            target = sqlite3.connect(database["NAME"])
            try:
                source.backup(target)
                return table_counts(target.cursor(), engine)
            finally:
                target.close()
        finally:
            source.close()
    arguments, env = _postgres_arguments(database)
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *arguments,
            str(dump),
        ],
        env,
    )
    if own:
        site = connections["default"]
        site.close()  # the tables were dropped and made anew beneath it
        with site.cursor() as cursor:
            return table_counts(cursor, engine)
    with psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
    ) as other:
        return table_counts(other.cursor(), engine)

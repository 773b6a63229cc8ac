"""Production names its database at start, and `check --deploy` warns on SQLite."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from transferraum.core.checks import database_description, database_log_at_start, database_warnings

ROOT = Path(__file__).resolve().parents[3]
POSTGRES = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "transferraum",
    "USER": "transferraum",
    "PASSWORD": "geheim-4711",
    "HOST": "db.example",
    "PORT": 5432,
}
SQLITE = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/var/lib/transferraum/db.sqlite3"}


def test_the_description_names_the_database_without_its_password():
    assert database_description(POSTGRES) == "PostgreSQL transferraum@db.example:5432/transferraum"
    assert database_description(SQLITE) == "SQLite /var/lib/transferraum/db.sqlite3"
    assert database_description({**POSTGRES, "USER": "", "HOST": "", "PORT": ""}) == (
        "PostgreSQL localhost/transferraum"
    )


def test_only_sqlite_is_warned_about():
    assert database_warnings(POSTGRES) == []
    (warning,) = database_warnings(SQLITE)
    assert warning.id == "core.W001"
    assert "/var/lib/transferraum/db.sqlite3" in warning.msg
    assert "PostgreSQL" in warning.hint


def test_the_start_log_line_is_written_only_when_switched_on(settings, caplog):
    caplog.set_level(logging.INFO, logger="transferraum.database")
    settings.DATABASE_LOG_AT_START = False
    database_log_at_start()
    assert caplog.records == []

    settings.DATABASE_LOG_AT_START = True
    database_log_at_start()
    (record,) = caplog.records
    assert record.getMessage().startswith("Database in use: ")


def check_deploy(tmp_path: Path, database_url: str) -> str:
    """What `manage.py check --deploy` prints with production settings and this database."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "check-test-key-5d1e9a7c3b8f2e6a0d4c9b1f7e3a5c8d2b6f0e4a",
        "DATABASE_URL": database_url,
        "TRANSFERRAUM_VAR_DIR": str(tmp_path),
        "SITE_URL": "https://transferraum.example",
        "LOG_LEVEL": "INFO",
    }
    done = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout + done.stderr


def test_production_settings_name_sqlite_at_start_and_the_deploy_check_warns(tmp_path):
    output = check_deploy(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}")

    assert f"Database in use: SQLite {tmp_path / 'site.sqlite3'}" in output
    assert "core.W001" in output


def test_production_settings_name_postgresql_without_the_password(tmp_path):
    output = check_deploy(
        tmp_path, "postgres://transferraum:geheim-4711@db.example:5432/transferraum"
    )

    assert "Database in use: PostgreSQL transferraum@db.example:5432/transferraum" in output
    assert "geheim-4711" not in output
    assert "core.W001" not in output

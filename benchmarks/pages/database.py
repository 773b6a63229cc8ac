"""The bench database: created or replaced on PostgreSQL, filled with `manage.py generate_data`.

Shared by the page budget and the load test (both serve the same data)."""

from __future__ import annotations

import sys
import time
from urllib.parse import urlsplit

from benchmarks.serve import DATABASE_STEPS, manage

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/transferraum_bench"


def database_replace(database_url: str) -> None:
    """Drop the database of `database_url` (if it exists) and create it empty."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name or not name.replace("_", "").isalnum():
        raise ValueError(f"not a plain database name: {name!r}")
    maintenance = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://")
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def static_collect(env: dict[str, str]) -> None:
    """The static files, hashed and compressed, into the work directory of `env`."""
    _run(env, ["collectstatic", "--no-input", "-v0"])


def _run(env: dict[str, str], command: list[str]) -> None:
    started = time.monotonic()
    print("manage.py", *command, end="", file=sys.stderr, flush=True)
    manage(env, *command)
    print(f" ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)


def data_load(env: dict[str, str], size: str, *, fresh: bool) -> None:
    """Migrate, load the reference data and generate `size` (a fresh database when `fresh`,
    else the generated data is replaced)."""
    steps: list[list[str]] = []
    if fresh:
        database_replace(env["DATABASE_URL"])
        steps += [list(step) for step in DATABASE_STEPS]
    # A throwaway database: the personas' published password is no risk here (--force).
    steps.append(["generate_data", "--size", size, "--replace", "--force"])
    for command in steps:
        _run(env, command)

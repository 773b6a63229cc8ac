"""The database in use: named in the log when production starts, and `manage.py check
--deploy` warns when production runs on SQLite."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning, register

logger = logging.getLogger("transferraum.database")

SQLITE = "django.db.backends.sqlite3"


def database_description(database: Mapping[str, Any]) -> str:
    """Which database a settings entry points at, without its password: "SQLite <path>" or
    "PostgreSQL <user>@<host>:<port>/<name>"."""
    if database["ENGINE"] == SQLITE:
        return f"SQLite {database['NAME']}"
    vendor = {"django.db.backends.postgresql": "PostgreSQL"}.get(
        database["ENGINE"], database["ENGINE"]
    )
    user = f"{database['USER']}@" if database.get("USER") else ""
    host = database.get("HOST") or "localhost"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"{vendor} {user}{host}{port}/{database['NAME']}"


def database_log_at_start() -> None:
    """One log line naming the database (settings.DATABASE_LOG_AT_START, on in production), so
    that an operator sees at once which one a server uses; a warning for SQLite."""
    if not settings.DATABASE_LOG_AT_START:
        return
    database = settings.DATABASES["default"]
    if database["ENGINE"] == SQLITE:
        logger.warning(
            "Database in use: %s (one server, few writers at once; see docs/deployment.md)",
            database_description(database),
        )
    else:
        logger.info("Database in use: %s", database_description(database))


@register("deployment", deploy=True)
def sqlite_in_production_check(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    return database_warnings(settings.DATABASES["default"])


def database_warnings(database: Mapping[str, Any]) -> list[CheckMessage]:
    """A warning when `database` is SQLite: fine for trying out and small sites, not for load."""
    if database["ENGINE"] != SQLITE:
        return []
    return [
        Warning(
            f"The site runs on {database_description(database)}.",
            hint=(
                "SQLite serves one server with a handful of people writing at once. For more, "
                "or for several app servers, set DATABASE_URL to PostgreSQL (docs/deployment.md)."
            ),
            id="core.W001",
        )
    ]

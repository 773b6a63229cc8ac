"""A write that cannot get the database answers 503 "please send again" with the input kept,
never a 500 (core.errors.database_fault_response through DatabaseFaultMiddleware).

A second connection holds the write lock while a student sends a ranking: on SQLite with
BEGIN IMMEDIATE (the request's busy timeout cut to 50 ms), on PostgreSQL with a table lock
(the request's lock_timeout cut to 200 ms). The page repeats every sent field; sending them
again once the lock is free saves the ranking."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection, connections
from django.urls import reverse

from transferraum.projects.models import Application
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory

pytestmark = pytest.mark.django_db(transaction=True)

MOTIVATION = "Ich kenne den Bahnhof seit meiner Kindheit & möchte ihn beleben."


@contextmanager
def write_lock_held() -> Iterator[None]:
    """Another connection holds the lock the request's write needs, for the block."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            if connection.vendor == "sqlite":
                connection.ensure_connection()
                connection.connection.execute("PRAGMA busy_timeout = 50")
                cursor.execute("BEGIN IMMEDIATE")
            else:
                with connection.cursor() as own:
                    own.execute("SET lock_timeout = '200ms'")
                cursor.execute("BEGIN")
                cursor.execute("LOCK TABLE projects_application IN ACCESS EXCLUSIVE MODE")
            try:
                yield
            finally:
                cursor.execute("ROLLBACK")
    finally:
        other.close()
        with connection.cursor() as own:
            if connection.vendor == "sqlite":
                own.execute("PRAGMA busy_timeout = 20000")
            else:
                own.execute("RESET lock_timeout")


def hidden_fields(page: str) -> list[tuple[str, str]]:
    return [
        (html.unescape(name), html.unescape(value))
        for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', page)
    ]


def test_a_ranking_sent_while_the_database_is_locked_is_kept_for_sending_again(
    client, student_geography
):
    round_ = RoundFactory(min_choices=3, max_choices=4)
    projects = [ProjectFactory(round=round_, title=t) for t in ("Bahnhof", "Dorfladen", "Markt")]
    client.force_login(student_geography)
    url = reverse("projects:apply", args=[round_.pk])
    data = {"work_with_1": "", "work_with_2": ""}
    for rank, project in enumerate(projects, start=1):
        data[f"rank_{project.pk}"] = str(rank)
        data[f"motivation_{project.pk}"] = MOTIVATION if rank <= 2 else ""

    with write_lock_held():
        refused = client.post(url, data, HTTP_ACCEPT_LANGUAGE="de")

    assert refused.status_code == 503
    assert refused["Retry-After"] == "5"
    assert refused["Cache-Control"] == "no-store"
    page = refused.content.decode()
    assert "Bitte noch einmal senden" in page
    assert "Noch einmal senden" in page
    assert f'action="{url}"' in page
    kept = dict(hidden_fields(page))
    assert {name: kept[name] for name in data} == data
    assert "csrfmiddlewaretoken" in kept
    assert not Application.objects.exists()

    # The lock is free again: the page's button sends the same fields, and they are saved.
    sent_again = client.post(url, dict(hidden_fields(page)))

    assert sent_again.status_code == 302
    application = Application.objects.get(student=student_geography)
    assert [c.project for c in application.choices.order_by("rank")] == projects
    assert application.choices.get(rank=2).motivation == MOTIVATION

"""Which database errors pass (503 "please send again") and which stay a 500, and the page
that keeps what was sent. The lock itself is forced in tests/test_database_faults.py."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import utils
from django.test import RequestFactory
from django.utils import translation

from transferraum.core.errors import DatabaseFault, database_fault, database_fault_response
from transferraum.core.views import error_500


def wrapped(cause: Exception, kind: type[Exception] = utils.OperationalError) -> Exception:
    """The error as Django raises it: its own class, the driver's error as the cause."""
    error = kind(*cause.args)
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "fault"),
    [
        (wrapped(sqlite3.OperationalError("database is locked")), DatabaseFault.BUSY),
        (wrapped(sqlite3.OperationalError("database table is locked")), DatabaseFault.BUSY),
        (wrapped(sqlite3.OperationalError("no such table: projects_round")), None),
        (wrapped(psycopg.errors.LockNotAvailable("lock timeout")), DatabaseFault.BUSY),
        (wrapped(psycopg.errors.DeadlockDetected("deadlock detected")), DatabaseFault.BUSY),
        (wrapped(psycopg.errors.SerializationFailure("could not serialize")), DatabaseFault.BUSY),
        (wrapped(psycopg.errors.QueryCanceled("statement timeout")), DatabaseFault.BUSY),
        (
            wrapped(psycopg.OperationalError("server closed the connection")),
            DatabaseFault.UNREACHABLE,
        ),
        (
            wrapped(psycopg.errors.AdminShutdown("terminating connection")),
            DatabaseFault.UNREACHABLE,
        ),
        (
            wrapped(psycopg.errors.ConnectionFailure("connection failure")),
            DatabaseFault.UNREACHABLE,
        ),
        (
            wrapped(psycopg.errors.DiskFull("no space left"), utils.OperationalError),
            DatabaseFault.BUSY,
        ),
        (utils.InterfaceError("connection already closed"), DatabaseFault.UNREACHABLE),
        (utils.OperationalError("raised by hand, no driver error"), None),
        (utils.IntegrityError("duplicate key"), None),
        (ValueError("not a database error"), None),
    ],
)
def test_passing_faults_are_told_apart_from_errors(error, fault):
    assert database_fault(error) is fault


def test_the_page_repeats_every_sent_value_but_no_password_and_says_files_are_lost():
    request = RequestFactory().post(
        "/organisationen/neu/?von=start",
        {
            "name": 'Café "Mulde" <Eilenburg>',
            "topics": ["1", "7"],
            "password": "geheim-123",
            "logo": SimpleUploadedFile("logo.png", b"\x89PNG", content_type="image/png"),
        },
        HTTP_X_CSRFTOKEN="token-from-the-header",
    )

    with translation.override("en"):
        response = database_fault_response(request, DatabaseFault.UNREACHABLE)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert 'action="/organisationen/neu/?von=start"' in page
    assert 'name="name" value="Café &quot;Mulde&quot; &lt;Eilenburg&gt;"' in page
    assert 'name="topics" value="1"' in page
    assert 'name="topics" value="7"' in page
    assert "geheim-123" not in page
    assert 'name="csrfmiddlewaretoken"' in page  # the header's token becomes a field
    assert "Files you chose cannot be kept" in page
    assert "Passwords are not kept on this page" in page
    assert "The database cannot be reached at the moment" in page


def test_a_page_asked_for_offers_to_load_it_again_without_a_form():
    response = database_fault_response(
        RequestFactory().get("/herausforderungen/?seite=2"), DatabaseFault.BUSY
    )

    page = response.content.decode()
    assert response.status_code == 503
    assert "<form" not in page
    assert 'href="/herausforderungen/?seite=2"' in page


def test_a_fault_outside_a_view_reaches_the_same_page_through_the_500_handler():
    request = RequestFactory().post("/konto/einstellungen/", {"name": "Lena"})
    try:
        raise wrapped(sqlite3.OperationalError("database is locked"))
    except utils.OperationalError:
        response = error_500(request)
    assert response.status_code == 503
    assert 'name="name" value="Lena"' in response.content.decode()


@pytest.mark.django_db
def test_any_other_error_stays_the_500_page():
    request = RequestFactory().get("/")
    try:
        raise wrapped(sqlite3.OperationalError("no such table: projects_round"))
    except utils.OperationalError:
        response = error_500(request)
    assert response.status_code == 500


def test_to_htmx_the_page_replaces_the_whole_body():
    request = RequestFactory().post(
        "/projekte/runden/1/bewerben/", {"rank_1": "7"}, HTTP_HX_REQUEST="true"
    )

    response = database_fault_response(request, DatabaseFault.BUSY)

    assert response.status_code == 503
    assert response["HX-Retarget"] == "body"
    assert response["HX-Reswap"] == "innerHTML"
    plain = database_fault_response(RequestFactory().post("/x/", {"a": "b"}), DatabaseFault.BUSY)
    assert "HX-Retarget" not in plain

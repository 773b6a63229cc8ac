"""Errors that services raise when a business rule refuses an action, and the answer to a
database fault that passes (a busy lock, a broken connection)."""

from __future__ import annotations

import enum
import sqlite3
from typing import TYPE_CHECKING

from django import db
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import loader
from django.utils import translation

from transferraum.core.htmx import as_whole_page

if TYPE_CHECKING:
    from django.forms import BaseForm


class DomainError(Exception):
    """A refused action; `message` is translated and shown to the person as it is."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)

    def attach_to(self, form: BaseForm) -> None:
        """Show the refusal on `form`: at its field when the form has that field, otherwise
        above the form. A form whose field has another name than the service's argument maps
        it in `service_fields` (e.g. "work_with" -> "work_with_1"). What was typed stays."""
        field = getattr(form, "service_fields", {}).get(self.field, self.field)
        form.add_error(field if field in form.fields else None, self.message)


class PermissionDenied(DjangoPermissionDenied):
    """The person may not do this. Not a DomainError: it is never shown as a form error, but
    travels up to Django, which answers 403 with the message.

    `needs_role` names the role (a code such as "student") that would open the page; the 403
    page then offers to ask for it. core only carries the code: what a role is and how one asks
    for it belongs to accounts, which renders the offer."""

    def __init__(self, message: str, *, needs_role: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.needs_role = str(needs_role)


class DatabaseFault(enum.Enum):
    """A database error that passes: the request may simply be sent again.

    BUSY: SQLite's write lock was not free within the busy timeout, or PostgreSQL gave up on a
    lock, a deadlock or a serialisation conflict. UNREACHABLE: the connection to the database
    failed or broke off. Both roll the transaction back, so nothing was saved."""

    BUSY = "busy"
    UNREACHABLE = "unreachable"


# SQLSTATE classes of PostgreSQL errors that pass (https://www.postgresql.org/docs/current/
# errcodes-appendix.html): 08 connection, 40 serialisation and deadlock, 53 resources,
# 57 operator intervention (shut-down, cancelled statement), 55P03 lock not available.
_BUSY_STATES = ("40", "53", "55P03", "57014")
_UNREACHABLE_STATES = ("08", "57P")


def database_fault(exc: BaseException) -> DatabaseFault | None:
    """What kind of passing database fault `exc` is, or None for every other error (a missing
    table or a broken query stays a 500: sending again would not help)."""
    if isinstance(exc, db.InterfaceError):
        return DatabaseFault.UNREACHABLE  # the connection is closed
    if not isinstance(exc, db.OperationalError):
        return None
    cause = exc.__cause__
    if isinstance(cause, sqlite3.OperationalError):
        text = str(cause).lower()
        return DatabaseFault.BUSY if "locked" in text or "busy" in text else None
    state = getattr(cause, "sqlstate", None)
    if state is None:
        # psycopg gives no SQLSTATE when no server answered: the connection failed or broke.
        return DatabaseFault.UNREACHABLE if cause is not None else None
    if state.startswith(_UNREACHABLE_STATES):
        return DatabaseFault.UNREACHABLE
    if state.startswith(_BUSY_STATES):
        return DatabaseFault.BUSY
    return None


# Fields never written back into a page: a password typed once is typed again.
_NOT_REPEATED = ("password",)


def database_fault_response(request: HttpRequest, fault: DatabaseFault) -> HttpResponse:
    """503 with a page that says what happened and, for a sent form, repeats every field as a
    hidden input behind a "Send again" button, so nothing typed is lost. Files cannot be kept
    (the page says so), nor passwords. Rendered without the request's context processors: the
    database may be what failed."""
    fields = (
        [
            (name, value)
            for name, values in request.POST.lists()
            if not any(word in name.lower() for word in _NOT_REPEATED)
            for value in values
        ]
        if request.method == "POST"
        else []
    )
    if fields and "csrfmiddlewaretoken" not in request.POST:
        # The form sent its token in a header (htmx): the plain form needs it as a field.
        fields.append(("csrfmiddlewaretoken", get_token(request)))
    context = {
        "fault": fault.value,
        "sent": request.method == "POST",
        "fields": fields,
        "action": request.get_full_path(),
        "files_lost": request.method == "POST" and bool(request.FILES),
        "passwords_left_out": any(
            word in name.lower() for name in request.POST for word in _NOT_REPEATED
        ),
        "LANGUAGE_CODE": translation.get_language(),
    }
    response = HttpResponse(loader.render_to_string("database_fault.html", context), status=503)
    response["Retry-After"] = "5" if fault is DatabaseFault.BUSY else "30"
    response["Cache-Control"] = "no-store"
    return as_whole_page(request, response)

"""Errors that services raise when a business rule refuses an action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied

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

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
        above the form. What was typed stays in the bound form."""
        form.add_error(self.field if self.field in form.fields else None, self.message)


class PermissionDenied(DjangoPermissionDenied):
    """The person may not do this. Not a DomainError: it is never shown as a form error, but
    travels up to Django, which answers 403 with the message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

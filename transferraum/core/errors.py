"""Errors that services raise when a business rule refuses an action."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied


class DomainError(Exception):
    """A refused action; `message` is translated and shown to the person as it is."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


class PermissionDenied(DjangoPermissionDenied):
    """The person may not do this. Not a DomainError: it is never shown as a form error, but
    travels up to Django, which answers 403 with the message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

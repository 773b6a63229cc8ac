"""The lifecycle of a role request as data (`core.workflow.request_lifecycle`): open → granted,
refused or withdrawn. Services take the steps; tests walk it as a table."""

from __future__ import annotations

from transferraum.core.workflow import REQUESTER, request_lifecycle

__all__ = ["COORDINATOR", "EMAIL_DOMAIN", "LIFECYCLE", "REQUESTER"]

COORDINATOR = "coordinator"
# The platform itself, granting the student role for a verified address at a university's
# e-mail domain; no person takes this part.
EMAIL_DOMAIN = "email_domain"

LIFECYCLE = request_lifecycle(
    "role_request",
    grant=frozenset({COORDINATOR, EMAIL_DOMAIN}),
    refuse=frozenset({COORDINATOR}),
)

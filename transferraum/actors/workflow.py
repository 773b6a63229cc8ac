"""The lifecycle of a membership request as data (`core.workflow.request_lifecycle`): open →
granted, refused or withdrawn. Services take the steps; tests walk it as a table."""

from __future__ import annotations

from transferraum.core.workflow import REQUESTER, request_lifecycle

__all__ = ["ADMIN", "COORDINATOR", "MEMBERSHIP_REQUEST", "REQUESTER"]

ADMIN = "admin"  # an administrator of the organisation
COORDINATOR = "coordinator"

MEMBERSHIP_REQUEST = request_lifecycle(
    "membership_request",
    grant=frozenset({ADMIN, COORDINATOR}),
    refuse=frozenset({ADMIN, COORDINATOR}),
)

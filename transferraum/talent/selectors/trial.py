"""Reads of trial living, scoped to the person who reads."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from transferraum.accounts.types import Viewer
from transferraum.core.errors import PermissionDenied
from transferraum.talent.models import TrialApplication, TrialCall
from transferraum.talent.permissions import (
    can_manage_call,
    can_view_application,
    can_view_call,
)

A = TrialApplication.Status


def calls_for_viewer(viewer: Viewer) -> QuerySet[TrialCall]:
    """Published and closed calls, and the drafts of the viewer's towns."""
    rows = TrialCall.objects.published()
    if viewer.is_authenticated:
        rows = rows | TrialCall.objects.filter(town__memberships__user_id=viewer.pk)
    return (
        rows.distinct()
        .select_related("town", "municipality")
        .annotate(accepted=Count("applications", filter=Q(applications__status=A.ACCEPTED)))
        .order_by("-starts_on", "pk")
    )


def call_for_viewer(viewer: Viewer, pk: int) -> TrialCall:
    """A call the viewer may see (404 otherwise)."""
    call = TrialCall.objects.select_related("town", "municipality").filter(pk=pk).first()
    if call is None or not can_view_call(viewer, call):
        raise Http404
    return call


def call_for_manager(viewer: Viewer, pk: int) -> TrialCall:
    """A call of the viewer's town: 404 when they may not see it, 403 when they may not
    select its applicants."""
    call = call_for_viewer(viewer, pk)
    if not can_manage_call(viewer, call):
        raise PermissionDenied(_("Only the town's staff select the participants."))
    return call


def applications_of(call: TrialCall) -> QuerySet[TrialApplication]:
    """A call's applications for its town: accepted, waiting (in order), open, then the rest."""
    return call.applications.select_related("person", "stay", "stay__contact").order_by(
        "status", "waitlist_position", "created_at", "pk"
    )


def application_for_viewer(viewer: Viewer, pk: int) -> TrialApplication:
    """The applicant's own application or one of the viewer's town (404 otherwise)."""
    application = (
        TrialApplication.objects.select_related("call__town", "person", "stay__contact")
        .filter(pk=pk)
        .first()
    )
    if application is None or not can_view_application(viewer, application):
        raise Http404
    return application


def applications_of_person(person: Any) -> QuerySet[TrialApplication]:
    return (
        TrialApplication.objects.filter(person_id=person.pk)
        .select_related("call", "stay")
        .order_by("-created_at", "pk")
    )


def call_counts(call: TrialCall) -> dict[str, int]:
    """How many applications a call has in each status (one query)."""
    return call.applications.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in A.values}
    )

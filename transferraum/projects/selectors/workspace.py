"""Reads of a team's workspace: who belongs to it and everything on its page, in a fixed number
of queries however much the team has written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.core.errors import PermissionDenied
from transferraum.projects.models import (
    Assignment,
    Document,
    DocumentVersion,
    Feedback,
    Meeting,
    Milestone,
    Post,
    Project,
)
from transferraum.projects.permissions import can_view_workspace


def workspace_for_member(viewer: Viewer, pk: int) -> Project:
    """The project whose workspace `viewer` belongs to (team, supervisors, partners,
    coordinators, once the allocation is published): 404 if there is none, 403 if it is not
    theirs. (Unlike `project_for_viewer`, the 403 tells that the project exists: its public page
    says so anyway, except in preparation, when no workspace is open to anyone.)"""
    project = (
        Project.objects.select_related("round", "challenge__organisation", "format")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404
    if not can_view_workspace(viewer, project):
        raise PermissionDenied(_("Only the team, its supervisors and partners see this workspace."))
    return project


@dataclass(frozen=True)
class WorkspacePeople:
    """The people of a workspace. Partners are the project's named contacts; while none are
    named, the members of the challenge's organisation stand in for them."""

    members: list[Assignment]  # with student and study programme
    supervisors: list[User]
    partners: list[User]

    def everyone(self) -> list[User]:
        """Each person once, in the order of the page: team, supervisors, partners."""
        seen: dict[int, User] = {}
        for person in [a.student for a in self.members] + self.supervisors + self.partners:
            seen.setdefault(person.pk, person)
        return list(seen.values())


def workspace_people(project: Project) -> WorkspacePeople:
    """At most four queries."""
    members = list(
        Assignment.objects.filter(round_id=project.round_id, project=project)
        .select_related("student__study_programme")
        .order_by("student__name", "student__email")
    )
    supervisors = list(project.supervisors.order_by("name", "email"))
    partners = list(project.partner_contacts.order_by("name", "email"))
    if not partners:
        partners = list(
            User.objects.filter(
                memberships__organisation_id=project.challenge.organisation_id, is_active=True
            )
            .distinct()
            .order_by("name", "email")
        )
    return WorkspacePeople(members=members, supervisors=supervisors, partners=partners)


@dataclass(frozen=True)
class MilestoneRow:
    milestone: Milestone
    overdue: bool


@dataclass(frozen=True)
class Workspace:
    project: Project
    people: WorkspacePeople
    milestones: list[MilestoneRow]
    upcoming_meetings: list[Meeting]
    past_meetings: list[Meeting]
    documents: list[Document]  # working documents, each with its versions newest first
    deliverables: list[Document]  # final report, presentation, other deliverables
    posts: list[Post]  # oldest first: the newest is last, next to the form
    feedback: dict[str, Feedback]  # stage → the partner's feedback


def _milestone_rows(project: Project, today: dt.date) -> list[MilestoneRow]:
    return [
        MilestoneRow(
            milestone=milestone,
            overdue=milestone.due_on < today and milestone.status != Milestone.Status.DONE,
        )
        for milestone in project.milestones.order_by("due_on", "pk")
    ]


def workspace_for(project: Project, *, now: dt.datetime | None = None) -> Workspace:
    """Everything the workspace page shows; `project` comes from `workspace_for_member`, so the
    viewer is already authorised. A constant number of queries (about a dozen)."""
    now = now or timezone.now()
    meetings = list(
        project.meetings.prefetch_related(
            Prefetch("attendees", queryset=User.objects.order_by("name", "email"))
        ).order_by("starts_at", "pk")
    )
    documents = list(
        project.documents.select_related("created_by")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=DocumentVersion.objects.select_related("uploaded_by").order_by("-number"),
            )
        )
        .order_by("title", "pk")
    )
    return Workspace(
        project=project,
        people=workspace_people(project),
        milestones=_milestone_rows(project, timezone.localdate(now)),
        upcoming_meetings=[m for m in meetings if m.starts_at >= now],
        # The latest meeting first: its minutes are the ones people look for.
        past_meetings=[m for m in reversed(meetings) if m.starts_at < now],
        documents=[d for d in documents if d.category not in Document.DELIVERABLES],
        deliverables=[d for d in documents if d.category in Document.DELIVERABLES],
        posts=list(project.posts.select_related("author").order_by("created_at", "pk")),
        feedback={f.stage: f for f in project.feedback.select_related("author")},
    )


def feedback_for(project: Project, stage: str) -> Feedback | None:
    return Feedback.objects.filter(project=project, stage=stage).first()

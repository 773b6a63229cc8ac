"""What waits for a person on their start page (core.start): a coordinator's rounds whose phase
ends soon and allocations to publish; a student's open rounds, ranking and team; a supervisor's
projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import cast

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from transferraum.accounts.models import User
from transferraum.core.start import LIMIT, StartItem, bounded_items, start_register
from transferraum.projects import phases
from transferraum.projects.models import AllocationRun, Assignment, Milestone, Project, Round
from transferraum.projects.permissions import applications_open, is_student
from transferraum.projects.selectors.applications import rounds_to_apply

AREA = "projects"
P = Round.Phase
SOON = dt.timedelta(days=14)

# phase → the date of the round that ends it (the coordinator advances the round then)
PHASE_ENDS: dict[str, str] = {
    P.APPLICATIONS: "applications_close_at",
    P.ALLOCATION: "work_starts_on",
    P.WORK: "presentation_on",
    P.PRESENTATION: "ends_on",
}


def _next_milestone(field: str, project: str = "pk") -> Subquery:
    """The next milestone that is not done (its `field`) of the project that the outer query's
    `project` names."""
    return Subquery(
        Milestone.objects.filter(project_id=OuterRef(project))
        .exclude(status=Milestone.Status.DONE)
        .order_by("due_on", "pk")
        .values(field)[:1]
    )


def _milestone_detail(title: str | None, default: str) -> str:
    if title:
        return _("Next milestone: %(title)s") % {"title": title}
    return default


# --- coordinators -----------------------------------------------------------------------------


def _phases_ending(now: dt.datetime) -> list[StartItem]:
    """Rounds whose current phase ends within two weeks (or should have ended): the step that
    advances them."""
    today = timezone.localdate(now)
    soon = Q(phase=P.APPLICATIONS, applications_close_at__lte=now + SOON)
    for phase, date_field in list(PHASE_ENDS.items())[1:]:
        soon |= Q(phase=phase, **{f"{date_field}__lte": today + SOON})
    rounds = sorted(
        Round.objects.filter(soon).order_by("pk")[: LIMIT + 1],
        key=lambda round: _sort_key(getattr(round, PHASE_ENDS[round.phase])),
    )
    return bounded_items(
        rounds,
        lambda round: StartItem(
            title=round.name,
            area=AREA,
            url=round.get_absolute_url(),
            action=str(phases.ADVANCE_FROM[round.phase].label),
            due=getattr(round, PHASE_ENDS[round.phase]),
            detail=_("Phase: %(phase)s") % {"phase": round.get_phase_display()},
        ),
        more_url=reverse("projects:rounds"),
        more_title=_("All rounds"),
    )


def _sort_key(due: dt.date | dt.datetime | None) -> dt.date:
    if isinstance(due, dt.datetime):
        return timezone.localdate(due)
    return due or dt.date.max


def _to_publish() -> list[StartItem]:
    """Rounds in allocation whose newest run has finished and whose teams are not published."""
    latest = AllocationRun.objects.filter(round_id=OuterRef("pk")).order_by("-created_at", "-pk")
    rounds = (
        Round.objects.filter(phase=P.ALLOCATION, published_at__isnull=True)
        .annotate(
            run_status=Subquery(latest.values("status")[:1]),
            run_finished=Subquery(latest.values("finished_at")[:1]),
        )
        .filter(run_status=AllocationRun.Status.DONE)
        .order_by("pk")
    )
    return bounded_items(
        rounds,
        lambda round: StartItem(
            title=round.name,
            area=AREA,
            url=reverse("projects:allocation", args=[round.pk]),
            action=_("Publish the allocation"),
            due=round.work_starts_on,
            detail=_("An allocation run has finished; the teams are not published yet."),
        ),
        more_url=reverse("projects:rounds"),
        more_title=_("All rounds"),
    )


# --- students ---------------------------------------------------------------------------------


def _rounds_of_student(user: User) -> list[StartItem]:
    """Open rounds: to apply to, or with the ranking submitted (changeable until the
    deadline)."""
    items = bounded_items(
        rounds_to_apply(user),
        _to_apply_page(
            _("Rank the projects"), _("Applications are open; you have not applied yet.")
        ),
        more_url=reverse("projects:rounds"),
        more_title=_("All rounds"),
    )
    applied = Round.objects.filter(phase=P.APPLICATIONS, applications__student=user).order_by(
        "applications_close_at", "pk"
    )
    return items + bounded_items(
        [round for round in applied[: LIMIT + 1] if applications_open(round)],
        _to_apply_page(
            _("Change the ranking"),
            _("Your ranking is submitted; you can change it until the deadline."),
        ),
        more_url=reverse("projects:mine"),
        more_title=_("My projects"),
    )


def _to_apply_page(action: str, detail: str) -> Callable[[Round], StartItem]:
    """The item of an open round, leading to its apply page, due at the deadline."""
    return lambda round: StartItem(
        title=round.name,
        area=AREA,
        url=reverse("projects:apply", args=[round.pk]),
        action=action,
        due=round.applications_close_at,
        detail=detail,
    )


def _team_of_student(user: User) -> list[StartItem]:
    """The running projects of published allocations the student works in, with the next
    milestone."""
    assignments = (
        Assignment.objects.filter(
            student=user,
            round__published_at__isnull=False,
            project__status=Project.Status.RUNNING,
        )
        .select_related("project__round")
        .annotate(
            next_title=_next_milestone("title", "project_id"),
            next_due=_next_milestone("due_on", "project_id"),
        )
        .order_by("-round__published_at", "pk")
    )
    return bounded_items(
        assignments, _team_item, more_url=reverse("projects:mine"), more_title=_("My projects")
    )


def _team_item(assignment: Assignment) -> StartItem:
    project = cast(Project, assignment.project)  # the query leaves out places without a team
    return StartItem(
        title=project.title,
        area=AREA,
        url=reverse("projects:workspace", args=[project.pk]),
        action=_("Open the team's workspace"),
        due=assignment.next_due,  # type: ignore[attr-defined]
        detail=_milestone_detail(
            assignment.next_title,  # type: ignore[attr-defined]
            _("Your team in %(round)s") % {"round": project.round.name},
        ),
    )


# --- supervisors ------------------------------------------------------------------------------


def _supervised(user: User) -> QuerySet[Project]:
    return (
        Project.objects.filter(
            supervisors=user, status__in=(Project.Status.OPEN, Project.Status.RUNNING)
        )
        .exclude(round__phase=P.PREPARATION)
        .select_related("round")
        .annotate(
            applicants=Count("choices", distinct=True),
            next_title=_next_milestone("title"),
            next_due=_next_milestone("due_on"),
        )
        .order_by("round__applications_close_at", "title", "pk")
    )


def _projects_of_supervisor(user: User) -> list[StartItem]:
    """Projects the person supervises: applicants while the round takes applications, the
    workspace and its next milestone once the team works."""
    return bounded_items(
        _supervised(user),
        _supervised_item,
        more_url=reverse("projects:supervised"),
        more_title=_("All projects you supervise"),
    )


def _supervised_item(project: Project) -> StartItem:
    working = project.status == Project.Status.RUNNING and project.round.is_published
    if working:
        url = reverse("projects:workspace", args=[project.pk])
        action = _("Open the team's workspace")
        due: dt.date | dt.datetime | None = project.next_due  # type: ignore[attr-defined]
        detail = _milestone_detail(
            project.next_title,  # type: ignore[attr-defined]
            _("Round: %(round)s") % {"round": project.round.name},
        )
    else:
        url = project.get_absolute_url()
        action = _("Open the project")
        due = project.round.applications_close_at if project.round.phase == P.APPLICATIONS else None
        count = project.applicants  # type: ignore[attr-defined]
        detail = ngettext(
            "%(count)d student has ranked it so far.",
            "%(count)d students have ranked it so far.",
            count,
        ) % {"count": count}
    return StartItem(title=project.title, area=AREA, url=url, action=action, due=due, detail=detail)


@start_register(AREA, gettext_lazy("Projects"), order=50)
def items_for(user: User) -> list[StartItem]:
    items: list[StartItem] = []
    if user.is_coordinator:
        now = timezone.now()
        items += _phases_ending(now) + _to_publish()
    if is_student(user):
        items += _rounds_of_student(user) + _team_of_student(user)
    if user.has_role(User.Role.SUPERVISOR):
        items += _projects_of_supervisor(user)
    return items

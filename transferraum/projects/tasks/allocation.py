"""Background work of the allocation: a run of the engine, a student's first-choice question,
and the e-mails on publication."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.core.tasks import TaskFailure, task
from transferraum.notifications.services import notify
from transferraum.projects.models import Application, Assignment, Project, Round
from transferraum.projects.notification_kinds import ALLOCATION_PUBLISHED
from transferraum.projects.selectors.allocation import (
    key_pk,
    language_of,
    latest_done_run,
    student_key,
)
from transferraum.projects.services.allocation import (
    allocation_execute,
    allocation_task_stopped,
    counterfactual_execute,
    counterfactual_task_stopped,
)


def _run_stopped(failure: TaskFailure) -> None:
    allocation_task_stopped(run_id=failure.args[0], lost=failure.lost, retrying=failure.retrying)


def _question_stopped(failure: TaskFailure) -> None:
    counterfactual_task_stopped(counterfactual_id=failure.args[0], retrying=failure.retrying)


# Safe to run again: the run starts over from "waiting" and saves its teams in one transaction
# at the end; a second lost worker fails the run, so that the coordinator can look and start
# anew.
@task(retry=True, max_attempts=2, on_failure=_run_stopped)
def allocation_run(run_id: int) -> None:
    """Carry out a queued allocation run (see `allocation_execute`)."""
    allocation_execute(run_id=run_id)


# Safe to run again: the question is computed again from the run; nothing else changes.
@task(retry=True, max_attempts=2, on_failure=_question_stopped)
def allocation_counterfactual(counterfactual_id: int) -> None:
    """Answer a student's question "what if I had got my first choice?" (see
    `counterfactual_execute`)."""
    counterfactual_execute(counterfactual_id=counterfactual_id)


@task(retry=True)  # e-mails only: `notify` sends each message of a task once
def allocation_notify(round_id: int) -> None:
    """Tell everyone concerned about the published allocation, each in their own language:
    placed students their project and the explanation, unplaced students the suggestions,
    supervisors and partner contacts their team."""
    round = Round.objects.get(pk=round_id)
    assignments = {
        a.student_id: a
        for a in Assignment.objects.filter(round=round).select_related("project", "student")
    }
    applicants = [
        a.student
        for a in Application.objects.filter(round=round, student__is_active=True).select_related(
            "student"
        )
    ]
    projects = list(
        Project.objects.filter(round=round, status=Project.Status.RUNNING).prefetch_related(
            "supervisors", "partner_contacts"
        )
    )
    by_pk = {p.pk: p for p in projects}
    titles = dict(Project.objects.filter(round=round).values_list("pk", "title"))
    run = latest_done_run(round)
    suggestions: dict[str, list[str]] = {
        u["student"]: u.get("suggestions", [])
        for u in (run.result if run else {}).get("unassigned", [])
    }
    teams: dict[int, list[User]] = defaultdict(list)
    for row in assignments.values():
        if row.project_id is not None:
            teams[row.project_id].append(row.student)

    for student in applicants:
        language = language_of(student)
        assignment = assignments.get(student.pk)
        context: dict[str, Any] = {"person": student, "round": round}
        if assignment is not None and assignment.project is not None:
            entries = assignment.explanation
            context |= {
                "project": assignment.project,
                "rank": assignment.rank,
                "reasons": [
                    (titles.get(e.get("project"), ""), e.get("texts", {}).get(language, ""))
                    for e in entries
                    if e.get("project") != assignment.project_id
                ],
                "assigned": next(
                    (
                        e.get("texts", {}).get(language, "")
                        for e in entries
                        if e.get("project") == assignment.project_id
                    ),
                    "",
                ),
            }
            template = "projects/email/allocation_placed"
        else:
            context["suggestions"] = [
                by_pk[key_pk(key)]
                for key in suggestions.get(student_key(student.pk), [])
                if key_pk(key) in by_pk
            ]
            template = "projects/email/allocation_unplaced"
        notify(
            recipient=student,
            kind=ALLOCATION_PUBLISHED,
            template=template,
            context=context,
            language=language,
            url=reverse("projects:result", args=[round.pk]),
        )

    # Supervisors and partner contacts: one e-mail each with all their teams of the round.
    staff_teams: dict[int, list[tuple[Project, list[User]]]] = defaultdict(list)
    people: dict[int, User] = {}
    for project in projects:
        team = sorted(teams[project.pk], key=lambda u: (u.name, u.email))
        for person in {*project.supervisors.all(), *project.partner_contacts.all()}:
            if person.is_active:
                people[person.pk] = person
                staff_teams[person.pk].append((project, team))
    for pk, person in sorted(people.items()):
        notify(
            recipient=person,
            kind=ALLOCATION_PUBLISHED,
            template="projects/email/allocation_team",
            context={"person": person, "round": round, "teams": staff_teams[pk]},
            language=person.language,
            url=round.get_absolute_url(),
        )

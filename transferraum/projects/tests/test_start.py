"""Rounds and projects on a person's start page: each kind appears when it should and disappears
when it is done."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from transferraum.core.start import IDEA, LIMIT, MORE
from transferraum.projects.models import AllocationRun, Milestone, Project, Round
from transferraum.projects.services.allocation import allocation_publish
from transferraum.projects.services.applications import application_submit
from transferraum.projects.services.rounds import round_advance
from transferraum.projects.start import items_for
from transferraum.projects.tests.factories import (
    MilestoneFactory,
    ProjectFactory,
    RoundFactory,
    SupervisorFactory,
    application_for,
    place,
)

P = Round.Phase


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.deactivate()


def tasks(user) -> list[tuple[str, str]]:
    return [(item.title, item.action) for item in items_for(user) if item.kind != IDEA]


def later(days: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


def test_a_round_whose_applications_close_soon_waits_until_advanced(coordinator):
    round = RoundFactory(applications_close_at=later(5))
    RoundFactory(applications_close_at=later(30))  # not soon
    ProjectFactory(round=round)

    assert tasks(coordinator) == [(round.name, "Close applications and start the allocation")]
    assert items_for(coordinator)[0].due == round.applications_close_at

    round_advance(actor=coordinator, round=round)  # work starts in three weeks: not soon
    assert tasks(coordinator) == []


def test_later_phases_end_by_their_own_dates(coordinator):
    today = timezone.localdate()
    work = RoundFactory(
        phase=P.WORK, published_at=timezone.now(), presentation_on=today + dt.timedelta(days=3)
    )
    RoundFactory(phase=P.PRESENTATION, ends_on=today + dt.timedelta(days=60))
    assert tasks(coordinator) == [(work.name, "Start the final presentations")]


def test_a_finished_run_waits_to_be_published(coordinator, student_geography):
    round = RoundFactory(phase=P.ALLOCATION, work_starts_on=timezone.localdate() + dt.timedelta(30))
    project = ProjectFactory(round=round)
    application_for(student_geography, [project])
    place(student_geography, project)
    AllocationRun.objects.create(
        round=round,
        number=1,
        status=AllocationRun.Status.RUNNING,
        objective=round.objective,
    )
    assert tasks(coordinator) == []  # still running

    AllocationRun.objects.filter(round=round).update(
        status=AllocationRun.Status.DONE, finished_at=timezone.now()
    )
    assert tasks(coordinator) == [(round.name, "Publish the allocation")]

    allocation_publish(actor=coordinator, round=round)
    assert tasks(coordinator) == []


def test_a_student_ranks_an_open_round_and_can_change_the_ranking_until_the_deadline(
    student_geography,
):
    round = RoundFactory(min_choices=1, motivation_ranks=0)
    project = ProjectFactory(round=round)
    RoundFactory(phase=P.PREPARATION)  # not open

    assert tasks(student_geography) == [(round.name, "Rank the projects")]

    application_submit(actor=student_geography, round=round, choices=[(project.pk, "")])
    assert tasks(student_geography) == [(round.name, "Change the ranking")]

    Round.objects.filter(pk=round.pk).update(applications_close_at=later(-1))
    assert tasks(student_geography) == []


def test_a_placed_student_sees_the_team_and_its_next_milestone(student_geography):
    round = RoundFactory(phase=P.WORK, published_at=timezone.now())
    project = ProjectFactory(round=round, status=Project.Status.RUNNING)
    place(student_geography, project)
    done = MilestoneFactory(project=project, status=Milestone.Status.DONE)
    nearer = MilestoneFactory(project=project, due_on=timezone.localdate() + dt.timedelta(3))
    MilestoneFactory(project=project, due_on=timezone.localdate() + dt.timedelta(9))

    [item] = items_for(student_geography)
    assert (item.title, item.action) == (project.title, "Open the team's workspace")
    assert item.due == nearer.due_on
    assert item.detail == f"Next milestone: {nearer.title}"
    assert done.title not in item.detail

    Project.objects.filter(pk=project.pk).update(status=Project.Status.COMPLETED)
    assert tasks(student_geography) == []


def test_an_unpublished_allocation_shows_no_team(student_geography):
    round = RoundFactory(phase=P.ALLOCATION)
    project = ProjectFactory(round=round, status=Project.Status.RUNNING)
    place(student_geography, project)
    assert tasks(student_geography) == []


def test_a_supervisor_sees_applicants_then_the_workspace(student_geography, coordinator):
    supervisor = SupervisorFactory()
    round = RoundFactory()
    project = ProjectFactory(round=round, supervisors=[supervisor])
    ProjectFactory(round=round)  # someone else's
    application_for(student_geography, [project])

    [item] = items_for(supervisor)
    assert (item.title, item.action) == (project.title, "Open the project")
    assert item.detail == "1 student has ranked it so far."
    assert item.due == round.applications_close_at

    Round.objects.filter(pk=round.pk).update(phase=P.WORK, published_at=timezone.now())
    Project.objects.filter(pk=project.pk).update(status=Project.Status.RUNNING)
    assert tasks(supervisor) == [(project.title, "Open the team's workspace")]

    Project.objects.filter(pk=project.pk).update(status=Project.Status.COMPLETED)
    assert tasks(supervisor) == []


def test_a_supervisor_with_more_projects_than_shown_is_led_to_all_of_them(db):
    supervisor = SupervisorFactory()
    round = RoundFactory()
    ProjectFactory.create_batch(LIMIT + 1, round=round, supervisors=[supervisor])

    items = items_for(supervisor)

    assert len(items) == LIMIT + 1
    more = items[-1]
    assert more.kind == MORE
    assert (more.title, more.url) == ("All projects you supervise", reverse("projects:supervised"))

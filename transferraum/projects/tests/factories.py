"""Factories for rounds, projects, applications and workspaces."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.accounts.tests.factories import UserFactory, with_role
from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory, TransferFormatFactory
from transferraum.projects.models import (
    Application,
    Assignment,
    Choice,
    Milestone,
    Project,
    Round,
    SupervisorCapacity,
)


class RoundFactory(factory.django.DjangoModelFactory):
    """A round with applications open now and closing in two weeks."""

    class Meta:
        model = Round

    name = factory.Sequence(lambda n: f"Wintersemester 2026/27 – Runde {n}")
    phase = Round.Phase.APPLICATIONS
    applications_open_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=7))
    applications_close_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    work_starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=21))
    presentation_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=120))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=130))


class SupervisorFactory(UserFactory):
    role = with_role(User.Role.SUPERVISOR)
    name = factory.Sequence(lambda n: f"Prof. Dr. Betreuerin {n}")


class StudentFactory(UserFactory):
    role = with_role(User.Role.STUDENT)
    name = factory.Sequence(lambda n: f"Studentin {n}")
    semester = 4


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    round = factory.SubFactory(RoundFactory)
    challenge = factory.SubFactory(ChallengeFactory, status=Challenge.Status.PUBLISHED)
    format = factory.SubFactory(TransferFormatFactory)
    title = factory.Sequence(lambda n: f"Praxisprojekt {n}")
    description = "Das Team untersucht die Aufgabe vor Ort und schlägt Lösungen vor."
    min_team_size = 2
    max_team_size = 4

    @factory.post_generation
    def supervisors(self, create: bool, extracted: list[User] | None, **kwargs: object) -> None:
        if not create:
            return
        people = extracted if extracted is not None else [SupervisorFactory()]
        self.supervisors.set(people)


class SupervisorCapacityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisorCapacity

    round = factory.SubFactory(RoundFactory)
    supervisor = factory.SubFactory(SupervisorFactory)
    capacity = 12


def application_for(
    student: User, projects: list[Project], *, round: Round | None = None
) -> Application:
    """An application ranking `projects` in the given order (rank 1 first), stored directly."""
    round = round or projects[0].round
    application = Application.objects.create(
        round=round, student=student, submitted_at=timezone.now()
    )
    Choice.objects.bulk_create(
        Choice(application=application, project=project, rank=rank, motivation="Passt zu mir.")
        for rank, project in enumerate(projects, start=1)
    )
    return application


def place(student: User, project: Project, *, rank: int | None = 1) -> Assignment:
    """Put `student` into `project`'s team (the round's allocation still needs publishing)."""
    return Assignment.objects.create(
        round=project.round, student=student, project=project, rank=rank
    )


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Meilenstein {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))

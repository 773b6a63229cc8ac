"""Reads of the applications area, scoped to the student who asks."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Prefetch, QuerySet

from transferraum.accounts.models import User
from transferraum.actors.models import PersonProfile
from transferraum.projects.models import (
    Application,
    Assignment,
    Choice,
    Project,
    Round,
    StudentProfile,
)
from transferraum.projects.permissions import applications_open
from transferraum.projects.selectors.rounds import RoundProjectFilters, project_cards


def _projects_for_cards() -> QuerySet[Project]:
    return Project.objects.select_related(
        "round", "format", "challenge__municipality", "challenge__organisation__municipality"
    ).prefetch_related("required_competences", "desired_competences")


def ranking_projects(round: Round, ids: Collection[int]) -> list[Project]:
    """The projects of a ranking (stored or typed), by title, as long as they are public, so
    that a ranking is never silently cut: the service then names what is wrong with those of
    another round or closed since (one query and two for the skills)."""
    if not ids:
        return []
    return list(
        _projects_for_cards()
        .filter(pk__in=ids)
        .exclude(round__phase=Round.Phase.PREPARATION)
        .order_by("title", "pk")
    )


def projects_to_rank(
    round: Round, filters: RoundProjectFilters, ranked_ids: Collection[int] = ()
) -> QuerySet[Project]:
    """The open projects of `round` a student can still add to their ranking (those in
    `ranked_ids` are in it already), narrowed by `filters`, by title (best match first where
    PostgreSQL ranks a search); a page of them costs three queries."""
    projects = project_cards(round.projects.filter(status=Project.Status.OPEN), filters)
    if ranked_ids:
        projects = projects.exclude(pk__in=ranked_ids)
    return projects.select_related("round", "challenge__organisation__municipality").defer(
        "challenge__organisation__municipality__boundary"
    )


def application_of(student: User, round: Round) -> Application | None:
    """The student's application in `round` with its choices in rank order and partners."""
    return (
        Application.objects.filter(round=round, student=student)
        .prefetch_related(
            Prefetch("choices", queryset=Choice.objects.select_related("project").order_by("rank")),
            "work_with",
        )
        .first()
    )


def students_naming(student: User, round: Round) -> list[User]:
    """Fellow students who would like to work with `student` in `round`: they chose to tell."""
    return list(
        User.objects.filter(
            applications__round=round, applications__work_with=student, is_active=True
        )
        .exclude(pk=student.pk)
        .order_by("name", "email")
        .distinct()
    )


def student_by_email(email: str) -> User | None:
    """An active student with exactly this address (no search: people are not listed)."""
    return (
        User.objects.with_role(User.Role.STUDENT)
        .filter(email__iexact=email.strip(), is_active=True)
        .first()
    )


def student_profile_of(student: User) -> tuple[PersonProfile | None, StudentProfile | None]:
    """What the student has told for applying (either part may not exist yet)."""
    person = PersonProfile.objects.filter(user=student).prefetch_related("competences").first()
    return person, StudentProfile.objects.filter(user=student).first()


def applications_of_student(student: User) -> list[Application]:
    """The student's applications, newest round first, with their choices in rank order."""
    return list(
        Application.objects.filter(student=student)
        .select_related("round")
        .prefetch_related(
            Prefetch("choices", queryset=Choice.objects.select_related("project").order_by("rank")),
            "work_with",
        )
        .order_by("-round__applications_open_at", "-round__pk")
    )


def published_assignments_of(student: User) -> dict[int, Assignment]:
    """round id → where the student was placed, for rounds whose allocation is published."""
    assignments = Assignment.objects.filter(
        student=student, round__published_at__isnull=False
    ).select_related("project")
    return {assignment.round_id: assignment for assignment in assignments}


def rounds_to_apply(student: User) -> list[Round]:
    """Rounds taking applications now in which the student has not applied yet."""
    rounds = Round.objects.filter(phase=Round.Phase.APPLICATIONS).exclude(
        applications__student=student
    )
    return [round for round in rounds.order_by("applications_close_at") if applications_open(round)]

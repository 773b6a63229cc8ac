"""Reads of recommendations that carry rules: what a person may see, the timeline, who wrote it,
and which recommendations are due for a reminder."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from transferraum.accounts.models import User
from transferraum.actors.models import Membership
from transferraum.projects.models import Assignment, Project
from transferraum.recommendations.models import Recommendation, RecommendationEvent

A = Recommendation.Author


def visible_to(user: Any) -> QuerySet[Recommendation]:
    """The recommendations `user` may see, in one query (the same rule as `can_view`)."""
    queryset = Recommendation.objects.select_related(
        "municipality", "round", "project", "addressee_organisation"
    )
    if not (user.is_authenticated and user.is_active):
        return queryset.public()
    if user.is_coordinator:
        return queryset
    preparation = Q(status__in=Recommendation.PREPARATION_STATUSES)
    team_projects = Assignment.objects.filter(
        student_id=user.pk, round__published_at__isnull=False, project__isnull=False
    ).values("project_id")
    supervised = Project.supervisors.through.objects.filter(user_id=user.pk).values("project_id")
    author = Q(written_by_kind=A.TEAM, project_id__in=team_projects)
    if user.role == User.Role.RESEARCHER:
        author |= Q(written_by_kind=A.RESEARCH, created_by_id=user.pk)
    approver = Q(written_by_kind=A.TEAM, project_id__in=supervised)
    organisations = Membership.objects.filter(user_id=user.pk).values("organisation_id")
    contacts = Project.partner_contacts.through.objects.filter(user_id=user.pk).values("project_id")
    partner = (
        Q(addressee_organisation_id__in=organisations)
        | Q(project__challenge__organisation_id__in=organisations)
        | Q(project_id__in=contacts)
        | Q(responsible_person_id=user.pk)
    )
    return queryset.filter(author | approver | (~preparation & (Q(confidential=False) | partner)))


def timeline(recommendation: Recommendation) -> QuerySet[RecommendationEvent]:
    """Every event of a recommendation, oldest first, with who did it."""
    return recommendation.events.select_related("actor").order_by("at", "pk")


def authors_of(recommendation: Recommendation) -> list[User]:
    """Who wrote it and hears of decisions: the team (of a published allocation) and the person
    who created it."""
    people: dict[int, User] = {}
    if recommendation.created_by is not None and recommendation.created_by.is_active:
        people[recommendation.created_by.pk] = recommendation.created_by
    project = recommendation.project
    if (
        recommendation.written_by_kind == A.TEAM
        and project is not None
        and project.round.published_at is not None
    ):
        for assignment in Assignment.objects.filter(
            project_id=project.pk, student__is_active=True
        ).select_related("student"):
            people[assignment.student.pk] = assignment.student
    return sorted(people.values(), key=lambda person: person.pk)


def reminders_due(
    now: datetime | None = None, stale_days: int | None = None
) -> QuerySet[Recommendation]:
    """Recommendations with the partner that need a nudge at `now`:

    - stale: no event for `stale_days` days of the calendar (default
      `settings.RECOMMENDATION_REMINDER_DAYS`), or
    - overdue: the date for a first answer has passed and no decision has been recorded;

    never finished ones (implemented, evaluated, rejected) nor drafts (nothing waits for the
    partner yet), and none reminded within the last `stale_days`: a reminder repeats at that
    pace, so a second run on the same day sends nothing. Annotated with `last_event_at`.
    """
    now = now or timezone.now()
    # At least a day, so that a second run on the same day never sends again.
    days = max(1, stale_days if stale_days is not None else settings.RECOMMENDATION_REMINDER_DAYS)
    today = timezone.localdate(now)
    # Counted in days of the calendar (Europe/Berlin): whatever the hour the command runs, an
    # event of 11 January is 90 days old on 11 April.
    start_of_day = datetime.combine(
        today - timedelta(days=days - 1), time.min, tzinfo=timezone.get_current_timezone()
    )
    stale = Q(last_event_at__lt=start_of_day) | Q(last_event_at__isnull=True)
    overdue = Q(first_answer_due__lt=today, status__in=Recommendation.AWAITING_DECISION_STATUSES)
    not_recently = Q(last_reminded_on__isnull=True) | Q(
        last_reminded_on__lte=today - timedelta(days=days)
    )
    return (
        Recommendation.objects.open()
        .annotate(
            last_event_at=Subquery(
                RecommendationEvent.objects.filter(recommendation_id=OuterRef("pk"))
                .order_by("-at")
                .values("at")[:1]
            )
        )
        .filter(stale | overdue)
        .filter(not_recently)
        .select_related("responsible_person", "municipality", "addressee_organisation")
        .order_by("municipality__name", "first_answer_due", "pk")
    )

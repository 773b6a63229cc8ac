"""Reads of recommendations that carry rules: what a person may see, the tracker's list and
options, the timeline, who wrote it and who approves it, what happens next, and which
recommendations are due for a reminder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership, Organisation
from transferraum.challenges.models import TopicField
from transferraum.challenges.selectors import topic_filter
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, choice, model_choice, search
from transferraum.core.search import search_queryset
from transferraum.projects.models import Assignment, Document, DocumentVersion, Project, Round
from transferraum.projects.selectors.rounds import round_filter
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.recommendations.permissions import (
    can_edit,
    can_manage_milestones,
    can_write_for,
    may_view,
    roles_for,
)
from transferraum.recommendations.workflow import LIFECYCLE, REQUEST_APPROVAL, what_happens_next
from transferraum.regions.models import Municipality
from transferraum.regions.selectors import municipality_filter

A = Recommendation.Author
QUERY_MAX_LENGTH = 200

# --- fetch and authorise ----------------------------------------------------------------------


def recommendation_for_viewer(viewer: Viewer, pk: int) -> tuple[Recommendation, set[str]]:
    """The recommendation and `viewer`'s workflow roles for it (every page of it needs them, and
    they cost a few queries); 404 when `viewer` may not see it, the same answer as for one that
    does not exist, so that drafts and confidential recommendations stay unknown."""
    recommendation = get_object_or_404(
        Recommendation.objects.select_related(
            "project__round",
            "project__challenge__organisation",
            "round",
            "municipality",
            "addressee_organisation",
            "responsible_person",
            "created_by",
            "approved_by",
        ).defer("municipality__boundary"),
        pk=pk,
    )
    roles = roles_for(viewer, recommendation)
    if not may_view(recommendation, roles):
        raise Http404
    return recommendation, roles


def recommendation_for_editor(viewer: Viewer, pk: int) -> Recommendation:
    """The recommendation if `viewer` may change its text and evidence now: 404 when they may not
    see it, 403 when they see it but are not its authors or it is no longer a draft."""
    recommendation, roles = recommendation_for_viewer(viewer, pk)
    if not can_edit(viewer, recommendation, roles=roles):
        raise PermissionDenied(
            _("Only the authors can change a recommendation, and only while it is a draft.")
        )
    return recommendation


def recommendation_for_implementer(viewer: Viewer, pk: int) -> tuple[Recommendation, set[str]]:
    """The recommendation and `viewer`'s roles, for keeping its implementation up to date
    (milestones, progress): 404 when they may not see it, 403 when they see it but are not the
    partner's side (or a coordinator for it), or it is not between adoption and implementation."""
    recommendation, roles = recommendation_for_viewer(viewer, pk)
    if not can_manage_milestones(viewer, recommendation, roles=roles):
        raise PermissionDenied(
            _(
                "The partner and the coordinators keep the implementation up to date, from the "
                "adoption until it is implemented."
            )
        )
    return recommendation, roles


def project_for_author(viewer: Viewer, pk: int | None) -> Project | None:
    """The project a new recommendation is written for (`None`: without one, as researchers
    may): 404 when unknown, 403 when `viewer` may not write for it (team members write for their
    project; researchers for any or none)."""
    project = (
        get_object_or_404(Project.objects.select_related("round", "challenge__organisation"), pk=pk)
        if pk is not None
        else None
    )
    if not can_write_for(viewer, project):
        raise PermissionDenied(
            _(
                "Recommendations are written by the project's team (from its workspace) or by "
                "the accompanying research."
            )
        )
    return project


# --- reads ------------------------------------------------------------------------------------


def visible_to(user: Viewer) -> QuerySet[Recommendation]:
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
    if user.has_role(User.Role.RESEARCHER):
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


def recommendations_found(viewer: Viewer, query: str) -> QuerySet[Recommendation]:
    """The recommendations `viewer` may see that match the words (see
    `services.common.recommendation_index`), the latest change first (best match first where
    PostgreSQL ranks)."""
    return tracker_recommendations(viewer, TrackerFilters(query=query))


def recommendations_of(
    viewer: Viewer, *, challenge_id: int | None = None, organisation_id: int | None = None
) -> QuerySet[Recommendation]:
    """The recommendations `viewer` may see from the projects of a challenge, or those of an
    organisation (addressed to it, or from the projects of its challenges), the latest change
    first."""
    recommendations = visible_to(viewer).defer("municipality__boundary")
    if challenge_id is not None:
        recommendations = recommendations.filter(project__challenge_id=challenge_id)
    if organisation_id is not None:
        recommendations = recommendations.filter(
            Q(addressee_organisation_id=organisation_id)
            | Q(project__challenge__organisation_id=organisation_id)
        )
    return recommendations.order_by("-updated_at", "-pk")


def confidential_reach(user: Viewer) -> Literal["all", "some", "none"]:
    """Whether `user` may see every confidential recommendation (the coordinators), some of
    them (a partner, a team, a supervisor …) or none (at most one query)."""
    if not (user.is_authenticated and user.is_active):
        return "none"
    if user.is_coordinator:
        return "all"
    return "some" if visible_to(user).filter(confidential=True).exists() else "none"


# --- the tracker ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TrackerFilters(Filters):
    """What the tracker lists, as the URL carries it (`q`, `ort`, `thema`, `runde`, `status`,
    `an`, `organisation`, `seite`): every value is one the platform knows (empty: no filter); a
    known town, topic, round or organisation costs one small query each. The organisation has
    no select (there are too many): its page links here ("show all") and a chip removes it."""

    # words of the title, summary, addressee, town or project (`recommendation_index`)
    query: str = search("q", label=gettext_lazy("Search"), max_length=QUERY_MAX_LENGTH)
    municipality: str = municipality_filter()
    # of the project's challenge
    topic: str = topic_filter()
    round: int | None = round_filter()
    status: str = choice(
        "status",
        choices=Recommendation.Status.choices,
        label=gettext_lazy("Status"),
        empty_label=gettext_lazy("All statuses"),
    )
    addressee: str = choice(
        "an",
        choices=Recommendation.Addressee.choices,
        label=gettext_lazy("Addressed to"),
        empty_label=gettext_lazy("Everyone addressed"),
    )
    # addressed to it or from the projects of its challenges (`recommendations_of`)
    organisation: str = model_choice(
        "organisation", Organisation, label=gettext_lazy("Organisation"), only=("name",)
    )


def tracker_recommendations(user: Viewer, query: TrackerFilters) -> QuerySet[Recommendation]:
    """The recommendations `user` may see that match the filters, the latest change first, with
    everything a row shows (one query a page)."""
    recommendations = visible_to(user).defer("municipality__boundary")
    if query.municipality:
        recommendations = recommendations.filter(municipality__ags=query.municipality)
    if query.topic:
        recommendations = recommendations.filter(
            Exists(
                TopicField.objects.filter(
                    slug=query.topic, challenges__projects=OuterRef("project_id")
                )
            )
        )
    if query.round:
        recommendations = recommendations.filter(round_id=query.round)
    if query.status:
        recommendations = recommendations.filter(status=query.status)
    if query.addressee:
        recommendations = recommendations.filter(addressee_kind=query.addressee)
    if query.organisation:
        recommendations = recommendations.filter(
            Q(addressee_organisation__slug=query.organisation)
            | Q(project__challenge__organisation__slug=query.organisation)
        )
    return search_queryset(recommendations.order_by("-updated_at", "-pk"), query.query)


def tracker_towns(user: Viewer) -> QuerySet[Municipality]:
    """The towns the filter offers: those of the recommendations `user` may see."""
    return (
        Municipality.objects.defer("boundary")
        .filter(pk__in=visible_to(user).values("municipality_id"))
        .order_by("name")
    )


def tracker_rounds(user: Viewer) -> QuerySet[Round]:
    """The rounds the filter offers: those of the recommendations `user` may see, newest first."""
    return Round.objects.filter(pk__in=visible_to(user).values("round_id")).order_by("-pk")


def tracker_municipality(ags: str) -> Municipality | None:
    """The town the tracker is filtered to (its name heads the page)."""
    return Municipality.objects.defer("boundary").filter(ags=ags).first() if ags else None


# --- one recommendation ---------------------------------------------------------------------


def evidence_ordered(documents: QuerySet[Document]) -> QuerySet[Document]:
    """Evidence documents in reading order (category, title), each with its versions newest
    first (the page and the dossier show and link the newest)."""
    return documents.order_by("category", "title").prefetch_related(
        Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number"))
    )


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


def approvers_of(recommendation: Recommendation) -> list[User]:
    """Who approves it: the project's supervisors (team-written) or the coordinators
    (research-written), active people only."""
    if recommendation.written_by_kind == A.TEAM and recommendation.project is not None:
        return list(recommendation.project.supervisors.filter(is_active=True).order_by("pk"))
    return list(User.objects.with_role(User.Role.COORDINATOR).filter(is_active=True).order_by("pk"))


def partner_name(recommendation: Recommendation) -> str:
    """How the partner's side is named: the organisation addressed, else the one that posed the
    project's challenge (no queries with the usual `select_related`)."""
    if recommendation.addressee_organisation is not None:
        return recommendation.addressee_organisation.name
    if recommendation.project is not None:
        return recommendation.project.challenge.organisation.name
    return _("the addressee")


def approval_requested(events: Iterable[RecommendationEvent]) -> bool:
    """Whether the authors have asked for approval of the draft as it stands: since it was
    (re)opened as a draft (events oldest first)."""
    requested = False
    for event in events:
        if event.action == LIFECYCLE[REQUEST_APPROVAL].records:
            requested = True
        elif event.changes_status:
            requested = False
    return requested


def what_next(
    recommendation: Recommendation,
    *,
    events: Iterable[RecommendationEvent],
    approvers: list[User] | None = None,
    today: date | None = None,
) -> str:
    """The "what happens next" sentence of a recommendation's page (`events`: its timeline,
    oldest first; `approvers` are looked up when not given)."""
    if recommendation.written_by_kind == A.TEAM:
        people = approvers if approvers is not None else approvers_of(recommendation)
        names = ", ".join(str(person) for person in people) or _("the project's supervisors")
    else:
        names = _("the coordination")
    return what_happens_next(
        recommendation.status,
        partner=partner_name(recommendation),
        approvers=names,
        first_answer_due=recommendation.first_answer_due,
        agenda_body=recommendation.agenda_body,
        agenda_date=recommendation.agenda_date,
        approval_requested=approval_requested(events),
        today=today or timezone.localdate(),
    )


def latest_event(recommendation_id: int) -> RecommendationEvent | None:
    """The newest entry of the timeline (fresh from the database)."""
    return (
        RecommendationEvent.objects.filter(recommendation_id=recommendation_id)
        .order_by("-at", "-pk")
        .first()
    )


def recent_duplicate_draft(
    *, actor: User, project: Project | None, title: str, seconds: int = 60
) -> Recommendation | None:
    """A draft with the same title for the same project that `actor` created within the last
    `seconds`: a second click on "Save draft" (see `recommendation_create`)."""
    same_project = Q(project__isnull=True) if project is None else Q(project_id=project.pk)
    return (
        Recommendation.objects.filter(
            same_project,
            created_by_id=actor.pk,
            title=title.strip(),
            status=Recommendation.Status.DRAFTED,
            created_at__gte=timezone.now() - timedelta(seconds=seconds),
        )
        .order_by("pk")
        .first()
    )


def _days(stale_days: int | None) -> int:
    # At least a day, so that a second reminder run on the same day never sends again.
    return max(1, stale_days if stale_days is not None else settings.RECOMMENDATION_REMINDER_DAYS)


def needs_nudge(
    now: datetime | None = None, stale_days: int | None = None
) -> QuerySet[Recommendation]:
    """Recommendations with the partner that wait too long at `now`:

    - stale: no event for `stale_days` days of the calendar (default
      `settings.RECOMMENDATION_REMINDER_DAYS`), or
    - overdue: the date for a first answer has passed and no decision has been recorded;

    never finished ones (implemented, evaluated, rejected) nor drafts (nothing waits for the
    partner yet). Annotated with `last_event_at`. The reminders (`reminders_due`) and the
    coordinators' start page read this one rule.
    """
    now = now or timezone.now()
    days = _days(stale_days)
    today = timezone.localdate(now)
    # Counted in days of the calendar (Europe/Berlin): whatever the hour the command runs, an
    # event of 11 January is 90 days old on 11 April.
    start_of_day = datetime.combine(
        today - timedelta(days=days - 1), time.min, tzinfo=timezone.get_current_timezone()
    )
    stale = Q(last_event_at__lt=start_of_day) | Q(last_event_at__isnull=True)
    overdue = Q(first_answer_due__lt=today, status__in=Recommendation.AWAITING_DECISION_STATUSES)
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
        .select_related("responsible_person", "municipality", "addressee_organisation")
        .order_by("municipality__name", "first_answer_due", "pk")
    )


def reminders_due(
    now: datetime | None = None, stale_days: int | None = None
) -> QuerySet[Recommendation]:
    """Recommendations that need a reminder at `now`: those that wait too long (`needs_nudge`)
    and were not reminded within the last `stale_days`: a reminder repeats at that pace, so a
    second run on the same day sends nothing. Annotated with `last_event_at`.
    """
    now = now or timezone.now()
    days = _days(stale_days)
    today = timezone.localdate(now)
    not_recently = Q(last_reminded_on__isnull=True) | Q(
        last_reminded_on__lte=today - timedelta(days=days)
    )
    return needs_nudge(now, stale_days).filter(not_recently)

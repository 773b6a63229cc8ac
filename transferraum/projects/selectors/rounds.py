"""Reads of rounds and their projects: lists scoped to the viewer, the phases as a timeline, the
public project page, the showcase and who hears of a phase change. List pages keep a constant
number of queries however many projects there are."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TypeAlias

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership
from transferraum.challenges.models import Challenge, TopicField, TransferFormat
from transferraum.challenges.selectors import topic_choices, topic_filter
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, Select, model_pk, search
from transferraum.core.search import search_queryset
from transferraum.projects import phases
from transferraum.projects.models import Application, Assignment, Project, Round, SupervisorCapacity
from transferraum.projects.permissions import (
    can_edit_project,
    can_manage_rounds,
    can_view_project,
    can_view_round,
    is_student,
)
from transferraum.regions.models import Municipality
from transferraum.regions.selectors import (
    municipalities_by_district,
    municipality_filter,
    municipality_options,
)

P = Round.Phase

# Big GeoJSON shapes that no project page shows.
_BOUNDARIES = (
    "challenge__municipality__boundary",
    "challenge__municipality__district__boundary",
)
TEAM_STATUSES = (Project.Status.RUNNING, Project.Status.COMPLETED)


# --- rounds -----------------------------------------------------------------------------------


def rounds_for(user: Viewer) -> QuerySet[Round]:
    """The rounds `user` may see, newest first, with `project_count`; rounds in preparation
    only for coordinators."""
    # Rounds without dates are the newest plans: first on every database.
    rounds = Round.objects.annotate(project_count=Count("projects")).order_by(
        F("applications_open_at").desc(nulls_first=True), "-pk"
    )
    if not can_manage_rounds(user):
        rounds = rounds.exclude(phase=P.PREPARATION)
    return rounds


def round_for_viewer(viewer: Viewer, pk: int) -> Round:
    """The round if `viewer` may see it; 404 otherwise, the same answer as for one that does not
    exist, so that rounds in preparation stay unknown."""
    round = get_object_or_404(Round, pk=pk)
    if not can_view_round(viewer, round):
        raise Http404
    return round


def round_for_coordinator(viewer: Viewer, pk: int) -> Round:
    """The round for the coordinators' pages (its form, its phases, its projects, the
    allocation): 403 to everybody else before anything is looked up (so the answer says nothing
    about the round), 404 when unknown."""
    if not can_manage_rounds(viewer):
        raise PermissionDenied(gettext("Only coordinators manage rounds and their projects."))
    return get_object_or_404(Round, pk=pk)


def round_for_applicant(viewer: Viewer, pk: int) -> Round:
    """The round for applying to it: 404 when `viewer` may not see it, 403 when they see it but
    are not a student (whether applications are open is the service's to say)."""
    round = round_for_viewer(viewer, pk)
    if not is_student(viewer):
        raise PermissionDenied(
            gettext("Only students apply for projects."), needs_role=User.Role.STUDENT
        )
    return round


@dataclass(frozen=True)
class RoundProjectFilters(Filters):
    """A round's projects by words, town and topic field (one small query each)."""

    query: str = search("q", label=_("Search"))
    municipality: str = municipality_filter()
    topic: str = topic_filter()


def project_cards(
    projects: QuerySet[Project], filters: ProjectFilters | None = None
) -> QuerySet[Project]:
    """`projects` as cards by title (best match first where PostgreSQL ranks a search), narrowed
    by `filters`: format, town, organisation, skills (three queries per page)."""
    projects = projects.order_by("title", "pk")
    if filters is not None:
        projects = _filtered(projects, filters)
    return (
        projects.select_related("format", "challenge__organisation", "challenge__municipality")
        .defer(*_BOUNDARIES[:1])
        .prefetch_related("required_competences", "desired_competences")
    )


def round_projects(round: Round, filters: ProjectFilters | None = None) -> QuerySet[Project]:
    """The projects of a round as cards (`project_cards`)."""
    return project_cards(round.projects.all(), filters)


def round_towns(round: Round) -> QuerySet[Municipality]:
    """The towns of the round's projects, for the filter."""
    return (
        Municipality.objects.filter(challenges__projects__round=round)
        .defer("boundary")
        .distinct()
        .order_by("name")
    )


def round_topics(round: Round) -> QuerySet[TopicField]:
    """The topic fields of the round's projects, for the filter."""
    return (
        TopicField.objects.filter(challenges__projects__round=round)
        .distinct()
        .order_by("position", "name_de")
    )


def round_project_selects(round: Round, filters: RoundProjectFilters) -> list[Select]:
    """The selects of the filter form of a round's projects (two queries)."""
    return [
        filters.select("municipality", [(town.ags, town.name) for town in round_towns(round)]),
        filters.select("topic", [(topic.slug, topic.name) for topic in round_topics(round)]),
    ]


def projects_supervised_by(user: Viewer) -> QuerySet[Project]:
    """Every project `user` supervises, whatever its status, the newest rounds first (two
    queries a page: the count and the rows); nothing for a visitor."""
    if not user.is_authenticated:
        return Project.objects.none()
    return (
        Project.objects.filter(supervisors=user)
        .select_related("round", "challenge__organisation")
        .order_by(F("round__applications_open_at").desc(nulls_first=True), "-round_id", "title")
    )


@dataclass(frozen=True)
class PhaseStep:
    """One phase of a round on its timeline; `state` is done, current or upcoming."""

    phase: str
    label: str
    state: str
    starts: dt.date | dt.datetime | None = None
    ends: dt.date | dt.datetime | None = None

    @property
    def is_current(self) -> bool:
        return self.state == "current"


PHASE_ORDER: tuple[str, ...] = tuple(P.values)


def phase_timeline(round: Round) -> list[PhaseStep]:
    """The phases in order with their dates, marked done, current or upcoming (no queries)."""
    current = PHASE_ORDER.index(round.phase)
    dates: dict[str, tuple[dt.date | dt.datetime | None, dt.date | dt.datetime | None]] = {
        P.PREPARATION: (None, None),
        P.APPLICATIONS: (round.applications_open_at, round.applications_close_at),
        P.ALLOCATION: (round.applications_close_at, round.published_at),
        P.WORK: (round.work_starts_on, round.presentation_on),
        P.PRESENTATION: (round.presentation_on, None),
        P.CLOSED: (round.ends_on, None),
    }
    labels = dict(P.choices)
    steps = []
    for index, phase in enumerate(PHASE_ORDER):
        if index < current:
            state = "done"
        elif index == current:
            state = "current"
        else:
            state = "upcoming"
        starts, ends = dates[phase]
        steps.append(PhaseStep(phase, str(labels[phase]), state, starts, ends))
    return steps


def round_supervisors(round: Round) -> list[tuple[User, int | None]]:
    """The supervisors of the round's projects and those with a capacity, each with their
    capacity (None: no limit), by name (two queries)."""
    capacities = {
        entry.supervisor_id: entry.capacity
        for entry in SupervisorCapacity.objects.filter(round=round)
    }
    people = (
        User.objects.filter(Q(supervised_projects__round=round) | Q(pk__in=list(capacities)))
        .distinct()
        .order_by("name", "email")
    )
    return [(person, capacities.get(person.pk)) for person in people]


# --- projects ---------------------------------------------------------------------------------


def project_for_viewer(viewer: Viewer, pk: int) -> Project:
    """A project with everything its public page shows (one query; the lists follow in
    `project_page_lists`); 404 when `viewer` may not see it, the same answer as for one that
    does not exist."""
    project = get_object_or_404(
        Project.objects.select_related(
            "round",
            "format",
            "challenge__organisation",
            "challenge__municipality__district",
            "challenge__municipality__train_connection",
        ).defer(*_BOUNDARIES),
        pk=pk,
    )
    if not can_view_project(viewer, project):
        raise Http404
    return project


def projects_visible_to(viewer: Viewer) -> QuerySet[Project]:
    """The projects `viewer` may see, in one query (the same rule as `can_view_project`): those
    of rounds past preparation; of a round in preparation only to coordinators, the project's
    supervisors and its partner (the named contacts, or while none is named the members of the
    challenge's organisation)."""
    projects = Project.objects.all()
    if can_manage_rounds(viewer):
        return projects
    public = ~Q(round__phase=P.PREPARATION)
    if not (viewer.is_authenticated and viewer.is_active):
        return projects.filter(public)
    own = Membership.objects.filter(user_id=viewer.pk).values("organisation_id")
    named = Project.partner_contacts.through.objects.filter(project_id=OuterRef("pk"))
    partner = Q(partner_contacts__pk=viewer.pk) | (
        Q(challenge__organisation_id__in=own) & ~Exists(named)
    )
    ties = Project.objects.filter(Q(supervisors__pk=viewer.pk) | partner).values("pk")
    return projects.filter(public | Q(pk__in=ties))


def projects_found(viewer: Viewer, query: str) -> QuerySet[Project]:
    """The projects `viewer` may see that match the words, newest round first (best match first
    where PostgreSQL ranks), with the round and the challenge's organisation."""
    projects = projects_visible_to(viewer).order_by("-round_id", "title", "pk")
    return search_queryset(projects, query).select_related("round", "challenge__organisation")


def projects_of(
    viewer: Viewer, *, challenge_id: int | None = None, organisation_id: int | None = None
) -> QuerySet[Project]:
    """The projects of a challenge or of an organisation's challenges that `viewer` may see,
    newest round first, with the round."""
    projects = projects_visible_to(viewer)
    if challenge_id is not None:
        projects = projects.filter(challenge_id=challenge_id)
    if organisation_id is not None:
        projects = projects.filter(challenge__organisation_id=organisation_id)
    return (
        projects.select_related("round")
        .only("pk", "title", "status", "round__name")
        .order_by("-round_id", "title", "pk")
    )


def project_for_editor(viewer: Viewer, pk: int) -> Project:
    """The project if `viewer` may change it now: 404 when they may not see it, 403 when they see
    it but may not change it (coordinators, until applications close)."""
    project = project_for_viewer(viewer, pk)
    if not can_edit_project(viewer, project):
        raise PermissionDenied(gettext("This project cannot be changed now."))
    return project


def running_without_summary(round: Round) -> list[Project]:
    """The round's running projects that have no summary for the public yet: closing the round
    completes them, and without a summary the showcase does not show them (one query)."""
    return list(
        round.projects.filter(status=Project.Status.RUNNING, public_summary="")
        .only("pk", "title")
        .order_by("title", "pk")
    )


def round_project_for_challenge(round: Round, challenge_pk: str | int | None) -> Project | None:
    """The project `round` already has for the challenge, if any (a form sent twice)."""
    if challenge_pk is None or not str(challenge_pk).isdecimal():
        return None
    return round.projects.filter(challenge_id=int(challenge_pk)).first()


def project_team(project: Project) -> list[Assignment]:
    """The students placed in the project, by name (callers check `can_see_team`)."""
    return list(
        Assignment.objects.filter(round_id=project.round_id, project=project)
        .select_related("student__study_programme")
        .order_by("student__name", "student__email")
    )


@dataclass(frozen=True)
class ChallengeChoiceFilters(Filters):
    """The challenges a coordinator may make a project of, by words, town and topic field."""

    query: str = search("q", label=_("Search"))
    municipality: str = municipality_filter()
    topic: str = topic_filter()


def eligible_challenges(
    round: Round, filters: ChallengeChoiceFilters | None = None
) -> QuerySet[Challenge]:
    """Challenges that can become a project of `round`: published or in progress, with a
    project format among their formats, and not yet in the round; by organisation and title
    (best match first where PostgreSQL ranks a search), narrowed by `filters`."""
    challenges: QuerySet[Challenge] = (
        Challenge.objects.filter(
            Exists(
                TransferFormat.objects.filter(challenges=OuterRef("pk"), is_project_format=True)
            ),
            status__in=(Challenge.Status.PUBLISHED, Challenge.Status.IN_PROGRESS),
        )
        .exclude(Exists(Project.objects.filter(round=round, challenge=OuterRef("pk"))))
        .order_by("organisation__name", "title", "pk")
    )
    if filters is not None:
        if filters.municipality:
            challenges = challenges.filter(municipality__ags=filters.municipality)
        if filters.topic:
            challenges = challenges.filter(
                Exists(TopicField.objects.filter(slug=filters.topic, challenges=OuterRef("pk")))
            )
        challenges = search_queryset(challenges, filters.query)
    return (
        challenges.select_related("organisation", "municipality")
        .defer("municipality__boundary")
        .prefetch_related("formats")
    )


def eligible_challenge_selects(round: Round, filters: ChallengeChoiceFilters) -> list[Select]:
    """The selects of the filter form of the challenges to choose from (two queries)."""
    eligible = eligible_challenges(round).filter(municipality=OuterRef("pk"))
    towns = municipalities_by_district(
        Municipality.objects.filter(Q(Exists(eligible)) | Q(ags=filters.municipality))
    )
    return [
        filters.select("municipality", groups=municipality_options(towns)),
        filters.select("topic", [(topic.slug, topic.name) for topic in topic_choices()]),
    ]


def eligible_challenge(round: Round, pk: str | int | None) -> Challenge | None:
    """The chosen challenge if it may become a project of `round`, otherwise None."""
    if pk is None or not str(pk).isdecimal():
        return None
    return eligible_challenges(round).filter(pk=int(pk)).first()


# --- the showcase -----------------------------------------------------------------------------


def round_filter(key: str = "runde") -> int | None:
    """A filter field for one round by its number, named by it in chips."""
    return model_pk(key, Round, label=_("Round"), empty_label=_("All rounds"), only=("name",))


@dataclass(frozen=True)
class ShowcaseFilters(Filters):
    """The showcase's words, town, topic field and round: each one the platform knows (one
    small query each)."""

    query: str = search("q", label=_("Search"))
    municipality: str = municipality_filter()
    topic: str = topic_filter()
    round: int | None = round_filter()


# The filters `_filtered` reads: the round's list, the showcase and the apply page share them.
ProjectFilters: TypeAlias = RoundProjectFilters | ShowcaseFilters


def _filtered(projects: QuerySet[Project], filters: ProjectFilters) -> QuerySet[Project]:
    """`projects` narrowed by the words, town and topic field of `filters`."""
    if filters.municipality:
        projects = projects.filter(challenge__municipality__ags=filters.municipality)
    if filters.topic:
        projects = projects.filter(
            Exists(TopicField.objects.filter(slug=filters.topic, challenges=OuterRef("challenge")))
        )
    if filters.query:
        projects = search_queryset(projects, filters.query)
    return projects


def team_size(places: QuerySet[Assignment] | None = None) -> Coalesce:
    """How many of `places` (default: every place) are in a project, to annotate projects
    with. A subquery, not a join with GROUP BY: a page is sorted without aggregating every
    project's wide row first."""
    places = Assignment.objects.all() if places is None else places
    mine = places.filter(project=OuterRef("pk")).order_by()
    return Coalesce(Subquery(mine.values("project").annotate(n=Count("pk")).values("n")), 0)


def showcase_projects(filters: ShowcaseFilters) -> QuerySet[Project]:
    """Completed projects with a public summary, newest first (best match first where
    PostgreSQL ranks a search), with `team_size` and `results_public` (two queries per page)."""
    projects: QuerySet[Project] = Project.objects.showcased().order_by(
        "-completed_at", "title", "pk"
    )
    if filters.round:
        projects = projects.filter(round_id=filters.round)
    return (
        _filtered(projects, filters)
        .select_related("round", "format", "challenge__organisation", "challenge__municipality")
        .defer(*_BOUNDARIES[:1])
        .prefetch_related("challenge__topics")
        .annotate(
            team_size=team_size(),
            # only the public summary of a non-public challenge leaves the workspace
            results_public=Q(challenge__confidentiality=Challenge.Confidentiality.PUBLIC),
        )
    )


def showcase_towns() -> QuerySet[Municipality]:
    """The towns that have a project in the showcase, for the filter."""
    return (
        Municipality.objects.filter(
            challenges__projects__in=Project.objects.showcased().values("pk")
        )
        .defer("boundary")
        .distinct()
        .order_by("name")
    )


def showcase_rounds() -> QuerySet[Round]:
    """The rounds that have a project in the showcase, for the filter."""
    return (
        Round.objects.filter(projects__in=Project.objects.showcased().values("pk"))
        .distinct()
        .order_by(F("applications_open_at").desc(nulls_last=True), "-pk")
    )


def showcase_topics() -> QuerySet[TopicField]:
    """The topic fields of the projects in the showcase, for the filter."""
    return (
        TopicField.objects.filter(challenges__projects__in=Project.objects.showcased().values("pk"))
        .distinct()
        .order_by("position", "name_de")
    )


def showcase_selects(filters: ShowcaseFilters) -> list[Select]:
    """The selects of the showcase's filter form (three queries)."""
    return [
        filters.select("municipality", [(town.ags, town.name) for town in showcase_towns()]),
        filters.select("topic", [(topic.slug, topic.name) for topic in showcase_topics()]),
        filters.select("round", [(round.pk, round.name) for round in showcase_rounds()]),
    ]


# --- who hears of a phase change --------------------------------------------------------------

STUDENT, MEMBER, SUPERVISOR, PARTNER = "student", "member", "supervisor", "partner"


@dataclass
class Recipient:
    """A person told of a phase change: why (`role`) and their projects in the round."""

    person: User
    role: str
    projects: list[Project] = field(default_factory=list)


def _add(
    recipients: dict[int, Recipient], person: User, role: str, project: Project | None
) -> None:
    if not person.is_active:
        return
    recipient = recipients.setdefault(person.pk, Recipient(person, role))
    if project is not None and project not in recipient.projects:
        recipient.projects.append(project)


def _project_people(
    recipients: dict[int, Recipient], round: Round, statuses: tuple[str, ...]
) -> None:
    projects = (
        round.projects.filter(status__in=statuses)
        .prefetch_related(
            Prefetch("supervisors", queryset=User.objects.order_by("pk")),
            Prefetch("partner_contacts", queryset=User.objects.order_by("pk")),
        )
        .order_by("title", "pk")
    )
    for project in projects:
        for person in project.supervisors.all():
            _add(recipients, person, SUPERVISOR, project)
        for person in project.partner_contacts.all():
            _add(recipients, person, PARTNER, project)


def phase_recipients(round: Round, event: str) -> list[Recipient]:
    """Who hears that `round` reached phase `event` (or "reopened"), each once.

    Applications open: every active student, and the supervisors and partner contacts of the
    open projects. Reopened: every active student. Allocation: the applicants. Work,
    presentation, closed: the placed students of the published allocation, and the supervisors
    and partner contacts of the projects that take place.
    """
    recipients: dict[int, Recipient] = {}
    if event in (P.APPLICATIONS, "reopened"):
        students = User.objects.with_role(User.Role.STUDENT).filter(is_active=True)
        for student in students.order_by("pk").iterator(chunk_size=2000):
            _add(recipients, student, STUDENT, None)
        if event == P.APPLICATIONS:
            _project_people(recipients, round, (Project.Status.OPEN,))
    elif event == P.ALLOCATION:
        for application in (
            Application.objects.filter(round=round).select_related("student").order_by("pk")
        ):
            _add(recipients, application.student, STUDENT, None)
    elif event in (P.WORK, P.PRESENTATION, P.CLOSED):
        if round.published_at is not None:
            for assignment in (
                Assignment.objects.filter(round=round, project__isnull=False)
                .select_related("student", "project")
                .order_by("pk")
            ):
                _add(recipients, assignment.student, MEMBER, assignment.project)
        _project_people(recipients, round, TEAM_STATUSES)
    return list(recipients.values())


def advance_target(round: Round) -> str | None:
    """The phase the round can be advanced to, if any."""
    return phases.NEXT_PHASE.get(round.phase)

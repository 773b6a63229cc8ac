"""Reads of the allocation: the engine's input for a round, the coordinators' board, a student's
own result and the engine's texts with names instead of ids.

The engine knows students, projects and supervisors by ids (``s<user pk>``, ``p<project pk>``,
``l<user pk>``); everything a person reads goes through `render_texts`, which puts in titles,
names and competence labels in each language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.actors.models import Competence, PersonProfile
from transferraum.allocation import explain
from transferraum.allocation.io import instance_from_json, result_from_json
from transferraum.allocation.model import (
    LANGUAGES,
    Exclusion,
    Instance,
    InstanceError,
    Language,
    Objective,
    Options,
    Pin,
    Student,
    Supervisor,
)
from transferraum.allocation.model import Project as EngineProject
from transferraum.core.filters import Filters, model_pk, search
from transferraum.projects.models import (
    AllocationRun,
    Application,
    Assignment,
    Choice,
    Counterfactual,
    Project,
    Round,
    SupervisorCapacity,
)
from transferraum.projects.selectors.rounds import team_size

TIME_LIMIT = 60.0  # seconds the engine may take for one round
ACTIVE_RUN = (AllocationRun.Status.QUEUED, AllocationRun.Status.RUNNING)
COUNTERFACTUAL_ACTIVE = (Counterfactual.Status.QUEUED, Counterfactual.Status.RUNNING)


def student_key(pk: int) -> str:
    return f"s{pk}"


def project_key(pk: int) -> str:
    return f"p{pk}"


def supervisor_key(pk: int) -> str:
    return f"l{pk}"


def key_pk(key: str) -> int:
    """The database id inside an engine id such as ``p12``."""
    return int(key[1:])


def active_language() -> Language:
    return "en" if (translation.get_language() or "de").startswith("en") else "de"


def language_of(user: User) -> Language:
    return "en" if (user.language or "de").startswith("en") else "de"


# --------------------------------------------------------------------------------------------
# The engine's input


def round_instance(round: Round, *, seed: int = 0, free_students: Collection[int] = ()) -> Instance:
    """The engine's input for `round`, in a constant number of queries (ten).

    Students are the round's applicants with their ranked open projects (first = rank 1),
    programme, competences and work-with wishes (only fellow applicants count). Projects are the
    round's open projects. A supervisor without a capacity for the round takes any number of
    students. Hand moves become pins: a student moved into a project they did not rank gets it
    appended to their list (so the engine can keep the pin), a student taken out of every team is
    excluded from all their projects. `free_students` (user pks) ignores those students' own
    pins, for checking a new move or swap.
    """
    projects = list(
        Project.objects.filter(round=round, status=Project.Status.OPEN)
        .order_by("pk")
        .values_list("pk", "min_team_size", "max_team_size")
    )
    open_ids = {pk for pk, _min, _max in projects}
    supervisors_of: dict[int, list[int]] = defaultdict(list)
    for project_id, user_id in (
        Project.supervisors.through.objects.filter(project_id__in=open_ids)
        .order_by("project_id", "user_id")
        .values_list("project_id", "user_id")
    ):
        supervisors_of[project_id].append(user_id)
    required: dict[int, list[str]] = defaultdict(list)
    for project_id, slug in (
        Project.required_competences.through.objects.filter(project_id__in=open_ids)
        .order_by("project_id", "competence__slug")
        .values_list("project_id", "competence__slug")
    ):
        required[project_id].append(slug)
    wanted: dict[int, list[str]] = defaultdict(list)
    for project_id, name in (
        Project.wanted_programmes.through.objects.filter(project_id__in=open_ids)
        .order_by("project_id", "studyprogramme__name")
        .values_list("project_id", "studyprogramme__name")
    ):
        if name not in wanted[project_id]:
            wanted[project_id].append(name)
    capacities = dict(
        SupervisorCapacity.objects.filter(round=round).values_list("supervisor_id", "capacity")
    )

    applicants = list(
        Application.objects.filter(round=round)
        .order_by("student_id")
        .values_list("student_id", "student__study_programme__name")
    )
    applicant_ids = {student_id for student_id, _name in applicants}
    preferences: dict[int, list[int]] = defaultdict(list)
    for student_id, project_id in (
        Choice.objects.filter(application__round=round, project_id__in=open_ids)
        .order_by("application__student_id", "rank")
        .values_list("application__student_id", "project_id")
    ):
        preferences[student_id].append(project_id)
    work_with: dict[int, list[int]] = defaultdict(list)
    for student_id, other_id in (
        Application.work_with.through.objects.filter(application__round=round)
        .order_by("application__student_id", "user_id")
        .values_list("application__student_id", "user_id")
    ):
        if other_id in applicant_ids and other_id != student_id:
            work_with[student_id].append(other_id)
    competences: dict[int, list[str]] = defaultdict(list)
    for user_id, slug in (
        PersonProfile.competences.through.objects.filter(personprofile__user_id__in=applicant_ids)
        .order_by("personprofile__user_id", "competence__slug")
        .values_list("personprofile__user_id", "competence__slug")
    ):
        competences[user_id].append(slug)

    pins: list[Pin] = []
    exclusions: list[Exclusion] = []
    for student_id, project_id in Assignment.objects.filter(
        round=round, pinned=True, student_id__in=applicant_ids
    ).values_list("student_id", "project_id"):
        if student_id in free_students:
            continue
        if project_id is None:
            exclusions.extend(
                Exclusion(student=student_key(student_id), project=project_key(p))
                for p in preferences[student_id]
            )
        elif project_id in open_ids:
            if project_id not in preferences[student_id]:
                preferences[student_id].append(project_id)
            pins.append(Pin(student=student_key(student_id), project=project_key(project_id)))

    unlimited = max(1, len(applicants))
    supervisor_ids = sorted({uid for uids in supervisors_of.values() for uid in uids})
    share = round.max_programme_share
    return Instance(
        students=tuple(
            Student(
                id=student_key(student_id),
                preferences=tuple(project_key(p) for p in preferences[student_id]),
                programme=programme or None,
                competences=tuple(competences[student_id]),
                work_with=tuple(student_key(o) for o in work_with[student_id]),
            )
            for student_id, programme in applicants
        ),
        projects=tuple(
            EngineProject(
                id=project_key(pk),
                min_size=min_size,
                max_size=max_size,
                supervisors=tuple(supervisor_key(u) for u in supervisors_of[pk]),
                required_competences=tuple(required[pk]),
                wanted_programmes=tuple(wanted[pk]),
            )
            for pk, min_size, max_size in projects
        ),
        supervisors=tuple(
            Supervisor(id=supervisor_key(uid), capacity=capacities.get(uid, unlimited))
            for uid in supervisor_ids
        ),
        pins=tuple(pins),
        exclusions=tuple(exclusions),
        options=Options(
            objective=cast(Objective, round.objective),
            max_programme_share=float(share) if share else None,
            work_with_weight=float(round.work_with_weight),
            time_limit=TIME_LIMIT,
            seed=seed,
        ),
    )


def current_assignment(round: Round) -> dict[str, str]:
    """The round's teams as the engine sees them: student id → project id (one query)."""
    return {
        student_key(student_id): project_key(project_id)
        for student_id, project_id in Assignment.objects.filter(
            round=round, project__isnull=False
        ).values_list("student_id", "project_id")
    }


# --------------------------------------------------------------------------------------------
# Names instead of ids


@dataclass
class Names:
    """Titles of projects, names of people and labels of competences by engine id."""

    projects: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    competences: dict[str, dict[str, str]] = field(default_factory=dict)

    def title(self, key: Any) -> str:
        return self.projects.get(str(key), str(key))

    def project(self, key: Any, language: str) -> str:
        """The title in the quotation marks of `language`, for the engine's texts."""
        title = self.title(key)
        return f"„{title}“" if language == "de" else f"“{title}”"

    def person(self, key: Any) -> str:
        return self.people.get(str(key), str(key))

    def competence(self, slug: Any, language: str) -> str:
        labels = self.competences.get(str(slug))
        if not labels:
            return str(slug)
        return labels.get(language) or labels["de"]


def names_for_round(round: Round) -> Names:
    """Everything the engine's texts of `round` may name (three queries)."""
    names = Names()
    for pk, title in Project.objects.filter(round=round).values_list("pk", "title"):
        names.projects[project_key(pk)] = title
    for user_id, name, email in Project.supervisors.through.objects.filter(
        project__round=round
    ).values_list("user_id", "user__name", "user__email"):
        names.people[supervisor_key(user_id)] = name or email
    for slug, label_de, label_en in (
        Competence.objects.filter(projects_requiring__round=round)
        .distinct()
        .values_list("slug", "label_de", "label_en")
    ):
        names.competences[slug] = {"de": label_de, "en": label_en or label_de}
    return names


def render_texts(kind: str, params: Mapping[str, Any], names: Names) -> dict[str, str]:
    """The engine's text of `kind` in every language, with names in place of ids."""
    if kind not in explain.TEXTS:
        return {}
    texts: dict[str, str] = {}
    for language in LANGUAGES:
        values = dict(params)
        for key in ("pinned", "assigned"):
            if key in values:
                values[key] = names.project(values[key], language)
        if "supervisor" in values:
            values["supervisor"] = names.person(values["supervisor"])
        if "competence" in values:
            values["competence"] = names.competence(values["competence"], language)
        texts[language] = explain.render(kind, language, values)
    return texts


_ENGINE_ID = re.compile(r"'([psl])(\d+)'")


def humanise_error(message: str, names: Names, students: Mapping[int, str]) -> str:
    """An engine message such as ``project 'p3': …`` with the title instead of the id."""

    def name(match: re.Match[str]) -> str:
        kind, pk = match.group(1), int(match.group(2))
        if kind == "p":
            return names.project(match.group(0).strip("'"), "en")
        if kind == "s":
            return students.get(pk, match.group(0))
        return names.person(match.group(0).strip("'"))

    return _ENGINE_ID.sub(name, message)


def engine_ids_in(message: str) -> list[int]:
    """The user pks of students named in an engine message."""
    return [int(pk) for kind, pk in _ENGINE_ID.findall(message) if kind == "s"]


def error_texts(message: str, **params: Any) -> dict[str, str]:
    """A run's error (an English msgid marked with gettext_noop) in every language, stored in
    the run's result under "error_texts" so that the board shows it in the viewer's language."""
    texts: dict[str, str] = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = _(message) % params if params else _(message)
    return texts


def run_error(run: AllocationRun | None) -> str:
    """The error of a failed run in the active language (one query, only for a failed run);
    the stored English text where no translations were stored."""
    if run is None or run.status != AllocationRun.Status.FAILED:
        return ""
    texts = AllocationRun.objects.filter(pk=run.pk).values_list("result", flat=True).first()
    stored = (texts or {}).get("error_texts") if isinstance(texts, dict) else None
    if isinstance(stored, dict):
        return str(stored.get(active_language()) or stored.get("en") or run.error)
    return run.error


# --------------------------------------------------------------------------------------------
# Runs


def latest_run(round: Round) -> AllocationRun | None:
    """The newest run of `round`, without its (large) input and result."""
    return (
        AllocationRun.objects.filter(round=round)
        .select_related("started_by")
        .defer("instance", "result")
        .order_by("-created_at", "-pk")
        .first()
    )


def latest_done_run(round: Round) -> AllocationRun | None:
    """The newest finished run of `round`, with its result (without its input)."""
    return (
        AllocationRun.objects.filter(round=round, status=AllocationRun.Status.DONE)
        .defer("instance")
        .order_by("-created_at", "-pk")
        .first()
    )


def run_is_active(run: AllocationRun | None) -> bool:
    return run is not None and run.status in ACTIVE_RUN


# --------------------------------------------------------------------------------------------
# The coordinators' board


@dataclass
class MemberRow:
    student: User
    rank: int | None
    pinned: bool
    competences: list[str]


@dataclass
class TeamRow:
    """A team on the board: its project and size; the members only for the team that is open
    (`team_members`), so that the board stays small however many teams a round has."""

    project: Project
    count: int
    members: list[MemberRow] | None = None

    @property
    def below_minimum(self) -> bool:
        return self.count < self.project.min_team_size

    @property
    def overfilled(self) -> bool:
        return self.count > self.project.max_team_size

    @property
    def full(self) -> bool:
        return self.count == self.project.max_team_size


@dataclass
class ClosedRow:
    project: Project
    reason: str


@dataclass
class UnplacedRow:
    student: User
    reason: str
    suggestions: list[Project]
    pinned: bool


@dataclass
class ProfileBar:
    """One bar of the rank profile; lengths are SVG percentages, written without localisation."""

    rank: int
    count: int
    share: int  # percent of the placed students
    length: float  # percent of the chart's width

    @property
    def y(self) -> int:
        return (self.rank - 1) * BAR_STEP + 4

    @property
    def label_y(self) -> int:
        return self.y + 15

    @property
    def width(self) -> str:
        return f"{self.length:.2f}%"

    @property
    def count_x(self) -> str:
        return f"{BAR_START + self.length + 1:.2f}%"


@dataclass
class Board:
    round: Round
    run: AllocationRun | None  # the newest run, whatever its status
    run_error: str  # the newest run's error in the active language ("" unless it failed)
    result_run: AllocationRun | None  # the newest finished run
    closed: list[ClosedRow]  # the first CLOSED_SHOWN of them
    closed_count: int
    unplaced: list[UnplacedRow]  # the first UNPLACED_SHOWN of them
    unplaced_count: int
    profile: list[ProfileBar]
    applicants: int
    placed: int
    unranked: int  # placed by hand in a project they did not rank
    result: dict[str, Any]

    @property
    def has_result(self) -> bool:
        return self.result_run is not None

    @property
    def chart_height(self) -> int:
        return max(1, len(self.profile)) * BAR_STEP + 4

    @property
    def bar_start(self) -> str:
        return f"{BAR_START:.0f}%"

    @property
    def gap_percent(self) -> float | None:
        gap = self.result.get("gap")
        return None if gap is None else round(100 * float(gap), 2)

    @property
    def objective_value(self) -> str:
        """The headline objective, a whole number where it is one (counts and integer costs)."""
        return _number(self.result.get("objective", 0))

    @property
    def unranked_share(self) -> int:
        """Percent of the placed students who are in a project they did not rank."""
        return round(100 * self.unranked / self.placed) if self.placed else 0

    @property
    def first_choices(self) -> int:
        """Students in the project they ranked first (the current teams, hand moves included)."""
        return next((bar.count for bar in self.profile if bar.rank == 1), 0)

    @property
    def solver_details(self) -> list[tuple[str, str]]:
        """The engine's record for the curious, in words: method, the stage that decided,
        its value, rank cost, gap, seed, solvers and time; rows the run did not record are left
        out (the demo's published run records only its result)."""
        meta: dict[str, Any] = self.result.get("meta", {})
        rows: list[tuple[str, str]] = []
        if meta.get("method"):
            rows.append((_("Method"), method_label(str(meta["method"]))))
        if meta.get("objective_phase"):
            rows.append(
                (
                    _("Deciding stage"),
                    f"{stage_label(str(meta['objective_phase']))}: {self.objective_value}",
                )
            )
        if meta.get("rank_cost") is not None:
            rows.append((_("Sum of rank costs"), _number(meta["rank_cost"])))
        if self.gap_percent is not None:
            rows.append((_("Gap to the bound"), f"{self.gap_percent} %"))
        if self.result_run is not None:
            rows.append((_("Seed"), str(self.result_run.seed)))
        solvers = meta.get("solvers", {})
        if solvers:
            rows.append(
                (
                    _("Solvers"),
                    ", ".join(f"{name} {version}" for name, version in sorted(solvers.items())),
                )
            )
        if self.result.get("seconds") is not None:
            rows.append((_("Time"), _("%(seconds)s s") % {"seconds": self.result["seconds"]}))
        return rows


def _number(value: Any) -> str:
    """A whole number where it is one (counts and integer costs), else two decimals."""
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:.2f}"


def method_label(method: str) -> str:
    """The engine's method (result schema ``meta.method``) in words."""
    labels = {
        "min-cost-flow": _("minimum-cost flow"),
        "network-lp": _("linear programme on the network"),
        "mip": _("mixed-integer programme in stages"),
        "trivial": _("nothing to solve"),
    }
    return labels.get(method, method)


_RANK_STAGE = re.compile(r"rank-(\d+)(?:-(\d+))?$")


def stage_label(name: str) -> str:
    """An engine stage's name (``allocation.engine.stages``) in words."""
    match = _RANK_STAGE.match(name)
    if match and match.group(2):
        return _("students on choices no. %(first)s to %(last)s") % {
            "first": match.group(1),
            "last": match.group(2),
        }
    if match:
        return _("students on choice no. %(rank)s") % {"rank": match.group(1)}
    labels = {
        "placed": _("students placed"),
        "rank-cost": _("sum of rank costs"),
        "soft-wishes": _("wishes to work together and programme mix"),
        "wanted-programmes": _("wanted study programmes"),
    }
    return labels.get(name, name)


BAR_STEP = 28  # pixels per bar of the rank profile
BAR_START = 8.0  # percent of the chart's width left of the bars, for the rank
BAR_AREA = 80.0  # percent of the chart's width for the longest bar


def _profile(counts: Mapping[int, int], max_rank: int, placed: int) -> list[ProfileBar]:
    """Bars per rank from the number of students per rank; shares are of all `placed` students,
    those moved by hand into a project they did not rank included, so that the shares and the
    unranked add up to the whole."""
    counts = Counter(counts)
    top = max(max_rank, max(counts, default=0))
    biggest = max(counts.values(), default=0)
    return [
        ProfileBar(
            rank=rank,
            count=counts[rank],
            share=round(100 * counts[rank] / placed) if placed else 0,
            length=BAR_AREA * counts[rank] / biggest if biggest else 0.0,
        )
        for rank in range(1, top + 1)
    ]


UNPLACED_SHOWN = 50  # students without a place listed on the board; the search finds the rest
CLOSED_SHOWN = 50  # projects that stay closed listed on the board; the round's page has them all


@dataclass(frozen=True)
class BoardFilters(Filters):
    """The board's search for a student and the team that is open (`seite`: the page of
    teams)."""

    student: str = search("student", label=gettext_lazy("Student"))
    team: int | None = model_pk("team", Project, label=gettext_lazy("Team"), only=("pk",))


def _applicant_places(round_id: int) -> QuerySet[Assignment]:
    """The places of the round's applicants (a place of someone who withdrew does not count)."""
    return Assignment.objects.filter(
        round_id=round_id,
        student__in=Application.objects.filter(round_id=round_id).values("student_id"),
    )


def board_teams(round: Round) -> QuerySet[Project]:
    """The projects of `round` that have a team, by title, with `member_count` (one query per
    page)."""
    return (
        Project.objects.filter(round=round)
        .annotate(member_count=team_size(_applicant_places(round.pk)))
        .filter(member_count__gt=0)
        .order_by("title", "pk")
    )


def team_rows(projects: Iterable[Project], open_team: int | None = None) -> list[TeamRow]:
    """Rows for a page of `board_teams`; the team `open_team` with its members."""
    rows = []
    for project in projects:
        row = TeamRow(project, getattr(project, "member_count", 0))
        if project.pk == open_team:
            row.members = team_members(project)
        rows.append(row)
    return rows


def _competence_labels(user_ids: Collection[int]) -> dict[int, list[str]]:
    """The competences of these people in the active language, by user id (one query)."""
    language = active_language()
    labels: dict[int, list[str]] = defaultdict(list)
    for user_id, label_de, label_en in (
        PersonProfile.competences.through.objects.filter(personprofile__user_id__in=user_ids)
        .order_by("competence__label_de")
        .values_list("personprofile__user_id", "competence__label_de", "competence__label_en")
    ):
        labels[user_id].append((label_en or label_de) if language == "en" else label_de)
    return labels


def team_members(project: Project) -> list[MemberRow]:
    """The applicants placed in `project`, best rank first, with their programme and
    competences (two queries)."""
    places = list(
        _applicant_places(project.round_id)
        .filter(project=project)
        .select_related("student__study_programme")
        .only("pk", "rank", "pinned", "student__name", "student__email", "student__study_programme")
    )
    labels = _competence_labels([place.student_id for place in places])
    members = [
        MemberRow(place.student, place.rank, place.pinned, labels[place.student_id])
        for place in places
    ]
    return sorted(members, key=lambda m: (m.rank or 99, m.student.name, m.student.email))


@dataclass
class FoundStudent:
    """A student found on the board by name or e-mail, with their place (None: no team)."""

    student: User
    project: Project | None
    pinned: bool


BOARD_SEARCH_LIMIT = 20


def board_students(round: Round, query: str) -> tuple[list[FoundStudent], int]:
    """The first BOARD_SEARCH_LIMIT applicants of `round` whose name or e-mail contains `query`,
    by name, with their team, and how many match (two queries)."""
    words = query.split()
    if not words:
        return [], 0
    condition = Q()
    for word in words:
        condition &= Q(student__name__icontains=word) | Q(student__email__icontains=word)
    applications = Application.objects.filter(round=round).filter(condition)
    places = Assignment.objects.filter(round=round, student_id=OuterRef("student_id"))
    found = list(
        applications.select_related("student")
        .annotate(
            project_id=Subquery(places.values("project_id")[:1]),
            pinned=Subquery(places.values("pinned")[:1]),
        )
        .order_by("student__name", "student__email")[:BOARD_SEARCH_LIMIT]
    )
    total = len(found) if len(found) < BOARD_SEARCH_LIMIT else applications.count()
    projects = Project.objects.in_bulk([a.project_id for a in found if a.project_id is not None])
    return [
        FoundStudent(
            a.student,
            projects.get(a.project_id),
            bool(a.pinned),
        )
        for a in found
    ], total


def team_page_number(round: Round, project: Project, page_size: int) -> int:
    """The page of `board_teams` that shows `project` (one query)."""
    before = (
        board_teams(round)
        .filter(Q(title__lt=project.title) | Q(title=project.title, pk__lt=project.pk))
        .count()
    )
    return before // page_size + 1


def allocation_board(round: Round) -> Board:
    """The round's figures, closed projects, the first students without a place and the rank
    profile, with the newest run; counts and the profile come from SQL and no team's members
    are read (`board_teams`, `team_members`), so the queries and the rows read stay flat
    however many students a round has."""
    language = active_language()
    run = latest_run(round)
    result_run = latest_done_run(round)
    result: dict[str, Any] = result_run.result if result_run is not None else {}
    applicants = Application.objects.filter(round=round).count()
    per_rank: dict[int, int] = {}
    unranked = 0
    for rank, count in (
        _applicant_places(round.pk)
        .filter(project__isnull=False)
        .values_list("rank")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("rank", "n")
    ):
        if rank is None:
            unranked = count
        else:
            per_rank[rank] = count
    placed = sum(per_rank.values()) + unranked

    # Without a result only those taken out of every team by hand are without a place.
    places = Assignment.objects.filter(round=round, student_id=OuterRef("student_id"))
    unplaced_applications = Application.objects.filter(round=round).exclude(
        Exists(places.filter(project__isnull=False))
    )
    if not result:
        unplaced_applications = unplaced_applications.filter(Exists(places))
    unplaced_count = unplaced_applications.count()
    shown = list(
        unplaced_applications.select_related("student")
        .annotate(pinned=Exists(places.filter(pinned=True)))
        .order_by("student__name", "student__email")[:UNPLACED_SHOWN]
    )
    names = names_for_round(round) if result else Names()
    reasons = {u["student"]: u for u in result.get("unassigned", [])} if shown else {}
    suggested = Project.objects.in_bulk(
        {
            key_pk(key)
            for application in shown
            for key in reasons.get(student_key(application.student_id), {}).get("suggestions", [])
        }
    )
    unplaced: list[UnplacedRow] = []
    for application in shown:
        student = application.student
        pinned = bool(application.pinned)
        entry = reasons.get(student_key(student.pk))
        if pinned:
            reason = _("Taken out of every team by hand.")
        elif entry is not None:
            reason = render_texts(entry["kind"], entry.get("params", {}), names).get(
                language, entry.get("reason", "")
            )
        else:
            reason = _("Not part of the last allocation run.")
        suggestions = [
            suggested[key_pk(key)]
            for key in (entry or {}).get("suggestions", [])
            if key_pk(key) in suggested and suggested[key_pk(key)].round_id == round.pk
        ]
        unplaced.append(UnplacedRow(student, reason, suggestions, pinned))

    closed_reasons = {c["project"]: c for c in result.get("closed_projects", [])}
    closed: list[ClosedRow] = []
    empty = (
        Project.objects.filter(round=round)
        .annotate(member_count=team_size(_applicant_places(round.pk)))
        .filter(member_count=0)
        .order_by("title", "pk")
    )
    if not result:
        empty = empty.filter(status=Project.Status.CLOSED)
    first_closed = list(empty.only("pk", "title", "status")[:CLOSED_SHOWN])
    # Counted only when the first ones fill the list.
    closed_count = empty.count() if len(first_closed) == CLOSED_SHOWN else len(first_closed)
    for project in first_closed:
        entry = closed_reasons.get(project_key(project.pk))
        if entry is not None:
            reason = render_texts(entry["kind"], entry.get("params", {}), names).get(
                language, entry.get("reason", "")
            )
        elif project.status == Project.Status.CLOSED:
            reason = _("Not taking place.")
        else:
            reason = _("Nobody is placed in it after the hand moves.")
        closed.append(ClosedRow(project, reason))
    return Board(
        round=round,
        run=run,
        run_error=run_error(run),
        result_run=result_run,
        closed=closed,
        closed_count=closed_count,
        unplaced=unplaced,
        unplaced_count=unplaced_count,
        profile=_profile(per_rank, round.max_choices, placed) if (per_rank or result) else [],
        applicants=applicants,
        placed=placed,
        unranked=unranked,
        result=result,
    )


# --------------------------------------------------------------------------------------------
# A student's own result


@dataclass
class Reason:
    project: Project | None
    rank: int | None
    text: str


@dataclass
class StudentResult:
    round: Round
    state: str  # "no_application", "not_published", "placed", "unplaced"
    assignment: Assignment | None = None
    reasons: list[Reason] = field(default_factory=list)
    assigned_text: str = ""
    first_choice: Project | None = None
    suggestions: list[Project] = field(default_factory=list)

    @property
    def project(self) -> Project | None:
        return self.assignment.project if self.assignment is not None else None


def first_choice_of(round: Round, student: User) -> Project | None:
    choice = (
        Choice.objects.filter(application__round=round, application__student=student, rank=1)
        .select_related("project")
        .first()
    )
    return choice.project if choice is not None else None


def student_result(round: Round, student: User) -> StudentResult:
    """What `student` sees of the published allocation of `round`: their project, the rank and
    why not each better-ranked project, in the active language."""
    if not Application.objects.filter(round=round, student=student).exists():
        return StudentResult(round, "no_application")
    if round.published_at is None:
        return StudentResult(round, "not_published")
    language = active_language()
    assignment = (
        Assignment.objects.filter(round=round, student=student).select_related("project").first()
    )
    entries = assignment.explanation if assignment is not None else []
    mentioned = {e.get("project") for e in entries}
    projects = Project.objects.in_bulk([pk for pk in mentioned if isinstance(pk, int)])
    reasons = []
    assigned_text = ""
    for entry in entries:
        text = entry.get("texts", {}).get(language, "")
        if entry.get("kind") == "assigned" or (
            assignment is not None and entry.get("project") == assignment.project_id
        ):
            assigned_text = text
        else:
            reasons.append(Reason(projects.get(entry.get("project")), entry.get("rank"), text))
    if assignment is None or assignment.project is None:
        return StudentResult(
            round,
            "unplaced",
            assignment=assignment,
            reasons=reasons,
            suggestions=_suggestions_for(round, student),
        )
    first = first_choice_of(round, student) if assignment.rank != 1 else None
    return StudentResult(
        round,
        "placed",
        assignment=assignment,
        reasons=reasons,
        assigned_text=assigned_text,
        first_choice=first,
    )


def _suggestions_for(round: Round, student: User) -> list[Project]:
    run = latest_done_run(round)
    if run is None:
        return []
    key = student_key(student.pk)
    entry = next((u for u in run.result.get("unassigned", []) if u["student"] == key), None)
    if entry is None:
        return []
    pks = [key_pk(k) for k in entry.get("suggestions", [])]
    found = Project.objects.filter(round=round, pk__in=pks, status=Project.Status.RUNNING)
    by_pk = {p.pk: p for p in found}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def counterfactual_run(round: Round, student: User) -> AllocationRun | None:
    """The finished run whose result gave `student` their place (the newest finished run where
    the place carries none)."""
    run_id = (
        Assignment.objects.filter(round=round, student=student)
        .values_list("run_id", flat=True)
        .first()
    )
    runs = AllocationRun.objects.filter(round=round, status=AllocationRun.Status.DONE).defer(
        "instance", "result"
    )
    if run_id is not None:
        run = runs.filter(pk=run_id).first()
        if run is not None:
            return run
    return runs.order_by("-created_at", "-pk").first()


def counterfactual_texts(run: AllocationRun, student_id: int, project_id: int) -> dict[str, str]:
    """What giving the student a place in `project_id` would have cost the others in `run`, in
    every language, from the engine (it solves the round again with the student pinned there,
    within the run's time limit; this takes a while, so a background task asks). Empty when the
    engine has no text for its answer. Raises InstanceError for an unusable stored run and
    AllocationError when the engine finds no answer in time."""
    stored = AllocationRun.objects.filter(pk=run.pk).values_list("instance", "result").first()
    if stored is None or not stored[0]:
        raise InstanceError("the run has no stored input")
    instance = instance_from_json(stored[0])
    answer = explain.counterfactual(
        instance,
        result_from_json(stored[1]),
        student_key(student_id),
        project_key(project_id),
    )
    return render_texts(answer.kind, answer.params, names_for_round(run.round))


@dataclass(frozen=True)
class CounterfactualAnswer:
    """What the result page shows of the question: `state` is "ask" (not asked yet), "pending",
    "done" (with `text`, empty when the engine has no answer) or "failed" (with `failure`)."""

    state: str
    text: str = ""
    failure: str = ""


# Waiting or computing for longer than this: the worker was lost; the student may ask again.
COUNTERFACTUAL_STALE_AFTER = dt.timedelta(minutes=10)


def counterfactual_is_stale(question: Counterfactual, now: dt.datetime | None = None) -> bool:
    return (
        question.status in COUNTERFACTUAL_ACTIVE
        and question.updated_at < (now or timezone.now()) - COUNTERFACTUAL_STALE_AFTER
    )


def counterfactual_answer(round: Round, student: User) -> CounterfactualAnswer:
    """The state of `student`'s first-choice question for the run that placed them, with the
    answer in the active language (two queries)."""
    run = counterfactual_run(round, student)
    question = (
        Counterfactual.objects.filter(run=run, student=student).first() if run is not None else None
    )
    if question is None:
        return CounterfactualAnswer("ask")
    if counterfactual_is_stale(question):
        return CounterfactualAnswer("failed", failure=Counterfactual.Failure.UNEXPECTED)
    if question.status in COUNTERFACTUAL_ACTIVE:
        return CounterfactualAnswer("pending")
    if question.status == Counterfactual.Status.FAILED:
        return CounterfactualAnswer("failed", failure=question.failure)
    texts = question.texts if isinstance(question.texts, dict) else {}
    return CounterfactualAnswer("done", text=str(texts.get(active_language()) or ""))

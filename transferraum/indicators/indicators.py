"""The programme's own indicators, computed from challenges, projects and recommendations
(registered in the catalogue, see registry.py; docs/indicators.md explains each).

Where a record belongs:
- town: a challenge's municipality, else its organisation's (as the transfer dossier reads it);
  a project, its students and partner and its site visits belong to the town of its challenge;
  a recommendation to its own town;
- round: a project's round (a challenge: each round in which a project works on it; a
  recommendation: its own round);
- year: challenges by the year they were submitted or published; projects, students, partners
  by the year their round's work starts (else the year the project was created); site visits by
  their date; recommendations by the year they were first handed over (a cohort: of those handed
  over in a year, how many were adopted, implemented, and how fast decided).

"Projects" are those that take or took place (running or completed); "students" those placed in
such a project's team once the round's allocation is published.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Count,
    DateField,
    Exists,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce, ExtractYear, NullIf, TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge
from transferraum.indicators.registry import (
    Indicator,
    Kind,
    RecordRow,
    Unit,
    indicator_register,
)
from transferraum.indicators.sql import DaysBetween, Median
from transferraum.projects.models import Assignment, Meeting, Project
from transferraum.recommendations.models import Recommendation, RecommendationEvent
from transferraum.recommendations.workflow import DECISION_ACTIONS

CHALLENGES = gettext_lazy("Challenges")
PROJECTS = gettext_lazy("Projects and people")
RECOMMENDATIONS = gettext_lazy("Recommendations")

TAKING_PLACE = (Project.Status.RUNNING, Project.Status.COMPLETED)
CHALLENGE_TOWN = Coalesce("municipality", "organisation__municipality")
PROJECT_TOWN = Coalesce("challenge__municipality", "challenge__organisation__municipality")


def project_year(prefix: str = "") -> Any:
    return ExtractYear(Coalesce(f"{prefix}round__work_starts_on", TruncDate(f"{prefix}created_at")))


def _sees_everything(viewer: Viewer) -> bool:
    return bool(viewer.is_authenticated and viewer.is_coordinator)


# --- challenges ---------------------------------------------------------------------------------


def _challenges_with_projects() -> QuerySet[Challenge]:
    """Challenges with the projects that work on them (for the round a challenge counts in)."""
    return Challenge.objects.alias(
        project_taking_place=FilteredRelation(
            "projects", condition=Q(projects__status__in=TAKING_PLACE)
        )
    )


def _challenge_row(challenge: Challenge, viewer: Viewer) -> RecordRow:
    town = challenge.municipality or challenge.organisation.municipality
    if challenge.confidentiality == Challenge.Confidentiality.CONFIDENTIAL and not _sees_everything(
        viewer
    ):
        return RecordRow(_("A confidential challenge"), "", (str(town or "–"), ""))
    submitted = challenge.submitted_at
    return RecordRow(
        challenge.title,
        challenge.get_absolute_url(),
        (
            str(town or "–"),
            challenge.organisation.name,
            date_format(timezone.localtime(submitted), "SHORT_DATE_FORMAT") if submitted else "–",
        ),
    )


def _challenges(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        Challenge.objects.filter(pk__in=rows.values("pk"))
        .select_related("organisation__municipality", "municipality")
        .defer("municipality__boundary", "organisation__municipality__boundary")
        .order_by("-submitted_at", "pk")
    )


CHALLENGE_COLUMNS = (gettext_lazy("Town"), gettext_lazy("Organisation"), gettext_lazy("Submitted"))

# --- projects, students, partners, site visits ------------------------------------------------


def _projects_taking_place() -> QuerySet[Project]:
    return Project.objects.filter(status__in=TAKING_PLACE)


def _project_row(project: Project, viewer: Viewer) -> RecordRow:
    challenge = project.challenge
    town = challenge.municipality or challenge.organisation.municipality
    return RecordRow(
        project.title,
        project.get_absolute_url(),
        (str(town or "–"), project.round.name, str(project.get_status_display())),
    )


def _projects(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        Project.objects.filter(pk__in=rows.values("pk"))
        .select_related("round", "challenge__municipality", "challenge__organisation__municipality")
        .defer(
            "challenge__municipality__boundary", "challenge__organisation__municipality__boundary"
        )
        .order_by("round__name", "title", "pk")
    )


def _team_places() -> QuerySet[Assignment]:
    return Assignment.objects.filter(
        round__published_at__isnull=False, project__status__in=TAKING_PLACE
    )


def _student_row(student: User, viewer: Viewer) -> RecordRow:
    programme = str(student.study_programme.name) if student.study_programme else "–"
    if _sees_everything(viewer):
        return RecordRow(student.name or student.email, "", (programme,), person_id=student.pk)
    # Researchers count people; they need no names for it.
    return RecordRow(_("Student no. %(number)s") % {"number": student.pk}, "", (programme,))


def _students(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        User.objects.filter(pk__in=rows.values("student"))
        .select_related("study_programme")
        .order_by("name", "email", "pk")
    )


def _organisation_row(organisation: Organisation, viewer: Viewer) -> RecordRow:
    return RecordRow(
        organisation.name,
        organisation.get_absolute_url(),
        (str(organisation.municipality or "–"), str(organisation.get_kind_display())),
    )


def _organisations(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        Organisation.objects.filter(pk__in=rows.values("challenge__organisation"))
        .select_related("municipality")
        .defer("municipality__boundary")
        .order_by("name", "pk")
    )


Attendance = Meeting.attendees.through


def _site_attendance() -> QuerySet[Any]:
    """Each team member's attendance of a site visit that has taken place."""
    team_member = Assignment.objects.filter(
        project_id=OuterRef("meeting__project_id"),
        student_id=OuterRef("user_id"),
        round__published_at__isnull=False,
    )
    return Attendance.objects.filter(
        meeting__kind=Meeting.Kind.SITE_VISIT,
        meeting__starts_at__lte=timezone.now(),
        meeting__project__status__in=TAKING_PLACE,
    ).filter(Exists(team_member))


def _attendance_row(attendance: Any, viewer: Viewer) -> RecordRow:
    meeting = attendance.meeting
    who = (
        attendance.user.name or attendance.user.email
        if _sees_everything(viewer)
        else _("Student no. %(number)s") % {"number": attendance.user_id}
    )
    return RecordRow(
        f"{date_format(timezone.localtime(meeting.starts_at), 'SHORT_DATE_FORMAT')}: "
        f"{meeting.place}",
        "",
        (meeting.project.title, who),
        person_id=attendance.user_id if _sees_everything(viewer) else None,
    )


def _attendances(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        Attendance.objects.filter(pk__in=rows.values("pk"))
        .select_related("meeting__project", "user")
        .order_by("meeting__starts_at", "pk")
    )


# --- recommendations --------------------------------------------------------------------------


def _events() -> QuerySet[RecommendationEvent]:
    return RecommendationEvent.objects.filter(recommendation_id=OuterRef("pk")).order_by("at", "pk")


def _handed_over_at() -> Subquery:
    return Subquery(_events().filter(action="hand_over").values("at")[:1])


def _decided_on() -> Subquery:
    """The date of the first decision, as recorded with it (else the day it was recorded)."""
    recorded = Cast(NullIf(KT("data__decided_on"), Value("")), DateField())
    return Subquery(
        _events()
        .filter(action__in=DECISION_ACTIONS)
        .annotate(decided=Coalesce(recorded, TruncDate("at"), output_field=DateField()))
        .values("decided")[:1],
        output_field=DateField(),
    )


RECOMMENDATION_YEAR = ExtractYear(Coalesce(_handed_over_at(), "created_at"))


def _handed_over(statuses: tuple[str, ...] = ()) -> Any:
    def rows() -> QuerySet[Recommendation]:
        handed = Recommendation.objects.handed_over()
        return handed.filter(status__in=statuses) if statuses else handed

    return rows


def _timed() -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.handed_over()
        .annotate(days=DaysBetween(TruncDate(_handed_over_at()), _decided_on()))
        .filter(days__isnull=False)
    )


def _recommendation_row(recommendation: Recommendation, viewer: Viewer) -> RecordRow:
    town = str(recommendation.municipality or "–")
    status = str(recommendation.get_status_display())
    days = getattr(recommendation, "days", None)
    details = (town, status) if days is None else (town, status, str(days))
    if recommendation.confidential and not _sees_everything(viewer):
        return RecordRow(_("A confidential recommendation"), "", details)
    return RecordRow(recommendation.title, recommendation.get_absolute_url(), details)


def _recommendations(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        Recommendation.objects.filter(pk__in=rows.values("pk"))
        .select_related("municipality")
        .defer("municipality__boundary")
        .order_by("title", "pk")
    )


def _timed_recommendations(rows: QuerySet[Any]) -> QuerySet[Any]:
    return (
        rows.select_related("municipality")
        .defer("municipality__boundary")
        .order_by("days", "title", "pk")
    )


RECOMMENDATION_COLUMNS = (gettext_lazy("Town"), gettext_lazy("Status"))
A_ = Recommendation

indicator_register(
    Indicator(
        key="challenges-submitted",
        label=gettext_lazy("Challenges submitted"),
        definition=gettext_lazy(
            "Challenges that towns, companies and associations sent to the coordination for "
            "review, counted in the year they were first submitted. Drafts are not counted."
        ),
        unit=Unit.COUNT,
        kind=Kind.INPUT,
        area=CHALLENGES,
        rows=lambda: _challenges_with_projects().filter(submitted_at__isnull=False),
        town=CHALLENGE_TOWN,
        round="project_taking_place__round",
        year=ExtractYear("submitted_at"),
        records=_challenges,
        record_row=_challenge_row,
        record_columns=CHALLENGE_COLUMNS,
        order=10,
    ),
    Indicator(
        key="challenges-published",
        label=gettext_lazy("Challenges published"),
        definition=gettext_lazy(
            "Challenges the coordination published on the board, counted in the year of "
            "publication, whatever became of them later."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTPUT,
        area=CHALLENGES,
        rows=lambda: _challenges_with_projects().filter(published_at__isnull=False),
        town=CHALLENGE_TOWN,
        round="project_taking_place__round",
        year=ExtractYear("published_at"),
        records=_challenges,
        record_row=_challenge_row,
        record_columns=CHALLENGE_COLUMNS,
        order=20,
    ),
    Indicator(
        key="projects",
        label=gettext_lazy("Practice projects"),
        definition=gettext_lazy(
            "Practice projects that take or took place (running or completed) in a round; "
            "projects that did not take place are not counted. Year: the year the round's "
            "work starts."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTPUT,
        area=PROJECTS,
        rows=_projects_taking_place,
        town=PROJECT_TOWN,
        round="round",
        year=project_year(),
        records=_projects,
        record_row=_project_row,
        record_columns=(gettext_lazy("Town"), gettext_lazy("Round"), gettext_lazy("Status")),
        order=30,
    ),
    Indicator(
        key="students",
        label=gettext_lazy("Students in teams"),
        definition=gettext_lazy(
            "Different students placed in the team of a project that takes or took place, "
            "once the round's allocation was published. A student in two rounds counts once "
            "in the total and once in each round."
        ),
        unit=Unit.PEOPLE,
        kind=Kind.INPUT,
        area=PROJECTS,
        rows=_team_places,
        town=Coalesce(
            "project__challenge__municipality", "project__challenge__organisation__municipality"
        ),
        round="round",
        year=project_year("project__"),
        value=lambda: Count("student", distinct=True),
        records=_students,
        record_row=_student_row,
        record_columns=(gettext_lazy("Study programme"),),
        counts_people=True,
        order=40,
    ),
    Indicator(
        key="partner-organisations",
        label=gettext_lazy("Partner organisations"),
        definition=gettext_lazy(
            "Different organisations (town administrations, companies, associations) whose "
            "challenge a project that takes or took place works on."
        ),
        unit=Unit.ORGANISATIONS,
        kind=Kind.INPUT,
        area=PROJECTS,
        rows=_projects_taking_place,
        town=PROJECT_TOWN,
        round="round",
        year=project_year(),
        value=lambda: Count("challenge__organisation", distinct=True),
        records=_organisations,
        record_row=_organisation_row,
        record_columns=(gettext_lazy("Town"), gettext_lazy("Kind")),
        order=50,
    ),
    Indicator(
        key="site-days",
        label=gettext_lazy("Days students spent on site"),
        definition=gettext_lazy(
            "Person-days on site: every site visit of a project's workspace that has taken "
            "place counts one day for each member of the team recorded as attending it."
        ),
        unit=Unit.PERSON_DAYS,
        kind=Kind.OUTPUT,
        area=PROJECTS,
        rows=_site_attendance,
        town=Coalesce(
            "meeting__project__challenge__municipality",
            "meeting__project__challenge__organisation__municipality",
        ),
        round="meeting__project__round",
        year=ExtractYear("meeting__starts_at"),
        records=_attendances,
        record_row=_attendance_row,
        record_columns=(gettext_lazy("Project"), gettext_lazy("Student")),
        counts_people=True,
        order=60,
    ),
    Indicator(
        key="recommendations-handed-over",
        label=gettext_lazy("Recommendations handed over"),
        definition=gettext_lazy(
            "Recommendations of the teams and the accompanying research handed over to a town "
            "or company (every state from the hand-over on; confidential ones included), "
            "counted in the year of the first hand-over."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTPUT,
        area=RECOMMENDATIONS,
        rows=_handed_over(),
        town="municipality",
        round="round",
        year=RECOMMENDATION_YEAR,
        records=_recommendations,
        record_row=_recommendation_row,
        record_columns=RECOMMENDATION_COLUMNS,
        order=70,
    ),
    Indicator(
        key="recommendations-adopted",
        label=gettext_lazy("Recommendations adopted"),
        definition=gettext_lazy(
            "Recommendations handed over that the addressee adopted, with or without changes, "
            "including those in implementation, implemented or evaluated since; counted in "
            "the year of the hand-over."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTCOME,
        area=RECOMMENDATIONS,
        rows=_handed_over(A_.ADOPTED_STATUSES),
        town="municipality",
        round="round",
        year=RECOMMENDATION_YEAR,
        records=_recommendations,
        record_row=_recommendation_row,
        record_columns=RECOMMENDATION_COLUMNS,
        order=80,
    ),
    Indicator(
        key="recommendations-implemented",
        label=gettext_lazy("Recommendations implemented"),
        definition=gettext_lazy(
            "Recommendations handed over whose implementation is finished (implemented or "
            "evaluated); counted in the year of the hand-over."
        ),
        unit=Unit.COUNT,
        kind=Kind.OUTCOME,
        area=RECOMMENDATIONS,
        rows=_handed_over(A_.IMPLEMENTED_STATUSES),
        town="municipality",
        round="round",
        year=RECOMMENDATION_YEAR,
        records=_recommendations,
        record_row=_recommendation_row,
        record_columns=RECOMMENDATION_COLUMNS,
        order=90,
    ),
    Indicator(
        key="days-to-decision",
        label=gettext_lazy("Median days to a decision"),
        definition=gettext_lazy(
            "Median of the days from the first hand-over of a recommendation to the first "
            "decision on it (adopted, adopted with changes or rejected, on the date recorded "
            "with the decision). A deferral is no decision; undecided recommendations do not "
            "enter the median. The list shows the decided recommendations and their days."
        ),
        unit=Unit.DAYS,
        kind=Kind.OUTCOME,
        area=RECOMMENDATIONS,
        rows=_timed,
        town="municipality",
        round="round",
        year=RECOMMENDATION_YEAR,
        value=lambda: Median("days"),
        records=_timed_recommendations,
        record_row=_recommendation_row,
        record_columns=(*RECOMMENDATION_COLUMNS, gettext_lazy("Days")),
        is_count=False,
        order=100,
    ),
)

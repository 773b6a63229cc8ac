"""Reads of the research area, scoped to the person who reads.

Researchers read studies they are members of, and there only pseudonyms, counts and answers:
never who was invited (`Invitation` is read by the personal link and the mail task only).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from transferraum.actors.models import Membership
from transferraum.core.errors import PermissionDenied
from transferraum.core.models import consent_current
from transferraum.projects.models import Assignment, Project
from transferraum.research.models import (
    ConsentRecord,
    Option,
    Page,
    Question,
    Study,
    Survey,
    SurveyVersion,
    Wave,
)
from transferraum.research.permissions import is_researcher


def studies_for_viewer(viewer: Any) -> QuerySet[Study]:
    """The studies `viewer` is a researcher of."""
    if not is_researcher(viewer):
        return Study.objects.none()
    return (
        Study.objects.filter(researchers=viewer)
        .annotate(
            wave_count=Count("waves", distinct=True), survey_count=Count("surveys", distinct=True)
        )
        .order_by("title", "pk")
    )


def _refuse(viewer: Any) -> None:
    if not is_researcher(viewer):
        from transferraum.accounts.models import User

        raise PermissionDenied(_("Only researchers see studies."), needs_role=User.Role.RESEARCHER)


def study_for_researcher(viewer: Any, pk: int) -> Study:
    """A study of `viewer`: 403 without the researcher role, 404 for another study."""
    _refuse(viewer)
    study = Study.objects.filter(pk=pk, researchers=viewer).first()
    if study is None:
        raise Http404
    return study


def survey_for_researcher(viewer: Any, pk: int) -> Survey:
    """A survey of a study of `viewer` (403 / 404 as `study_for_researcher`)."""
    _refuse(viewer)
    survey = Survey.objects.select_related("study").filter(pk=pk, study__researchers=viewer).first()
    if survey is None:
        raise Http404
    return survey


def page_for_researcher(viewer: Any, pk: int) -> Page:
    """A page of a survey of a study of `viewer` (403 / 404 as `study_for_researcher`)."""
    _refuse(viewer)
    page = (
        Page.objects.select_related("version__survey__study")
        .filter(pk=pk, version__survey__study__researchers=viewer)
        .first()
    )
    if page is None:
        raise Http404
    return page


def question_for_researcher(viewer: Any, pk: int) -> Question:
    """A question of a survey of a study of `viewer` (403 / 404 as `study_for_researcher`)."""
    _refuse(viewer)
    question = (
        Question.objects.select_related("page__version__survey__study")
        .filter(pk=pk, page__version__survey__study__researchers=viewer)
        .first()
    )
    if question is None:
        raise Http404
    return question


def option_for_researcher(viewer: Any, pk: int) -> Option:
    """An answer option of a survey of a study of `viewer` (403 / 404 as above)."""
    _refuse(viewer)
    option = (
        Option.objects.select_related("question__page__version__survey__study")
        .filter(pk=pk, question__page__version__survey__study__researchers=viewer)
        .first()
    )
    if option is None:
        raise Http404
    return option


def version_questions(version: SurveyVersion) -> list[Any]:
    """The pages of `version` with their questions and options, in order (three queries)."""
    return list(version.pages.prefetch_related("questions__options").order_by("position"))


def current_consent(person: Any, study: Study) -> ConsentRecord | None:
    """The person's latest consent record in `study` when it gives consent; None otherwise."""
    return consent_current(
        ConsentRecord.objects.filter(person=person, study=study).select_related("consent_version")
    )


def consents_for_person(person: Any) -> QuerySet[ConsentRecord]:
    """The person's own studies: per study they ever consented to, their latest consent record
    (given or withdrawn) with the text's version, and when they last gave consent — one query,
    the person's own rows only."""
    latest = ConsentRecord.objects.filter(person=person, study=OuterRef("study")).order_by(
        "-at", "-pk"
    )
    given = latest.filter(action=ConsentRecord.Action.GIVEN)
    return (
        ConsentRecord.objects.filter(person=person)
        .annotate(latest_pk=Subquery(latest.values("pk")[:1]))
        .filter(pk=F("latest_pk"))
        .annotate(given_at=Subquery(given.values("at")[:1]))
        .select_related("study", "consent_version")
        .order_by("study__title", "study__pk")
    )


def wave_group(wave: Wave) -> Iterable[int]:
    """The ids of the active people a wave invites."""
    people: Iterable[int]
    if wave.group == Wave.Group.ROUND_STUDENTS:
        people = Assignment.objects.filter(
            round=wave.round, project__isnull=False, student__is_active=True
        ).values_list("student_id", flat=True)
    else:
        organisations = Project.objects.filter(
            round=wave.round, status=Project.Status.COMPLETED
        ).values_list("challenge__organisation_id", flat=True)
        people = Membership.objects.filter(
            organisation_id__in=organisations, user__is_active=True
        ).values_list("user_id", flat=True)
    return sorted(set(people))


def waves_with_counts(study: Study) -> QuerySet[Wave]:
    """The study's waves with how many were invited, started and finished (in SQL)."""
    return (
        Wave.objects.filter(study=study)
        .select_related("survey_version__survey", "round")
        .annotate(
            invited=Count("invitations", distinct=True),
            started=Count("responses", distinct=True),
            completed=Count("responses", filter=Q(responses__status="completed"), distinct=True),
        )
        .order_by("invite_on", "pk")
    )


def question_codes(version: SurveyVersion) -> list[str]:
    return list(
        Question.objects.filter(page__version=version)
        .order_by("page__position", "position")
        .values_list("code", flat=True)
    )

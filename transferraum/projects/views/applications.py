"""Views of the applications area: the student's profile for applying, the apply page with the
ranking, withdrawing, and the student's own rounds."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.selectors import competences_grouped
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.filters import PAGE_PARAM
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.http import login_required_keeping_post, pending_post
from transferraum.core.listing import listing
from transferraum.projects.forms.applications import (
    ApplicationForm,
    StudentProfileForm,
    posted_motivations,
    posted_project_ids,
)
from transferraum.projects.models import Application, Assignment, Round, StudentProfile
from transferraum.projects.permissions import applications_open, is_student
from transferraum.projects.selectors.applications import (
    application_of,
    applications_of_student,
    projects_to_rank,
    published_assignments_of,
    ranking_projects,
    rounds_to_apply,
    student_profile_of,
    students_naming,
)
from transferraum.projects.selectors.rounds import (
    RoundProjectFilters,
    round_for_applicant,
    round_project_selects,
)
from transferraum.projects.services.applications import (
    application_closed_reason,
    application_submit,
    application_withdraw,
    student_profile_update,
)

APPLY_PAGE_SIZE = 20
SHOW = "zeigen"  # the button that shows other projects and keeps the ranking as typed


def _require_student(user: Viewer) -> None:
    if not is_student(user):
        raise PermissionDenied(_("Only students apply for projects."), needs_role=User.Role.STUDENT)


def _safe_next(request: AuthenticatedHttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def student_profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Programme, semester, competences, languages, mobility and availability for applying."""
    _require_student(request.user)
    person, student = student_profile_of(request.user)
    data = pending_post(request) or (request.POST if request.method == "POST" else None)
    if data is not None:
        form = StudentProfileForm(data)
        if request.method == "POST" and form.is_valid():
            cleaned = form.cleaned_data
            try:
                student_profile_update(
                    actor=request.user,
                    study_programme=cleaned["study_programme"],
                    semester=cleaned["semester"],
                    competences=cleaned["competences"],
                    languages=cleaned["languages"],
                    mobility=cleaned["mobility"],
                    availability=cleaned["availability"],
                )
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("Your profile for applying has been saved."))
                return redirect(_safe_next(request) or reverse("projects:mine"))
    else:
        form = StudentProfileForm(
            initial={
                "study_programme": request.user.study_programme_id,
                "semester": request.user.semester,
                "competences": list(person.competences.all()) if person else [],
                "languages": person.languages if person else "",
                "mobility": student.mobility if student else [],
                "availability": student.availability if student else "",
            }
        )
    return render(
        request,
        "projects/student_profile.html",
        {
            "form": form,
            "next": _safe_next(request) or "",
            "competence_groups": competences_grouped(),
        },
        status=422 if request.method == "POST" else 200,
    )


def _navigating(data: QueryDict) -> bool:
    """Whether the student asked for other projects (the search, a filter or a page), not to
    submit: the ranking travels along and is shown again as typed."""
    return SHOW in data or PAGE_PARAM in data


def _render_apply(
    request: AuthenticatedHttpRequest,
    round: Round,
    application: Application | None,
    filters: RoundProjectFilters,
    ranked_ids: Collection[int],
    *,
    data: QueryDict | None = None,
    initial: dict[str, Any] | None = None,
    refusal: DomainError | None = None,
    status: int = 200,
) -> HttpResponse:
    """The apply page: the ranking (every ranked project), a page of the other open projects
    found by `filters`, and what was typed for projects on neither (kept as hidden fields).

    With `data` the form is bound (a submit to judge, with the service's `refusal`), otherwise
    it shows `initial`."""
    ranked_projects = ranking_projects(round, ranked_ids)
    apply_url = reverse("projects:apply", args=[round.pk])
    listed = listing(
        request,
        projects_to_rank(round, filters, [project.pk for project in ranked_projects]),
        filters,
        url=apply_url,
        per_page=APPLY_PAGE_SIZE,
        name="apply",
        capped=False,  # a round's projects
    )
    filters, page, partial = listed.filters, listed.page, listed.partial
    projects = [*ranked_projects, *page.object_list]
    shown = {project.pk for project in projects}
    if data is not None:
        form = ApplicationForm(
            data,
            round=round,
            projects=projects,
            unknown_ids=[pk for pk in ranked_ids if pk not in shown],
        )
        form.is_valid()
        if refusal is not None:
            refusal.attach_to(form)
    else:
        form = ApplicationForm(round=round, projects=projects, initial=initial or {})
    typed = data if data is not None else (request.POST if request.method == "POST" else None)
    ranked, others = form.items()
    context: dict[str, Any] = listed.context | {
        "round": round,
        "form": form,
        "ranked": ranked,
        "others": others,
        "apply_url": apply_url,
        "kept_motivations": [
            (f"motivation_{pk}", text)
            for pk, text in (posted_motivations(typed) if typed is not None else {}).items()
            if pk not in shown
        ],
        "application": application,
        "closed_reason": application_closed_reason(round),
    }
    if not partial:
        person, student = student_profile_of(request.user)
        context |= {
            "selects": round_project_selects(round, filters),
            "naming_me": students_naming(request.user, round),
            "person_profile": person,
            "mobility": [
                StudentProfile.Mobility(value).label
                for value in (student.mobility if student else [])
                if value in StudentProfile.Mobility.values
            ],
        }
    return render_page_or_partial(request, "projects/apply.html", "results", context, status=status)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def apply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Rank the round's projects (submitting again replaces the ranking) while it is open.

    The other projects are shown a page at a time, found by words, town and topic field. Asking
    for other projects posts the whole form (`zeigen` or a page number `seite`), so that what
    the student has ranked and typed so far is shown again on every page, with or without
    JavaScript; only "Submit application" hands the ranking to the service."""
    round = round_for_applicant(request.user, pk)
    application = application_of(request.user, round)
    kept = pending_post(request)
    data = kept or (request.POST if request.method == "POST" else None)
    if data is None:
        stored_ids = (
            [choice.project_id for choice in application.choices.all()] if application else []
        )
        filters = RoundProjectFilters.from_query(request.GET)
        initial = ApplicationForm.initial_from(application)
        return _render_apply(request, round, application, filters, stored_ids, initial=initial)
    filters = RoundProjectFilters.from_query(data)
    typed_ids = posted_project_ids(data)
    if kept is None and _navigating(data):
        initial = ApplicationForm.initial_from_data(data)
        return _render_apply(request, round, application, filters, typed_ids, initial=initial)
    if kept is not None:
        messages.info(request, _("What you entered has been restored. Please check it and submit."))
        return _render_apply(request, round, application, filters, typed_ids, data=data)
    ranked_projects = ranking_projects(round, typed_ids)
    known = {project.pk for project in ranked_projects}
    form = ApplicationForm(
        data,
        round=round,
        projects=ranked_projects,
        unknown_ids=[pk for pk in typed_ids if pk not in known],
    )
    if form.is_valid():
        try:
            application_submit(
                actor=request.user, round=round, choices=form.choices, work_with=form.work_with
            )
        except DomainError as error:
            # Shown again with the page of projects; the form is judged anew with the message.
            return _render_apply(
                request,
                round,
                application,
                filters,
                typed_ids,
                data=data,
                refusal=error,
                status=422,
            )
        if application is None:
            messages.success(
                request,
                _(
                    "Thank you! Your application has been submitted. We have sent you a "
                    "confirmation by e-mail."
                ),
            )
        else:
            messages.success(
                request,
                _(
                    "Your changed ranking has been saved. We have sent you a confirmation "
                    "by e-mail."
                ),
            )
        return redirect("projects:mine")
    return _render_apply(request, round, application, filters, typed_ids, data=data, status=422)


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    round = round_for_applicant(request.user, pk)
    try:
        application_withdraw(actor=request.user, round=round)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("projects:apply", pk=round.pk)
    messages.success(
        request,
        _("Your application for “%(round)s” has been withdrawn.") % {"round": round.name},
    )
    return redirect("projects:mine")


@dataclass
class RoundRow:
    """One round on the student's page: the application and where it stands."""

    round: Round
    application: Application
    is_open: bool
    assignment: Assignment | None


@login_required
@require_safe
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The student's rounds: applications with their ranking and status, results once
    published, and rounds still open for applications."""
    _require_student(request.user)
    assignments = published_assignments_of(request.user)
    rows = [
        RoundRow(
            round=application.round,
            application=application,
            is_open=applications_open(application.round),
            assignment=assignments.get(application.round_id),
        )
        for application in applications_of_student(request.user)
    ]
    context: dict[str, Any] = {"rows": rows, "open_rounds": rounds_to_apply(request.user)}
    return render(request, "projects/mine.html", context)


urlpatterns: list[URLPattern] = [
    path("projekte/mein-profil/", student_profile, name="student-profile"),
    path("projekte/runden/<int:pk>/bewerbung/", apply, name="apply"),
    path("projekte/runden/<int:pk>/bewerbung/zurueckziehen/", withdraw, name="withdraw"),
    path("projekte/meine/", mine, name="mine"),
]

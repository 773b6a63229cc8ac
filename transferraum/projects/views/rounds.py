"""Rounds and their projects: the list of rounds with their phases, a round's page, creating and
changing rounds and projects, moving a round through its phases, a project's public page,
completing a project, and the public showcase of finished projects."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.actors.selectors import competences_grouped
from transferraum.challenges.models import Challenge
from transferraum.challenges.selectors import public_text
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.filters import Filters
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.http import HtmxHttpRequest, login_required_keeping_post, pending_post
from transferraum.core.listing import listing
from transferraum.core.related import PROJECT, related_for
from transferraum.projects import phases, travel
from transferraum.projects.forms.rounds import (
    ProjectForm,
    ReopenForm,
    RoundForm,
    project_initial,
    round_initial,
)
from transferraum.projects.models import Project, Round
from transferraum.projects.permissions import (
    applications_open,
    can_apply,
    can_complete,
    can_edit_project,
    can_manage_rounds,
    can_see_results,
    can_see_team,
    can_view_workspace,
)
from transferraum.projects.selectors.rounds import (
    ChallengeChoiceFilters,
    RoundProjectFilters,
    ShowcaseFilters,
    eligible_challenge,
    eligible_challenge_selects,
    eligible_challenges,
    phase_timeline,
    project_for_editor,
    project_for_viewer,
    project_team,
    projects_supervised_by,
    round_for_coordinator,
    round_for_viewer,
    round_project_for_challenge,
    round_project_selects,
    round_projects,
    round_supervisors,
    rounds_for,
    running_without_summary,
    showcase_projects,
    showcase_selects,
)
from transferraum.projects.services.rounds import (
    capacity_set,
    project_complete,
    project_create,
    project_formats,
    project_update,
    round_advance,
    round_create,
    round_reopen,
    round_update,
)

P = Round.Phase
SHOWCASE_PAGE_SIZE = 20
ROUND_PROJECTS_PAGE_SIZE = 24
SUPERVISED_PAGE_SIZE = 20


def _restored(request: HttpRequest, form: Any) -> None:
    """A form sent after the session expired is shown again to be checked, not saved."""
    messages.info(request, _("What you entered has been restored. Please check it and save."))
    form.is_valid()


# --- rounds -----------------------------------------------------------------------------------


PAST_ROUNDS_PAGE_SIZE = 20


@require_safe
def round_list(request: HttpRequest) -> HttpResponse:
    """Current rounds with their phases and dates; closed rounds below; coordinators also see
    the rounds in preparation."""
    rounds = rounds_for(request.user)
    base = reverse("projects:rounds")
    past = listing(
        request,
        rounds.filter(phase=P.CLOSED),
        Filters.from_query(request.GET),
        url=base,
        per_page=PAST_ROUNDS_PAGE_SIZE,
        name="rounds",
        capped=False,  # a programme's rounds: two a year
    )
    context = past.context
    if not past.partial:
        # The rounds not yet closed are a handful at any time.
        context |= {
            "current": [(r, phase_timeline(r)) for r in rounds.exclude(phase=P.CLOSED)],
            "can_manage": can_manage_rounds(request.user),
        }
    return render_page_or_partial(
        request,
        "projects/round_list.html",
        "past",
        context,
        push_url=base + past.filters.querystring(),
    )


@require_safe
def round_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A round with its phases and its projects, a page of them at a time by words, town and
    topic field; htmx asks for the projects alone."""
    round = round_for_viewer(request.user, pk)
    can_manage = can_manage_rounds(request.user)
    filters = RoundProjectFilters.from_query(request.GET)
    base = reverse("projects:round", args=[round.pk])
    found = listing(
        request,
        round_projects(round, filters),
        filters,
        url=base,
        per_page=ROUND_PROJECTS_PAGE_SIZE,
        name="round",
        capped=False,  # a round's projects: bounded by the round
    )
    filters, partial = found.filters, found.partial
    context: dict[str, Any] = found.context | {
        "round": round,
        "can_edit_projects": can_manage and phases.phase_allows(round.phase, phases.EDIT_PROJECTS),
    }
    if partial:
        return render_page_or_partial(
            request,
            "projects/round_detail.html",
            "projects",
            context,
            push_url=base + filters.querystring(),
        )
    target = phases.NEXT_PHASE.get(round.phase)
    can_reopen = can_manage and round.phase in phases.PREVIOUS_PHASE and not round.is_published
    context |= {
        "steps": phase_timeline(round),
        "selects": round_project_selects(round, filters),
        "can_manage": can_manage,
        "advance_to": target if can_manage else None,
        "advance_label": next(
            (label for phase, label in phases.ADVANCE_LABELS.items() if phase == target), ""
        ),
        "reopen_form": ReopenForm() if can_reopen else None,
        "applications_open": applications_open(round),
        "can_apply": can_apply(request.user, round),
        "show_result": round.is_published and request.user.is_authenticated,
        "show_allocation": can_manage and (round.phase == P.ALLOCATION or round.is_published),
        "without_summary": running_without_summary(round)
        if can_manage and target == P.CLOSED
        else [],
    }
    return render_page_or_partial(request, "projects/round_detail.html", "projects", context)


def _require_manager(request: AuthenticatedHttpRequest) -> None:
    if not can_manage_rounds(request.user):
        raise PermissionDenied(_("Only coordinators manage rounds and their projects."))


def _round_form_response(
    request: AuthenticatedHttpRequest, form: RoundForm, round: Round | None, status: int = 200
) -> HttpResponse:
    return render(
        request, "projects/round_form.html", {"form": form, "round": round}, status=status
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def round_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_manager(request)
    kept = pending_post(request)
    if kept is not None:
        form = RoundForm(kept)
        _restored(request, form)
        return _round_form_response(request, form, None)
    if request.method == "POST":
        form = RoundForm(request.POST)
        if form.is_valid():
            try:
                round = round_create(actor=request.user, **form.round_data())
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("The round has been created. Now add its projects."))
                return redirect(round)
        return _round_form_response(request, form, None, status=422)
    return _round_form_response(request, RoundForm(), None)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def round_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The round's dates and rules, and the supervisors' capacities (saved together or not
    at all)."""
    round = round_for_coordinator(request.user, pk)
    supervisors = round_supervisors(round)
    kept = pending_post(request)
    if kept is not None:
        form = RoundForm(kept, supervisors=supervisors, versioned=round)
        _restored(request, form)
        return _round_form_response(request, form, round)
    if request.method == "POST":
        form = RoundForm(request.POST, supervisors=supervisors, versioned=round)
        if form.is_valid():
            before = dict(supervisors)
            try:
                with transaction.atomic():
                    round = round_update(
                        actor=request.user,
                        round=round,
                        version=form.loaded_version,
                        **form.round_data(),
                    )
                    for person, capacity in form.capacities():
                        if capacity != before.get(person):
                            capacity_set(
                                actor=request.user,
                                round=round,
                                supervisor=person,
                                capacity=capacity,
                            )
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("The round has been saved."))
                return redirect(round)
        return _round_form_response(request, form, round, status=422)
    form = RoundForm(initial=round_initial(round), supervisors=supervisors, versioned=round)
    return _round_form_response(request, form, round)


@login_required
@require_POST
def round_advance_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Advance the round to its next phase (`richtung=vor`) or reopen applications
    (`richtung=zurueck` with a new deadline)."""
    round = round_for_coordinator(request.user, pk)
    try:
        if request.POST.get("richtung") == "zurueck":
            form = ReopenForm(request.POST)
            if not form.is_valid():
                raise DomainError(_("Please give a new deadline as date and time."))
            round = round_reopen(
                actor=request.user,
                round=round,
                applications_close_at=form.cleaned_data["applications_close_at"],
            )
        else:
            round = round_advance(
                actor=request.user, round=round, expected_phase=request.POST.get("phase") or None
            )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Done: the round is now in the phase “%(phase)s”.")
            % {"phase": round.get_phase_display()},
        )
    return redirect(round)


# --- projects ---------------------------------------------------------------------------------


def _project_form_response(
    request: AuthenticatedHttpRequest,
    form: ProjectForm,
    round: Round,
    challenge: Challenge,
    project: Project | None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "projects/project_form.html",
        {
            "form": form,
            "round": round,
            "challenge": challenge,
            "project": project,
            "competence_groups": competences_grouped(),
        },
        status=status,
    )


CHALLENGES_PAGE_SIZE = 24


def _choose_challenge(request: HttpRequest, round: Round) -> HttpResponse:
    """The challenges that can become a project of `round`, a page at a time by words, town
    and topic field; htmx asks for the results alone."""
    filters = ChallengeChoiceFilters.from_query(request.GET)
    base = reverse("projects:project-new", args=[round.pk])
    found = listing(
        request,
        eligible_challenges(round, filters),
        filters,
        url=base,
        per_page=CHALLENGES_PAGE_SIZE,
        name="choose",
    )
    context = found.context | {"round": round}
    if not found.partial:
        context["selects"] = eligible_challenge_selects(round, found.filters)
    return render_page_or_partial(
        request,
        "projects/project_choose_challenge.html",
        "results",
        context,
        push_url=base + found.filters.querystring(),
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def project_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Choose a suitable challenge (`?challenge=`), then describe the project."""
    round = round_for_coordinator(request.user, pk)
    if not phases.phase_allows(round.phase, phases.EDIT_PROJECTS):
        raise PermissionDenied(
            _("Projects can be added and changed only until applications close.")
        )
    chosen = request.POST.get("challenge") or request.GET.get("challenge")
    if not chosen:
        return _choose_challenge(request, round)
    challenge = eligible_challenge(round, chosen)
    if challenge is None:
        existing = round_project_for_challenge(round, chosen)
        if existing is None:
            raise Http404
        # Usually the same form sent twice: the first has created the project.
        messages.info(
            request,
            _("This challenge already has a project in this round: “%(title)s”.")
            % {"title": existing.title},
        )
        return redirect(existing)
    kept = pending_post(request)
    if kept is not None:
        form = ProjectForm(kept, challenge=challenge)
        _restored(request, form)
        return _project_form_response(request, form, round, challenge, None)
    if request.method == "POST":
        form = ProjectForm(request.POST, challenge=challenge)
        if form.is_valid():
            try:
                project = project_create(
                    actor=request.user, round=round, challenge=challenge, **form.cleaned_data
                )
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("The project has been added to the round."))
                return redirect(project)
        return _project_form_response(request, form, round, challenge, None, status=422)
    formats = project_formats(challenge)
    initial = {
        "format": formats[0] if formats else None,
        "title": challenge.title,
        "description": public_text(challenge),
        "partner_contacts": [challenge.contact_person] if challenge.contact_person else [],
        "min_team_size": 3,
        "max_team_size": 6,
        "work_language": Project.WorkLanguage.DE,
    }
    form = ProjectForm(initial=initial, challenge=challenge)
    return _project_form_response(request, form, round, challenge, None)


@require_safe
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A project's public page; the team for those who may see it."""
    project = project_for_viewer(request.user, pk)
    municipality = project.challenge.municipality
    connection = getattr(municipality, "train_connection", None) if municipality else None
    show_team = can_see_team(request.user, project)
    return render(
        request,
        "projects/project_detail.html",
        {
            "project": project,
            "round": project.round,
            "challenge": project.challenge,
            "municipality": municipality,
            "connection": connection,
            "route_url": travel.route_search_url(connection.station) if connection else "",
            "travel_source": travel.SOURCE,
            "topics": project.challenge.topics.all(),
            "supervisors": project.supervisors.order_by("name", "email"),
            "partner_contacts": project.partner_contacts.order_by("name", "email"),
            "required": project.required_competences.all(),
            "desired": project.desired_competences.all(),
            "programmes": project.wanted_programmes.all(),
            "team": project_team(project) if show_team else None,
            "can_view_workspace": can_view_workspace(request.user, project),
            "can_see_results": can_see_results(request.user, project),
            "can_edit": can_edit_project(request.user, project),
            "can_complete": can_complete(request.user, project),
            "can_apply": can_apply(request.user, project.round),
            "related": related_for(PROJECT, project, request.user),
        },
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def project_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = project_for_editor(request.user, pk)
    challenge, round = project.challenge, project.round
    kept = pending_post(request)
    if kept is not None:
        form = ProjectForm(kept, challenge=challenge, versioned=project)
        _restored(request, form)
        return _project_form_response(request, form, round, challenge, project)
    if request.method == "POST":
        form = ProjectForm(request.POST, challenge=challenge, versioned=project)
        if form.is_valid():
            try:
                project = project_update(
                    actor=request.user,
                    project=project,
                    version=form.loaded_version,
                    **form.cleaned_data,
                )
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("The project has been saved."))
                return redirect(project)
        return _project_form_response(request, form, round, challenge, project, status=422)
    form = ProjectForm(initial=project_initial(project), challenge=challenge, versioned=project)
    return _project_form_response(request, form, round, challenge, project)


@login_required
@require_POST
def project_complete_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    project = project_for_viewer(request.user, pk)
    try:
        project = project_complete(actor=request.user, project=project)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The project is completed. Thank you!"))
        if not project.public_summary:
            messages.warning(
                request,
                _(
                    "It has no summary for the public, so the showcase does not show it yet. "
                    "Its supervisors and coordinators can still write one in the workspace."
                ),
            )
    return redirect(project)


# --- the showcase -----------------------------------------------------------------------------


@require_safe
def showcase(request: HtmxHttpRequest) -> HttpResponse:
    """Finished projects with their public summary, by words, town, topic field and round, a
    page at a time."""
    filters = ShowcaseFilters.from_query(request.GET)
    base = reverse("projects:showcase")
    found = listing(
        request,
        showcase_projects(filters),
        filters,
        url=base,
        per_page=SHOWCASE_PAGE_SIZE,
        name="showcase",
    )
    filters, context = found.filters, found.context
    if not found.partial:
        context["selects"] = showcase_selects(filters)
    return render_page_or_partial(
        request, "projects/showcase.html", "results", context, push_url=base + filters.querystring()
    )


@login_required
@require_safe
def supervised(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The projects the person supervises, every status, by round (the start page links here
    when it shows only the first ones)."""
    base = reverse("projects:supervised")
    found = listing(
        request,
        projects_supervised_by(request.user),
        Filters.from_query(request.GET),
        url=base,
        per_page=SUPERVISED_PAGE_SIZE,
        capped=False,  # one person's projects
    )
    return render_page_or_partial(
        request,
        "projects/supervised.html",
        "results",
        found.context,
        push_url=base + found.filters.querystring(),
    )


urlpatterns: list[URLPattern] = [
    path("projekte/", round_list, name="rounds"),
    path("projekte/runden/<int:pk>/", round_detail, name="round"),
    path("projekte/runden/neu/", round_new, name="round-new"),
    path("projekte/runden/<int:pk>/bearbeiten/", round_edit, name="round-edit"),
    path("projekte/runden/<int:pk>/phase/", round_advance_view, name="round-advance"),
    path("projekte/runden/<int:pk>/projekte/neu/", project_new, name="project-new"),
    path("projekte/<int:pk>/", project_detail, name="project"),
    path("projekte/<int:pk>/bearbeiten/", project_edit, name="project-edit"),
    path("projekte/<int:pk>/abschliessen/", project_complete_view, name="project-complete"),
    path("projekte/schaufenster/", showcase, name="showcase"),
    path("projekte/betreut/", supervised, name="supervised"),
]

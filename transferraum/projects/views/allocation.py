"""The allocation in a round: the coordinators' board with runs, hand moves and publication, and
each student's own result with the engine's explanation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.models import User
from transferraum.core.errors import DomainError
from transferraum.core.filters import PAGE_PARAM
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.listing import listing
from transferraum.projects.forms.allocation import MoveForm, RunForm, SwapForm
from transferraum.projects.models import AllocationRun, Assignment, Project, Round
from transferraum.projects.permissions import can_allocate, can_manage_rounds
from transferraum.projects.selectors.allocation import (
    ACTIVE_RUN,
    BoardFilters,
    active_language,
    allocation_board,
    board_students,
    board_teams,
    counterfactual_answer,
    latest_run,
    run_error,
    student_result,
    team_page_number,
    team_rows,
)
from transferraum.projects.selectors.rounds import round_for_coordinator, round_for_viewer
from transferraum.projects.services.allocation import (
    MoveProblem,
    allocation_move,
    allocation_move_check,
    allocation_publish,
    allocation_start,
    allocation_swap,
    allocation_swap_check,
    counterfactual_request,
)

TEAMS_PAGE_SIZE = 25


def _open_for_changes(user: User, round: Round, run: AllocationRun | None) -> bool:
    """Runs, hand moves and publication: only before publication and while no run works."""
    return (
        can_allocate(user, round)
        and round.published_at is None
        and (run is None or run.status not in ACTIVE_RUN)
    )


def _team_url(round: Round, project: Project) -> str:
    """The board with `project`'s team open, on the page that shows it."""
    base = reverse("projects:allocation", kwargs={"pk": round.pk})
    return f"{base}{BoardFilters(team=project.pk).querystring()}#team-{project.pk}"


def _render_board(
    request: AuthenticatedHttpRequest, round: Round, run_form: RunForm, *, status: int = 200
) -> HttpResponse:
    """The board: figures, runs, students without a place, a page of teams folded (the open
    team with its members) and the students found by name or e-mail."""
    filters = BoardFilters.from_query(request.GET)
    board = allocation_board(round)
    open_team = (
        board_teams(round).filter(pk=filters.team).first() if filters.team is not None else None
    )
    number = filters.page
    if open_team is not None and PAGE_PARAM not in request.GET:
        number = team_page_number(round, open_team, TEAMS_PAGE_SIZE)
    base = reverse("projects:allocation", kwargs={"pk": round.pk})
    teams = listing(
        request,
        board_teams(round),
        filters,
        url=base,
        per_page=TEAMS_PAGE_SIZE,
        capped=False,  # a round's teams
        number=number,
        paging=replace(filters, team=None),  # another page of teams closes the open one
    )
    filters, page = teams.filters, teams.page
    found, found_count = board_students(round, filters.student)
    open_for_changes = _open_for_changes(request.user, round, board.run)
    context: dict[str, Any] = teams.context | {
        "round": round,
        "board": board,
        "teams": team_rows(page.object_list, open_team.pk if open_team else None),
        "found": found,
        "found_count": found_count,
        "board_url": base,
        "run_form": run_form,
        "can_run": open_for_changes,
        "can_move": open_for_changes,
        "can_publish": open_for_changes
        and board.run is not None
        and board.run.status == AllocationRun.Status.DONE,
    }
    return render_page_or_partial(
        request,
        "projects/allocation_board.html",
        "teams",
        context,
        status=status,
        push_url=base + filters.querystring(),
    )


@login_required
@require_safe
def board(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Figures, the rank profile and the newest run with its progress, students without a place,
    the teams a page at a time (folded; the open team with its members) and a search for a
    student by name or e-mail that shows their team."""
    round = round_for_coordinator(request.user, pk)
    last_seed = round.runs.order_by("-created_at", "-pk").values_list("seed", flat=True).first()
    return _render_board(request, round, RunForm(initial={"seed": last_seed or 0}))


@login_required
@require_safe
def team(request: AuthenticatedHttpRequest, pk: int, project_pk: int) -> HttpResponse:
    """The members of one team, for the board's folded team that htmx opens; without htmx the
    board with the team open."""
    round = round_for_coordinator(request.user, pk)
    project = get_object_or_404(board_teams(round), pk=project_pk)
    if not request.htmx:
        return redirect(_team_url(round, project))
    context = {
        "round": round,
        "team": team_rows([project], project.pk)[0],
        "can_move": _open_for_changes(request.user, round, latest_run(round)),
    }
    return render(request, "projects/allocation_board.html#members", context)


@login_required
@require_POST
def run(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    round = round_for_coordinator(request.user, pk)
    form = RunForm(request.POST)
    if form.is_valid():
        try:
            allocation_start(actor=request.user, round=round, seed=form.cleaned_data["seed"] or 0)
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The allocation has started."))
            return redirect("projects:allocation", pk=round.pk)
    return _render_board(request, round, form, status=422)


@login_required
@require_safe
def progress(request: AuthenticatedHttpRequest, pk: int, run_pk: int) -> HttpResponse:
    """The run's progress for the board's polling; a finished run reloads the board."""
    round = round_for_coordinator(request.user, pk)
    run = get_object_or_404(
        AllocationRun.objects.select_related("started_by").defer("instance", "result"),
        pk=run_pk,
        round=round,
    )
    if not request.htmx:
        return redirect("projects:allocation", pk=round.pk)
    response = render(
        request,
        "projects/_allocation_progress.html",
        {"round": round, "run": run, "run_error": run_error(run)},
    )
    if run.status not in ACTIVE_RUN:
        response["HX-Refresh"] = "true"
    return response


def _render_move(
    request: AuthenticatedHttpRequest,
    round: Round,
    form: MoveForm,
    *,
    student: User | None,
    project: Project | None,
    problems: list[MoveProblem] | None,
    status: int = 200,
) -> HttpResponse:
    current = (
        Assignment.objects.filter(round=round, student=student).select_related("project").first()
        if student is not None
        else None
    )
    blocked = any(p.blocking for p in problems or [])
    # A full team takes a newcomer only in a swap: offer its members.
    swap_with = (
        list(
            User.objects.filter(assignments__round=round, assignments__project=project)
            .exclude(pk=student.pk)
            .order_by("name", "email")
        )
        if blocked and project is not None and student is not None
        else []
    )
    return render(
        request,
        "projects/allocation_move.html",
        {
            "round": round,
            "form": form,
            "student": student,
            "project": project,
            "current": current,
            "problems": problems,
            "blocked": blocked,
            "swap_with": swap_with,
        },
        status=status,
    )


def _render_swap(
    request: AuthenticatedHttpRequest,
    round: Round,
    form: SwapForm,
    *,
    student: User | None,
    other: User | None,
    problems: list[MoveProblem] | None,
    status: int = 200,
) -> HttpResponse:
    places = {
        a.student_id: a
        for a in Assignment.objects.filter(
            round=round, student__in=[s for s in (student, other) if s is not None]
        ).select_related("project")
    }
    mine = places.get(student.pk) if student is not None else None
    theirs = places.get(other.pk) if other is not None else None
    return render(
        request,
        "projects/allocation_swap.html",
        {
            "round": round,
            "form": form,
            "student": student,
            "other": other,
            "mine": mine.project if mine is not None else None,
            "theirs": theirs.project if theirs is not None else None,
            "problems": problems,
            "blocked": any(p.blocking for p in problems or []),
        },
        status=status,
    )


def _board_after_hand_change(round: Round, student: User) -> str:
    """The board with the student's new team open, or at the students without a place."""
    place = Assignment.objects.filter(round=round, student=student).select_related("project")
    mine = place.first()
    if mine is not None and mine.project is not None:
        return _team_url(round, mine.project)
    return reverse("projects:allocation", kwargs={"pk": round.pk}) + "#unplaced"


@dataclass(frozen=True)
class _HandChange:
    """What differs between moving one student and swapping two: the form, its field beside
    `student` (the target), the service, its check of the rules, the page and the message."""

    form: type[MoveForm | SwapForm]
    target: str
    take: Callable[..., Any]
    check: Callable[..., list[MoveProblem]]
    render: Callable[..., HttpResponse]
    done: Callable[[User, Any], str]


def _hand_change(request: AuthenticatedHttpRequest, pk: int, change: _HandChange) -> HttpResponse:
    """A hand move or swap: load the round and authorise; GET with both students (or a student
    and a team) shows every rule the change would break; POST takes it (pinned), after
    confirmation when a rule breaks, and answers with the board or the page with the error."""
    round = round_for_coordinator(request.user, pk)

    def checked(
        form: MoveForm | SwapForm | None, student: User, target: Any
    ) -> list[MoveProblem] | None:
        """The rules the change would break; one that cannot be checked puts its reason on
        `form`."""
        try:
            return change.check(round=round, student=student, **{change.target: target})
        except DomainError as error:
            if form is not None:
                error.attach_to(form)
            return None

    def page(
        form: MoveForm | SwapForm,
        student: User | None,
        target: Any,
        problems: list[MoveProblem] | None,
        status: int = 200,
    ) -> HttpResponse:
        extra = {change.target: target}
        return change.render(
            request, round, form, student=student, problems=problems, status=status, **extra
        )

    if request.method == "POST":
        form = change.form(request.POST, round=round)
        if not form.is_valid():
            return page(form, None, None, None, status=422)
        student, target = form.cleaned_data["student"], form.cleaned_data[change.target]
        try:
            change.take(
                actor=request.user,
                round=round,
                student=student,
                confirm=form.cleaned_data["confirm"],
                **{change.target: target},
            )
        except DomainError as error:
            error.attach_to(form)
            return page(form, student, target, checked(None, student, target), status=422)
        messages.success(request, change.done(student, target))
        return redirect(_board_after_hand_change(round, student))
    form = change.form(request.GET if "student" in request.GET else None, round=round)
    student = target = problems = None
    if form.is_bound and form.is_valid():
        student, target = form.cleaned_data["student"], form.cleaned_data[change.target]
        if change.target in request.GET:
            problems = checked(form, student, target)
    return page(form, student, target, problems)


def _moved(student: User, project: Project | None) -> str:
    if project is None:
        return _("%(student)s is now without a team.") % {"student": student}
    return _("%(student)s is now in “%(project)s” (pinned for later runs).") % {
        "student": student,
        "project": project,
    }


def _swapped(student: User, other: User) -> str:
    return _("%(student)s and %(other)s have swapped places (pinned for later runs).") % {
        "student": student,
        "other": other,
    }


MOVE = _HandChange(
    MoveForm, "project", allocation_move, allocation_move_check, _render_move, _moved
)
SWAP = _HandChange(
    SwapForm, "other", allocation_swap, allocation_swap_check, _render_swap, _swapped
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """GET with a student and a project shows every rule the move would break; POST saves it
    (pinned), after confirmation when a rule breaks; an overfilling move is refused."""
    return _hand_change(request, pk, MOVE)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def swap(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """GET with two students shows every rule swapping their places would break; POST swaps
    them in one step (both pinned), after confirmation when a rule breaks."""
    return _hand_change(request, pk, SWAP)


@login_required
@require_POST
def publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    round = round_for_coordinator(request.user, pk)
    try:
        allocation_publish(actor=request.user, round=round)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The allocation is published. Students, supervisors and partners are told."),
        )
    return redirect("projects:allocation", pk=round.pk)


def _result_url(round: Round, anchor: str = "") -> str:
    url = reverse("projects:result", kwargs={"pk": round.pk})
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def result(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A student's own result: the project, the rank, why not each better-ranked project and,
    on request (POST), what giving them their first choice would have cost the others; the
    engine answers in the background and the page polls for it (`result_counterfactual`)."""
    round = round_for_viewer(request.user, pk)
    outcome = student_result(round, request.user)
    context: dict[str, Any] = {
        "round": round,
        "outcome": outcome,
        "language": active_language(),
        "is_coordinator": can_manage_rounds(request.user),
    }
    if outcome.state == "no_application":
        return render(request, "projects/result.html", context, status=404)
    asks = outcome.state == "placed" and outcome.first_choice is not None
    if request.method == "POST":
        if not asks:
            return redirect(_result_url(round))
        try:
            counterfactual_request(actor=request.user, round=round)
        except DomainError as error:
            if not request.htmx:
                messages.error(request, error.message)
            context["counterfactual_error"] = error.message
        if not request.htmx:
            return redirect(_result_url(round, "counterfactual"))
        context["counterfactual"] = counterfactual_answer(round, request.user)
        return render(request, "projects/result.html#counterfactual", context)
    if asks:
        context["counterfactual"] = counterfactual_answer(round, request.user)
    return render(request, "projects/result.html", context)


@login_required
@require_safe
def result_counterfactual(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The first-choice question's answer for the result page's polling: 204 while it is being
    computed, then the answer (or why there is none)."""
    round = round_for_viewer(request.user, pk)
    if not request.htmx:
        return redirect(_result_url(round, "counterfactual"))
    outcome = student_result(round, request.user)
    if outcome.state != "placed" or outcome.first_choice is None:
        raise Http404
    answer = counterfactual_answer(round, request.user)
    if answer.state == "pending":
        # Nothing new: htmx keeps the page as it is (and screen readers hear nothing again).
        return HttpResponse(status=204)
    context = {"round": round, "outcome": outcome, "counterfactual": answer}
    return render(request, "projects/result.html#counterfactual", context)


urlpatterns: list[URLPattern] = [
    path("projekte/runden/<int:pk>/zuteilung/", board, name="allocation"),
    path("projekte/runden/<int:pk>/zuteilung/starten/", run, name="allocation-run"),
    path(
        "projekte/runden/<int:pk>/zuteilung/teams/<int:project_pk>/", team, name="allocation-team"
    ),
    path(
        "projekte/runden/<int:pk>/zuteilung/laeufe/<int:run_pk>/",
        progress,
        name="allocation-progress",
    ),
    path("projekte/runden/<int:pk>/zuteilung/verschieben/", move, name="allocation-move"),
    path("projekte/runden/<int:pk>/zuteilung/tauschen/", swap, name="allocation-swap"),
    path(
        "projekte/runden/<int:pk>/zuteilung/veroeffentlichen/", publish, name="allocation-publish"
    ),
    path("projekte/runden/<int:pk>/mein-ergebnis/", result, name="result"),
    path(
        "projekte/runden/<int:pk>/mein-ergebnis/erster-wunsch/",
        result_counterfactual,
        name="result-counterfactual",
    ),
]

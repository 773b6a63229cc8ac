"""One recommendation: its content and evidence, where it stands, its history, and the next steps
the viewer may take, each a small form with exactly the data the step needs. A refused step
comes back on the same page with the service's message (for a step out of order: the steps that
are possible now) and everything as it was typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.projects.models import Document
from transferraum.projects.permissions import can_view_workspace
from transferraum.recommendations import selectors
from transferraum.recommendations.dossier import decision_label
from transferraum.recommendations.forms import (
    MilestoneForm,
    MilestoneProgressForm,
    NoteForm,
    ProgressForm,
    step_form,
)
from transferraum.recommendations.models import (
    OPEN_STEP_PARAM,
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
)
from transferraum.recommendations.permissions import can_edit, can_manage_milestones
from transferraum.recommendations.services import (
    STEP_SERVICES,
    AlreadyRequested,
    milestone_add,
    milestone_update,
    recommendation_progress_set,
)
from transferraum.recommendations.standing import standing
from transferraum.recommendations.workflow import DECISION_ACTIONS, LIFECYCLE, event_label

# --- the history ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    label: str
    value: str
    url: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    event: RecommendationEvent
    label: str
    details: list[Detail]


def _date(value: Any) -> str:
    try:
        return date_format(date.fromisoformat(str(value)[:10]), "DATE_FORMAT")
    except ValueError:
        return str(value)


def _field_labels(names: list[str]) -> str:
    labels = []
    for name in names:
        try:
            field = Recommendation._meta.get_field(name)
        except LookupError:
            labels.append(name)
        else:
            labels.append(str(getattr(field, "verbose_name", name)))
    return ", ".join(labels)


def _details(data: dict[str, Any]) -> list[Detail]:
    """What a timeline entry recorded besides the note, in words."""
    details = []
    if data.get("on_behalf"):
        details.append(Detail(_("Recorded"), _("by the coordination, on behalf of the partner")))
    if "agenda_body" in data:
        details.append(Detail(_("Body"), str(data["agenda_body"])))
    if "agenda_date" in data:
        details.append(Detail(_("Date of the meeting"), _date(data["agenda_date"])))
    if data.get("agenda_item"):
        details.append(Detail(_("Agenda item"), str(data["agenda_item"])))
    if data.get("council_url"):
        url = str(data["council_url"])
        details.append(Detail(_("Council information system"), url, url))
    if "decided_on" in data:
        details.append(Detail(_("Decided on"), _date(data["decided_on"])))
    if "first_answer_due" in data:
        details.append(Detail(_("First answer due"), _date(data["first_answer_due"])))
    if isinstance(data.get("responsible_person"), dict):
        details.append(
            Detail(_("Responsible person"), str(data["responsible_person"].get("name", "")))
        )
    if data.get("evaluation"):
        details.append(Detail(_("What changed"), str(data["evaluation"])))
    if data.get("indicator"):
        value = f"{data['indicator']}: {data.get('indicator_value', '')}".rstrip(": ")
        details.append(Detail(_("Indicator"), value))
    if "milestone" in data:
        details.append(Detail(_("Milestone"), f"{data['milestone']} ({data.get('progress', 0)} %)"))
    if "overall" in data:
        details.append(Detail(_("Progress of the implementation"), f"{data['overall']} %"))
    if data.get("to"):
        details.append(Detail(_("Asked"), ", ".join(str(name) for name in data["to"])))
    if data.get("fields"):
        details.append(Detail(_("Changed"), _field_labels(list(data["fields"]))))
    return details


def timeline_entries(recommendation: Recommendation) -> list[TimelineEntry]:
    return [
        TimelineEntry(event, event_label(event.action), _details(event.data or {}))
        for event in selectors.timeline(recommendation)
    ]


# --- the page -------------------------------------------------------------------------------


def _evidence(request: HttpRequest, recommendation: Recommendation) -> tuple[list[Document], bool]:
    """The linked documents (each with its newest version), and whether the viewer may open
    them: only the people of the project's workspace download its files."""
    documents = list(selectors.evidence_ordered(recommendation.evidence.all()))
    project = recommendation.project
    may_open = bool(documents) and project is not None and can_view_workspace(request.user, project)
    return documents, may_open


def _typed(form: NoteForm) -> list[tuple[str, str]]:
    """The texts a person typed into a step that could not be taken (to copy them)."""
    kept = []
    for name, field in form.fields.items():
        value = str(form.data.get(form.add_prefix(name), "")).strip()
        if value and isinstance(field, forms.CharField):
            kept.append((str(field.label), value))
    return kept


def _step_forms(
    recommendation: Recommendation, actions: list[str], bound: NoteForm | None
) -> list[NoteForm]:
    return [
        bound
        if bound is not None and bound.action == action
        else step_form(action, recommendation=recommendation)
        for action in actions
    ]


def _render(
    request: HttpRequest,
    recommendation: Recommendation,
    roles: set[str],
    *,
    bound_step: NoteForm | None = None,
    step_error: str = "",
    step_kept: list[tuple[str, str]] | None = None,
    milestone_form: MilestoneForm | None = None,
    milestone_forms: dict[int, MilestoneProgressForm] | None = None,
    progress_form: ProgressForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    # The roles are computed once (recommendation_for_viewer) and handed to every predicate; whoever
    # sees this page may view the recommendation, so the steps follow from status and roles.
    actions = LIFECYCLE.allowed(recommendation.status, roles)
    manage = can_manage_milestones(user, recommendation, roles=roles)
    milestones = list(recommendation.milestones.order_by("due", "pk"))
    bound = milestone_forms or {}
    documents, may_open = _evidence(request, recommendation)
    timeline = timeline_entries(recommendation)
    decisions = [e.event.to_status for e in timeline if e.event.action in DECISION_ACTIONS]
    what_next = selectors.what_next(recommendation, events=[e.event for e in timeline])
    return render(
        request,
        "recommendations/detail.html",
        {
            "recommendation": recommendation,
            "standing": standing(recommendation),
            "timeline": timeline,
            "decision": decision_label(recommendation, decisions[-1] if decisions else None),
            "documents": documents,
            "may_open_documents": may_open,
            "what_next": what_next,
            "steps": _step_forms(recommendation, actions, bound_step),
            # a link to one step (from the start page) unfolds its form
            "open_step": request.GET.get(OPEN_STEP_PARAM, ""),
            "step_error": step_error,
            "step_kept": step_kept or [],
            "can_edit": can_edit(user, recommendation, roles=roles),
            "can_manage": manage,
            "milestones": [
                (
                    milestone,
                    bound.get(milestone.pk)
                    or MilestoneProgressForm(
                        prefix=f"m{milestone.pk}",
                        initial={"progress": milestone.progress, "done": milestone.done},
                    ),
                )
                for milestone in milestones
            ],
            "milestone_form": milestone_form or MilestoneForm(),
            "progress_form": progress_form
            or ProgressForm(
                initial={
                    "progress": recommendation.progress
                    if recommendation.progress_is_manual
                    else None
                }
            ),
            "roles": roles,
        },
        status=status,
    )


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    recommendation, roles = selectors.recommendation_for_viewer(request.user, pk)
    return _render(request, recommendation, roles)


# --- steps ----------------------------------------------------------------------------------


def _done(request: HttpRequest, recommendation: Recommendation, action: str) -> HttpResponse:
    if LIFECYCLE[action].is_notice:
        names = ", ".join(str(person) for person in selectors.approvers_of(recommendation))
        messages.success(
            request,
            _("Asked for approval: %(names)s will hear of it by e-mail.") % {"names": names},
        )
    else:
        messages.success(
            request,
            _("Done: the recommendation is now “%(status)s”.")
            % {"status": recommendation.get_status_display()},
        )
    return redirect(recommendation.get_absolute_url() + "#status")


def _already_recorded(user: Any, recommendation_pk: int, action: str) -> bool:
    """Whether this step of the lifecycle is what this person just did (a second click, or the
    same form sent twice): the recommendation is where the step leads and the step is its
    latest entry, by this person. Read fresh, since the first click may have committed in the
    meantime. (A notice asked again is refused by its service: `AlreadyRequested`.)"""
    step = LIFECYCLE.steps.get(action)
    if step is None or step.is_notice:
        return False
    event = selectors.latest_event(recommendation_pk)
    if event is None or event.actor_id != user.pk:
        return False
    status = Recommendation.objects.filter(pk=recommendation_pk).values_list("status", flat=True)
    return event.action == action and status.first() == step.target


def _again(request: HttpRequest, recommendation: Recommendation) -> HttpResponse:
    messages.info(request, _("Already recorded."))
    return redirect(recommendation.get_absolute_url() + "#status")


def _take(
    request: AuthenticatedHttpRequest, recommendation: Recommendation, form: NoteForm
) -> Recommendation:
    """Hand the step to its service, with what its form holds."""
    valid = form.is_valid()
    return STEP_SERVICES[form.action](
        actor=request.user,
        recommendation=recommendation,
        note=form.service_note() if valid else "",
        **form.service_data(),
    )


@login_required
@require_POST
def act(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    """Take one step (or send a notice). Authorised by role here (403; `recommendation_for_viewer`
    already answered 404 to who may not see it); whether the step follows from the status and
    whether its data hold is the service's to say. A second click on a step just taken answers
    "Already recorded." instead of an error."""
    recommendation, roles = selectors.recommendation_for_viewer(request.user, pk)
    step = LIFECYCLE.steps.get(action)
    if step is None:
        raise Http404
    if _already_recorded(request.user, recommendation.pk, action):
        return _again(request, recommendation)
    if not roles & step.roles:
        raise PermissionDenied(_("You cannot take this step on this recommendation."))
    form = step_form(action, request.POST, recommendation=recommendation)
    in_order = recommendation.status in step.sources
    if form.is_valid() or not in_order:
        try:
            # Out of order, the service refuses before it reads any data, naming the steps
            # that are possible now.
            recommendation = _take(request, recommendation, form)
        except DomainError as error:
            if isinstance(error, AlreadyRequested) or _already_recorded(
                request.user, recommendation.pk, action
            ):
                # Two clicks at once: the first one took the step while this one waited.
                return _again(request, recommendation)
            if not in_order:
                # The form of this step is not offered now; what was typed is shown to copy.
                return _render(
                    request,
                    recommendation,
                    roles,
                    step_error=error.message,
                    step_kept=_typed(form),
                    status=422,
                )
            error.attach_to(form)
        else:
            return _done(request, recommendation, action)
    return _render(request, recommendation, roles, bound_step=form, status=422)


# --- implementation -------------------------------------------------------------------------


@login_required
@require_POST
def milestone_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recommendation, roles = selectors.recommendation_for_implementer(request.user, pk)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            milestone = milestone_add(
                actor=request.user,
                recommendation=recommendation,
                title=data["title"],
                due=data["due"],
                progress=data["progress"] or 0,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request, _("The milestone “%(title)s” has been added.") % {"title": milestone}
            )
            return redirect(recommendation.get_absolute_url() + "#implementation")
    return _render(request, recommendation, roles, milestone_form=form, status=422)


@login_required
@require_POST
def milestone_edit(request: AuthenticatedHttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    recommendation, roles = selectors.recommendation_for_implementer(request.user, pk)
    milestone = get_object_or_404(
        ImplementationMilestone, pk=milestone_pk, recommendation=recommendation
    )
    form = MilestoneProgressForm(request.POST, prefix=f"m{milestone.pk}")
    if form.is_valid():
        done = form.cleaned_data["done"]
        try:
            milestone_update(
                actor=request.user,
                milestone=milestone,
                progress=form.cleaned_data["progress"],
                done=done if done or milestone.done else None,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request, _("The milestone “%(title)s” has been saved.") % {"title": milestone}
            )
            return redirect(recommendation.get_absolute_url() + "#implementation")
    return _render(request, recommendation, roles, milestone_forms={milestone.pk: form}, status=422)


@login_required
@require_POST
def progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recommendation, roles = selectors.recommendation_for_implementer(request.user, pk)
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            recommendation = recommendation_progress_set(
                actor=request.user,
                recommendation=recommendation,
                progress=form.cleaned_data["progress"],
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request,
                _("The progress is now %(percent)s %%.") % {"percent": recommendation.progress},
            )
            return redirect(recommendation.get_absolute_url() + "#implementation")
    return _render(request, recommendation, roles, progress_form=form, status=422)


urlpatterns: list[URLPattern] = [
    path("empfehlungen/<int:pk>/", detail, name="detail"),
    path("empfehlungen/<int:pk>/schritt/<slug:action>/", act, name="act"),
    path("empfehlungen/<int:pk>/meilensteine/neu/", milestone_new, name="milestone-new"),
    path(
        "empfehlungen/<int:pk>/meilensteine/<int:milestone_pk>/",
        milestone_edit,
        name="milestone-edit",
    ),
    path("empfehlungen/<int:pk>/fortschritt/", progress, name="progress"),
]

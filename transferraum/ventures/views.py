"""Pages of the ventures area: the public directory, one's own ventures, the coordinators'
pipeline, the catalogue of support programmes and a venture's page with its forms. Views
fetch and authorise through the selectors, check the shape with forms and call the services."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.accounts.models import User
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.filters import Filters
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.listing import listing
from transferraum.core.versions import EditConflict
from transferraum.ventures import selectors, services
from transferraum.ventures.data.gates import CHECKLISTS
from transferraum.ventures.forms import (
    AnswerForm,
    ApplicationForm,
    EvidenceForm,
    GateForm,
    InviteForm,
    MentorAskForm,
    OutcomeForm,
    PublishForm,
    VentureForm,
)
from transferraum.ventures.models import (
    Application,
    ChecklistTick,
    Stage,
    SupportProgramme,
    Venture,
)
from transferraum.ventures.permissions import (
    can_answer_invitation,
    can_answer_mentoring,
    can_create,
    can_edit,
    can_see_confidential,
    roles_for,
)
from transferraum.ventures.workflow import LIFECYCLE, next_gate

PAGE_SIZE = 20


# --- lists ------------------------------------------------------------------------------------


@require_safe
def directory(request: HtmxHttpRequest) -> HttpResponse:
    """Ventures whose founders published a public profile."""
    filters = selectors.DirectoryFilters.from_query(request.GET)
    base = reverse("ventures:directory")
    found = listing(
        request,
        selectors.directory_ventures(filters),
        filters,
        url=base,
        per_page=PAGE_SIZE,
        name="ventures",
    )
    filters = found.filters
    context = found.context | {"ventures": list(found.page.object_list)}
    if not found.partial:
        context["selects"] = [filters.select("stage")]
    return render_page_or_partial(
        request,
        "ventures/directory.html",
        "results",
        context,
        push_url=base + filters.querystring(),
    )


@dataclass(frozen=True)
class MineFilters(Filters):
    pass


@login_required
@require_safe
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The ventures a person founds or mentors, and invitations to answer."""
    filters = MineFilters.from_query(request.GET)
    found = listing(
        request,
        selectors.ventures_of(request.user),
        filters,
        url=reverse("ventures:mine"),
        per_page=PAGE_SIZE,
        name="mine",
        capped=False,
    )
    return render(
        request,
        "ventures/mine.html",
        found.context
        | {"ventures": list(found.page.object_list), "may_create": can_create(request.user)},
    )


@login_required
@require_safe
def pipeline(request: HtmxHttpRequest) -> HttpResponse:
    """The coordinators' pipeline board: how many ventures in each stage and since when, and
    the ventures, longest in their stage first."""
    selectors.venture_for_coordinator(request.user)
    filters = selectors.PipelineFilters.from_query(request.GET)
    base = reverse("ventures:pipeline")
    found = listing(
        request,
        selectors.pipeline_ventures(request.user, filters),
        filters,
        url=base,
        per_page=PAGE_SIZE,
        name="pipeline",
    )
    filters = found.filters
    now = timezone.now()
    rows = [(venture, (now - venture.stage_since).days) for venture in found.page.object_list]
    context = found.context | {
        "rows": rows,
        "columns": selectors.pipeline_columns(filters.query),
        "now": now,
    }
    if not found.partial:
        context["selects"] = [filters.select("stage")]
    return render_page_or_partial(
        request, "ventures/pipeline.html", "results", context, push_url=base + filters.querystring()
    )


@require_safe
def programmes(request: HttpRequest) -> HttpResponse:
    """The catalogue of support programmes with their rules."""
    return render(
        request,
        "ventures/programmes.html",
        {"programmes": list(SupportProgramme.objects.order_by("name"))},
    )


# --- create and edit --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_create(request.user):
        raise PermissionDenied(
            _("Founders, students and researchers of the programme start ventures."),
            needs_role=User.Role.FOUNDER,
        )
    form = VentureForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, competences = form.service_data()
        try:
            venture = services.venture_create(
                actor=request.user, data=data, competences=competences
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The venture has been created. Only you see it so far."))
            return redirect(venture)
    return render(
        request,
        "ventures/form.html",
        {"form": form, "venture": None},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_editor(request.user, pk)
    form = VentureForm(request.POST or None, instance=venture, user=request.user)
    if request.method == "POST" and form.is_valid():
        data, competences = form.service_data()
        try:
            services.venture_update(
                actor=request.user,
                venture=venture,
                data=data,
                competences=competences,
                version=form.loaded_version,
            )
        except (DomainError, EditConflict) as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The venture has been saved."))
            return redirect(venture)
    return render(
        request,
        "ventures/form.html",
        {"form": form, "venture": venture},
        status=422 if request.method == "POST" else 200,
    )


# --- the venture's page -----------------------------------------------------------------------


def _detail(
    request: HttpRequest, venture: Venture, *, status: int = 200, **forms: Any
) -> HttpResponse:
    user = request.user
    roles = roles_for(user, venture)
    context: dict[str, Any] = {
        "venture": venture,
        "confidential": can_see_confidential(user, venture),
        "founder": can_edit(user, venture),
        "coordinator": "coordinator" in roles,
        "answer_invitation": can_answer_invitation(user, venture),
        "answer_mentoring": can_answer_mentoring(user, venture),
        "stages": [
            (value, label, index <= venture.stage_index)
            for index, (value, label) in enumerate(Stage.choices)
        ],
        "founders": [f for f in venture.founders.all() if f.status != "declined"],
        "mentors": [m for m in venture.mentorships.all() if m.status in ("asked", "accepted")],
    }
    if context["confidential"]:
        gate = next_gate(venture.stage)
        steps = LIFECYCLE.allowed(venture.stage, roles)
        ticked = set(
            ChecklistTick.objects.filter(venture=venture, gate=gate).values_list("item", flat=True)
        )
        context |= {
            "gate": gate,
            "gate_label": Stage(gate).label if gate else "",
            "may_pass": bool(steps),
            "gate_form": forms.get("gate_form")
            or (GateForm(gate=gate, initial={"items": sorted(ticked)}) if gate else None),
            "checklist": [(item, item.key in ticked) for item in CHECKLISTS.get(gate or "", ())],
            "evidence": list(venture.evidence.select_related("added_by")),
            "timeline": list(venture.timeline.select_related("actor")[:50]),
            "fits": selectors.programme_fits(venture),
            "applications": list(
                venture.applications.select_related("programme").order_by("-submitted_on", "-pk")
            ),
        }
    if context["founder"]:
        context |= {
            "evidence_form": forms.get("evidence_form")
            or EvidenceForm(initial={"gate": context["gate"]}),
            "invite_form": forms.get("invite_form") or InviteForm(),
            "publish_form": forms.get("publish_form")
            or PublishForm(initial={"public": venture.is_public}),
            "application_form": forms.get("application_form") or ApplicationForm(),
            "outcome_form": forms.get("outcome_form") or OutcomeForm(),
            "outcome_for": forms.get("outcome_for"),
            "mentor_form": forms.get("mentor_form") or MentorAskForm(),
            "suggestions": selectors.mentor_suggestions(venture),
        }
    return render(request, "ventures/detail.html", context, status=status)


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_viewer(request.user, pk)
    return _detail(request, venture)


@require_safe
def logo(request: HttpRequest, pk: int) -> FileResponse:
    venture = selectors.venture_for_viewer(request.user, pk)
    if not venture.logo:
        raise Http404
    try:
        handle = venture.logo.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=mimetypes.guess_type(venture.logo.name)[0])
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _refused(
    request: HttpRequest, venture: Venture, name: str, form: Any, error: DomainError
) -> HttpResponse:
    error.attach_to(form)
    return _detail(request, venture, status=422, **{name: form})


@login_required
@require_POST
def gate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Save the next gate's checklist, or pass the gate (`action=pass`)."""
    venture = selectors.venture_for_viewer(request.user, pk)
    target = next_gate(venture.stage)
    if target is None or not can_see_confidential(request.user, venture):
        raise PermissionDenied(_("There is no gate left to pass."))
    form = GateForm(request.POST, gate=target)
    if not form.is_valid():
        return _detail(request, venture, status=422, gate_form=form)
    data = form.cleaned_data
    passing = request.POST.get("action") == "pass"
    try:
        if can_edit(request.user, venture):
            services.checklist_save(
                actor=request.user, venture=venture, gate=target, ticked=data["items"]
            )
        elif not passing:
            raise PermissionDenied(_("Only the founders of this venture can change it."))
        if passing:
            extra: dict[str, Any] = {}
            if target == Stage.FOUNDED:
                extra = {
                    "founded_on": data.get("founded_on"),
                    "legal_form": data.get("legal_form") or "",
                    "register_number": data.get("register_number") or "",
                    "founded_town": data.get("founded_town"),
                }
            services.STEP_SERVICES[f"pass_{target}"](
                actor=request.user, venture=venture, note=data.get("note") or "", **extra
            )
            messages.success(
                request,
                _("The venture has passed the gate: %(stage)s.") % {"stage": Stage(target).label},
            )
        else:
            messages.success(request, _("The checklist has been saved."))
    except DomainError as error:
        return _refused(request, venture, "gate_form", form, error)
    return redirect(reverse("ventures:detail", args=[venture.pk]) + "#gate")


@login_required
@require_POST
def evidence(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_editor(request.user, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, venture, status=422, evidence_form=form)
    try:
        services.evidence_add(
            actor=request.user,
            venture=venture,
            gate=form.cleaned_data["gate"],
            text=form.cleaned_data["text"],
            upload=form.cleaned_data["file"],
        )
    except DomainError as error:
        return _refused(request, venture, "evidence_form", form, error)
    messages.success(request, _("The evidence has been added."))
    return redirect(reverse("ventures:detail", args=[venture.pk]) + "#evidence")


@login_required
@require_safe
def evidence_download(request: AuthenticatedHttpRequest, pk: int, evidence_pk: int) -> FileResponse:
    """Evidence is confidential: founders, mentors and coordinators only."""
    venture = selectors.venture_for_viewer(request.user, pk)
    if not can_see_confidential(request.user, venture):
        raise Http404
    item = get_object_or_404(venture.evidence, pk=evidence_pk)
    if not item.file:
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=item.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_editor(request.user, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _detail(request, venture, status=422, invite_form=form)
    try:
        founder = services.founder_invite(
            actor=request.user, venture=venture, email=form.cleaned_data["email"]
        )
    except DomainError as error:
        return _refused(request, venture, "invite_form", form, error)
    messages.success(request, _("%(name)s has been invited.") % {"name": founder.user})
    return redirect(reverse("ventures:detail", args=[venture.pk]) + "#team")


@login_required
@require_POST
def invitation_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_viewer(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, venture, status=422)
    try:
        services.founder_answer(
            actor=request.user, venture=venture, accept=form.cleaned_data["answer"] == "accept"
        )
    except DomainError as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("Your answer has been saved."))
    return redirect(venture)


@login_required
@require_POST
def publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_editor(request.user, pk)
    form = PublishForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, venture, status=422, publish_form=form)
    try:
        services.venture_publish(
            actor=request.user,
            venture=venture,
            public=form.cleaned_data["public"],
            logo=form.cleaned_data["logo"],
            remove_logo=form.cleaned_data["remove_logo"],
        )
    except DomainError as error:
        return _refused(request, venture, "publish_form", form, error)
    messages.success(request, _("The public profile has been saved."))
    return redirect(reverse("ventures:detail", args=[venture.pk]) + "#profile")


@login_required
@require_POST
def apply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_editor(request.user, pk)
    form = ApplicationForm(request.POST)
    if not form.is_valid():
        return _detail(request, venture, status=422, application_form=form)
    try:
        services.application_submit(
            actor=request.user,
            venture=venture,
            programme=form.cleaned_data["programme"],
            submitted_on=form.cleaned_data["submitted_on"],
            note=form.cleaned_data["note"],
        )
    except DomainError as error:
        return _refused(request, venture, "application_form", form, error)
    messages.success(request, _("The application has been recorded."))
    return redirect(reverse("ventures:detail", args=[venture.pk]) + "#programmes")


@login_required
@require_POST
def application_outcome(
    request: AuthenticatedHttpRequest, pk: int, application_pk: int
) -> HttpResponse:
    venture = selectors.venture_for_editor(request.user, pk)
    application = get_object_or_404(
        Application.objects.select_related("programme", "venture"),
        pk=application_pk,
        venture=venture,
    )
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        return _detail(request, venture, status=422, outcome_form=form, outcome_for=application.pk)
    amount = form.cleaned_data["amount"]
    try:
        services.application_decide(
            actor=request.user,
            application=application,
            status=form.cleaned_data["status"],
            decided_on=form.cleaned_data["decided_on"],
            amount_cents=None if amount is None else amount * 100,
        )
    except DomainError as error:
        error.attach_to(form)
        return _detail(request, venture, status=422, outcome_form=form, outcome_for=application.pk)
    messages.success(request, _("The outcome has been recorded."))
    return redirect(reverse("ventures:detail", args=[venture.pk]) + "#programmes")


@login_required
@require_POST
def mentor_ask(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_editor(request.user, pk)
    form = MentorAskForm(request.POST)
    if not form.is_valid():
        return _detail(request, venture, status=422, mentor_form=form)
    mentor = selectors.mentor_choice(venture, form.cleaned_data["mentor"])
    if mentor is None:
        form.add_error(None, _("Please choose one of the suggested mentors."))
        return _detail(request, venture, status=422, mentor_form=form)
    try:
        services.mentor_ask(
            actor=request.user, venture=venture, mentor=mentor, message=form.cleaned_data["message"]
        )
    except DomainError as error:
        return _refused(request, venture, "mentor_form", form, error)
    messages.success(request, _("%(name)s has been asked.") % {"name": mentor})
    return redirect(reverse("ventures:detail", args=[venture.pk]) + "#mentors")


@login_required
@require_POST
def mentor_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    venture = selectors.venture_for_viewer(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, venture, status=422)
    try:
        services.mentor_answer(
            actor=request.user, venture=venture, accept=form.cleaned_data["answer"] == "accept"
        )
    except DomainError as error:
        raise PermissionDenied(error.message) from error
    messages.success(request, _("Your answer has been saved."))
    return redirect(venture)

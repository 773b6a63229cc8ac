"""Pages of the talent area: trial living, the talent pool, relocation journeys and their
funnel. Each view fetches and authorises through a selector, validates with a form, calls one
service and answers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.core.access_log import access_record
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.filters import Filters
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.listing import listing
from transferraum.core.versions import EditConflict
from transferraum.regions.models import Municipality
from transferraum.regions.selectors import municipalities_by_district, municipality_options
from transferraum.research.exports import csv_text
from transferraum.talent.forms import (
    AnswerForm,
    CallForm,
    ConsentForm,
    ExclusionForm,
    FollowUpAnswerForm,
    FollowUpForm,
    MessageForm,
    MotivationForm,
    NoteForm,
    StayForm,
    StepForm,
    TalentProfileForm,
)
from transferraum.talent.models import Journey, TrialApplication, TrialStay
from transferraum.talent.permissions import (
    can_apply,
    can_create_call,
    can_keep_talent_profile,
    can_manage_call,
    can_see_funnel,
)
from transferraum.talent.selectors import funnel as funnel_selectors
from transferraum.talent.selectors.pool import (
    TALENT_POOL,
    PoolFilters,
    contact_for_person,
    contacts_of_organisation,
    contacts_of_person,
    own_talent_profile,
    pool_organisation_for_member,
    pool_organisations_of,
    pool_search,
    talent_profile_for_organisation,
)
from transferraum.talent.selectors.trial import (
    application_for_viewer,
    applications_of,
    call_counts,
    call_for_viewer,
    calls_for_viewer,
)
from transferraum.talent.services import journeys, pool, trial
from transferraum.talent.workflow import APPLICATION_LIFECYCLE, CALL_LIFECYCLE

PAGE_SIZE = 20
EXPORT_LIMIT = 1000

# --- trial living -----------------------------------------------------------------------------


@require_safe
def calls(request: HttpRequest) -> HttpResponse:
    """Trial-living calls of the towns: open ones first."""
    url = reverse("talent:calls")
    found = listing(
        request,
        calls_for_viewer(request.user),
        Filters.from_query(request.GET),
        url=url,
        per_page=PAGE_SIZE,
        name="calls",
    )
    towns = (
        Organisation.objects.filter(
            kind=Organisation.Kind.TOWN, memberships__user_id=request.user.pk
        )
        if request.user.is_authenticated
        else Organisation.objects.none()
    )
    context = found.context | {"can_create": any(can_create_call(request.user, t) for t in towns)}
    return render_page_or_partial(
        request, "talent/calls.html", "results", context, push_url=url + found.filters.querystring()
    )


@login_required
def call_new(request: Any) -> HttpResponse:
    form = CallForm(request.POST or None, user=request.user)
    if not form.fields["town"].queryset.exists():  # type: ignore[attr-defined]
        raise PermissionDenied(_("Only the staff of a town administration write its calls."))
    if request.method == "POST" and form.is_valid():
        try:
            call = trial.call_create(actor=request.user, **form.service_data())
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The call is saved as a draft."))
            return redirect(call)
    return render(
        request, "talent/call_new.html", {"form": form}, status=422 if form.errors else 200
    )


def _call_context(request: Any, call: Any, **extra: Any) -> dict[str, Any]:
    manager = can_manage_call(request.user, call)
    roles = trial.call_roles(request.user, call)
    own = (
        TrialApplication.objects.filter(call=call, person_id=request.user.pk).first()
        if request.user.is_authenticated
        else None
    )
    context: dict[str, Any] = {
        "call": call,
        "manager": manager,
        "call_steps": CALL_LIFECYCLE.labelled(CALL_LIFECYCLE.allowed(call.status, roles)),
        "own_application": own,
        "can_apply": can_apply(request.user, call) and own is None,
        "form": MotivationForm(),
    }
    if manager:
        rows = list(applications_of(call))
        context["applications"] = [
            (
                application,
                APPLICATION_LIFECYCLE.labelled(
                    APPLICATION_LIFECYCLE.allowed(application.status, {"town"})
                ),
            )
            for application in rows
        ]
        context["counts"] = call_counts(call)
    return context | extra


def call_detail(request: Any, pk: int) -> HttpResponse:
    """A call; signed-in people apply here, the town's staff select on the same page."""
    call = call_for_viewer(request.user, pk)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        form = MotivationForm(request.POST)
        if form.is_valid():
            try:
                application = trial.application_submit(
                    person=request.user, call=call, motivation=form.cleaned_data["motivation"]
                )
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("Your application is sent."))
                return redirect(application)
        return render(
            request, "talent/call_detail.html", _call_context(request, call, form=form), status=422
        )
    if request.method not in ("GET", "HEAD"):
        raise Http404
    return render(request, "talent/call_detail.html", _call_context(request, call))


@require_POST
@login_required
def call_step(request: Any, pk: int, step: str) -> HttpResponse:
    if step not in trial.CALL_STEP_SERVICES:
        raise Http404
    call = call_for_viewer(request.user, pk)
    try:
        trial.CALL_STEP_SERVICES[step](actor=request.user, call=call)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done."))
    return redirect(call)


@login_required
def application_detail(request: Any, pk: int) -> HttpResponse:
    """An application: the applicant sees its status and stay; the town arranges the stay and
    writes the follow-up."""
    application = application_for_viewer(request.user, pk)
    roles = trial.application_roles(request.user, application)
    stay: TrialStay | None = getattr(application, "stay", None)
    manager = "town" in roles
    stay_form = StayForm(instance=stay) if stay is not None and manager else None
    follow_up_form = FollowUpForm() if stay is not None and manager else None
    status = 200
    if request.method == "POST" and stay is not None and manager:
        if request.POST.get("action") == "follow_up":
            follow_up_form = FollowUpForm(request.POST)
            if follow_up_form.is_valid():
                try:
                    trial.stay_follow_up(
                        actor=request.user, stay=stay, text=follow_up_form.cleaned_data["text"]
                    )
                except DomainError as error:
                    error.attach_to(follow_up_form)
                else:
                    messages.success(request, _("The follow-up is saved."))
                    return redirect(application)
        else:
            stay_form = StayForm(request.POST, instance=stay)
            if stay_form.is_valid():
                data = stay_form.cleaned_data
                try:
                    trial.stay_update(
                        actor=request.user,
                        stay=stay,
                        flat=data["flat"],
                        starts_on=data["starts_on"],
                        ends_on=data["ends_on"],
                        contact=data["contact"],
                        coworking=data["coworking"],
                        version=stay_form.loaded_version,
                    )
                except (DomainError, EditConflict) as error:
                    error.attach_to(stay_form)
                else:
                    messages.success(request, _("The stay is saved."))
                    return redirect(application)
        status = 422
    elif request.method not in ("GET", "HEAD"):
        raise Http404
    return render(
        request,
        "talent/application_detail.html",
        {
            "application": application,
            "call": application.call,
            "stay": stay,
            "manager": manager,
            "steps": APPLICATION_LIFECYCLE.labelled(
                APPLICATION_LIFECYCLE.allowed(application.status, roles)
            ),
            "stay_form": stay_form,
            "follow_up_form": follow_up_form,
            "note_form": NoteForm(),
        },
        status=status,
    )


@require_POST
@login_required
def application_step(request: Any, pk: int, step: str) -> HttpResponse:
    if step not in trial.STEP_SERVICES:
        raise Http404
    application = application_for_viewer(request.user, pk)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        trial.STEP_SERVICES[step](actor=request.user, application=application, note=note)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done."))
    if "town" in trial.application_roles(request.user, application):
        return redirect(application.call)
    return redirect(application)


# --- talent pool: the person ------------------------------------------------------------------


@login_required
def profile(request: Any) -> HttpResponse:
    """The person's talent-pool profile, its visibility and the organisations excluded."""
    if not can_keep_talent_profile(request.user):
        raise PermissionDenied(
            _("Students and graduates keep a talent-pool profile."), needs_role=User.Role.STUDENT
        )
    own = own_talent_profile(request.user)
    initial = (
        {
            "visible": own.visible,
            "headline": own.headline,
            "looking_for": own.looking_for,
            "interests": own.interests,
            "availability": own.availability,
            "competences": list(own.competences.all()),
            "towns": list(own.towns.all()),
        }
        if own is not None
        else {}
    )
    form = TalentProfileForm(initial=initial)
    exclusion_form = ExclusionForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "save")
        try:
            if action == "exclude":
                exclusion_form = ExclusionForm(request.POST)
                if exclusion_form.is_valid():
                    pool.talent_exclusion_add(
                        person=request.user,
                        organisation=exclusion_form.cleaned_data["organisation"],
                    )
                    messages.success(request, _("The organisation will never see your profile."))
                    return redirect("talent:profile")
            elif action == "include":
                organisation = get_object_or_404(
                    Organisation, pk=request.POST.get("organisation") or 0
                )
                pool.talent_exclusion_remove(person=request.user, organisation=organisation)
                return redirect("talent:profile")
            elif action == "opt_out":
                pool.talent_profile_opt_out(person=request.user)
                messages.success(request, _("Your profile is out of the talent pool."))
                return redirect("talent:profile")
            else:
                form = TalentProfileForm(request.POST)
                if form.is_valid():
                    pool.talent_profile_save(person=request.user, **form.cleaned_data)
                    messages.success(request, _("Your profile is saved."))
                    return redirect("talent:profile")
        except DomainError as error:
            error.attach_to(form if action == "save" else exclusion_form)
        status = 422
    elif request.method not in ("GET", "HEAD"):
        raise Http404
    return render(
        request,
        "talent/profile.html",
        {"profile": own, "form": form, "exclusion_form": exclusion_form},
        status=status,
    )


@login_required
@require_safe
def inbox(request: Any) -> HttpResponse:
    url = reverse("talent:inbox")
    found = listing(
        request,
        contacts_of_person(request.user),
        Filters.from_query(request.GET),
        url=url,
        per_page=PAGE_SIZE,
        name="messages",
        capped=False,  # one person's messages
    )
    return render_page_or_partial(
        request,
        "talent/inbox.html",
        "results",
        found.context,
        push_url=url + found.filters.querystring(),
    )


@login_required
def contact_answer(request: Any, pk: int) -> HttpResponse:
    contact = contact_for_person(request.user, pk)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pool.contact_answer(
                person=request.user, contact=contact, answer=form.cleaned_data["answer"]
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("Your answer is sent."))
            return redirect("talent:inbox")
    return render(
        request,
        "talent/contact_answer.html",
        {"contact": contact, "form": form},
        status=422 if form.errors else 200,
    )


# --- talent pool: the organisation ------------------------------------------------------------


@login_required
@require_safe
def pool_start(request: Any) -> HttpResponse:
    """The organisations on whose behalf the person searches; one of them: its search."""
    organisations = list(pool_organisations_of(request.user)[:50])
    if not organisations:
        raise PermissionDenied(
            _("Only members of an organisation of the region search the talent pool.")
        )
    if len(organisations) == 1:
        return redirect("talent:pool", slug=organisations[0].slug)
    return render(request, "talent/pool_start.html", {"organisations": organisations})


@login_required
@require_safe
def pool_list(request: Any, slug: str) -> HttpResponse:
    """The talent pool as `organisation` may see it, filtered by competence, town, availability."""
    organisation = pool_organisation_for_member(request.user, slug)
    filters = PoolFilters.from_query(request.GET)
    url = reverse("talent:pool", kwargs={"slug": slug})
    found = listing(
        request,
        pool_search(organisation, filters),
        filters,
        url=url,
        per_page=PAGE_SIZE,
        name="pool",
    )
    filters = found.filters
    access_record(
        viewer=request.user, place=TALENT_POOL, people=[row.person_id for row in found.page]
    )
    context = found.context | {"organisation": organisation}
    if not found.partial:
        from transferraum.actors.models import Competence

        context["selects"] = [
            filters.select(
                "competence",
                [
                    (c.slug, str(c))
                    for c in Competence.objects.filter(status=Competence.Status.APPROVED).order_by(
                        "label_de"
                    )
                ],
            ),
            filters.select(
                "town",
                groups=municipality_options(municipalities_by_district(Municipality.objects.all())),
            ),
            filters.select("availability"),
        ]
    return render_page_or_partial(
        request, "talent/pool.html", "results", context, push_url=url + filters.querystring()
    )


@login_required
@require_safe
def pool_export(request: Any, slug: str) -> HttpResponse:
    """The search as CSV (at most 1,000 rows): what the pool shows, never an e-mail address."""
    organisation = pool_organisation_for_member(request.user, slug)
    filters = PoolFilters.from_query(request.GET)
    rows = list(pool_search(organisation, filters)[:EXPORT_LIMIT])
    access_record(viewer=request.user, place=TALENT_POOL, people=[row.person_id for row in rows])
    header = [
        _("Headline"),
        _("Available"),
        _("Competences"),
        _("Preferred towns"),
        _("What I am looking for"),
    ]
    body = (
        [
            profile.headline,
            profile.get_availability_display(),
            ", ".join(str(c) for c in profile.competences.all()),
            ", ".join(t.name for t in profile.towns.all()),
            profile.looking_for,
        ]
        for profile in rows
    )
    response = HttpResponse(csv_text(header, body), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="talente-{organisation.slug}.csv"'
    return response


@login_required
def pool_profile(request: Any, slug: str, pk: int) -> HttpResponse:
    """A profile as the organisation may see it, with the form to write to the person."""
    organisation = pool_organisation_for_member(request.user, slug)
    talent = talent_profile_for_organisation(organisation, pk)
    access_record(viewer=request.user, place=TALENT_POOL, people=[talent.person_id])
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pool.contact_send(
                actor=request.user,
                organisation=organisation,
                profile=talent,
                message=form.cleaned_data["message"],
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request, _("Your message is sent. You will see the answer under “Contacts”.")
            )
            return redirect("talent:contacts", slug=slug)
    return render(
        request,
        "talent/pool_profile.html",
        {"organisation": organisation, "talent": talent, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
@require_safe
def contacts(request: Any, slug: str) -> HttpResponse:
    """The organisation's messages; a person's e-mail address shows once they answered."""
    organisation = pool_organisation_for_member(request.user, slug)
    url = reverse("talent:contacts", kwargs={"slug": slug})
    found = listing(
        request,
        contacts_of_organisation(organisation),
        Filters.from_query(request.GET),
        url=url,
        per_page=PAGE_SIZE,
        name="contacts",
        capped=False,  # one organisation's messages
    )
    return render_page_or_partial(
        request,
        "talent/contacts.html",
        "results",
        found.context | {"organisation": organisation},
        push_url=url + found.filters.querystring(),
    )


# --- relocation journeys ----------------------------------------------------------------------


@login_required
def journey(request: Any) -> HttpResponse:
    """The person's own journey: consent, the steps so far, a step to add, withdrawal."""
    consent = journeys.journey_consent_of(request.user)
    text = journeys.consent_text_newest()
    consent_form = ConsentForm()
    step_form = StepForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "consent":
                consent_form = ConsentForm(request.POST)
                if consent_form.is_valid() and text is not None:
                    journeys.journey_consent_give(
                        person=request.user,
                        consent_text=text,
                        town=consent_form.cleaned_data["town"],
                    )
                    messages.success(request, _("Thank you: your journey is recorded from now on."))
                    return redirect("talent:journey")
            elif action == "step":
                step_form = StepForm(request.POST)
                if step_form.is_valid():
                    journeys.journey_step_tell(person=request.user, **step_form.cleaned_data)
                    messages.success(request, _("The step is added."))
                    return redirect("talent:journey")
            elif action == "withdraw":
                journeys.journey_consent_withdraw(person=request.user)
                messages.success(request, _("Your consent is withdrawn and your journey erased."))
                return redirect("talent:journey")
            else:
                raise Http404
        except DomainError as error:
            error.attach_to(step_form if action == "step" else consent_form)
        status = 422
    elif request.method not in ("GET", "HEAD"):
        raise Http404
    own = Journey.objects.filter(person=request.user).select_related("town").first()
    steps = list(own.steps.select_related("town").order_by("rank")) if own else []
    return render(
        request,
        "talent/journey.html",
        {
            "consent": consent,
            "consent_text": text,
            "journey": own,
            "steps": steps,
            "consent_form": consent_form,
            "step_form": step_form,
        },
        status=status,
    )


def follow_up(request: HttpRequest, token: str) -> HttpResponse:
    """The one-question form of a follow-up, without signing in; refused once answered or past
    its validity."""
    try:
        found = journeys.follow_up_check(journeys.follow_up_by_token(token))
    except DomainError as error:
        return render(
            request, "talent/follow_up_refused.html", {"message": error.message}, status=410
        )
    form = FollowUpAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                journeys.follow_up_answer(
                    token=token, still_living=form.cleaned_data["still_living"]
                )
            except DomainError as error:
                return render(
                    request, "talent/follow_up_refused.html", {"message": error.message}, status=410
                )
            return render(request, "talent/follow_up_done.html", {})
    elif request.method not in ("GET", "HEAD"):
        raise Http404
    return render(
        request,
        "talent/follow_up.html",
        {"follow_up": found, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
@require_safe
def funnel(request: Any) -> HttpResponse:
    """The funnel of relocation journeys per town and cohort, for coordinators."""
    if not can_see_funnel(request.user):
        raise PermissionDenied(
            _("Only the programme's coordinators see the journeys' figures."),
            needs_role=User.Role.COORDINATOR,
        )
    cohorts = funnel_selectors.cohort_choices()
    filters = funnel_selectors.FunnelFilters.from_query(request.GET, choices={"cohort": cohorts})
    url = reverse("talent:funnel")
    return render(
        request,
        "talent/funnel.html",
        {
            "filters": filters,
            "chips": filters.chips(url),
            "reset_url": url,
            "selects": [
                filters.select(
                    "town",
                    groups=municipality_options(
                        municipalities_by_district(Municipality.objects.all())
                    ),
                ),
                filters.select("cohort", cohorts),
            ],
            "funnel": funnel_selectors.funnel(filters),
            "breakdown": funnel_selectors.funnel_breakdown(filters),
        },
    )

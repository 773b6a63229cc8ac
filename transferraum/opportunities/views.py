"""Pages of the opportunities area: the regional feed with its map and Atom feed, one item,
writing and moderating items, applying and the applications, saved searches, welcome pages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from transferraum.accounts.http import AuthenticatedHttpRequest
from transferraum.actors.models import Organisation
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.http import HtmxHttpRequest, login_required_keeping_post
from transferraum.core.listing import listing
from transferraum.core.markdown import render_markdown
from transferraum.core.related import TOWN, related_for
from transferraum.opportunities import alerts, selectors, services
from transferraum.opportunities.forms import (
    STEP_FORMS,
    ApplicationForm,
    OpportunityForm,
    SavedSearchForm,
    TownContactForm,
)
from transferraum.opportunities.models import Opportunity, SavedSearch, TownContact
from transferraum.opportunities.permissions import (
    application_roles_for,
    can_apply,
    can_edit_town_contacts,
    can_post_for,
    can_save_search,
    can_see_applications,
    can_verify,
    is_verified,
    roles_for,
)
from transferraum.opportunities.workflow import APPLICATION_LIFECYCLE, LIFECYCLE

# --- the feed ---------------------------------------------------------------------------------


@require_safe
def feed(request: HtmxHttpRequest) -> HttpResponse:
    """Published opportunities by words, kind, place, competence, pay and start; a map of
    their towns and the travel from Leipzig on each card."""
    filters = selectors.FeedFilters.from_query(request.GET)
    base = reverse("opportunities:feed")
    found = listing(
        request,
        selectors.feed_opportunities(filters),
        filters,
        url=base,
        per_page=selectors.PAGE_SIZE,
        name="feed",
    )
    filters = found.filters
    context = found.context | {
        "cards": selectors.cards(list(found.page.object_list)),
        "atom_url": reverse("opportunities:atom") + filters.querystring(page=1),
        "save_form": SavedSearchForm(),
        "can_save_search": can_save_search(request.user),
        "save_querystring": filters.querystring(page=1).lstrip("?"),
    }
    if not found.partial:
        context |= {
            "selects": selectors.feed_selects(filters),
            "map_towns": [town.__dict__ for town in selectors.map_towns(filters, base)],
            "map_tile_url": settings.MAP_TILE_URL,
            "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        }
    return render_page_or_partial(
        request,
        "opportunities/feed.html",
        "results",
        context,
        push_url=base + filters.querystring(),
    )


class OpportunityFeed(Feed):
    """The newest published opportunities as Atom; the feed's filters apply to it."""

    feed_type = Atom1Feed
    title = gettext_lazy("Opportunities in the region")
    subtitle = gettext_lazy(
        "Jobs, internships, theses, flats and more in Eilenburg, Zeitz and around."
    )

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> selectors.FeedFilters:
        return selectors.FeedFilters.from_query(request.GET)

    def link(self, filters: selectors.FeedFilters) -> str:
        return reverse("opportunities:feed") + filters.querystring(page=1)

    def feed_url(self, filters: selectors.FeedFilters) -> str:
        return reverse("opportunities:atom") + filters.querystring(page=1)

    def items(self, filters: selectors.FeedFilters) -> list[Opportunity]:
        return list(selectors.feed_newest(filters))

    def item_title(self, item: Opportunity) -> str:
        return f"{item.get_kind_display()}: {item.title} ({item.municipality.name})"

    def item_description(self, item: Opportunity) -> str:
        return str(render_markdown(item.description))

    def item_pubdate(self, item: Opportunity) -> datetime:
        return item.published_at or item.created_at

    def item_updateddate(self, item: Opportunity) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Opportunity) -> str:
        return item.organisation.name

    def item_categories(self, item: Opportunity) -> list[str]:
        return [str(item.get_kind_display())]


# --- one opportunity --------------------------------------------------------------------------


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_viewer(request.user, pk)
    actions = LIFECYCLE.labelled(services.next_actions(request.user, opportunity))
    return render(
        request,
        "opportunities/detail.html",
        {
            "opportunity": opportunity,
            "travel": selectors.travel_from_leipzig(opportunity.municipality),
            "actions": [(name, label, STEP_FORMS.get(name)) for name, label in actions],
            "can_apply": can_apply(request.user, opportunity),
            "own_application": selectors.own_application(request.user, opportunity),
            "can_see_applications": can_see_applications(request.user, opportunity),
            "is_editor": bool(roles_for(request.user, opportunity)),
            "deadline_passed": bool(
                opportunity.deadline and opportunity.deadline < timezone.localdate()
            ),
        },
    )


@login_required
@require_POST
def act(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Take a lifecycle step; the step's form reads its input, the step's service decides."""
    opportunity = selectors.opportunity_for_viewer(request.user, pk)
    action = request.POST.get("action", "")
    service: Any = services.STEP_SERVICES.get(action)
    form = STEP_FORMS[action](request.POST) if action in STEP_FORMS else None
    try:
        if service is None:
            raise DomainError(_("Unknown action."))
        if form is not None and not form.is_valid():
            raise DomainError(" ".join(str(e) for errors in form.errors.values() for e in errors))
        data = form.service_data() if form is not None else {}
        opportunity = service(actor=request.user, opportunity=opportunity, **data)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Done: the opportunity is now “%(status)s”.")
            % {"status": opportunity.get_status_display()},
        )
    return redirect(opportunity.get_absolute_url())


# --- writing ----------------------------------------------------------------------------------


def _render_form(
    request: AuthenticatedHttpRequest,
    form: OpportunityForm,
    organisation: Organisation,
    opportunity: Opportunity | None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "opportunities/form.html",
        {"form": form, "organisation": organisation, "opportunity": opportunity},
        status=status,
    )


def _save(
    request: AuthenticatedHttpRequest,
    form: OpportunityForm,
    organisation: Organisation,
    opportunity: Opportunity | None,
) -> HttpResponse:
    if form.is_valid():
        try:
            saved = services.opportunity_save(
                actor=request.user,
                organisation=organisation,
                data=form.service_data(),
                topics=form.cleaned_data["topics"],
                competences=form.cleaned_data["competences"],
                opportunity=opportunity,
                version=form.loaded_version,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            if request.POST.get("intent") == "submit":
                try:
                    services.opportunity_submit(actor=request.user, opportunity=saved)
                except DomainError as error:
                    messages.error(request, error.message)
                    return redirect("opportunities:edit", pk=saved.pk)
                messages.success(request, _("Submitted: a coordinator will publish it soon."))
                return redirect(saved.get_absolute_url())
            messages.success(request, _("Your draft has been saved."))
            return redirect(saved.get_absolute_url())
    return _render_form(request, form, organisation, opportunity, status=422)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = selectors.organisations_to_post_for(request.user)
    slug = request.POST.get("organisation") or request.GET.get("organisation")
    organisation = organisations.filter(slug=slug).first() if slug else None
    if organisation is None:
        if organisations.count() != 1:
            return render(
                request, "opportunities/choose_organisation.html", {"organisations": organisations}
            )
        organisation = organisations.get()
    if not can_post_for(request.user, organisation):
        raise PermissionDenied(
            _(
                "%(name)s is not verified yet. A coordinator verifies an organisation before "
                "it posts opportunities."
            )
            % {"name": organisation.name}
        )
    if request.method == "POST":
        form = OpportunityForm(request.POST, organisation_id=organisation.pk)
        return _save(request, form, organisation, None)
    form = OpportunityForm(
        organisation_id=organisation.pk,
        initial={
            "municipality": organisation.municipality,
            "expires_on": services.expiry_default(),
        },
    )
    return _render_form(request, form, organisation, None)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_editor(request.user, pk)
    organisation = opportunity.organisation
    if request.method == "POST":
        form = OpportunityForm(request.POST, instance=opportunity, organisation_id=organisation.pk)
        fresh = Opportunity.objects.get(pk=opportunity.pk)
        return _save(request, form, organisation, fresh)
    form = OpportunityForm(instance=opportunity, organisation_id=organisation.pk)
    return _render_form(request, form, organisation, opportunity)


@login_required
@require_safe
def ours(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The items of the person's organisations, in every status, with their applications."""
    rows = selectors.opportunities_of_member(request.user)
    found = listing(
        request,
        rows,
        selectors.FeedFilters.from_query(request.GET),
        url=reverse("opportunities:ours"),
        per_page=selectors.PAGE_SIZE,
        capped=False,
    )
    organisations = [
        (organisation, is_verified(organisation))
        for organisation in selectors.organisations_to_post_for(request.user)
    ]
    return render(
        request, "opportunities/ours.html", found.context | {"organisations": organisations}
    )


@login_required
@require_safe
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Submitted items waiting for a coordinator; organisations waiting for verification."""
    if not can_verify(request.user):
        raise PermissionDenied(_("Only coordinators moderate opportunities."))
    found = listing(
        request,
        selectors.opportunities_to_moderate(),
        selectors.FeedFilters.from_query(request.GET),
        url=reverse("opportunities:queue"),
        per_page=selectors.PAGE_SIZE,
        capped=False,
    )
    return render(request, "opportunities/queue.html", found.context)


@login_required
@require_POST
def verify(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    if not can_verify(request.user):
        raise PermissionDenied(_("Only coordinators verify organisations."))
    organisation = get_object_or_404(Organisation, slug=slug)
    services.organisation_verify(actor=request.user, organisation=organisation)
    messages.success(
        request, _("%(name)s may now post opportunities.") % {"name": organisation.name}
    )
    return redirect(organisation.get_absolute_url())


# --- applications -----------------------------------------------------------------------------


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def apply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    opportunity = selectors.opportunity_for_viewer(request.user, pk)
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                application = services.application_submit(
                    actor=request.user,
                    opportunity=opportunity,
                    cover_note=form.cleaned_data["cover_note"] or "",
                    cv=form.cleaned_data["cv"],
                    consent=form.cleaned_data["consent"],
                )
            except DomainError as error:
                error.attach_to(form)
            else:
                messages.success(request, _("Thank you! Your application has been sent."))
                return redirect(application.get_absolute_url())
        status = 422
    else:
        if not can_apply(request.user, opportunity):
            raise PermissionDenied(_("You cannot apply for this opportunity on the platform."))
        form = ApplicationForm()
        status = 200
    return render(
        request,
        "opportunities/apply.html",
        {"form": form, "opportunity": opportunity},
        status=status,
    )


@login_required
@require_safe
def applications(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Who applied, for the organisation."""
    opportunity = selectors.opportunity_for_viewer(request.user, pk)
    if not can_see_applications(request.user, opportunity):
        raise PermissionDenied(_("Only the organisation sees the applications."))
    found = listing(
        request,
        selectors.applications_of(opportunity),
        selectors.FeedFilters.from_query(request.GET),
        url=reverse("opportunities:applications", kwargs={"pk": pk}),
        per_page=selectors.PAGE_SIZE,
        capped=False,
    )
    return render(
        request, "opportunities/applications.html", found.context | {"opportunity": opportunity}
    )


@login_required
@require_safe
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """ "Meine Bewerbungen": the person's applications and their status."""
    found = listing(
        request,
        selectors.applications_of_applicant(request.user),
        selectors.FeedFilters.from_query(request.GET),
        url=reverse("opportunities:mine"),
        per_page=selectors.PAGE_SIZE,
        capped=False,
    )
    return render(request, "opportunities/mine.html", found.context)


@login_required
@require_safe
def application(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = selectors.application_for_viewer(request.user, pk)
    roles = application_roles_for(request.user, found)
    return render(
        request,
        "opportunities/application.html",
        {
            "application": found,
            "opportunity": found.opportunity,
            "actions": APPLICATION_LIFECYCLE.labelled(
                APPLICATION_LIFECYCLE.allowed(found.status, roles)
            ),
        },
    )


@login_required
@require_POST
def application_act(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found = selectors.application_for_viewer(request.user, pk)
    service: Any = services.APPLICATION_STEP_SERVICES.get(request.POST.get("action", ""))
    try:
        if service is None:
            raise DomainError(_("Unknown action."))
        found = service(actor=request.user, application=found)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Done: the application is now “%(status)s”.")
            % {"status": found.get_status_display()},
        )
    return redirect(found.get_absolute_url())


@login_required
@require_safe
def cv(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """The CV only for the applicant and the organisation: never a public media URL."""
    found = selectors.application_for_viewer(request.user, pk)
    if not found.cv:
        raise Http404
    try:
        handle = found.cv.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename="lebenslauf.pdf")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- saved searches ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def searches(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The person's saved searches; POST saves the feed's current filter."""
    form = SavedSearchForm(request.POST or None)
    filters = selectors.FeedFilters.from_query(
        _query_dict(request.POST.get("filter", "")) if request.method == "POST" else request.GET
    )
    if request.method == "POST" and form.is_valid():
        try:
            alerts.saved_search_create(
                actor=request.user,
                filters=filters,
                name=form.cleaned_data["name"] or "",
                frequency=form.cleaned_data["frequency"],
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(
                request, _("Your search has been saved. We will e-mail you new opportunities.")
            )
            return redirect("opportunities:searches")
    return render(
        request,
        "opportunities/searches.html",
        {
            "form": form,
            "filter": filters.querystring(page=1).lstrip("?"),
            "chips": filters.chips(reverse("opportunities:feed")),
            "searches": selectors.saved_searches_of(request.user),
        },
        status=422 if request.method == "POST" else 200,
    )


def _query_dict(raw: str) -> QueryDict:
    return QueryDict(raw[:1000])


@login_required
@require_POST
def search_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    alerts.saved_search_delete(actor=request.user, search=search)
    messages.success(request, _("The search “%(name)s” has been deleted.") % {"name": search.name})
    return redirect("opportunities:searches")


# --- welcome pages ----------------------------------------------------------------------------


@require_safe
def welcome(request: HttpRequest, ags: str) -> HttpResponse:
    """ "Leben und Arbeiten in …": travel from Leipzig, current opportunities and flats, the
    town's contacts for childcare and schools."""
    town = selectors.welcome_town(ags)
    jobs = list(selectors.welcome_items(town, housing=False)[: selectors.WELCOME_SIZE + 1])
    flats = list(selectors.welcome_items(town, housing=True)[: selectors.WELCOME_SIZE + 1])
    return render(
        request,
        "opportunities/welcome.html",
        {
            "town": town,
            "travel": selectors.travel_from_leipzig(town),
            "jobs": jobs[: selectors.WELCOME_SIZE],
            "more_jobs": len(jobs) > selectors.WELCOME_SIZE,
            "flats": flats[: selectors.WELCOME_SIZE],
            "more_flats": len(flats) > selectors.WELCOME_SIZE,
            "feed_url": reverse("opportunities:feed")
            + selectors.FeedFilters(municipality=town.ags).querystring(),
            "contacts": selectors.town_contacts(town),
            "can_edit_contacts": can_edit_town_contacts(request.user, town),
            "related": related_for(TOWN, town, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(
    request: AuthenticatedHttpRequest, ags: str, pk: int | None = None
) -> HttpResponse:
    town = selectors.welcome_town(ags)
    if not can_edit_town_contacts(request.user, town):
        raise PermissionDenied(_("Only the town's staff keep its contacts."))
    contact = get_object_or_404(TownContact, pk=pk, municipality=town) if pk else None
    form = TownContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.town_contact_save(
                actor=request.user,
                municipality=town,
                data=form.cleaned_data,
                contact=TownContact.objects.get(pk=contact.pk) if contact else None,
            )
        except DomainError as error:
            error.attach_to(form)
        else:
            messages.success(request, _("The contact has been saved."))
            return redirect("opportunities:welcome", ags=town.ags)
    return render(
        request,
        "opportunities/contact_form.html",
        {"form": form, "town": town, "contact": contact},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def contact_delete(request: AuthenticatedHttpRequest, ags: str, pk: int) -> HttpResponse:
    town = selectors.welcome_town(ags)
    contact = get_object_or_404(TownContact, pk=pk, municipality=town)
    services.town_contact_delete(actor=request.user, contact=contact)
    messages.success(request, _("The contact has been removed."))
    return redirect("opportunities:welcome", ags=town.ags)

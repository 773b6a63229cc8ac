from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from transferraum.core.errors import DomainError, database_fault, database_fault_response
from transferraum.core.forms import RequestDecisionForm
from transferraum.core.search import query_stems
from transferraum.core.site_search import SiteSearchFilters, site_search
from transferraum.core.start import start_page_for


@require_safe
def legal_page(request: HttpRequest, *, template: str) -> HttpResponse:
    """Impressum, Datenschutz and the accessibility statement: text pages with operator data."""
    return render(
        request,
        template,
        {
            "operator": settings.SITE_OPERATOR,
            "accessibility_contact": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "statement_date": settings.ACCESSIBILITY_STATEMENT_DATE,
        },
    )


@login_required
@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """The start page "Mein Bereich": what waits for the person, by area, each with one link to
    act (the landing page after signing in); when nothing waits, what the person can start."""
    return render(request, "core/start.html", {"start": start_page_for(request.user)})


@require_safe
def layout(request: HttpRequest) -> HttpResponse:
    """The site's layout with empty content, through the same middleware: the yardstick of the
    page benchmark (docs/benchmarks.md). Answers only in bench mode (settings.BENCH_MODE)."""
    if not settings.BENCH_MODE:
        raise Http404
    return render(request, "core/layout.html")


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else ""
    needs_role = getattr(exception, "needs_role", "")
    return render(request, "403.html", {"reason": message, "needs_role": needs_role}, status=403)


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_500(request: HttpRequest) -> HttpResponse:
    # A passing database fault outside a view (a session saved by its middleware): the same
    # "please send again" as DatabaseFaultMiddleware gives for views.
    fault = database_fault(exc) if (exc := sys.exception()) else None
    if fault is not None:
        return database_fault_response(request, fault)
    # No context processors may query here: the database could be what failed.
    return render(request, "500.html", status=500)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Everything the person may see that matches the words, grouped by kind (`?q=`)."""
    filters = SiteSearchFilters.from_query(request.GET)
    searchable = bool(query_stems(filters.query))
    return render(
        request,
        "core/search.html",
        {
            "query": filters.query,
            "searchable": searchable,
            "groups": site_search(filters.query, request.user) if searchable else [],
        },
    )


def request_decision_take(
    request: HttpRequest,
    form: RequestDecisionForm,
    services: Mapping[str, Callable[..., Any]],
    **target: Any,
) -> str | None:
    """Take the step a request's decision page posts (its buttons name "grant" or "refuse")
    with the form's note, through the app's step services (`target` names the request for
    them). Returns the step taken, or None while the page is to be shown: a GET, a form with
    errors, or a refused step (the form then holds the message)."""
    if request.method != "POST" or not form.is_valid():
        return None
    step = request.POST.get("step", "")
    try:
        if step not in ("grant", "refuse"):
            raise DomainError(_("Unknown action."))
        services[step](actor=request.user, note=form.cleaned_data["note"], **target)
    except DomainError as error:
        error.attach_to(form)
        return None
    return step

"""The indicators' pages: the staff dashboard (coordinators, researchers), the list of records
behind a figure, the public figures, the CSV downloads and the impact report of a town and a
year (page and tagged PDF).

Filters live in the URL (`ort`, `runde`, `jahr`, `nach`; see `selectors.IndicatorFilters`);
values the platform does not know are dropped, never raised.
"""

from __future__ import annotations

import csv
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from transferraum.accounts.models import User
from transferraum.core.access_log import access_place, access_record
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Select
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.listing import listing
from transferraum.indicators import selectors
from transferraum.indicators.permissions import can_view_dashboard, can_view_records
from transferraum.indicators.registry import indicator_get
from transferraum.indicators.report import impact_report
from transferraum.indicators.selectors import IndicatorFilters
from transferraum.indicators.suppression import THRESHOLD

# The PDF is rendered and cached as the public transfer dossier is.
from transferraum.recommendations import dossier
from transferraum.regions.models import Municipality

RECORDS_PAGE_SIZE = 50
RECORDS_PLACE = access_place("indicators.records", _("Records behind a programme figure"))


def _refuse_unless_staff(request: HttpRequest) -> None:
    if not can_view_dashboard(request.user):
        raise PermissionDenied(
            _("Only the coordination and the accompanying research see the full figures."),
            needs_role=User.Role.RESEARCHER,
        )


def _selects(filters: IndicatorFilters) -> list[Select]:
    return [
        filters.select("municipality", selectors.town_options()),
        filters.select("round", selectors.round_options()),
        filters.select("year", selectors.year_options()),
        filters.select("by"),
    ]


def _context(request: HttpRequest, *, public: bool) -> dict[str, Any]:
    filters = IndicatorFilters.from_query(request.GET)
    scope = selectors.scope_of(filters)
    url = reverse("indicators:public" if public else "indicators:dashboard")
    return {
        "filters": filters,
        "scope": scope,
        "figures": selectors.figures(scope, filters.dimension, public=public),
        "selects": _selects(filters),
        "chips": filters.chips(url),
        "reset_url": url,
        "query": filters.querystring(),
        "records_query": IndicatorFilters(
            municipality=filters.municipality, round=filters.round, year=filters.year
        ).querystring(),
        "dimension_label": dict(selectors.BY_CHOICES).get(filters.by, _("Town")),
        "public": public,
        "threshold": THRESHOLD,
        "report_links": selectors.report_towns(filters.municipality),
        "report_year": int(filters.year) if filters.year else selectors.latest_year(),
    }


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    _refuse_unless_staff(request)
    context = _context(request, public=False)
    return render_page_or_partial(
        request,
        "indicators/dashboard.html",
        "results",
        context,
        push_url=reverse("indicators:dashboard") + context["query"],
    )


@require_safe
def public(request: HttpRequest) -> HttpResponse:
    context = _context(request, public=True)
    return render_page_or_partial(
        request,
        "indicators/dashboard.html",
        "results",
        context,
        push_url=reverse("indicators:public") + context["query"],
    )


def _csv(request: HttpRequest, *, public: bool) -> HttpResponse:
    filters = IndicatorFilters.from_query(request.GET)
    scope = selectors.scope_of(filters)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = "kennzahlen-oeffentlich.csv" if public else "kennzahlen.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    writer.writerow(selectors.CSV_HEADER)
    writer.writerows(selectors.csv_rows(scope, public=public))
    return response


@login_required
@require_safe
def dashboard_csv(request: HttpRequest) -> HttpResponse:
    _refuse_unless_staff(request)
    return _csv(request, public=False)


@require_safe
def public_csv(request: HttpRequest) -> HttpResponse:
    return _csv(request, public=True)


@login_required
@require_safe
def records(request: HttpRequest, key: str) -> HttpResponse:
    """The records one figure counts, a page at a time; for a count, as many as the figure."""
    if not can_view_records(request.user):
        raise PermissionDenied(
            _("Only the coordination and the accompanying research see the records."),
            needs_role=User.Role.RESEARCHER,
        )
    indicator = indicator_get(key)
    if indicator is None:
        raise Http404
    filters = IndicatorFilters.from_query(request.GET)
    scope = selectors.scope_of(filters)
    url = reverse("indicators:records", kwargs={"key": key})
    found = listing(
        request,
        selectors.records(indicator, scope),
        filters,
        url=url,
        per_page=RECORDS_PAGE_SIZE,
        name="records",
        capped=False,  # the list's length is the figure
    )
    rows = [indicator.record_row(record, request.user) for record in found.page.object_list]
    people = [row.person_id for row in rows if row.person_id is not None]
    if people:
        access_record(viewer=request.user, place=RECORDS_PLACE, people=people)
    context = found.context | {
        "indicator": indicator,
        "rows": rows,
        "figure": selectors.display(selectors.figure_value(indicator, scope), indicator.unit),
        "dashboard_url": reverse("indicators:dashboard") + found.filters.querystring(page=1),
    }
    if not found.partial:
        context["selects"] = _selects(found.filters)[:3]
    return render_page_or_partial(
        request,
        "indicators/records.html",
        "results",
        context,
        push_url=url + found.filters.querystring(),
    )


# --- the impact report ---------------------------------------------------------------------


def _report(ags: str, year: int) -> Any:
    if not selectors.FIRST_YEAR <= year <= selectors.LAST_YEAR:
        raise Http404
    municipality = get_object_or_404(Municipality.objects.defer("boundary"), ags=ags)
    return impact_report(municipality, year)


def _report_context(report: Any, *, on_paper: bool) -> dict[str, Any]:
    return {
        "report": report,
        "threshold": THRESHOLD,
        "site_url": settings.SITE_URL,
        "contact": settings.SITE_OPERATOR,
        "on_paper": on_paper,
        "pdf_url": reverse(
            "indicators:report-pdf",
            kwargs={"ags": report.municipality.ags, "year": report.year},
        ),
    }


@require_safe
def report_page(request: HttpRequest, ags: str, year: int) -> HttpResponse:
    report = _report(ags, year)
    return render(request, "indicators/report.html", _report_context(report, on_paper=False))


@require_safe
def report_pdf(request: HttpRequest, ags: str, year: int) -> HttpResponse:
    report = _report(ags, year)
    html = render_to_string(
        "indicators/report_document.html", _report_context(report, on_paper=True), request=request
    )
    # The report is the same for everyone: kept in the cache until what it shows changes.
    response = HttpResponse(
        dossier.public_pdf(report.file_name, html), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{report.file_name}"'
    return response

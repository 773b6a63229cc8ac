"""The transfer dossier of a project, and of a town in a round: a printable page and the same
content as a tagged PDF (see ../dossier.py for what it holds and who sees what)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_safe

from transferraum.projects.selectors.rounds import project_for_viewer, round_for_viewer
from transferraum.recommendations.dossier import (
    Dossier,
    pdf_of,
    project_dossier,
    town_dossier,
)
from transferraum.regions.models import Municipality


def _context(dossier: Dossier, pdf_url: str, *, on_paper: bool = False) -> dict[str, object]:
    return {
        "dossier": dossier,
        "pdf_url": pdf_url,
        "site_url": settings.SITE_URL,
        "contact": settings.SITE_OPERATOR,
        "on_paper": on_paper,  # the PDF: addresses as text, not only behind links
    }


def _pdf(request: HttpRequest, dossier: Dossier) -> HttpResponse:
    html = render_to_string(
        "recommendations/dossier_document.html",
        _context(dossier, "", on_paper=True),
        request=request,
    )
    # An anonymous visitor sees what everyone sees: that PDF is kept in the cache.
    pdf = pdf_of(dossier, html, public=not request.user.is_authenticated)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{dossier.file_name}"'
    # Scoped to the viewer (confidential recommendations): never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


def _project(request: HttpRequest, pk: int) -> Dossier:
    return project_dossier(request.user, project_for_viewer(request.user, pk))


def _town(request: HttpRequest, ags: str, round_pk: int) -> Dossier:
    municipality = get_object_or_404(Municipality.objects.defer("boundary"), ags=ags)
    return town_dossier(request.user, municipality, round_for_viewer(request.user, round_pk))


@require_safe
def project_page(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _project(request, pk)
    pdf_url = reverse("recommendations:dossier-project-pdf", kwargs={"pk": pk})
    return render(request, "recommendations/dossier.html", _context(dossier, pdf_url))


@require_safe
def project_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, _project(request, pk))


@require_safe
def town_page(request: HttpRequest, ags: str, round_pk: int) -> HttpResponse:
    dossier = _town(request, ags, round_pk)
    pdf_url = reverse("recommendations:dossier-town-pdf", kwargs={"ags": ags, "round_pk": round_pk})
    return render(request, "recommendations/dossier.html", _context(dossier, pdf_url))


@require_safe
def town_pdf(request: HttpRequest, ags: str, round_pk: int) -> HttpResponse:
    return _pdf(request, _town(request, ags, round_pk))


_TOWN = "empfehlungen/transferdossier/<str:ags>/runden/<int:round_pk>/"
_PROJECT = "empfehlungen/transferdossier/projekte/<int:pk>/"

urlpatterns: list[URLPattern] = [
    path(_PROJECT, project_page, name="dossier-project"),
    path(f"{_PROJECT}pdf/", project_pdf, name="dossier-project-pdf"),
    path(_TOWN, town_page, name="dossier-town"),
    path(f"{_TOWN}pdf/", town_pdf, name="dossier-town-pdf"),
]

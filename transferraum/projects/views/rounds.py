"""Views of the rounds area (placeholders until the area is built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def _todo(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


urlpatterns: list[URLPattern] = [
    path("projekte/", _todo, name="rounds"),
    path("projekte/runden/<int:pk>/", _todo, name="round"),
    path("projekte/runden/neu/", _todo, name="round-new"),
    path("projekte/runden/<int:pk>/bearbeiten/", _todo, name="round-edit"),
    path("projekte/runden/<int:pk>/phase/", _todo, name="round-advance"),
    path("projekte/runden/<int:pk>/projekte/neu/", _todo, name="project-new"),
    path("projekte/<int:pk>/", _todo, name="project"),
    path("projekte/<int:pk>/bearbeiten/", _todo, name="project-edit"),
    path("projekte/<int:pk>/abschliessen/", _todo, name="project-complete"),
    path("projekte/schaufenster/", _todo, name="showcase"),
]

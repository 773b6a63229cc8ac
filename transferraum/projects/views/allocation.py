"""Views of the allocation area (placeholders until the area is built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def _todo(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


urlpatterns: list[URLPattern] = [
    path("projekte/runden/<int:pk>/zuteilung/", _todo, name="allocation"),
    path("projekte/runden/<int:pk>/zuteilung/starten/", _todo, name="allocation-run"),
    path(
        "projekte/runden/<int:pk>/zuteilung/laeufe/<int:run_pk>/", _todo, name="allocation-progress"
    ),
    path("projekte/runden/<int:pk>/zuteilung/verschieben/", _todo, name="allocation-move"),
    path("projekte/runden/<int:pk>/zuteilung/veroeffentlichen/", _todo, name="allocation-publish"),
    path("projekte/runden/<int:pk>/mein-ergebnis/", _todo, name="result"),
]

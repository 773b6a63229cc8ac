"""Views of the applications area (placeholders until the area is built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def _todo(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


urlpatterns: list[URLPattern] = [
    path("projekte/mein-profil/", _todo, name="student-profile"),
    path("projekte/runden/<int:pk>/bewerbung/", _todo, name="apply"),
    path("projekte/runden/<int:pk>/bewerbung/zurueckziehen/", _todo, name="withdraw"),
    path("projekte/meine/", _todo, name="mine"),
]

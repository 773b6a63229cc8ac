"""Views of the workspace area (placeholders until the area is built)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def _todo(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404


urlpatterns: list[URLPattern] = [
    path("projekte/<int:pk>/arbeitsraum/", _todo, name="workspace"),
]

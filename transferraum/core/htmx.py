"""htmx helpers: one view serves the full page and, to htmx, only the fragment that changes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page_or_partial(
    request: HttpRequest,
    template: str,
    partial: str,
    context: dict[str, Any],
    *,
    status: int = 200,
) -> HttpResponse:
    """Render `template`, or only its `{% partialdef partial %}` when htmx asks.

    A history-restore request (back button after the cache was evicted) gets the whole page.
    """
    htmx = getattr(request, "htmx", None)
    wants_partial = bool(htmx) and not getattr(htmx, "history_restore_request", False)
    name = f"{template}#{partial}" if wants_partial else template
    return render(request, name, context, status=status)

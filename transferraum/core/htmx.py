"""htmx helpers: one view serves the full page and, to htmx, only the fragment that changes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url as push


def wants_partial(request: HttpRequest) -> bool:
    """htmx asks for the fragment; a history restore (back button after the cache was evicted)
    needs the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not getattr(htmx, "history_restore_request", False)


def render_page_or_partial(
    request: HttpRequest,
    template: str,
    partial: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    push_url: str | None = None,
) -> HttpResponse:
    """Render `template`, or only its `{% partialdef partial %}` when htmx asks.

    `push_url` puts the tidy address of the fragment into the browser's address bar. The same
    URL answers with a page or a fragment, so caches are told to keep them apart.
    """
    if wants_partial(request):
        response = render(request, f"{template}#{partial}", context, status=status)
        if push_url is not None:
            push(response, push_url)
    else:
        response = render(request, template, context, status=status)
    patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
    return response


def as_whole_page(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """For htmx, a whole page that answers in place of the fragment (the form is being sent,
    409; the database could not take it, 503) replaces the body rather than the element the
    request aimed at, and the address stays. base.html's htmx-config makes htmx swap those
    codes at all."""
    if request.headers.get("HX-Request") == "true":
        response["HX-Retarget"] = "body"
        response["HX-Reswap"] = "innerHTML"
    return response

"""Request types for views: what the middleware adds, spelled out for the type checker."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


PENDING_POST_KEY = "pending_post"


def login_required_keeping_post(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like @login_required, but a form sent after the session expired is not lost: its fields
    are kept in the (new, anonymous) session, and after login the same page shows them again
    to be checked and saved (see `pending_post`). Uploaded files cannot be kept."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method == "POST":
            data = {
                key: request.POST.getlist(key)
                for key in request.POST
                if key != "csrfmiddlewaretoken"
            }
            request.session[PENDING_POST_KEY] = {"path": request.path, "data": data}
            messages.warning(
                request,
                _("Your session had expired. Please log in again: what you entered has been kept."),
            )
        return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))

    return wrapper


def pending_post(request: HttpRequest) -> QueryDict | None:
    """Form data kept by `login_required_keeping_post` for this page, handed out once."""
    pending = request.session.get(PENDING_POST_KEY)
    if not pending or pending.get("path") != request.path:
        return None
    del request.session[PENDING_POST_KEY]
    data = QueryDict(mutable=True)
    for key, values in pending["data"].items():
        data.setlist(key, values)
    return data

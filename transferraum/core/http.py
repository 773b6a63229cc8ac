"""Request types for views: what the middleware adds, spelled out for the type checker."""

from __future__ import annotations

import json
import time
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

from transferraum.core import formkeys


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


PENDING_POST_KEY = "pending_post"
# What is kept of a form sent after the session expired: at most this much (as stored, JSON),
# for this long, and only for the page it was sent to. Larger forms keep nothing: a visitor
# must not be able to fill the session table with megabytes that live for two weeks.
PENDING_POST_MAX_BYTES = 16 * 1024
PENDING_POST_SECONDS = 60 * 60


def _pending_size(data: dict[str, list[str]]) -> int:
    return len(json.dumps(data, ensure_ascii=False).encode())


def login_required_keeping_post(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like @login_required, but a form sent after the session expired is not lost: its fields
    are kept in the (new, anonymous) session, and after login the same page shows them again
    to be checked and saved (see `pending_post`). Uploaded files cannot be kept; neither can a
    form larger than `PENDING_POST_MAX_BYTES`: the person is told after login instead."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method == "POST":
            data = {
                key: request.POST.getlist(key)
                for key in request.POST
                # The token and the one-time key belong to the expired page, not to the form.
                if key not in ("csrfmiddlewaretoken", formkeys.FIELD)
            }
            pending: dict[str, Any] = {"path": request.path, "at": time.time()}
            if _pending_size(data) <= PENDING_POST_MAX_BYTES:
                pending["data"] = data
                messages.warning(
                    request,
                    _(
                        "Your session had expired. Please log in again: what you entered has "
                        "been kept."
                    ),
                )
            else:
                pending["too_large"] = True
                messages.warning(
                    request,
                    _(
                        "Your session had expired. Please log in again. What you entered was too "
                        "long to be kept: please keep a copy and enter it again after login."
                    ),
                )
            request.session[PENDING_POST_KEY] = pending
        return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))

    return wrapper


def pending_post(request: HttpRequest) -> QueryDict | None:
    """Form data kept by `login_required_keeping_post` for this page, handed out once and
    within `PENDING_POST_SECONDS`; kept data of another page stays for that page, expired
    data is dropped."""
    pending = request.session.get(PENDING_POST_KEY)
    if not pending:
        return None
    expired = time.time() - float(pending.get("at", 0)) > PENDING_POST_SECONDS
    if expired:
        del request.session[PENDING_POST_KEY]
        return None
    if pending.get("path") != request.path:
        return None
    del request.session[PENDING_POST_KEY]
    if pending.get("too_large"):
        messages.warning(
            request,
            _("What you entered before logging in was too long to be kept: please enter it again."),
        )
        return None
    data = QueryDict(mutable=True)
    for key, values in pending["data"].items():
        data.setlist(key, values)
    return data


def language_cookie_set(response: HttpResponse, language: str) -> None:
    """Remember the interface language (read by `core.middleware.LanguageMiddleware`) with the
    flags of Django's `LANGUAGE_COOKIE_*` settings: HttpOnly and SameSite=Lax everywhere,
    Secure in production. No script reads it."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )

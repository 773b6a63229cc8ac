from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from django.utils.cache import patch_vary_headers

from transferraum.core import formkeys
from transferraum.core.errors import database_fault, database_fault_response

logger = logging.getLogger(__name__)


class LanguageMiddleware:
    """German first: the interface speaks German unless the person chose another language.

    Unlike Django's LocaleMiddleware the browser's Accept-Language header is not consulted: the
    programme's towns and partners work in German, and an English browser setting on a German
    office computer must not switch the platform. The choice is the language cookie, set by the
    language switch and at login from the person's saved preference.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.languages = dict(settings.LANGUAGES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class PermissionsPolicyMiddleware:
    """Every response says which browser features the site's pages may use
    (`Permissions-Policy`, from `settings.PERMISSIONS_POLICY`): none of camera, microphone,
    location, payment or USB; passkeys (WebAuthn) only on the site itself. A view that sets
    the header itself keeps its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = permissions_policy_header(settings.PERMISSIONS_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """`{"camera": [], "publickey-credentials-get": ["self"]}` →
    `camera=(), publickey-credentials-get=(self)`."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


NUL = "\x00"


class NulByteMiddleware:
    """No NUL byte reaches a view: it is taken out of every name and value of the query
    string and the posted form, before any view or middleware reads them.

    A browser never sends one from a link or form, and PostgreSQL refuses it in a query ("A
    string literal cannot contain NUL characters"): one would give a 500 wherever a value
    reaches a filter. Stripping rather than refusing keeps everything else the person typed.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.GET = without_nul(request.GET)
        if request.method == "POST":
            request.POST = without_nul(request.POST)
        return self.get_response(request)


Query = TypeVar("Query", bound=QueryDict)


def without_nul(data: Query) -> Query:
    """`data` itself when it holds no NUL byte, else an immutable copy without them."""
    if not any(NUL in key or any(NUL in value for value in values) for key, values in data.lists()):
        return data
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cast(Query, cleaned)


class QueryCountMiddleware:
    """In bench mode (settings.BENCH_MODE) every response says in `X-Query-Count` how many
    database queries it took, middleware included, so the page benchmark can check that the
    count stays the same at every data size. Not installed otherwise (MiddlewareNotUsed)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not settings.BENCH_MODE:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counted(
            execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
        ) -> Any:
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(counted))
            response = self.get_response(request)
        response.headers["X-Query-Count"] = str(count)
        return response


class DatabaseFaultMiddleware:
    """A view that fails on a passing database fault (SQLite's lock still taken after the busy
    timeout, PostgreSQL's connection gone) answers 503 with "please send again" and the sent
    fields kept (`core.errors.database_fault_response`), never a 500. The transaction was
    rolled back, so sending again cannot half-repeat anything. Faults outside views (a session
    saved after the view) reach the same page through `core.views.error_500`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        fault = database_fault(exception)
        if fault is None:
            return None
        logger.warning(
            "Database fault (%s) on %s %s: %s", fault.value, request.method, request.path, exception
        )
        return database_fault_response(request, fault)


class FormKeyMiddleware:
    """One-time form keys (`transferraum.core.formkeys`): the first POST of a key runs the view,
    a second gets the first one's result. Placed after the CSRF, authentication, message and
    htmx middleware: the claim is taken in `process_view`, after the CSRF check."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            response = self.get_response(request)
        except BaseException:
            claim = getattr(request, "_form_key_claim", None)
            if claim is not None:
                formkeys.form_key_finish(claim=claim, result=None)
            raise
        claim = getattr(request, "_form_key_claim", None)
        if claim is not None:
            result = formkeys.result_of(
                response,
                htmx=bool(getattr(request, "htmx", False)),
                key_renewed=getattr(request, formkeys.RENEWED_ATTRIBUTE, False),
                session_changed=_session_key(request) != claim.session_key,
            )
            formkeys.form_key_finish(claim=claim, result=result)
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if request.method != "POST":
            return None
        key = formkeys.form_key_of(request)
        owner = formkeys.form_key_owner(request) if key else None
        if key is None or owner is None:
            return None
        claim = formkeys.form_key_claim(
            owner=owner, key=key, path=request.path, session_key=_session_key(request)
        )
        if claim.taken:
            request._form_key_claim = claim  # type: ignore[attr-defined]
            return None
        if claim.result is not None:
            return formkeys.form_key_replay(request, claim.result)
        if claim.foreign:
            return None
        return formkeys.form_key_pending(request)


def _session_key(request: HttpRequest) -> str | None:
    session = getattr(request, "session", None)
    return session.session_key if session is not None else None

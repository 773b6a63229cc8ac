"""One-time form keys: a form sent twice creates one object, and the second send gets the first
answer.

Every POST form carries a random key (`{% form_key %}` right after `{% csrf_token %}`, from the
`formkeys` template library). `core.middleware.FormKeyMiddleware` sees the key before the view
runs and claims it with one unique row of `FormSubmission` per person and key, committed at once
(an INSERT that only one request can win, on SQLite and PostgreSQL alike):

- The first request runs the view. When it answers with its result, the row keeps the result:
  a redirect (the Post/Redirect/Get every form here follows), or for htmx the fragment when it
  brings a fresh form (and so a new key) or an htmx redirect.
- Any other answer frees the key: a form shown again with its errors (4xx), a page or fragment
  that leaves the same form in place (a preview, "show projects"), an error (5xx) or an
  exception. The corrected form can then be sent with the same key.
- A second request with the same key does not run the view. It gets the kept result: the same
  redirect with the message that the form had already been sent, or the same fragment. While
  the first is still running the second waits up to `WAIT_SECONDS` for it, then answers with a
  page saying that the form is being sent (409).
- An answer that sets a cookie or changes the session's key (login, logout, language) is not
  kept either: a replay could not repeat the cookie, and sending those forms again is harmless.
- A key belongs to the person who sent it (the user, or before login the browser's CSRF secret):
  another person's request with the same key runs normally and never sees the first result.
- A request that died while holding its key (a killed worker) frees it after `STALE_AFTER`.
- Rows older than `KEEP` are deleted by the daily `manage.py purge_form_keys`
  (a `core.locks.ScheduledCommand`).

A POST without a key (an API client, a test) runs as before: the server rule covers every form
that carries the key, and `core/tests/test_formkeys_templates.py` fails when a template's POST
form lacks it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.db import IntegrityError, OperationalError, connection, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from transferraum.core.htmx import as_whole_page
from transferraum.core.models import FormSubmission

FIELD = "form_key"
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")
#: How long a second request waits for the first one's answer.
WAIT_SECONDS = 10.0
POLL_SECONDS = 0.1
#: A claim still running after this long belongs to a request that died (gunicorn's timeout is
#: 30 s); the next request with the key takes it over.
STALE_AFTER = timedelta(minutes=2)
#: Results are kept this long; `purge_form_keys` deletes older rows.
KEEP = timedelta(days=1)
#: A fragment larger than this is not kept (the key is freed instead).
MAX_BODY_CHARS = 200_000
#: The headers of an htmx answer that a replay repeats.
KEPT_HEADERS = ("Content-Type", "Vary")
RENEWED_ATTRIBUTE = "form_key_renewed"


def form_key_new() -> str:
    """A fresh random key for one rendering of one form."""
    return secrets.token_urlsafe(16)


def form_key_of(request: HttpRequest) -> str | None:
    """The well-formed key the request carries, or None (no key, or anything else: ignored)."""
    key = request.POST.get(FIELD, "")
    return key if KEY_PATTERN.fullmatch(key) else None


def form_key_owner(request: HttpRequest) -> str | None:
    """Whose key it is: the signed-in user, or before login the browser (a hash of its CSRF
    secret, which the CSRF check has just confirmed). None when neither is known."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        return "anon:" + hashlib.sha256(secret.encode()).hexdigest()[:40]
    return None


@dataclass(frozen=True)
class Claim:
    """The answer of `form_key_claim`.

    `taken`: this request runs the view (and must call `form_key_finish`). Otherwise `result`
    is the first request's kept result, or None when the first is still running (`pending`) or
    the key was used on another address (`foreign`: the view runs unprotected)."""

    owner: str
    key: str
    token: uuid.UUID
    taken: bool = False
    #: The session's key when the claim was taken: a login or logout changes it.
    session_key: str | None = None
    result: FormSubmission | None = None
    foreign: bool = False

    @property
    def pending(self) -> bool:
        return not self.taken and self.result is None and not self.foreign


def form_key_claim(
    *,
    owner: str,
    key: str,
    path: str,
    session_key: str | None = None,
    wait: float | None = None,
) -> Claim:
    """Claim `key` of `owner` for a request to `path`, or wait for the request that holds it.

    The claim is committed at once, so it must not run inside the caller's transaction.
    """
    path = path[:500]
    token = uuid.uuid4()
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while True:
        taken, row = _try_claim(owner, key, path, token)
        if taken:
            return Claim(owner, key, token, taken=True, session_key=session_key)
        if row is not None and row.path != path:
            return Claim(owner, key, token, foreign=True)
        if row is not None and row.status == FormSubmission.Status.DONE:
            return Claim(owner, key, token, result=row)
        if row is None and time.monotonic() < deadline:
            continue  # freed in between: claim it at once
        if time.monotonic() >= deadline:
            return Claim(owner, key, token)
        time.sleep(POLL_SECONDS)


def _try_claim(
    owner: str, key: str, path: str, token: uuid.UUID
) -> tuple[bool, FormSubmission | None]:
    now = timezone.now()
    try:
        with transaction.atomic():
            FormSubmission.objects.create(
                owner=owner, key=key, path=path, token=token, started_at=now
            )
        return True, None
    except IntegrityError:
        pass
    except OperationalError as error:
        # SQLite answers "database is locked" while another connection writes: try again.
        if connection.vendor != "sqlite" or "locked" not in str(error):
            raise
        return False, FormSubmission(owner=owner, key=key, path=path)
    # Held by another request. Take it over only from one that died: one UPDATE, so of two
    # requests that find the same dead claim only one wins.
    taken_over = FormSubmission.objects.filter(
        owner=owner,
        key=key,
        path=path,
        status=FormSubmission.Status.RUNNING,
        started_at__lt=now - STALE_AFTER,
    ).update(token=token, started_at=now)
    if taken_over:
        return True, None
    return False, FormSubmission.objects.filter(owner=owner, key=key).first()


@dataclass(frozen=True)
class Result:
    """What a replay repeats: a redirect's status and address, or an htmx fragment."""

    status: int
    location: str = ""
    body: str = ""
    headers: dict[str, str] | None = None


def result_of(
    response: HttpResponse, *, htmx: bool, key_renewed: bool, session_changed: bool = False
) -> Result | None:
    """The result of a view's answer worth keeping, or None when the answer frees the key.

    Kept: a redirect; for htmx, a 2xx answer that redirects (HX-Redirect, HX-Location) or that
    brings a fresh form key (the form the key came from was replaced). Freed: everything else,
    and an answer that sets a cookie or changed the session's key (login, logout, the language):
    a replay could not repeat those, so a second send runs again, which is harmless there.
    """
    if session_changed or response.cookies:
        return None
    status = response.status_code
    if 300 <= status < 400 and response.has_header("Location"):
        if "\x00" in response["Location"]:
            return None  # PostgreSQL keeps no NUL in text: such an answer is not kept
        return Result(status=status, location=response["Location"])
    if not htmx or not 200 <= status < 300 or getattr(response, "streaming", False):
        return None
    hx_redirect = any(name.lower() in ("hx-redirect", "hx-location") for name in response.headers)
    if not (key_renewed or hx_redirect):
        return None
    try:
        body = response.content.decode(response.charset or "utf-8")
    except UnicodeDecodeError:
        return None
    if len(body) > MAX_BODY_CHARS or "\x00" in body:
        return None
    headers = {
        name: value
        for name, value in response.headers.items()
        if name in KEPT_HEADERS or name.lower().startswith("hx-")
    }
    return Result(status=status, body=body, headers=headers)


def form_key_finish(*, claim: Claim, result: Result | None) -> None:
    """Keep the first request's result for later sends of the key, or free the key (None)."""
    mine = FormSubmission.objects.filter(owner=claim.owner, key=claim.key, token=claim.token)
    if result is None:
        mine.delete()
        return
    mine.update(
        status=FormSubmission.Status.DONE,
        finished_at=timezone.now(),
        response_status=result.status,
        location=result.location[:2000],
        body=result.body,
        headers=result.headers or {},
    )


def form_key_replay(request: HttpRequest, submission: FormSubmission) -> HttpResponse:
    """The answer to a second send of a key: the first request's result again."""
    response: HttpResponse
    if submission.location:
        messages.info(request, _("This form had already been sent. Here is the result."))
        response = HttpResponseRedirect(submission.location)
        response.status_code = submission.response_status or 302
    else:
        response = HttpResponse(submission.body, status=submission.response_status or 200)
        for name, value in submission.headers.items():
            response[name] = value
    response["X-Form-Key"] = "replayed"
    return response


def form_key_pending(request: HttpRequest) -> HttpResponse:
    """The answer while the first send of the key is still being worked on."""
    referer = request.headers.get("Referer", "")
    back_url = (
        referer
        if url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        else ""
    )
    response = render(request, "core/form_key_pending.html", {"back_url": back_url}, status=409)
    response["Retry-After"] = "5"
    response["X-Form-Key"] = "pending"
    return as_whole_page(request, response)


def form_keys_purge(*, older_than: timedelta = KEEP) -> int:
    """Delete the claims and results of keys sent before `older_than`; returns how many."""
    deleted, _counts = FormSubmission.objects.filter(
        started_at__lt=timezone.now() - older_than
    ).delete()
    return deleted

"""What is kept of a form sent after the session expired (issue 19, point 6)."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from transferraum.accounts.tests.factories import UserFactory
from transferraum.core.http import (
    PENDING_POST_KEY,
    PENDING_POST_MAX_BYTES,
    PENDING_POST_SECONDS,
    login_required_keeping_post,
    pending_post,
)

pytestmark = pytest.mark.django_db

FORM = "/projekte/runden/neu/"


@login_required_keeping_post
def form_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("form")


def _request(method: str, path: str, session: SessionStore, user=None, **data) -> HttpRequest:
    factory = RequestFactory()
    request = getattr(factory, method)(path, data=data)
    request.session = session
    request.user = user or AnonymousUser()
    request._messages = FallbackStorage(request)
    return request


def _texts(request: HttpRequest) -> list[str]:
    return [str(message) for message in get_messages(request)]


def test_a_small_form_is_kept_for_its_page_and_handed_out_once():
    session = SessionStore()
    sent = _request("post", FORM, session, title="Wintersemester", note="Bitte prüfen")

    response = form_view(sent)

    assert response.status_code == 302
    assert _texts(sent) == [
        "Ihre Sitzung war abgelaufen. Bitte melden Sie sich erneut an: Ihre Eingaben sind "
        "gesichert."
    ]
    user = UserFactory()
    kept = pending_post(_request("get", FORM, session, user=user))
    assert kept is not None
    assert kept.getlist("title") == ["Wintersemester"]
    assert kept.getlist("note") == ["Bitte prüfen"]
    assert pending_post(_request("get", FORM, session, user=user)) is None


def test_another_page_does_not_get_the_form_and_leaves_it_for_its_own():
    session = SessionStore()
    form_view(_request("post", FORM, session, title="Wintersemester"))
    user = UserFactory()

    other = _request("get", "/projekte/runden/1/bearbeiten/", session, user=user)
    assert pending_post(other) is None

    kept = pending_post(_request("get", FORM, session, user=user))
    assert kept is not None
    assert kept["title"] == "Wintersemester"


def test_a_form_larger_than_the_limit_keeps_nothing_and_says_so_after_login():
    session = SessionStore()
    sent = _request("post", FORM, session, text="x" * (PENDING_POST_MAX_BYTES + 1))

    form_view(sent)

    stored = session[PENDING_POST_KEY]
    assert "data" not in stored
    assert len(str(stored)) < 200
    assert any("zu lang, um sie aufzubewahren" in text for text in _texts(sent))
    after_login = _request("get", FORM, session, user=UserFactory())
    assert pending_post(after_login) is None
    assert _texts(after_login) == [
        "Ihre Eingaben vor der Anmeldung waren zu lang, um sie aufzubewahren: Bitte geben Sie "
        "sie erneut ein."
    ]
    assert PENDING_POST_KEY not in session


def test_the_limit_counts_the_characters_as_stored():
    """Multi-byte characters count by their bytes: 6,000 ä are 12,000 bytes, 9,000 are too many."""
    fits, too_large = SessionStore(), SessionStore()
    form_view(_request("post", FORM, fits, text="ä" * 6_000))
    form_view(_request("post", FORM, too_large, text="ä" * 9_000))

    assert "data" in fits[PENDING_POST_KEY]
    assert "data" not in too_large[PENDING_POST_KEY]


def test_a_kept_form_expires(monkeypatch):
    session = SessionStore()
    form_view(_request("post", FORM, session, title="Wintersemester"))
    later = time.time() + PENDING_POST_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)

    assert pending_post(_request("get", FORM, session, user=UserFactory())) is None
    assert PENDING_POST_KEY not in session


def test_a_signed_in_person_reaches_the_view_and_nothing_is_kept():
    session = SessionStore()
    response = form_view(_request("post", FORM, session, user=UserFactory(), title="x"))

    assert response.content == b"form"
    assert PENDING_POST_KEY not in session


def test_the_session_of_a_large_form_stays_small(client, coordinator):
    """Through the real page: a 2 MB form sent without a session stores a few bytes."""
    from django.contrib.sessions.models import Session

    response = client.post(FORM, {"name": "x" * 2_000_000})

    assert response.status_code == 302
    stored = Session.objects.get(session_key=client.session.session_key)
    assert len(stored.session_data) < 2_000

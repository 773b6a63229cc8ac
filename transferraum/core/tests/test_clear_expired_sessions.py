"""Expired sessions are purged by a scheduled command (issue 19, point 6)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _session(expires_in: timedelta) -> str:
    store = SessionStore()
    store["pending_post"] = {"path": "/", "data": {}}
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() + expires_in
    )
    return store.session_key


def test_expired_sessions_are_removed_and_live_ones_stay():
    expired = _session(-timedelta(minutes=1))
    live = _session(timedelta(days=1))
    out = StringIO()

    call_command("clear_expired_sessions", stdout=out)

    assert not Session.objects.filter(session_key=expired).exists()
    assert Session.objects.filter(session_key=live).exists()
    assert "Expired sessions removed." in out.getvalue()


def test_a_second_start_on_the_same_day_does_nothing():
    call_command("clear_expired_sessions", stdout=StringIO())
    expired = _session(-timedelta(minutes=1))
    out = StringIO()

    call_command("clear_expired_sessions", stdout=out)

    assert "already done" in out.getvalue()
    assert Session.objects.filter(session_key=expired).exists()

"""A person's sessions: the device in words, the list, signing out one or all others, and a new
password ending the others."""

from __future__ import annotations

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from transferraum.accounts.sessions import (
    device_description,
    user_session_end,
    user_sessions_end_others,
)
from transferraum.accounts.tests.factories import PASSWORD
from transferraum.core.errors import DomainError

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
)
CHROME_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.mark.parametrize(
    ("user_agent", "words"),
    [
        (FIREFOX_WINDOWS, "Firefox auf Windows"),
        (SAFARI_IPHONE, "Safari auf iPhone"),
        (CHROME_ANDROID, "Chrome auf Android"),
        (EDGE_WINDOWS, "Edge auf Windows"),
        (CHROME_MAC, "Chrome auf macOS"),
        ("curl/8.5.0", "Unbekanntes Gerät"),
        ("", "Unbekanntes Gerät"),
        ("Mozilla/5.0 (X11; Linux x86_64)", "Linux"),
        ("Firefox/133.0", "Firefox, unbekanntes System"),
    ],
)
def test_the_device_in_words(user_agent, words):
    assert device_description(user_agent) == words


def signed_in(user, user_agent: str, ip: str = "127.0.0.1") -> Client:
    """A browser of its own, signed in through allauth's form (which records the session)."""
    client = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def is_signed_in(client: Client) -> bool:
    return client.get(reverse("accounts:profile")).status_code == 200


@pytest.mark.django_db
def test_the_list_shows_device_time_and_address(researcher):
    laptop = signed_in(researcher, FIREFOX_WINDOWS, "192.0.2.10")
    signed_in(researcher, SAFARI_IPHONE, "198.51.100.7")

    response = laptop.get(reverse("usersessions_list"))

    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("data-session") == 2
    assert "Firefox auf Windows" in content
    assert "(dieses Gerät)" in content
    assert "Safari auf iPhone" in content
    assert "192.0.2.10" in content and "198.51.100.7" in content
    assert "<time datetime=" in content
    assert "Alle anderen Sitzungen abmelden" in content
    # one sign-out button, for the other device
    assert content.count("Dort abmelden") == 1


@pytest.mark.django_db
def test_signing_out_one_other_session(researcher):
    laptop = signed_in(researcher, FIREFOX_WINDOWS)
    phone = signed_in(researcher, SAFARI_IPHONE)
    tablet = signed_in(researcher, CHROME_ANDROID)
    phone_session = UserSession.objects.get(user=researcher, user_agent=SAFARI_IPHONE)

    response = laptop.post(reverse("accounts:session_end", args=[phone_session.pk]), follow=True)

    assert "Die Sitzung wurde abgemeldet." in response.content.decode()
    assert not is_signed_in(phone)
    assert is_signed_in(tablet)
    assert is_signed_in(laptop)
    assert not Session.objects.filter(session_key=phone_session.session_key).exists()


@pytest.mark.django_db
def test_signing_out_all_others(researcher):
    laptop = signed_in(researcher, FIREFOX_WINDOWS)
    phone = signed_in(researcher, SAFARI_IPHONE)
    tablet = signed_in(researcher, CHROME_ANDROID)

    laptop.post(reverse("usersessions_list"))

    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert not is_signed_in(tablet)
    assert UserSession.objects.filter(user=researcher).count() == 1


@pytest.mark.django_db
def test_someone_elses_session_cannot_be_ended(researcher, coordinator):
    theirs = signed_in(coordinator, FIREFOX_WINDOWS)
    mine = signed_in(researcher, SAFARI_IPHONE)
    their_session = UserSession.objects.get(user=coordinator)

    response = mine.post(reverse("accounts:session_end", args=[their_session.pk]), follow=True)

    assert "Diese Sitzung ist bereits beendet." in response.content.decode()
    assert is_signed_in(theirs)


@pytest.mark.django_db
def test_the_current_session_is_ended_by_signing_out(researcher):
    laptop = signed_in(researcher, FIREFOX_WINDOWS)
    current = UserSession.objects.get(user=researcher)

    with pytest.raises(DomainError, match="melden Sie sich bitte ab"):
        user_session_end(
            user=researcher, session_pk=current.pk, current_session_key=current.session_key
        )
    assert is_signed_in(laptop)


@pytest.mark.django_db
def test_ending_others_without_a_current_session_ends_all(researcher):
    laptop = signed_in(researcher, FIREFOX_WINDOWS)
    phone = signed_in(researcher, SAFARI_IPHONE)

    ended = user_sessions_end_others(user=researcher, current_session_key=None)

    assert ended == 2
    assert not is_signed_in(laptop)
    assert not is_signed_in(phone)


@pytest.mark.django_db
def test_a_password_change_ends_the_other_sessions(researcher):
    laptop = signed_in(researcher, FIREFOX_WINDOWS)
    phone = signed_in(researcher, SAFARI_IPHONE)
    new_password = "ein-neues-Passwort-2027"

    response = laptop.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )

    assert response.status_code == 302
    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert set(
        UserSession.objects.filter(user=researcher).values_list("user_agent", flat=True)
    ) == {FIREFOX_WINDOWS}


@pytest.mark.django_db
def test_a_password_reset_by_email_ends_every_session(researcher):
    phone = signed_in(researcher, SAFARI_IPHONE)
    stranger = Client()
    stranger.post(reverse("account_reset_password"), {"email": researcher.email})
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/konto/password/reset/key/" in line
    )
    path = link[link.index("/konto/") :].strip()
    form = stranger.get(path, follow=True)
    new_password = "ein-neues-Passwort-2027"

    stranger.post(
        form.redirect_chain[-1][0] if form.redirect_chain else path,
        {"password1": new_password, "password2": new_password},
    )

    researcher.refresh_from_db()
    assert researcher.check_password(new_password)
    assert not is_signed_in(phone)
    assert not UserSession.objects.filter(user=researcher).exists()

"""allauth's e-mails (address confirmation, password reset, "account exists") link to the
configured site address and carry the subject prefix once."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from transferraum.accounts.tests.factories import UserFactory

SITE = "https://transferraum.example"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.ACCOUNT_ALLOW_REGISTRATION = True


def _links(message: mail.EmailMessage) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", message.body)


def _only_site_links(message: mail.EmailMessage) -> None:
    links = _links(message)
    assert links, message.body
    assert all(link == SITE or link.startswith(f"{SITE}/") for link in links), links


def test_confirmation_mail_links_to_the_site_address(client: Client) -> None:
    client.post(
        reverse("account_signup"),
        {
            "email": "neu@example.org",
            "password1": "ein-langes-Passwort-42",
            "password2": "ein-langes-Passwort-42",
        },
        HTTP_HOST="127.0.0.1:8000",
    )
    (message,) = mail.outbox
    _only_site_links(message)
    assert message.subject.count("[Transferraum]") == 1


def test_password_reset_mail_links_to_the_site_address(client: Client) -> None:
    UserFactory(email="bekannt@example.org")
    client.post(
        reverse("account_reset_password"),
        {"email": "bekannt@example.org"},
        HTTP_HOST="127.0.0.1:8000",
    )
    (message,) = mail.outbox
    _only_site_links(message)
    key_link = next(link for link in _links(message) if "/passwort/" in link or "key" in link)
    assert key_link.startswith(SITE)


def test_account_exists_mail_links_to_the_site_address(client: Client) -> None:
    UserFactory(email="doppelt@example.org")
    client.post(
        reverse("account_signup"),
        {
            "email": "doppelt@example.org",
            "password1": "ein-langes-Passwort-42",
            "password2": "ein-langes-Passwort-42",
        },
        HTTP_HOST="127.0.0.1:8000",
    )
    (message,) = mail.outbox
    _only_site_links(message)

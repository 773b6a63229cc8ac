"""Login limits behind a reverse proxy (issue 19, point 7): per person and per real address,
the address read from X-Forwarded-For only for the configured number of trusted proxies."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from transferraum.accounts.tests.factories import PASSWORD

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.5"
COLLEAGUE = "198.51.100.7"
REFUSED = "Zu viele gescheiterte Anmeldeversuche"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


def _login(client, email: str, password: str, *, forwarded_for: str | None = None):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def _fail_from(client, address: str | None, times: int = 10) -> None:
    """`times` failed logins from `address`, each for another (unknown) person, so that only
    the per-address limit counts them."""
    for number in range(times):
        _login(client, f"niemand{number}@example.org", "falsch", forwarded_for=address)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_failures_of_one_address_do_not_lock_out_another_behind_the_same_proxy(
    client, settings, officer_eilenburg
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    _fail_from(client, ATTACKER)

    _login(client, officer_eilenburg.email, PASSWORD, forwarded_for=COLLEAGUE)

    assert _signed_in(client)


def test_one_real_address_is_still_limited(client, settings, officer_eilenburg):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    _fail_from(client, ATTACKER)

    response = _login(client, officer_eilenburg.email, PASSWORD, forwarded_for=ATTACKER)

    assert not _signed_in(client)
    assert REFUSED in response.content.decode()


def test_the_proxy_own_address_is_not_the_client_with_a_client_further_out(
    client, settings, officer_eilenburg
):
    """With one trusted proxy the last entry is the client: what the client itself wrote in
    front of it (a spoofed address) does not give it a fresh counter."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(10):
        _login(
            client,
            f"niemand{number}@example.org",
            "falsch",
            forwarded_for=f"192.0.2.{number}, {ATTACKER}",
        )

    _login(client, officer_eilenburg.email, PASSWORD, forwarded_for=f"192.0.2.99, {ATTACKER}")

    assert not _signed_in(client)


def test_a_spoofed_forwarded_for_is_ignored_without_trusted_proxies(
    client, settings, officer_eilenburg
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(10):
        _login(client, f"niemand{number}@example.org", "falsch", forwarded_for=f"192.0.2.{number}")

    response = _login(client, officer_eilenburg.email, PASSWORD, forwarded_for="192.0.2.99")

    assert not _signed_in(client)
    assert REFUSED in response.content.decode()


def test_one_person_is_limited_whatever_address_tries(client, settings, officer_eilenburg):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        _login(client, officer_eilenburg.email, "falsch", forwarded_for=f"192.0.2.{number}")

    response = _login(client, officer_eilenburg.email, PASSWORD, forwarded_for=COLLEAGUE)

    assert not _signed_in(client)
    assert REFUSED in response.content.decode()


def test_a_forwarded_for_shorter_than_the_proxy_count_is_no_server_error(
    client, settings, officer_eilenburg
):
    """Two proxies configured, one entry sent (a request that bypassed the outer proxy): the
    direct peer's address counts, and the login works."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2

    response = _login(client, officer_eilenburg.email, PASSWORD, forwarded_for=COLLEAGUE)

    assert response.status_code == 302
    assert _signed_in(client)

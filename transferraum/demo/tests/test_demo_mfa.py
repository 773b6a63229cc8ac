"""The demo's second factors: staff whom the MFA rule concerns sign in with the published
authenticator secret, so `make run` stays usable with the rule switched on."""

from __future__ import annotations

import re
import time
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import validate_totp_code
from allauth.mfa.utils import decrypt
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from transferraum.accounts.mfa import mfa_required
from transferraum.accounts.models import User
from transferraum.demo.mfa import DEMO_TOTP_SECRET, demo_second_factors, demo_totp_code
from transferraum.demo.services import DEMO_PASSWORD, demo_load


@pytest.fixture
def demo(db):
    cache.clear()
    return demo_load()


def test_everyone_the_rule_concerns_has_the_demo_app_and_nobody_else(demo):
    totp_users = set(
        Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list(
            "user__email", flat=True
        )
    )
    concerned = {user.email for user in User.objects.all() if mfa_required(user)}

    assert concerned == totp_users
    assert "koordination@uni-leipzig.example" in concerned
    assert "stadtplanung@zeitz.example" in concerned
    assert "lena.schubert@studserv.uni-leipzig.example" not in concerned
    for authenticator in Authenticator.objects.filter(type=Authenticator.Type.TOTP):
        assert decrypt(authenticator.data["secret"]) == DEMO_TOTP_SECRET
    assert demo_second_factors(User.objects.all()) == 0  # a second run adds none


def test_a_demo_coordinator_signs_in_with_the_code_of_the_moment(demo, client, settings):
    settings.MFA_REQUIRED_ENFORCED = True
    client.post(
        reverse("account_login"),
        {"login": "koordination@uni-leipzig.example", "password": DEMO_PASSWORD},
    )

    response = client.post(
        reverse("mfa_authenticate"), {"code": demo_totp_code(int(time.time()) // 30)}
    )

    assert response["Location"] == reverse("start")
    assert client.get(reverse("start")).status_code == 200


def test_the_command_prints_the_code_of_the_moment():
    out = StringIO()

    call_command("demo_totp", "--secret", stdout=out)

    code = re.match(r"(\d{6}) ", out.getvalue()).group(1)
    assert validate_totp_code(DEMO_TOTP_SECRET, code)
    assert DEMO_TOTP_SECRET in out.getvalue()

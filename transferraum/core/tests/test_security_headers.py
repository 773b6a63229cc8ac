"""Headers and cookie flags every response carries: the browser features the pages may use and
the language cookie that no script reads."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from transferraum.accounts.tests.factories import PASSWORD
from transferraum.core.middleware import permissions_policy_header

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_every_page_forbids_camera_microphone_location_and_payment(client):
    header = client.get(reverse("regions:home"))["Permissions-Policy"]
    features = dict(part.split("=", 1) for part in header.split(", "))

    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()"
    # Passkeys (WebAuthn) stay possible on the site itself, never in a frame of another.
    assert features["publickey-credentials-get"] == "(self)"
    assert features["publickey-credentials-create"] == "(self)"


@pytest.mark.django_db
def test_error_pages_carry_the_policy_too(client):
    assert "camera=()" in client.get("/gibt-es-nicht/")["Permissions-Policy"]


def test_the_policy_is_written_in_the_header_syntax():
    assert (
        permissions_policy_header({"camera": [], "fullscreen": ["self", '"https://a.example"']})
        == 'camera=(), fullscreen=(self "https://a.example")'
    )


@pytest.mark.django_db
def test_the_language_switch_sets_an_http_only_lax_cookie(client):
    response = client.post(reverse("accounts:language"), {"language": "en", "next": "/"})

    cookie = response.cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_login_sets_the_language_cookie_with_the_same_flags(client, student_geography):
    student_geography.language = "en"
    student_geography.save()

    response = client.post(
        reverse("account_login"), {"login": student_geography.email, "password": PASSWORD}
    )

    cookie = response.cookies["django_language"]
    assert (cookie.value, cookie["httponly"], cookie["samesite"]) == ("en", True, "Lax")


def test_in_production_the_language_cookie_is_secure():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "x9#Lq2!vR7@pZ4$wK8^mN3&tB6*hJ1(cF5)dG0-sY_eU+aQ=oI~lX",
    }
    read = (
        "import json; from django.conf import settings as s; print(json.dumps("
        "[s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", read], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True, "Lax"]

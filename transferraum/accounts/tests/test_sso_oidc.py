"""OpenID Connect single sign-on against a small provider inside the test process: discovery,
JWKS, token and userinfo endpoints answer through a requests transport adapter, and ID tokens
are real RS256 JWTs signed with a test key. allauth checks issuer and audience; the platform
adds the nonce."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.test import Client
from django.urls import reverse

from transferraum.accounts.models import User
from transferraum.accounts.sso import OIDC_REFUSED
from transferraum.accounts.sso_settings import socialaccount_providers

pytestmark = pytest.mark.django_db

ISSUER = "https://login.uni-oidc.example/realms/uni"
CLIENT_ID = "transferraum"
SLUG = "uni-oidc"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
KID = "test-key-1"


class Provider:
    """The identity provider's state between the redirect and the callback."""

    def __init__(self) -> None:
        self.nonce = ""
        self.issuer = ISSUER
        self.nonce_override: str | None = None
        self.claims: dict[str, Any] = {
            "sub": "oidc-sub-4711",
            "email": "paul.student@uni-oidc.example",
            "email_verified": True,
            "name": "Paul Student",
            "eduperson_scoped_affiliation": ["student@uni-oidc.example"],
        }

    def id_token(self) -> str:
        now = int(time.time())
        payload = {
            **self.claims,
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": self.nonce if self.nonce_override is None else self.nonce_override,
        }
        return jwt.encode(payload, KEY, algorithm="RS256", headers={"kid": KID})

    def answer(self, request: requests.PreparedRequest) -> tuple[int, dict[str, Any]]:
        path = urlsplit(request.url or "").path
        if path.endswith("/.well-known/openid-configuration"):
            return 200, {
                "issuer": ISSUER,
                "authorization_endpoint": f"{ISSUER}/auth",
                "token_endpoint": f"{ISSUER}/token",
                "userinfo_endpoint": f"{ISSUER}/userinfo",
                "jwks_uri": f"{ISSUER}/certs",
            }
        if path.endswith("/certs"):
            public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
            return 200, {"keys": [{**public, "kid": KID, "alg": "RS256", "use": "sig"}]}
        if path.endswith("/token"):
            token = self.id_token()
            return 200, {"access_token": "at-1", "token_type": "Bearer", "id_token": token}
        if path.endswith("/userinfo"):
            return 200, dict(self.claims)
        return 404, {}


class Transport(requests.adapters.BaseAdapter):
    def __init__(self, provider: Provider) -> None:
        super().__init__()
        self.provider = provider

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        status, body = self.provider.answer(request)
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode()
        response.headers["Content-Type"] = "application/json"
        response.url = request.url or ""
        response.request = request
        return response

    def close(self) -> None:
        pass


@pytest.fixture
def provider(settings, monkeypatch) -> Provider:
    monkeypatch.setenv("OIDC_PROVIDERS", SLUG)
    monkeypatch.setenv("OIDC_UNI_OIDC_LABEL", "Universität OIDC")
    monkeypatch.setenv("OIDC_UNI_OIDC_SERVER_URL", ISSUER)
    monkeypatch.setenv("OIDC_UNI_OIDC_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("OIDC_UNI_OIDC_SECRET", "geheim")
    settings.SOCIALACCOUNT_PROVIDERS = socialaccount_providers()
    idp = Provider()

    def session(self: Any) -> requests.Session:
        http = requests.Session()
        http.mount("https://", Transport(idp))
        return http

    monkeypatch.setattr(DefaultSocialAccountAdapter, "get_requests_session", session)
    return idp


@pytest.fixture
def client() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def sign_in(client: Client, idp: Provider):
    response = client.post(reverse("openid_connect_login", args=[SLUG]), {"process": "login"})
    assert response.status_code == 302
    query = parse_qs(urlsplit(response["Location"]).query)
    assert response["Location"].startswith(f"{ISSUER}/auth")
    idp.nonce = query["nonce"][0]
    callback = reverse("openid_connect_callback", args=[SLUG])
    return client.get(callback, {"code": "code-1", "state": query["state"][0]})


def test_good_token_signs_a_student_in(client, provider):
    response = sign_in(client, provider)
    assert response.status_code == 302
    user = User.objects.get()
    assert (user.email, user.name, user.roles) == (
        "paul.student@uni-oidc.example",
        "Paul Student",
        {User.Role.STUDENT},
    )
    assert SocialAccount.objects.get().uid == "oidc-sub-4711"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_redirect_carries_a_fresh_nonce_each_time(client, provider):
    first = client.post(reverse("openid_connect_login", args=[SLUG]), {"process": "login"})
    second = client.post(reverse("openid_connect_login", args=[SLUG]), {"process": "login"})
    nonces = [parse_qs(urlsplit(r["Location"]).query)["nonce"][0] for r in (first, second)]
    assert nonces[0] != nonces[1]


def refused(response) -> None:
    assert response.status_code == 401
    assert response.context["sso_message"] == str(OIDC_REFUSED)
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()


def test_wrong_issuer_is_refused(client, provider):
    provider.issuer = "https://evil.example/realms/uni"
    refused(sign_in(client, provider))


def test_wrong_nonce_is_refused(client, provider):
    provider.nonce_override = "a-nonce-from-another-sign-in"
    refused(sign_in(client, provider))


def test_missing_nonce_is_refused(client, provider):
    provider.nonce_override = ""
    refused(sign_in(client, provider))

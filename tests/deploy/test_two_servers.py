"""More than one app server: two gunicorn instances behind no shared disk, one PostgreSQL, one
S3-compatible store (moto's server on loopback).

A file uploaded through one server downloads through the other with the same bytes, a session
started on one is valid on the other, and failed sign-ins count on both. The servers run with
production settings (tests/deploy/settings.py) against this test's own PostgreSQL test
database: the test is transactional, so what it writes is committed and the servers see it.
Requests carry the headers a load balancer in front of both would set (the site's host name,
`X-Forwarded-Proto: https`, `X-Forwarded-For`); the secure cookies are passed by hand, since the
client speaks plain HTTP on loopback.
"""

from __future__ import annotations

import html
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import boto3
import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from moto.server import ThreadedMotoServer

from transferraum.actors.tests.test_profiles import png_bytes

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Mulde-Ufer-2026!"  # noqa: S105 (a test account)
SECRET_KEY = "two-servers-test-key-7f3a9c1e5b2d8f4a6c0e9b3d7a1f5c8e2b6d0a4f"  # noqa: S105
BUCKET = "transferraum-uploads"
HOST = "transferraum.example"
START_TIMEOUT = 30  # seconds a server may take to answer
REQUEST_TIMEOUT = 15

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _s3_store() -> Iterator[str]:
    """moto's S3 server on a free port with an empty private bucket; yields its address."""
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        _s3(endpoint).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.stop()


def _s3(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106
    )


def _server_environment(endpoint: str, var_dir: Path) -> dict[str, str]:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "tests.deploy.settings",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "TRUSTED_PROXY_COUNT": "1",
        # The company owner signs in with her password only: the second factor has its own
        # tests (accounts/tests/test_mfa.py); here the session is what travels between servers.
        "MFA_REQUIRED_ENFORCED": "false",
        "DATABASE_URL": (
            f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
            f"{db['NAME']}"
        ),
        # Each server its own disk: whatever they share must go through the store.
        "TRANSFERRAUM_VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(var_dir / "media"),
        "STORAGE_BACKEND": "s3",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "testing",
        "S3_SECRET_ACCESS_KEY": "testing",
        "S3_ADDRESSING_STYLE": "path",
        "LOG_LEVEL": "WARNING",
    }


class Server:
    """One gunicorn instance and a client that talks to it as a browser behind a proxy would."""

    def __init__(self, env: dict[str, str], var_dir: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        var_dir.mkdir(parents=True)
        self.log_path = var_dir / "gunicorn.log"
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "config.wsgi",
                    f"--bind=127.0.0.1:{self.port}",
                    "--workers=1",
                    "--timeout=30",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def wait(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn on {self.port} ended:\n{self.log()}")
            try:
                if self.get("/konto/login/").status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        pytest.fail(f"gunicorn on {self.port} did not answer in {START_TIMEOUT} s:\n{self.log()}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def _headers(self, path: str) -> dict[str, str]:
        # What the load balancer passes on: the site's name, the scheme and the client's address.
        return {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.7",
            "Referer": f"https://{HOST}{path}",
            "Accept-Language": "de",
        }

    def get(self, path: str, cookies: dict[str, str] | None = None) -> requests.Response:
        return requests.get(
            self.base + path,
            headers=self._headers(path),
            cookies=cookies or {},
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
        )

    def post(
        self, path: str, data: dict[str, str], cookies: dict[str, str], files=None
    ) -> requests.Response:
        return requests.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": cookies["csrftoken"]},
            files=files,
            headers=self._headers(path),
            cookies=cookies,
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
        )


@contextmanager
def _two_servers(tmp_path: Path) -> Iterator[tuple[Server, Server, str]]:
    with ExitStack() as stack:
        endpoint = stack.enter_context(_s3_store())
        servers = []
        for name in ("a", "b"):
            server = Server(_server_environment(endpoint, tmp_path / name), tmp_path / name)
            stack.callback(server.stop)
            servers.append(server)
        for server in servers:
            server.wait()
        yield servers[0], servers[1], endpoint


def _cookies(response: requests.Response, cookies: dict[str, str]) -> dict[str, str]:
    """The cookies a browser would keep after `response` (the Secure flag set aside)."""
    return {**cookies, **{cookie.name: cookie.value for cookie in response.cookies}}


@pytest.fixture
def _database_cache(settings):
    """The production settings keep the cache (login rate limits) in the database."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "transferraum_cache",
        }
    }
    call_command("createcachetable", verbosity=0)
    cache.clear()  # the table outlives the tests' flush: no counters of an earlier test


def test_uploads_sessions_and_login_limits_are_shared_by_two_servers(
    tmp_path, owner_zeitz, company_zeitz, outsider, _database_cache
):
    # The servers check passwords with the production hashers, not the tests' fast one.
    hasher = PBKDF2PasswordHasher()
    for user in (owner_zeitz, outsider):
        user.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
        user.save(update_fields=["password"])
    logo = png_bytes((64, 32))

    with _two_servers(tmp_path) as (a, b, endpoint):
        # Signed in on A …
        cookies = _cookies(a.get("/konto/login/"), {})
        login = a.post("/konto/login/", {"login": owner_zeitz.email, "password": PASSWORD}, cookies)
        assert login.status_code == 302, login.text[-2000:] + a.log()
        cookies = _cookies(login, cookies)
        assert "sessionid" in cookies

        # … is signed in on B.
        start = b.get("/mein-bereich/", cookies)
        assert start.status_code == 200, b.log()
        assert owner_zeitz.name in start.text
        assert b.get("/mein-bereich/").status_code == 302  # without the session: to the login

        # A logo uploaded through the organisation's form on B …
        edit = f"/organisationen/{company_zeitz.slug}/bearbeiten/"
        form = b.get(edit, cookies)
        assert form.status_code == 200, b.log()
        # The form's hidden fields (its edit version, snapshot and one-time key) travel along.
        hidden = {
            html.unescape(name): html.unescape(value)
            for name, value in re.findall(
                r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.text
            )
            if name != "csrfmiddlewaretoken"
        }
        upload = b.post(
            edit,
            {
                **hidden,
                "name": company_zeitz.name,
                "kind": company_zeitz.kind,
                "short_description": company_zeitz.short_description,
                "municipality": company_zeitz.municipality.ags,
            },
            cookies,
            files={"logo": ("werkstatt.png", logo, "image/png")},
        )
        assert upload.status_code == 302, _errors(upload.text) + b.log()

        # … lies in the store, not on either server's disk …
        stored = _s3(endpoint).list_objects_v2(Bucket=BUCKET).get("Contents", [])
        assert [item["Key"].split("/")[0] for item in stored] == ["logos"]
        assert not list(tmp_path.glob("*/media/**/*.png"))

        # … and downloads through A with the same bytes.
        download = a.get(f"/organisationen/{company_zeitz.slug}/logo/")
        assert download.status_code == 200, a.log()
        assert download.headers["Content-Type"] == "image/png"
        assert download.content == logo

        # Failed sign-ins count on every server (LOGIN_RATE_LIMIT: five per account): after
        # five on A and B, B refuses even the right password.
        visitor = _cookies(b.get("/konto/login/"), {})
        for server in (a, b, a, b, a):
            failed = server.post(
                "/konto/login/", {"login": outsider.email, "password": "falsch"}, visitor
            )
            assert failed.status_code == 200
        refused = b.post("/konto/login/", {"login": outsider.email, "password": PASSWORD}, visitor)
        assert refused.status_code != 302
        assert "Zu viele gescheiterte Anmeldeversuche" in refused.text


def _errors(html: str) -> str:
    """The form's error messages, for a failing assertion."""
    return " | ".join(re.findall(r'class="kern-error"[^>]*>(.*?)<', html, re.S))

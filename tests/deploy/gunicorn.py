"""gunicorn with production settings against what a transactional test wrote, and signed-in
sessions made without the login form (shared by the tests in tests/deploy/)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

ROOT = Path(__file__).resolve().parents[2]
HOST = "transferraum.example"
START_TIMEOUT = 90
REQUEST_TIMEOUT = 50  # longer than SQLite's busy timeout: a request waits, it is never cut off
# What the load balancer passes on (docs/deployment.md).
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def sessions_for(users: Iterable) -> list[str]:
    """A signed-in session per user, as the login would leave it (signed with the test's
    SECRET_KEY, which the servers get too)."""
    keys = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


@contextmanager
def gunicorn(
    database_url: str, workdir: Path, *, workers: int, extra: dict[str, str] | None = None
) -> Iterator[str]:
    """gunicorn on a free port until the block ends; yields its address. Its log is
    `workdir/gunicorn.log`."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "tests.deploy.settings",
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "TRANSFERRAUM_VAR_DIR": str(workdir),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
        **(extra or {}),
    }
    log_path = workdir / "gunicorn.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(  # noqa: S603 (our own server)
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "config.wsgi",
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                "--timeout=60",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait(base, server, log_path)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn ended:\n{log.read_text()[-4000:]}")
        try:
            requests.get(f"{base}/konto/login/", headers=HEADERS, allow_redirects=False, timeout=10)
            return
        except (requests.ConnectionError, requests.Timeout):
            # not listening yet, or a worker still starting on a loaded machine: ask again
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer in {START_TIMEOUT} s:\n{log.read_text()[-4000:]}")


def post(base: str, path: str, data: dict[str, str], session: str, token: str) -> requests.Response:
    """A form sent by a signed-in browser: session and CSRF cookie, the token in the form."""
    return requests.post(
        base + path,
        data={**data, "csrfmiddlewaretoken": token},
        headers={**HEADERS, "Referer": f"https://{HOST}{path}"},
        cookies={"sessionid": session, "csrftoken": token},
        allow_redirects=False,
        timeout=REQUEST_TIMEOUT,
    )


def get(base: str, path: str, session: str) -> requests.Response:
    return requests.get(
        base + path,
        headers=HEADERS,
        cookies={"sessionid": session},
        allow_redirects=False,
        timeout=REQUEST_TIMEOUT,
    )

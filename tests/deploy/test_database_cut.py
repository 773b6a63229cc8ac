"""The connection to PostgreSQL breaks off in the middle of a request: a small TCP proxy between
gunicorn (production settings, connections kept for 60 s) and the database cuts every
connection the moment the app sends the INSERT of a ranking's choices, after the application's
own row. The student gets the designed 503 page with the ranking kept, nothing half written is
in the database, sending again saves the ranking, and after a cut while the server is idle the
next request works too (CONN_HEALTH_CHECKS)."""

from __future__ import annotations

import re
import secrets
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import pytest
from django.db import connection
from django.urls import reverse

from tests.deploy.gunicorn import get, gunicorn, post, sessions_for
from tests.deploy.test_concurrent_rankings import postgres_url, ranking
from transferraum.projects.models import Application
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CHOICES_INSERT = b'INSERT INTO "projects_choice"'


class CuttingProxy:
    """Forwards TCP from a local port to PostgreSQL. `cut_on` bytes seen from the app (once)
    or `cut()` close every connection at once, as a failing network or a restarted database
    would; new connections are let through afterwards."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cut_on: bytes | None = None
        self.cuts = 0
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            server = socket.create_connection(self.upstream)
            with self.lock:
                self.open += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket, from_app: bool) -> None:
        tail = b""
        while True:
            try:
                chunk = source.recv(65536)
            except OSError:
                return
            if not chunk:
                self._close(source, target)
                return
            if from_app and self.cut_on and self.cut_on in tail + chunk:
                self.cut_on = None
                self.cut()  # the message never reaches the database
                return
            tail = chunk[-64:]
            try:
                target.sendall(chunk)
            except OSError:
                return

    def _close(self, *sockets: socket.socket) -> None:
        for sock in sockets:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def cut(self) -> None:
        with self.lock:
            sockets, self.open = self.open, []
            self.cuts += 1
        self._close(*sockets)

    def close(self) -> None:
        self.listener.close()
        self.cut()


@contextmanager
def cutting_proxy() -> Iterator[CuttingProxy]:
    db = connection.settings_dict
    proxy = CuttingProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    try:
        yield proxy
    finally:
        proxy.close()


def test_a_cut_connection_fails_the_request_cleanly_and_the_next_one_works(
    tmp_path, student_geography
):
    round_ = RoundFactory(min_choices=3, max_choices=4)
    projects = [ProjectFactory(round=round_, title=f"Projekt {n}") for n in range(1, 4)]
    (session,) = sessions_for([student_geography])
    apply, mine = reverse("projects:apply", args=[round_.pk]), reverse("projects:mine")
    token = secrets.token_hex(16)
    data = ranking(projects, 0)

    with cutting_proxy() as proxy:
        # sslmode=disable: the proxy must see the statements to cut at the right one.
        url = postgres_url(connection.settings_dict, port=proxy.port) + "?sslmode=disable"
        with gunicorn(url, tmp_path, workers=1, extra={"DATABASE_CONN_MAX_AGE": "60"}) as base:
            assert get(base, mine, session).status_code == 200  # a kept connection is open

            proxy.cut_on = CHOICES_INSERT
            cut = post(base, apply, data, session, token)

            assert proxy.cuts == 1
            assert cut.status_code == 503, cut.text[-2000:]
            assert 'data-database-fault="unreachable"' in cut.text
            assert "Die Datenbank ist im Moment nicht erreichbar" in cut.text
            kept = dict(
                re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', cut.text)
            )
            assert {name: kept[name] for name in data} == data
            # The application's row was sent before the cut, in the same transaction: gone.
            assert not Application.objects.exists()

            again = post(base, apply, kept, session, token)

            assert again.status_code == 302, again.text[-2000:]
            application = Application.objects.get(student=student_geography)
            assert application.choices.count() == 3

            proxy.cut()  # while the server is idle: its kept connection is dead
            after = get(base, mine, session)

            assert after.status_code == 200
            assert round_.name in after.text
    log = (tmp_path / "gunicorn.log").read_text()
    assert "Internal Server Error" not in log

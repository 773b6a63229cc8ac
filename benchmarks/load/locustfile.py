"""Locust users of the load test (`make bench-load`, benchmarks/load/run.py): anonymous visitors
browsing and searching, students ranking through the real apply form (with its CSRF token),
town officers and coordinators at work. Paths and signed-in sessions come from the JSON file
named by BENCH_LOAD_PREPARED (benchmarks/pages/prepare.py).

Production settings mark the session and CSRF cookies Secure, which a client keeps from plain
http on loopback; the users therefore send their cookies themselves (`Cookie` header) and keep
none in the client's jar.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import threading
from http.cookiejar import DefaultCookiePolicy
from typing import Any

from locust import HttpUser, between, task

from benchmarks.load.ranking import ranking_form

PREPARED: dict[str, Any] = json.loads(open(os.environ["BENCH_LOAD_PREPARED"]).read())  # noqa: SIM115
WORDS = ["Energie", "Radverkehr", "Tourismus", "Digitalisierung", "Leerstand", "Jugend", "Wasser"]
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_students = itertools.cycle(PREPARED.get("students") or [PREPARED["cookies"]["student"]])
_lock = threading.Lock()


class _NoJar(DefaultCookiePolicy):
    """Keep no cookie in the client's jar: each user sends its own."""

    def set_ok(self, cookie: Any, request: Any) -> bool:  # noqa: ARG002
        return False


class _Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    cookie = ""

    def on_start(self) -> None:
        self.client.cookies.set_policy(_NoJar())

    def get(self, path: str, name: str | None = None) -> Any:
        headers = {"Accept-Encoding": "gzip"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        with self.client.get(
            path, headers=headers, name=name or path, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            return response


def _paths(persona: str) -> dict[str, str]:
    return PREPARED["paths"][persona]


class Anonymous(_Visitor):
    """Browses the directory, the board, the showcase, the map and searches."""

    weight = 5
    paths = _paths("anonymous")

    @task(3)
    def home(self) -> None:
        self.get(self.paths["home"])

    @task(3)
    def directory(self) -> None:
        self.get(self.paths["directory"])

    @task(3)
    def directory_search(self) -> None:
        self.get(f"{self.paths['directory']}?q={random.choice(WORDS)}", "directory ?q=")  # noqa: S311

    @task(3)
    def board(self) -> None:
        self.get(self.paths["board"])

    @task(3)
    def board_search(self) -> None:
        self.get(f"{self.paths['board']}?q={random.choice(WORDS)}", "board ?q=")  # noqa: S311

    @task(2)
    def showcase(self) -> None:
        self.get(self.paths["showcase"])

    @task(2)
    def project(self) -> None:
        self.get(self.paths["project"])

    @task(2)
    def organisation(self) -> None:
        self.get(self.paths["organisation"])

    @task(1)
    def map_data(self) -> None:
        self.get(self.paths["map-data"])

    @task(1)
    def network_data(self) -> None:
        self.get(self.paths["network-data"])

    @task(2)
    def site_search(self) -> None:
        self.get(f"/suche/?q={random.choice(WORDS)}", "/suche/?q=")  # noqa: S311


class Student(_Visitor):
    """A student of the open round: looks at the apply page and submits (or changes) a
    ranking through the form."""

    weight = 3
    paths = _paths("student")

    def on_start(self) -> None:
        super().on_start()
        with _lock:
            self.session = next(_students)
        self.cookie = self.session
        self.rng = random.Random()  # noqa: S311 (not for security)

    @task(1)
    def start_page(self) -> None:
        self.get(self.paths["start"])

    @task(2)
    def rank(self) -> None:
        round_ = PREPARED["round"]
        page = self.get(round_["apply"], "apply (form)")
        token = CSRF_FIELD.search(page.text or "")
        csrf = page.cookies.get("csrftoken")  # set anew: the request carried none
        if token is None or not csrf:
            return
        choices = min(round_["min_choices"], len(round_["projects"]))
        data = ranking_form(
            token.group(1), round_["projects"], choices, round_["motivation_ranks"], self.rng
        )
        with self.client.post(
            round_["apply"],
            data=data,
            headers={"Cookie": f"{self.session}; csrftoken={csrf}"},
            name="apply (submit)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}, not the redirect after saving")


class TownOfficer(_Visitor):
    """A town officer: the start page, a recommendation, the tracker."""

    weight = 1
    paths = _paths("town")

    def on_start(self) -> None:
        super().on_start()
        self.cookie = PREPARED["cookies"]["town"]

    @task
    def start_page(self) -> None:
        self.get(self.paths["start"], "town: start")

    @task
    def recommendation(self) -> None:
        self.get(self.paths["recommendation"], "town: recommendation")

    @task
    def tracker(self) -> None:
        self.get(self.paths["tracker"], "town: tracker")


class Coordinator(_Visitor):
    """A coordinator: the start page, the review queue, the allocation board."""

    weight = 1
    paths = _paths("coordinator")

    def on_start(self) -> None:
        super().on_start()
        self.cookie = PREPARED["cookies"]["coordinator"]

    @task
    def start_page(self) -> None:
        self.get(self.paths["start"], "coordinator: start")

    @task
    def queue(self) -> None:
        self.get(self.paths["queue"], "coordinator: queue")

    @task
    def allocation(self) -> None:
        self.get(self.paths["allocation"], "coordinator: allocation board")

"""The apply form as the load test's students fill it (without Locust, so tests can import
it: importing Locust patches the standard library for gevent)."""

from __future__ import annotations

import random

MOTIVATION = "Das Thema passt zu meinem Studium."


def ranking_form(
    token: str, projects: list[int], choices: int, motivations: int, rng: random.Random
) -> dict[str, str]:
    """The posted fields of the apply form: `choices` projects of the round ranked 1 …, a
    motivation for the first `motivations`."""
    data = {"csrfmiddlewaretoken": token, "work_with_1": "", "work_with_2": ""}
    for rank, pk in enumerate(rng.sample(projects, choices), start=1):
        data[f"rank_{pk}"] = str(rank)
        data[f"motivation_{pk}"] = (
            "Das Thema passt zu meinem Studium." if rank <= motivations else ""
        )
    return data

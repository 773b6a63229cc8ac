import random

import pytest

from benchmarks.load.ranking import ranking_form
from benchmarks.load.run import Step, held, render, requests_from_csv, step_from_csv

CSV = """Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%
GET,/,120,0,40,52.1,12,400,10000,2.0,0.0,40,50,60,70,90,120,200,300,400,400,400
,Aggregated,1234,3,55,80.5,10,2300,20000,20.57,0.05,55,70,90,100,150,310,500,800,2300,2300,2300
"""  # noqa: E501


def test_a_step_reads_the_aggregated_row_of_locusts_statistics():
    step = step_from_csv(40, CSV, rss=200 * 2**20)

    assert step == Step(40, 1234, 3, 20.57, 55.0, 310.0, 200 * 2**20)
    assert not step.met  # three failures


def test_statistics_without_the_aggregated_row_are_refused():
    with pytest.raises(ValueError):
        step_from_csv(10, CSV.splitlines()[0])


def _step(users, p95, failures=0):
    return Step(users, 1000, failures, 10.0, p95 / 2, p95)


def test_the_users_held_stop_at_the_first_step_that_misses():
    steps = [_step(10, 120), _step(20, 480), _step(40, 700), _step(80, 300)]

    assert held(steps) == 20
    assert held([_step(10, 600)]) == 0
    assert held([_step(10, 100), _step(20, 100, failures=1)]) == 10


def test_the_section_gives_each_step_and_the_verdict():
    section = render(
        [_step(10, 120), _step(20, 700)],
        measured="2026-12-07 on commit abc1234",
        size="medium",
        load="load 2.0 / 2.0 / 2.0 on 2 cores",
        seconds=60,
        versions="Locust 2.47.0",
    )

    assert "**10 concurrent users** held at p95 ≤ 500 ms with no errors." in section
    assert "| 10 | 1,000 | 10.0 | 60 ms | 120 ms | 0 | — | met |" in section
    assert "| 20 | 1,000 | 10.0 | 350 ms | 700 ms | 0 | — | **not met** |" in section
    assert "size `medium`" in section


def test_a_ranking_fills_the_form_as_the_page_does():
    data = ranking_form("token", [11, 12, 13, 14], 3, 2, random.Random(1))

    assert data["csrfmiddlewaretoken"] == "token"
    ranks = {key: value for key, value in data.items() if key.startswith("rank_")}
    assert sorted(ranks.values()) == ["1", "2", "3"]
    motivated = [key for key, value in data.items() if key.startswith("motivation_") and value]
    assert len(motivated) == 2
    assert all(data[f"rank_{key.removeprefix('motivation_')}"] in ("1", "2") for key in motivated)


def test_each_request_of_the_last_step_is_listed_slowest_first():
    rows = requests_from_csv(CSV)

    assert [r.name for r in rows] == ["/"]
    assert rows[0].p95_ms == 120

    section = render(
        [_step(10, 120)],
        measured="m",
        size="small",
        load="l",
        seconds=60,
        versions="v",
        last=rows,
    )
    assert "By request at 10 users (the last step), slowest first:" in section
    assert "| GET `/` | 120 | 40 ms | 120 ms | 0 |" in section

"""The eligibility rules as a table: each rule against facts that pass and facts that fail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest

from transferraum.ventures.data.programmes import PROGRAMMES
from transferraum.ventures.eligibility import Facts, evaluate

TODAY = dt.date(2026, 12, 8)
BASE = Facts(
    today=TODAY,
    founders=2,
    university_mentor=True,
    state="Sachsen",
    in_region=True,
    founded_on=None,
    origin="project",
    stage="team",
)


@dataclass(frozen=True)
class P:
    slug: str
    name: str
    rules: list[dict[str, Any]]


# rule, facts changed from BASE, passes?
TABLE = [
    ({"rule": "max_founders", "value": 3}, {}, True),
    ({"rule": "max_founders", "value": 3}, {"founders": 3}, True),
    ({"rule": "max_founders", "value": 3}, {"founders": 4}, False),
    ({"rule": "university_mentor"}, {}, True),
    ({"rule": "university_mentor"}, {"university_mentor": False}, False),
    ({"rule": "residence", "value": "Sachsen"}, {}, True),
    ({"rule": "residence", "value": "Sachsen"}, {"state": "Sachsen-Anhalt"}, False),
    ({"rule": "residence", "value": "Sachsen"}, {"state": ""}, False),
    ({"rule": "in_region"}, {}, True),
    ({"rule": "in_region"}, {"in_region": False}, False),
    ({"rule": "founded_within_months", "value": 12}, {}, True),
    ({"rule": "founded_within_months", "value": 12}, {"founded_on": dt.date(2025, 12, 8)}, True),
    ({"rule": "founded_within_months", "value": 12}, {"founded_on": dt.date(2025, 12, 9)}, True),
    ({"rule": "founded_within_months", "value": 12}, {"founded_on": dt.date(2025, 11, 7)}, False),
    ({"rule": "not_founded"}, {}, True),
    ({"rule": "not_founded"}, {"founded_on": dt.date(2026, 1, 1)}, False),
    ({"rule": "no_parallel_stipend"}, {}, True),
    ({"rule": "no_parallel_stipend"}, {"stipends": frozenset({"p"})}, True),  # its own
    ({"rule": "no_parallel_stipend"}, {"stipends": frozenset({"other"})}, False),
    ({"rule": "origin_in", "value": ["project", "thesis"]}, {}, True),
    ({"rule": "origin_in", "value": ["project", "thesis"]}, {"origin": "external"}, False),
    ({"rule": "min_stage", "value": "team"}, {}, True),
    ({"rule": "min_stage", "value": "team"}, {"stage": "founded"}, True),
    ({"rule": "min_stage", "value": "team"}, {"stage": "idea"}, False),
    ({"rule": "no_such_rule"}, {}, False),
]


@pytest.mark.parametrize(("rule", "changes", "passes"), TABLE)
def test_rule(rule, changes, passes):
    fit = evaluate(P("p", "Programm", [rule]), replace(BASE, **changes))
    assert fit.fits is passes
    (result,) = fit.results
    assert result.passed is passes
    assert result.reason  # every result says why


def test_a_programme_fails_with_every_failing_rule_named():
    programme = P(
        "p",
        "Programm",
        [{"rule": "max_founders", "value": 1}, {"rule": "not_founded"}, {"rule": "in_region"}],
    )
    fit = evaluate(programme, replace(BASE, founded_on=dt.date(2026, 1, 1)))
    assert [result.rule for result in fit.failed] == ["max_founders", "not_founded"]


def test_every_rule_of_the_catalogue_is_known():
    for spec in PROGRAMMES:
        fit = evaluate(spec, BASE)
        assert "no_such_rule" not in [result.rule for result in fit.results]
        assert all("Unknown rule" not in result.reason for result in fit.results), spec.slug

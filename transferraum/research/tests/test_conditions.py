"""Conditions as a table: which condition holds for which answers, and which is refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from transferraum.research.conditions import (
    Place,
    condition_holds,
    condition_problems,
    conditions_loops,
)


@pytest.fixture(autouse=True)
def english():
    """The messages are compared in the source language."""
    with translation.override("en"):
        yield


def rule(question, op, value=None, match="all"):
    entry = {"question": question, "op": op}
    if value is not None:
        entry["value"] = value
    return {"match": match, "rules": [entry]}


HOLDS = [
    # condition                                   answers                          shown
    ({}, {}, True),
    (rule("b", "equals", 4), {"b": 4}, True),
    (rule("b", "equals", 4), {"b": 3}, False),
    (rule("b", "equals", 4), {}, False),
    (rule("b", "not_equals", 4), {"b": 3}, True),
    (rule("b", "not_equals", 4), {}, False),
    (rule("b", "at_least", 4), {"b": 5}, True),
    (rule("b", "at_least", 4), {"b": 4}, True),
    (rule("b", "at_least", 4), {"b": 3}, False),
    (rule("b", "at_most", 2), {"b": 2}, True),
    (rule("n", "at_least", "2.5"), {"n": Decimal("2.50")}, True),
    (rule("n", "at_most", 10), {"n": Decimal("10.01")}, False),
    (rule("d", "at_least", "2026-01-01"), {"d": dt.date(2026, 3, 1)}, True),
    (rule("d", "at_most", "2026-01-01"), {"d": dt.date(2026, 3, 1)}, False),
    (rule("s", "one_of", [1, 3]), {"s": 3}, True),
    (rule("s", "one_of", [1, 3]), {"s": 2}, False),
    (rule("m", "includes", 2), {"m": [1, 2]}, True),
    (rule("m", "includes", 2), {"m": [1]}, False),
    (rule("m", "includes", 2), {"m": []}, False),
    (rule("t", "equals", "ja"), {"t": "ja"}, True),
    (rule("x", "answered"), {"x": "etwas"}, True),
    (rule("x", "answered"), {"x": ""}, False),
    (rule("x", "not_answered"), {}, True),
    (rule("x", "not_answered"), {"x": {1: 3}}, False),
    (
        {
            "match": "all",
            "rules": [
                {"question": "a", "op": "equals", "value": 1},
                {"question": "b", "op": "equals", "value": 2},
            ],
        },
        {"a": 1, "b": 3},
        False,
    ),
    (
        {
            "match": "any",
            "rules": [
                {"question": "a", "op": "equals", "value": 1},
                {"question": "b", "op": "equals", "value": 2},
            ],
        },
        {"a": 1, "b": 3},
        True,
    ),
]


@pytest.mark.parametrize(("condition", "answers", "shown"), HOLDS)
def test_condition_holds(condition, answers, shown):
    assert condition_holds(condition, answers) is shown


# The version: page 1 holds a (single, position 1) and b (likert5, 2); page 2 holds c (number,
# 1) and m (multiple, 2); page 3 holds t (text).
QUESTIONS = {
    "a": (Place(1, 1), "single"),
    "b": (Place(1, 2), "likert5"),
    "c": (Place(2, 1), "number"),
    "m": (Place(2, 2), "multiple"),
    "t": (Place(3, 1), "text"),
}

PROBLEMS = [
    # owner, place, condition, the problem's words (None: accepted)
    ("c", Place(2, 1), rule("b", "at_least", 4), None),
    ("b", Place(1, 2), rule("a", "equals", 1), None),
    ("page 2", Place(2), rule("a", "answered"), None),
    ("t", Place(3, 1), rule("m", "includes", 1), None),
    ("b", Place(1, 2), rule("b", "equals", 1), "refers to itself"),
    ("a", Place(1, 1), rule("b", "equals", 1), "comes later"),
    ("b", Place(1, 2), rule("c", "at_least", 1), "comes later"),
    ("page 2", Place(2), rule("c", "answered"), "same page"),
    ("page 2", Place(2), rule("t", "answered"), "comes later"),
    ("c", Place(2, 1), rule("zz", "equals", 1), "unknown question"),
    ("c", Place(2, 1), rule("a", "bigger", 1), "Unknown operator"),
    ("c", Place(2, 1), rule("a", "includes", 1), "does not fit"),
    ("t", Place(3, 1), rule("m", "equals", 1), "does not fit"),
    ("c", Place(2, 1), rule("b", "at_least"), "needs a value"),
    ("c", Place(2, 1), rule("a", "one_of", 1), "list of values"),
    ("c", Place(2, 1), {"rules": "b"}, "list of rules"),
    ("c", Place(2, 1), {"match": "all", "rules": []}, "at least one rule"),
    (
        "c",
        Place(2, 1),
        {"match": "some", "rules": [{"question": "a", "op": "answered"}]},
        "all or any",
    ),
]


@pytest.mark.parametrize(("owner", "place", "condition", "problem"), PROBLEMS)
def test_condition_problems(owner, place, condition, problem):
    problems = condition_problems(condition, owner=owner, place=place, questions=QUESTIONS)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1
        assert problem in problems[0]


def test_loops_are_found_with_their_path():
    assert conditions_loops({"a": [], "b": ["a"], "c": ["b"]}) == []
    assert conditions_loops({"a": ["c"], "b": ["a"], "c": ["b"]}) == [["a", "c", "b", "a"]]
    assert conditions_loops({"a": ["a"]}) == [["a", "a"]]

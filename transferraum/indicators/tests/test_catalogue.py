"""Every indicator against a hand computation on the small programme of conftest.py, per
town, round and year; and the records behind each figure add up to it."""

from __future__ import annotations

import statistics

import pytest

from transferraum.indicators.registry import (
    Kind,
    Scope,
    breakdown,
    catalogue,
    indicator_get,
    records_of,
    value_of,
)

pytestmark = pytest.mark.django_db

# (all, Eilenburg, Zeitz, R1, R2, 2026, 2027) – see conftest.py for each record.
EXPECTED = {
    # c1 E 2026, c2 E (its organisation's town) 2026, c3 Z 2027, c5 E 2027; c4 is a draft.
    # Rounds: a project that takes place works on it (R1: c1, c3; R2: c1).
    "challenges-submitted": (4, 3, 1, 2, 1, 2, 2),
    # c1 E 2026, c3 Z 2027, c5 E 2027
    "challenges-published": (3, 2, 1, 2, 1, 1, 2),
    # p1 E R1, p2 Z R1, p3 E R2; p4 closed, p5 open
    "projects": (3, 2, 1, 2, 1, 2, 1),
    # p1: s1 s2 s3, p2: s4, p3: s1 s5; s6 in the closed p4
    "students": (5, 4, 1, 4, 2, 4, 2),
    # town_e (p1, p3), company_z (p2)
    "partner-organisations": (2, 1, 1, 2, 1, 2, 1),
    # p1 visit: s1 s2 (not the supervisor); p2 visit: s4 (not s1); p3 visit: s1 s5;
    # a meeting is no visit, a visit after today is not yet
    "site-days": (5, 4, 1, 3, 2, 3, 2),
    # r1 r2 r8 (E R1 2026), r3 (Z R1 2026), r4 r7 (E R2 2027), r6 (E, no round, 2027)
    "recommendations-handed-over": (7, 6, 1, 4, 2, 4, 3),
    # r1 (E R1 2026), r3 (Z R1 2026), r6 (E 2027), r7 (E R2 2027)
    "recommendations-adopted": (4, 3, 1, 2, 1, 2, 2),
    # r3 (Z R1 2026), r6 (E 2027)
    "recommendations-implemented": (2, 1, 1, 1, 0, 1, 1),
    # days: r1 30, r2 45 (the date recorded with the decision), r3 10 (the event's day),
    # r6 60, r7 7; r4 undecided, r8 deferred.
    # all: 7 10 30 45 60 → 30; E: 7 30 45 60 → 37.5; Z: 10; R1: 10 30 45 → 30; R2: 7;
    # 2026: 10 30 45 → 30; 2027: 7 60 → 33.5
    "days-to-decision": (30, 37.5, 10, 30, 7, 30, 33.5),
}


def scopes(world):
    return (
        Scope(),
        Scope(town=world.E.pk),
        Scope(town=world.Z.pk),
        Scope(round=world.r1.pk),
        Scope(round=world.r2.pk),
        Scope(year=2026),
        Scope(year=2027),
    )


def test_the_catalogue_holds_the_programmes_indicators():
    keys = [indicator.key for indicator in catalogue()]
    assert set(EXPECTED) <= set(keys)
    for indicator in catalogue():
        assert indicator.kind in Kind.values
        assert str(indicator.definition) and str(indicator.label)


@pytest.mark.parametrize("key", EXPECTED)
def test_each_figure_per_town_round_and_year_by_hand(world, key):
    indicator = indicator_get(key)

    found = tuple(value_of(indicator, scope) for scope in scopes(world))

    expected = tuple(value if value or not indicator.is_count else 0 for value in EXPECTED[key])
    assert found == expected


def test_scopes_combine(world):
    students = indicator_get("students")
    assert value_of(students, Scope(town=world.E.pk, round=world.r2.pk)) == 2  # s1 s5
    assert value_of(students, Scope(town=world.Z.pk, year=2027)) == 0
    handed = indicator_get("recommendations-handed-over")
    assert value_of(handed, Scope(town=world.E.pk, year=2027)) == 3  # r4 r6 r7


@pytest.mark.parametrize("key", EXPECTED)
def test_the_breakdowns_match_the_scoped_figures(world, key):
    indicator = indicator_get(key)
    for dimension, keys in (
        ("town", (world.E.pk, world.Z.pk)),
        ("round", (world.r1.pk, world.r2.pk)),
        ("year", (2026, 2027)),
    ):
        groups = dict(breakdown(indicator, Scope(), dimension))
        for group in keys:
            alone = value_of(indicator, Scope(**{dimension: group}))
            assert groups.get(group, 0 if indicator.is_count else None) == alone


@pytest.mark.parametrize("key", [k for k in EXPECTED if k != "days-to-decision"])
def test_the_records_add_up_to_the_figure(world, key):
    indicator = indicator_get(key)
    for scope in scopes(world):
        assert records_of(indicator, scope).count() == value_of(indicator, scope)


def test_the_median_is_the_median_of_its_records(world):
    indicator = indicator_get("days-to-decision")
    for scope in scopes(world):
        days = [r.days for r in records_of(indicator, scope)]
        assert value_of(indicator, scope) == statistics.median(days)


def test_the_records_are_the_counted_ones(world):
    students = records_of(indicator_get("students"), Scope(town=world.E.pk))
    assert set(students) == {world.s[1], world.s[2], world.s[3], world.s[5]}
    adopted = records_of(indicator_get("recommendations-adopted"), Scope(year=2027))
    assert set(adopted) == {world.rec.r6, world.rec.r7}

"""The research figures against a hand computation, and loaded from recorded events."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from transferraum.recommendations.figures import (
    Fact,
    counts_load,
    days_to_decision,
    facts_load,
    figures_by_town_and_round,
    figures_total,
    median,
)
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services import (
    STEP_SERVICES,
    recommendation_adopt,
    recommendation_approve,
    recommendation_hand_over,
)
from transferraum.recommendations.tests.factories import (
    RecommendationEventFactory,
    RecommendationFactory,
)
from transferraum.recommendations.tests.test_services import draft

S = Recommendation.Status
D = dt.date


def fact(town, round, status, handed=None, decided=None):
    towns = {"Eilenburg": 1, "Zeitz": 2}
    rounds = {"WS 2026/27": 10, "SS 2027": 11}
    return Fact(towns[town], town, rounds[round], round, status, handed, decided)


FACTS = [
    fact("Eilenburg", "WS 2026/27", S.ADOPTED, D(2027, 1, 1), D(2027, 1, 31)),  # 30 days
    fact("Eilenburg", "WS 2026/27", S.REJECTED, D(2027, 1, 1), D(2027, 2, 15)),  # 45 days
    fact("Eilenburg", "WS 2026/27", S.IMPLEMENTED, D(2027, 1, 10), D(2027, 1, 20)),  # 10 days
    fact("Eilenburg", "WS 2026/27", S.UNDER_REVIEW, D(2027, 1, 5)),  # not decided yet
    fact("Eilenburg", "WS 2026/27", S.DRAFTED),  # not handed over: not counted
    fact("Eilenburg", "WS 2026/27", S.EVALUATED, D(2027, 1, 1), D(2027, 3, 2)),  # 60 days
    fact("Zeitz", "WS 2026/27", S.DEFERRED, D(2027, 1, 3)),
    fact("Zeitz", "SS 2027", S.APPROVED),  # a group with nothing handed over
    fact("Eilenburg", "SS 2027", S.ADOPTED_WITH_CHANGES, D(2027, 6, 1), D(2027, 6, 8)),  # 7 days
]


def test_days_and_median_by_hand():
    assert days_to_decision(FACTS[0]) == 30
    assert days_to_decision(FACTS[3]) is None
    assert median([]) is None
    assert median([10, 30, 45, 60]) == 37.5
    assert median([7]) == 7.0


def test_figures_per_town_and_round_by_hand():
    rows = {(r.municipality, r.round): r for r in figures_by_town_and_round(FACTS)}

    assert list(rows) == [
        ("Eilenburg", "SS 2027"),
        ("Eilenburg", "WS 2026/27"),
        ("Zeitz", "WS 2026/27"),
    ]
    winter = rows["Eilenburg", "WS 2026/27"]
    # counted: five handed over (the draft is not); adopted: adopted, implemented, evaluated;
    # implemented: implemented, evaluated; days: 30, 45, 10, 60 → median (30 + 45) / 2
    assert (winter.counted, winter.adopted, winter.implemented, winter.rejected) == (5, 3, 2, 1)
    assert winter.share_adopted == pytest.approx(3 / 5)
    assert winter.share_implemented == pytest.approx(2 / 5)
    assert (winter.median_days_to_decision, winter.timed) == (37.5, 4)
    zeitz = rows["Zeitz", "WS 2026/27"]
    assert (zeitz.counted, zeitz.share_adopted, zeitz.median_days_to_decision) == (1, 0.0, None)
    summer = rows["Eilenburg", "SS 2027"]
    assert (summer.share_adopted, summer.share_implemented, summer.median_days_to_decision) == (
        1.0,
        0.0,
        7.0,
    )


def test_figures_of_the_whole_programme_by_hand():
    total = figures_total(FACTS)

    # seven handed over; adopted 4 (incl. with changes); days 30, 45, 10, 60, 7 → median 30
    assert (total.counted, total.adopted, total.implemented, total.rejected) == (7, 4, 2, 1)
    assert total.share_adopted == pytest.approx(4 / 7)
    assert total.median_days_to_decision == 30.0


def test_nothing_handed_over_has_no_shares():
    total = figures_total([fact("Zeitz", "SS 2027", S.DRAFTED)])

    assert (total.counted, total.share_adopted, total.median_days_to_decision) == (0, None, None)


BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.django_db
def test_facts_are_loaded_from_the_events_in_two_queries(project, django_assert_num_queries):
    late_evening = dt.datetime(2027, 1, 1, 23, 30, tzinfo=dt.UTC)  # 2 January in Berlin
    first = RecommendationFactory(project=project, status=S.ADOPTED, confidential=True)
    RecommendationEventFactory(recommendation=first, action="hand_over", at=late_evening)
    RecommendationEventFactory(
        recommendation=first,
        action="adopt",
        at=dt.datetime(2027, 2, 3, 9, 0, tzinfo=BERLIN),
        data={"decided_on": "2027-01-20"},
    )
    second = RecommendationFactory(project=project, status=S.REJECTED)
    RecommendationEventFactory(
        recommendation=second, action="hand_over", at=dt.datetime(2027, 1, 5, tzinfo=BERLIN)
    )
    RecommendationEventFactory(
        recommendation=second, action="reject", at=dt.datetime(2027, 1, 15, 12, tzinfo=BERLIN)
    )
    RecommendationFactory(project=project, status=S.DRAFTED)

    with django_assert_num_queries(2):
        facts = facts_load()

    assert [(f.status, f.handed_over_on, f.decided_on) for f in facts] == [
        (S.ADOPTED, D(2027, 1, 2), D(2027, 1, 20)),
        (S.REJECTED, D(2027, 1, 5), D(2027, 1, 15)),
    ]
    assert facts[0].municipality == "Eilenburg"
    assert facts[0].round == project.round.name
    (row,) = figures_by_town_and_round(facts)
    assert (row.counted, row.adopted, row.rejected, row.median_days_to_decision) == (
        2,
        1,
        1,
        (18 + 10) / 2,
    )


@pytest.mark.django_db
def test_a_deferral_is_no_decision_and_the_recorded_date_counts(
    student_geography, supervisor, project, officer_eilenburg
):
    with time_machine.travel(dt.datetime(2027, 3, 1, 10, tzinfo=BERLIN), tick=False):
        recommendation = draft(student_geography, project)
        recommendation_approve(actor=supervisor, recommendation=recommendation)
        recommendation_hand_over(
            actor=student_geography,
            recommendation=recommendation,
        )
    with time_machine.travel(dt.datetime(2027, 3, 20, 10, tzinfo=BERLIN), tick=False):
        for action in ("confirm_receipt", "start_review", "defer", "resume_review"):
            STEP_SERVICES[action](
                actor=officer_eilenburg,
                recommendation=recommendation,
            )
    with time_machine.travel(dt.datetime(2027, 5, 2, 10, tzinfo=BERLIN), tick=False):
        recommendation_adopt(
            actor=officer_eilenburg,
            recommendation=recommendation,
            decided_on=D(2027, 4, 30),
        )

    (fact_,) = facts_load(Recommendation.objects.filter(pk=recommendation.pk))

    assert days_to_decision(fact_) == 60  # 1 March → 30 April


# --- counted in SQL: the same numbers as the facts --------------------------------------------


@pytest.fixture
def every_status(project, town_zeitz, researcher):
    """Recommendations in every status, in two towns and three rounds, and some of the
    accompanying research without a town or round."""
    from transferraum.recommendations.tests.factories import (
        ResearchRecommendationFactory,
        team_project,
    )

    zeitz = team_project(town_zeitz)
    later = team_project(town_zeitz)
    for index, status in enumerate(S):
        for where in (project, zeitz, later)[: 1 + index % 3]:
            RecommendationFactory(project=where, status=status, confidential=index % 4 == 0)
        ResearchRecommendationFactory(created_by=researcher, status=status)
    ResearchRecommendationFactory(
        created_by=researcher,
        status=S.ADOPTED,
        municipality=town_zeitz.municipality,
        round=zeitz.round,
    )


def _as_counts(figures):
    return (
        figures.municipality_id,
        figures.municipality,
        figures.round_id,
        figures.round,
        figures.counted,
        figures.adopted,
        figures.implemented,
        figures.rejected,
        figures.share_adopted,
        figures.share_implemented,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("where", [{}, {"confidential": False}, {"status": S.REJECTED}])
def test_counts_in_sql_are_the_figures_of_the_facts(every_status, where):
    queryset = Recommendation.objects.filter(**where)
    facts = facts_load(queryset)

    table = counts_load(queryset)

    expected = figures_by_town_and_round(facts)
    assert len(expected) == 4  # three towns and rounds, and none
    assert [_as_counts(row) for row in table.rows] == [_as_counts(row) for row in expected]
    assert _as_counts(table.total) == _as_counts(figures_total(facts))
    assert table.groups == len(expected)
    assert not table.more


@pytest.mark.django_db
def test_counts_name_the_town_and_stop_at_the_limit(
    every_status, project, django_assert_num_queries
):
    with django_assert_num_queries(3):  # the groups, their towns, their rounds
        table = counts_load(Recommendation.objects.all(), limit=2)

    assert [(row.municipality, row.round) for row in table.rows] == [
        ("", ""),  # the accompanying research's own, first as before
        ("Eilenburg", project.round.name),
    ]
    assert table.rows[1].ags == project.challenge.municipality.ags
    assert (table.groups, table.more) == (4, True)
    assert table.total.counted == Recommendation.objects.handed_over().count()

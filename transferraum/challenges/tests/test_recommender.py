import dataclasses
import datetime

import pytest
from django.utils import timezone, translation

from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.challenges.catalogue import DEFAULT_RULES, TRANSFER_FORMATS, catalogue_load
from transferraum.challenges.models import Challenge, FormatRule
from transferraum.challenges.recommender import (
    ATTRIBUTE_VALUES,
    Attributes,
    Recommendation,
    Rule,
    attributes_of,
    recommend,
    recommendations_for,
    team_size_of,
    timeframe_of,
)

SLUGS = [starter.slug for starter in TRANSFER_FORMATS]
RULES = [
    Rule(rule.attribute, rule.value, rule.format_slug, rule.weight, rule.reason_de)
    for rule in DEFAULT_RULES
]
TODAY = datetime.date(2025, 1, 15)


def _scores(attributes: Attributes) -> dict[str, Recommendation]:
    return {r.format_slug: r for r in recommend(attributes, RULES, SLUGS)}


# The default rules, one case each


@pytest.mark.parametrize(
    "rule", DEFAULT_RULES, ids=lambda r: f"{r.attribute}={r.value}:{r.format_slug}"
)
def test_each_default_rule_moves_its_format_by_its_weight_and_gives_its_reason(rule):
    before = _scores(Attributes())[rule.format_slug]
    after = _scores(Attributes(**{rule.attribute: rule.value}))[rule.format_slug]

    assert before.score == 0
    assert before.reasons == ()
    assert after.score - before.score == rule.weight
    assert after.reasons == (rule.reason_de,)


@pytest.mark.parametrize(
    ("attribute", "value"),
    [(attribute, value) for attribute, values in ATTRIBUTE_VALUES.items() for value in values],
)
def test_every_attribute_value_has_a_default_rule(attribute, value):
    assert any(r.attribute == attribute and r.value == value for r in DEFAULT_RULES)


def test_the_engine_knows_exactly_the_attributes_of_the_rule_model():
    fields = {field.name for field in dataclasses.fields(Attributes)}

    assert set(ATTRIBUTE_VALUES) == fields == set(FormatRule.Attribute.values)


# Attributes of a challenge


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        (datetime.date(2025, 1, 15), "short"),
        (datetime.date(2025, 4, 14), "short"),  # a day short of 3 months
        (datetime.date(2025, 4, 15), "medium"),  # exactly 3 months
        (datetime.date(2025, 7, 15), "medium"),  # exactly 6 months
        (datetime.date(2025, 7, 16), "long"),  # a day more than 6 months
        (datetime.date(2026, 6, 1), "long"),
        (datetime.date(2024, 12, 1), "short"),  # already passed
        (None, None),
    ],
)
def test_timeframe_counts_months_from_today_to_the_deadline(deadline, expected):
    assert timeframe_of(None, deadline, TODAY) == expected


def test_timeframe_counts_from_a_later_earliest_start():
    start = datetime.date(2025, 3, 1)

    assert timeframe_of(start, datetime.date(2025, 5, 31), TODAY) == "short"
    assert timeframe_of(start, datetime.date(2025, 6, 1), TODAY) == "medium"
    assert timeframe_of(start, datetime.date(2025, 9, 2), TODAY) == "long"


def test_timeframe_ignores_an_earliest_start_already_passed():
    assert timeframe_of(datetime.date(2024, 6, 1), datetime.date(2025, 3, 1), TODAY) == "short"


def test_timeframe_months_end_on_the_last_day_of_a_shorter_month():
    end_of_august = datetime.date(2025, 8, 31)

    assert timeframe_of(None, datetime.date(2026, 2, 28), end_of_august) == "medium"
    assert timeframe_of(None, datetime.date(2026, 3, 1), end_of_august) == "long"
    assert timeframe_of(None, datetime.date(2025, 11, 29), end_of_august) == "short"
    assert timeframe_of(None, datetime.date(2025, 11, 30), end_of_august) == "medium"


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (None, None),
        (0, None),
        (1, "small"),
        (2, "small"),
        (3, "medium"),
        (6, "medium"),
        (7, "large"),
        (30, "large"),
    ],
)
def test_team_size_boundaries(size, expected):
    assert team_size_of(size) == expected


def test_attributes_of_a_challenge():
    attributes = attributes_of(
        earliest_start=None,
        deadline=datetime.date(2025, 12, 31),
        definition="open",
        citizen_involvement=True,
        technical_depth="low",
        expected_team_size=12,
        confidentiality="summary",
        today=TODAY,
    )

    assert attributes == Attributes(
        timeframe="long",
        definition="open",
        citizens="yes",
        depth="low",
        team_size="large",
        confidentiality="summary",
    )


def test_no_citizen_involvement_is_no():
    attributes = attributes_of(None, None, "clear", False, "medium", None, "public", TODAY)

    assert attributes.citizens == "no"
    assert attributes.timeframe is None
    assert attributes.team_size is None


# Ranking


def test_formats_rank_by_summed_points_best_first():
    rules = [
        Rule("depth", "high", "a", -1, "a loses"),
        Rule("depth", "high", "b", 2, "b gains"),
        Rule("team_size", "small", "b", 3, "b gains more"),
        Rule("depth", "high", "c", 4, "c gains"),
        Rule("depth", "low", "a", 9, "does not match"),
    ]

    ranked = recommend(Attributes(depth="high", team_size="small"), rules, ["a", "b", "c"])

    assert [(r.format_slug, r.score) for r in ranked] == [("b", 5), ("c", 4), ("a", -1)]


@pytest.mark.parametrize("order", [["a", "b", "c"], ["c", "b", "a"], ["b", "a", "c"]])
def test_equal_scores_keep_the_catalogue_order(order):
    rules = [Rule("depth", "high", slug, 2, slug) for slug in ("a", "b", "c")]

    ranked = recommend(Attributes(depth="high"), rules, order)

    assert [r.format_slug for r in ranked] == order


def test_reasons_list_gains_before_losses_largest_first():
    rules = [
        Rule("depth", "high", "a", -1, "small loss"),
        Rule("timeframe", "short", "a", 1, "small gain"),
        Rule("team_size", "small", "a", -3, "large loss"),
        Rule("definition", "open", "a", 4, "large gain"),
    ]
    attributes = Attributes(timeframe="short", definition="open", depth="high", team_size="small")

    [recommendation] = recommend(attributes, rules, ["a"])

    assert recommendation.score == 1
    assert recommendation.reasons == ("large gain", "small gain", "large loss", "small loss")


def test_every_format_is_ranked_even_without_a_matching_rule():
    ranked = recommend(Attributes(), [], ["a", "b"])

    assert ranked == [Recommendation("a", 0, ()), Recommendation("b", 0, ())]


def test_rules_with_no_points_unknown_formats_or_unknown_attributes_are_ignored():
    rules = [
        Rule("depth", "high", "a", 0, "switched off"),
        Rule("depth", "high", "gone", 5, "format not in the catalogue"),
        Rule("budget", "high", "a", 5, "no such attribute"),
    ]

    assert recommend(Attributes(depth="high"), rules, ["a"]) == [Recommendation("a", 0, ())]


def test_a_confidential_urgent_expert_question_goes_to_the_consultation_hour():
    attributes = Attributes(
        timeframe="short",
        definition="clear",
        citizens="no",
        depth="high",
        team_size="small",
        confidentiality="confidential",
    )

    ranked = recommend(attributes, RULES, SLUGS)

    assert ranked[0].format_slug == "sprechstunde"
    assert {r.format_slug for r in ranked[-3:]} == {
        "buergerdialog",
        "innovationswettbewerb",
        "reallabor",
    }


# Loading from the database


@pytest.fixture
def challenge(db):
    catalogue_load()
    return Challenge.objects.create(
        title="Leerstand am Markt",
        problem="Drei Läden am Markt stehen seit Jahren leer.",
        organisation=OrganisationFactory(),
        deadline=TODAY + datetime.timedelta(days=30),
        definition=Challenge.Definition.CLEAR,
        citizen_involvement=False,
        technical_depth=Challenge.Depth.HIGH,
        expected_team_size=1,
        confidentiality=Challenge.Confidentiality.CONFIDENTIAL,
    )


def test_recommendations_for_a_saved_challenge_rank_every_format(
    challenge, django_assert_num_queries
):
    with django_assert_num_queries(2):
        ranked = recommendations_for(challenge, today=TODAY)

    assert [f.slug for f, _r in ranked][0] == "sprechstunde"
    assert sorted(f.slug for f, _r in ranked) == sorted(SLUGS)
    assert all(f.slug == r.format_slug for f, r in ranked)
    scores = [r.score for _f, r in ranked]
    assert scores == sorted(scores, reverse=True)
    consultation = ranked[0][1]
    assert "kurzer Zeitrahmen → Sprechstunde oder Hackathon" in consultation.reasons
    assert consultation.score == 3 + 2 + 1 + 2  # short, high depth, small team, confidential


def test_recommendations_give_reasons_in_the_active_language(challenge):
    with translation.override("en"):
        ranked = recommendations_for(challenge, today=TODAY)

    assert "short timeframe → consultation hour or hackathon" in ranked[0][1].reasons


def test_points_a_coordinator_changes_count_at_once(challenge):
    FormatRule.objects.filter(
        attribute="confidentiality", value="confidential", format__slug="abschlussarbeit"
    ).update(weight=20)

    ranked = recommendations_for(challenge, today=TODAY)

    assert ranked[0][0].slug == "abschlussarbeit"


def test_without_today_the_timeframe_counts_from_the_current_date(challenge):
    challenge.deadline = timezone.localdate() + datetime.timedelta(days=30)
    challenge.save()

    ranked = recommendations_for(challenge)

    assert "kurzer Zeitrahmen → Sprechstunde oder Hackathon" in ranked[0][1].reasons


def test_without_a_deadline_no_timeframe_rule_counts(challenge):
    challenge.deadline = None
    challenge.save()

    ranked = recommendations_for(challenge, today=TODAY)

    assert ranked[0][0].slug == "abschlussarbeit"  # clear, high depth, one person, NDA
    assert not any("Zeitrahmen" in reason for _f, r in ranked for reason in r.reasons)

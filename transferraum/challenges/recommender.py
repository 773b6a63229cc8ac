"""The format recommender: which transfer formats suit a challenge, and why.

The engine is pure Python: it takes dataclasses and returns dataclasses, so the rules can be
tested without a database and replaced without touching the models. A challenge is reduced to six
attributes (`Attributes`); every rule whose attribute value matches adds its points to its format
(`recommend`). Coordinators edit the rules in the admin; the defaults are in `catalogue.py` and
explained in docs/recommender.md. Only `recommendations_for`, at the end, reads the database.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transferraum.challenges.models import Challenge, TransferFormat

# The values each attribute can take; FormatRule.value must be one of these.
ATTRIBUTE_VALUES: dict[str, tuple[str, ...]] = {
    "timeframe": ("short", "medium", "long"),
    "definition": ("clear", "partly", "open"),
    "citizens": ("yes", "no"),
    "depth": ("low", "medium", "high"),
    "team_size": ("small", "medium", "large"),
    "confidentiality": ("public", "summary", "confidential"),
}

SHORT_MONTHS = 3  # less than this is a short timeframe
LONG_MONTHS = 6  # more than this is a long timeframe
SMALL_TEAM = 2  # up to this many people is a small team
LARGE_TEAM = 7  # from this many people on a team is large


@dataclass(frozen=True)
class Attributes:
    """What the recommender knows about a challenge; None where the challenge does not say."""

    timeframe: str | None = None
    definition: str | None = None
    citizens: str | None = None
    depth: str | None = None
    team_size: str | None = None
    confidentiality: str | None = None


@dataclass(frozen=True)
class Rule:
    """If the attribute has this value, the format gains `weight` points (or loses them)."""

    attribute: str
    value: str
    format_slug: str
    weight: int
    reason: str


@dataclass(frozen=True)
class Recommendation:
    format_slug: str
    score: int
    reasons: tuple[str, ...]


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the 31 August plus 6 months is the last day of February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def timeframe_of(
    earliest_start: datetime.date | None, deadline: datetime.date | None, today: datetime.date
) -> str | None:
    """short (< 3 months), medium (3–6 months), long (> 6 months) from the start to the deadline.

    Work starts today or at the earliest start, whichever is later; a deadline already passed
    leaves a short timeframe. Without a deadline there is no timeframe.
    """
    if deadline is None:
        return None
    start = max(today, earliest_start) if earliest_start else today
    if deadline < _add_months(start, SHORT_MONTHS):
        return "short"
    if deadline <= _add_months(start, LONG_MONTHS):
        return "medium"
    return "long"


def team_size_of(expected_team_size: int | None) -> str | None:
    """small (1–2 people), medium (3–6), large (7 or more); None when unknown."""
    if not expected_team_size:
        return None
    if expected_team_size <= SMALL_TEAM:
        return "small"
    if expected_team_size < LARGE_TEAM:
        return "medium"
    return "large"


def attributes_of(
    earliest_start: datetime.date | None,
    deadline: datetime.date | None,
    definition: str | None,
    citizen_involvement: bool | None,
    technical_depth: str | None,
    expected_team_size: int | None,
    confidentiality: str | None,
    today: datetime.date,
) -> Attributes:
    """Reduce a challenge's answers to the six attributes the rules speak about."""
    return Attributes(
        timeframe=timeframe_of(earliest_start, deadline, today),
        definition=definition or None,
        citizens=None if citizen_involvement is None else ("yes" if citizen_involvement else "no"),
        depth=technical_depth or None,
        team_size=team_size_of(expected_team_size),
        confidentiality=confidentiality or None,
    )


def recommend(
    attributes: Attributes, rules: Iterable[Rule], format_slugs: Sequence[str]
) -> list[Recommendation]:
    """Every format of `format_slugs`, ranked by the summed points of its matching rules.

    Best first; equal scores keep the order of `format_slugs` (the catalogue's order). Each
    recommendation lists the reasons of the rules that counted: gains first, largest first, then
    losses, largest first. A rule with 0 points is switched off and gives no reason; rules for
    formats not in `format_slugs` and rules on unknown attributes are ignored.
    """
    applied: dict[str, list[Rule]] = {slug: [] for slug in format_slugs}
    for rule in rules:
        if (
            rule.weight != 0
            and rule.format_slug in applied
            and rule.attribute in ATTRIBUTE_VALUES
            and getattr(attributes, rule.attribute) == rule.value
        ):
            applied[rule.format_slug].append(rule)
    recommendations = []
    for slug in format_slugs:
        matched = applied[slug]
        gains = sorted((r for r in matched if r.weight > 0), key=lambda r: -r.weight)
        losses = sorted((r for r in matched if r.weight < 0), key=lambda r: r.weight)
        recommendations.append(
            Recommendation(
                format_slug=slug,
                score=sum(r.weight for r in matched),
                reasons=tuple(r.reason for r in gains + losses),
            )
        )
    order = {slug: position for position, slug in enumerate(format_slugs)}
    return sorted(recommendations, key=lambda r: (-r.score, order[r.format_slug]))


# Loading: the only part that reads the database.


def recommendations_for(
    challenge: Challenge, *, today: datetime.date | None = None
) -> list[tuple[TransferFormat, Recommendation]]:
    """Every transfer format with its recommendation for `challenge`, best first (2 queries).

    Reasons are in the active language. `today` defaults to the current date in Berlin.
    """
    from django.utils import timezone

    from transferraum.challenges.models import FormatRule, TransferFormat

    formats = list(TransferFormat.objects.all())
    by_id = {transfer_format.pk: transfer_format for transfer_format in formats}
    rules = [
        Rule(
            attribute=rule.attribute,
            value=rule.value,
            format_slug=by_id[rule.format_id].slug,
            weight=rule.weight,
            reason=rule.reason,
        )
        for rule in FormatRule.objects.all()
    ]
    attributes = attributes_of(
        earliest_start=challenge.earliest_start,
        deadline=challenge.deadline,
        definition=challenge.definition,
        citizen_involvement=challenge.citizen_involvement,
        technical_depth=challenge.technical_depth,
        expected_team_size=challenge.expected_team_size,
        confidentiality=challenge.confidentiality,
        today=today or timezone.localdate(),
    )
    by_slug = {transfer_format.slug: transfer_format for transfer_format in formats}
    ranked = recommend(attributes, rules, [transfer_format.slug for transfer_format in formats])
    return [(by_slug[recommendation.format_slug], recommendation) for recommendation in ranked]

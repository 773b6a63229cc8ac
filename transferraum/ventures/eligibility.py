"""The one rule engine of the support programmes: a programme's eligibility rules are data
(`data/programmes.py`, stored in `SupportProgramme.rules`), evaluated here against the facts of
a venture. Pure: `facts_for` (selectors) loads the facts, `evaluate` judges them.

Rules (`{"rule": name, "value": …}`):
- `max_founders` (value: n): at most n founders;
- `university_mentor`: a mentor of a university (a member of a university organisation, or a
  supervisor or researcher) has accepted;
- `residence` (value: a federal state): the venture's town lies in that state;
- `in_region`: the venture's town lies in a district of the transfer programme;
- `founded_within_months` (value: n): not founded, or founded at most n months ago;
- `not_founded`: the company is not founded yet;
- `no_parallel_stipend`: no stipend granted or applied for in another programme;
- `origin_in` (value: origins): the venture comes from one of these origins;
- `min_stage` (value: a stage): the venture has reached at least that stage.
An unknown rule fails with its name, so a typo in the catalogue never lets everyone through.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from transferraum.ventures.models import STAGE_ORDER, Stage, Venture


@dataclass(frozen=True)
class Facts:
    """What the rules look at, for one venture on one day."""

    today: dt.date
    founders: int
    university_mentor: bool
    state: str  # the federal state of the venture's town ("" without a town)
    in_region: bool
    founded_on: dt.date | None
    origin: str
    stage: str
    # slugs of other programmes with a stipend applied for or granted
    stipends: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class RuleResult:
    rule: str
    passed: bool
    reason: str


@dataclass(frozen=True)
class Fit:
    """How one programme fits a venture."""

    programme: Any
    results: tuple[RuleResult, ...]

    @property
    def fits(self) -> bool:
        return all(result.passed for result in self.results)

    @property
    def failed(self) -> list[RuleResult]:
        return [result for result in self.results if not result.passed]


def _months_between(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def _check(rule: dict[str, Any], facts: Facts, programme_slug: str) -> RuleResult:
    name = str(rule.get("rule", ""))
    value: Any = rule.get("value")
    number = int(value) if isinstance(value, int | str) and str(value).isdigit() else 0
    if name == "max_founders":
        ok = facts.founders <= number
        reason = _("At most %(n)d founders; the venture has %(has)d.") % {
            "n": number,
            "has": facts.founders,
        }
    elif name == "university_mentor":
        ok = facts.university_mentor
        reason = _("A mentor from a university must support the venture.")
    elif name == "residence":
        ok = facts.state == value
        reason = _("The venture must be based in %(state)s.") % {"state": value}
    elif name == "in_region":
        ok = facts.in_region
        reason = _("The venture must be based in the programme's region.")
    elif name == "founded_within_months":
        ok = facts.founded_on is None or _months_between(facts.founded_on, facts.today) <= int(
            value
        )
        reason = _("The company must have been founded at most %(n)d months ago.") % {"n": number}
    elif name == "not_founded":
        ok = facts.founded_on is None
        reason = _("Only for ventures not yet founded as a company.")
    elif name == "no_parallel_stipend":
        others = facts.stipends - {programme_slug}
        ok = not others
        reason = _("No other stipend may be applied for or granted at the same time.")
    elif name == "origin_in":
        allowed = list(value or [])
        ok = facts.origin in allowed
        labels = ", ".join(str(Venture.Origin(origin).label) for origin in allowed)
        reason = _("Only for ventures from: %(origins)s.") % {"origins": labels}
    elif name == "min_stage":
        ok = STAGE_ORDER.index(facts.stage) >= STAGE_ORDER.index(str(value))
        reason = _("The venture must have reached the stage “%(stage)s”.") % {
            "stage": Stage(str(value)).label
        }
    else:
        ok = False
        reason = _("Unknown rule “%(rule)s”.") % {"rule": name}
    return RuleResult(name, ok, reason)


def evaluate(programme: Any, facts: Facts) -> Fit:
    """Every rule of `programme` (a `SupportProgramme` or anything with `slug` and `rules`)
    judged against `facts`."""
    return Fit(programme, tuple(_check(rule, facts, programme.slug) for rule in programme.rules))


def evaluate_all(programmes: Iterable[Any], facts: Facts) -> list[Fit]:
    """The fits of several programmes, those that fit first."""
    fits = [evaluate(programme, facts) for programme in programmes]
    return sorted(fits, key=lambda fit: (not fit.fits, fit.programme.name))

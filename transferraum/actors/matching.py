"""“Passt zu uns”: which actors meet each other's needs. Pure Python, no database.

An offer meets a need when their categories are equal or when the need is one that the offer's
category serves (internships and theses bring future skilled staff, for example). The score
counts the met needs in both directions twice and shared competences once.

`actors.selectors.suggestions_for` finds the best candidates with the same score in SQL (from
`offers_meeting` and `needs_met_by`) and then calls `matches_for` on them for the reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# need category → further offer categories that meet it (besides the same category)
MEETS: dict[str, frozenset[str]] = {
    "skilled_staff": frozenset({"internships", "theses", "practice_projects"}),
    "research_partner": frozenset({"data", "theses", "practice_projects"}),
    "volunteers": frozenset({"practice_projects"}),
    "contacts": frozenset({"mentoring"}),
}
NEED_WEIGHT = 2
COMPETENCE_WEIGHT = 1


def offer_meets_need(offer_category: str, need_category: str) -> bool:
    return offer_category == need_category or offer_category in MEETS.get(need_category, ())


def offers_meeting(need: str) -> frozenset[str]:
    """The offer categories that meet `need`."""
    return frozenset({need}) | MEETS.get(need, frozenset())


def needs_met_by(offers: frozenset[str]) -> frozenset[str]:
    """The need categories that one of `offers` meets."""
    return offers | frozenset(need for need, extra in MEETS.items() if extra & offers)


@dataclass(frozen=True)
class ActorProfile:
    id: int
    offers: frozenset[str]
    needs: frozenset[str]
    competences: frozenset[int]


@dataclass(frozen=True)
class Reason:
    """One pair that fits: `direction` "they_offer" (they offer what we need) or "we_offer"."""

    direction: str
    offer: str
    need: str


@dataclass(frozen=True)
class Match:
    other: int
    score: int
    reasons: tuple[Reason, ...]
    shared_competences: frozenset[int] = field(default_factory=frozenset)


def _pairs(offers: frozenset[str], needs: frozenset[str], direction: str) -> list[Reason]:
    return [
        Reason(direction=direction, offer=offer, need=need)
        for need in sorted(needs)
        for offer in sorted(offers)
        if offer_meets_need(offer, need)
    ]


def matches_for(me: ActorProfile, others: list[ActorProfile], *, limit: int = 8) -> list[Match]:
    """Actors that fit `me`, best first; ties by id so the order is stable."""
    results: list[Match] = []
    for other in others:
        if other.id == me.id:
            continue
        reasons = _pairs(other.offers, me.needs, "they_offer") + _pairs(
            me.offers, other.needs, "we_offer"
        )
        shared = me.competences & other.competences
        met_needs = {(r.direction, r.need) for r in reasons}
        score = NEED_WEIGHT * len(met_needs) + COMPETENCE_WEIGHT * len(shared)
        if reasons or shared:
            results.append(Match(other.id, score, tuple(reasons), frozenset(shared)))
    results.sort(key=lambda match: (-match.score, match.other))
    return results[:limit]

"""“Passt zu uns” scored in SQL: the same organisations, scores, order and reasons as the rule
(`matching.matches_for`) over everyone's full profile, in a constant number of queries."""

import random

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from transferraum.actors.matching import ActorProfile, matches_for
from transferraum.actors.models import Listing, ListingCategory, Organisation
from transferraum.actors.selectors import suggestions_for
from transferraum.actors.tests.factories import (
    CompetenceFactory,
    ListingFactory,
    OrganisationFactory,
)

CATEGORIES = list(ListingCategory.values)
DIRECTIONS = list(Listing.Direction.values)


def _fill(count: int, seed: int) -> list[Organisation]:
    """`count` organisations with a few offers and needs (sometimes twice the same) and
    competences, drawn from a fixed seed so that every kind of fit and tie occurs."""
    rng = random.Random(seed)  # noqa: S311 (test data)
    competences = CompetenceFactory.create_batch(6)
    organisations = []
    for _ in range(count):
        organisation = OrganisationFactory()
        for _ in range(rng.randint(0, 4)):
            ListingFactory(
                organisation=organisation,
                direction=rng.choice(DIRECTIONS),
                category=rng.choice(CATEGORIES),
            )
        organisation.competences.set(rng.sample(competences, rng.randint(0, 3)))
        organisations.append(organisation)
    return organisations


def _old_rule(organisation: Organisation, limit: int):
    """What "Passt zu uns" computed before: the rule over every organisation's profile."""
    profiles = {
        o.pk: ActorProfile(
            o.pk,
            frozenset(x.category for x in o.listings.all() if x.direction == "offer"),
            frozenset(x.category for x in o.listings.all() if x.direction == "need"),
            frozenset(c.pk for c in o.competences.all()),
        )
        for o in Organisation.objects.prefetch_related("listings", "competences")
    }
    return matches_for(profiles[organisation.pk], list(profiles.values()), limit=limit)


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [3, 6, 50])
def test_the_same_suggestions_as_the_rule_over_everyone(limit):
    organisations = _fill(40, seed=18)

    for organisation in organisations:
        expected = _old_rule(organisation, limit)
        suggestions = suggestions_for(organisation, AnonymousUser(), limit=limit)

        assert [(s.organisation.pk, s.score) for s in suggestions] == [
            (m.other, m.score) for m in expected
        ], organisation
        assert all(s.reasons for s in suggestions)
    assert sum(bool(_old_rule(o, 6)) for o in organisations) > 30  # most have suggestions


@pytest.mark.django_db
def test_shared_competences_alone_suggest_and_name_them():
    geo, other = CompetenceFactory(label_de="Geoinformatik"), CompetenceFactory()
    me, them, unrelated = OrganisationFactory.create_batch(3)
    me.competences.set([geo, other])
    them.competences.set([geo])
    unrelated.competences.set([CompetenceFactory()])

    (suggestion,) = suggestions_for(me, AnonymousUser())

    assert (suggestion.organisation, suggestion.score) == (them, 1)
    assert suggestion.reasons == ["gemeinsame Kompetenzen: Geoinformatik"]


@pytest.mark.django_db
def test_nothing_to_offer_or_seek_suggests_nothing(django_assert_num_queries):
    _fill(10, seed=1)
    alone = OrganisationFactory()

    with django_assert_num_queries(2):  # its listings and its competences
        assert suggestions_for(alone, AnonymousUser()) == []


@pytest.mark.django_db
def test_the_queries_do_not_grow_with_the_organisations():
    me = OrganisationFactory()
    ListingFactory(organisation=me, direction="need", category="skilled_staff")
    ListingFactory(organisation=me, direction="offer", category="data")
    _fill(5, seed=2)
    with CaptureQueriesContext(connection) as few:
        assert suggestions_for(me, AnonymousUser())
    _fill(60, seed=3)
    with CaptureQueriesContext(connection) as many:
        assert len(suggestions_for(me, AnonymousUser())) == 6

    assert len(many) == len(few) <= 6

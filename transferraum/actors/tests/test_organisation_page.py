"""An organisation's page at scale: every list on it stops at its size and says how many there
are (or links to all of them), and the number of queries stays the same as it grows."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.actors.selectors import PAGE_LIST_LIMIT
from transferraum.actors.tests.factories import (
    CompetenceFactory,
    ListingFactory,
    MembershipFactory,
    OrganisationFactory,
)
from transferraum.core.testing import assert_capped

LIMIT = PAGE_LIST_LIMIT
MARKERS = ("data-offer", "data-need", "data-contact", "data-member")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _grow(organisation, count: int) -> None:
    """`count` more of everything the page lists: offers, needs, members who are contacts,
    and organisations that fit (offering what it needs, sharing a competence)."""
    competence = CompetenceFactory()
    organisation.competences.add(competence)
    for _ in range(count):
        ListingFactory(organisation=organisation, direction="offer", category="data")
        ListingFactory(organisation=organisation, direction="need", category="skilled_staff")
        MembershipFactory(organisation=organisation, is_contact=True)
        other = OrganisationFactory()
        ListingFactory(organisation=other, direction="offer", category="internships")
        other.competences.add(competence)


def _get(client, organisation) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.django_db
def test_the_public_sees_a_page_of_each_list_and_how_many_there_are(english, town_eilenburg):
    _grow(town_eilenburg, LIMIT + 3)

    page, _ = _get(english, town_eilenburg)

    for marker in ("data-offer", "data-need", "data-contact"):
        assert assert_capped(page, marker, LIMIT) == LIMIT, marker
    assert page.count(f"{LIMIT} of {LIMIT + 3} shown.") == 3
    assert "data-member" not in page  # members only for members
    assert reverse("actors:edit", args=[town_eilenburg.slug]) not in page


@pytest.mark.django_db
def test_who_manages_it_is_linked_to_the_full_lists(english, town_eilenburg, officer_eilenburg):
    _grow(town_eilenburg, LIMIT + 3)
    english.force_login(officer_eilenburg)

    page, _ = _get(english, town_eilenburg)

    assert assert_capped(page, "data-member", LIMIT) == LIMIT
    edit = reverse("actors:edit", args=[town_eilenburg.slug])
    manage = reverse("actors:manage", args=[town_eilenburg.slug])
    assert page.count(f'<a class="kern-link" href="{edit}">Show all {LIMIT + 3}</a>') == 2
    assert f'<a class="kern-link" href="{manage}">Show all {LIMIT + 4}</a>' in page  # and him
    assert f"{LIMIT} of {LIMIT + 3} shown." in page  # the contacts have no page of their own


@pytest.mark.django_db
def test_a_short_list_says_nothing_more(english, town_eilenburg):
    _grow(town_eilenburg, 2)

    page, _ = _get(english, town_eilenburg)

    assert " shown." not in page
    assert "Show all" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [None, "officer_eilenburg", "member_eilenburg", "coordinator"])
def test_the_number_of_queries_does_not_grow_with_the_organisation(
    request, client, town_eilenburg, persona
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    _grow(town_eilenburg, LIMIT + 1)
    page, few = _get(client, town_eilenburg)
    _grow(town_eilenburg, 3 * LIMIT)
    bigger, many = _get(client, town_eilenburg)

    assert many == few
    for marker in MARKERS[:3]:
        assert assert_capped(bigger, marker, LIMIT) == LIMIT
    assert bigger.count('class="kern-card"') == 6  # "Passt zu uns" shows its six best

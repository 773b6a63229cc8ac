"""A person's own page lists the challenges they follow: a few, how many, in constant queries."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.challenges.models import Challenge, Follow
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.core.related import RELATED_LIMIT

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _follow(user, title: str, status: str = Challenge.Status.PUBLISHED) -> Challenge:
    challenge = ChallengeFactory(title=title, status=status)
    Follow.objects.create(challenge=challenge, user=user)
    return challenge


def _profile(client) -> str:
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_person_sees_the_challenges_they_follow(client, english, student_geography):
    followed = _follow(student_geography, "Leerstand am Markt")
    other = ChallengeFactory(title="Nicht gefolgt", status=Challenge.Status.PUBLISHED)
    client.force_login(student_geography)
    page = _profile(client)
    assert 'id="related-followed"' in page
    assert followed.get_absolute_url() in page
    assert other.get_absolute_url() not in page


def test_a_challenge_no_longer_visible_drops_out(client, student_geography):
    # withdrawn from the board after it was followed
    hidden = _follow(student_geography, "Zurückgezogen", status=Challenge.Status.WITHDRAWN)
    client.force_login(student_geography)
    assert hidden.get_absolute_url() not in _profile(client)


def test_nothing_followed_says_what_to_do(client, english, student_geography):
    client.force_login(student_geography)
    assert "You follow no challenge yet." in _profile(client)


def test_many_follows_show_a_few_and_how_many(client, english, student_geography):
    for n in range(RELATED_LIMIT + 3):
        _follow(student_geography, f"Aufgabe {n}")
    client.force_login(student_geography)
    page = _profile(client)
    assert f"{RELATED_LIMIT} of {RELATED_LIMIT + 3} shown." in page


def test_the_number_of_queries_does_not_grow_with_the_follows(client, student_geography):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _profile(client)
        return len(captured)

    client.force_login(student_geography)
    for n in range(RELATED_LIMIT):
        _follow(student_geography, f"Aufgabe {n}")
    before = queries()
    for n in range(RELATED_LIMIT, 4 * RELATED_LIMIT):
        _follow(student_geography, f"Aufgabe {n}")
    assert queries() == before

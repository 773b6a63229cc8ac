"""Connections between pages: a challenge links its projects and their recommendations, an
organisation's page lists its challenges, projects and recommendations; each only as far as the
viewer may see it, a few of each with how many there are, in a constant number of queries."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from transferraum.challenges.models import Challenge
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.core.related import RELATED_LIMIT
from transferraum.core.testing import rows_marked
from transferraum.projects.models import Round
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import RecommendationFactory

S = Recommendation.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _handed_over(project, title: str, **fields) -> Recommendation:
    return RecommendationFactory(
        project=project,
        title=title,
        status=S.HANDED_OVER,
        first_answer_due=timezone.localdate(),
        **fields,
    )


@pytest.fixture
def linked(project):
    """Eilenburg's running project with a public, a confidential and a drafted recommendation,
    and a project of a round still in preparation for the same challenge."""
    planned = ProjectFactory(
        round=RoundFactory(phase=Round.Phase.PREPARATION),
        challenge=project.challenge,
        title="Projekt in Vorbereitung",
    )
    return {
        "project": project,
        "planned": planned,
        "public": _handed_over(project, "Öffentliche Empfehlung"),
        "confidential": _handed_over(project, "Vertrauliche Empfehlung", confidential=True),
        "drafted": RecommendationFactory(project=project, title="Empfehlung im Entwurf"),
    }


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_challenge_links_its_projects_and_their_recommendations(client, linked):
    page = _page(client, linked["project"].challenge.get_absolute_url())
    assert 'id="related-projects"' in page
    assert linked["project"].get_absolute_url() in page
    assert linked["public"].get_absolute_url() in page
    # what the public may not see
    assert linked["planned"].get_absolute_url() not in page
    assert linked["confidential"].get_absolute_url() not in page
    assert linked["drafted"].get_absolute_url() not in page


def test_the_partner_sees_its_confidential_recommendation_on_the_challenge(
    client, linked, officer_eilenburg
):
    client.force_login(officer_eilenburg)
    page = _page(client, linked["project"].challenge.get_absolute_url())
    assert linked["confidential"].get_absolute_url() in page
    assert linked["planned"].get_absolute_url() in page  # the partner prepares it too
    assert linked["drafted"].get_absolute_url() not in page


def test_the_team_sees_its_draft_on_the_challenge(client, linked, student_geography):
    client.force_login(student_geography)
    page = _page(client, linked["project"].challenge.get_absolute_url())
    assert linked["drafted"].get_absolute_url() in page


def test_a_challenge_without_projects_shows_no_connections(client, town_eilenburg):
    challenge = ChallengeFactory(organisation=town_eilenburg, status=Challenge.Status.PUBLISHED)
    page = _page(client, challenge.get_absolute_url())
    assert "related-projects" not in page
    assert "related-recommendations" not in page


def test_an_organisation_lists_its_challenges_projects_and_recommendations(
    client, linked, town_eilenburg
):
    draft = ChallengeFactory(organisation=town_eilenburg, title="Entwurf der Stadt")
    page = _page(client, town_eilenburg.get_absolute_url())
    for heading in ("related-challenges", "related-projects", "related-recommendations"):
        assert f'id="{heading}"' in page
    assert linked["project"].challenge.get_absolute_url() in page
    assert linked["project"].get_absolute_url() in page
    assert linked["public"].get_absolute_url() in page
    assert draft.get_absolute_url() not in page
    assert linked["confidential"].get_absolute_url() not in page


def test_its_members_see_the_organisations_drafts_and_confidential_ones(
    client, linked, town_eilenburg, officer_eilenburg
):
    draft = ChallengeFactory(organisation=town_eilenburg, title="Entwurf der Stadt")
    client.force_login(officer_eilenburg)
    page = _page(client, town_eilenburg.get_absolute_url())
    assert draft.get_absolute_url() in page
    assert linked["confidential"].get_absolute_url() in page


def test_a_recommendation_addressed_to_an_organisation_is_on_its_page(
    client, project, company_zeitz
):
    addressed = _handed_over(project, "An die Werkstätten", addressee_organisation=company_zeitz)
    page = _page(client, company_zeitz.get_absolute_url())
    assert addressed.get_absolute_url() in page


def test_long_lists_show_a_few_and_say_how_many(client, town_eilenburg, english):
    for n in range(RELATED_LIMIT + 2):
        ChallengeFactory(
            organisation=town_eilenburg, title=f"Aufgabe {n}", status=Challenge.Status.PUBLISHED
        )
    page = _page(client, town_eilenburg.get_absolute_url())
    assert page.count("/herausforderungen/") >= RELATED_LIMIT
    assert f"{RELATED_LIMIT} of {RELATED_LIMIT + 2} shown." in page


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _more_of_everything(town, project, n: int) -> None:
    challenge = ChallengeFactory(organisation=town, status=Challenge.Status.PUBLISHED)
    ProjectFactory(round=project.round, challenge=challenge, title=f"Weiteres Projekt {n}")
    _handed_over(project, f"Weitere Empfehlung {n}")


@pytest.mark.parametrize("persona", ["anonymous", "officer_eilenburg"])
def test_the_number_of_queries_does_not_grow_with_the_connections(
    request, client, linked, town_eilenburg, persona
):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    for n in range(RELATED_LIMIT):
        _more_of_everything(town_eilenburg, linked["project"], n)
    urls = (linked["project"].challenge.get_absolute_url(), town_eilenburg.get_absolute_url())
    before = [_queries(client, url) for url in urls]
    for n in range(RELATED_LIMIT, 4 * RELATED_LIMIT):
        _more_of_everything(town_eilenburg, linked["project"], n)
    assert [_queries(client, url) for url in urls] == before


def test_all_of_an_organisations_recommendations_are_in_the_tracker(
    english, project, town_eilenburg
):
    for n in range(RELATED_LIMIT + 1):
        _handed_over(project, f"Empfehlung {n}")
    tracker = reverse("recommendations:tracker") + f"?organisation={town_eilenburg.slug}"

    page = _page(english, town_eilenburg.get_absolute_url())

    assert f'<a class="kern-link" href="{tracker}">Show all {RELATED_LIMIT + 1}</a>' in page
    listed = _page(english, tracker)
    assert rows_marked(listed, "data-tracker-item") == RELATED_LIMIT + 1

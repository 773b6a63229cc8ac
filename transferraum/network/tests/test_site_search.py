"""The search across the platform (`/suche/`, the field in the header): every kind the apps
register, each only as far as the viewer may see it, grouped, limited, safe with odd input."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.models import PersonProfile
from transferraum.actors.services import organisation_index, person_index
from transferraum.challenges.models import Challenge
from transferraum.challenges.services import challenge_index
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.core.site_search import HITS_PER_KIND, site_search
from transferraum.projects.models import Round
from transferraum.projects.services.rounds import project_index
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services.common import recommendation_index
from transferraum.recommendations.tests.factories import RecommendationFactory, team_project

S = Recommendation.Status
pytestmark = pytest.mark.django_db


def _profile(user, visibility: str, bio: str) -> PersonProfile:
    profile = PersonProfile.objects.create(user=user, visibility=visibility, bio=bio)
    person_index(profile)
    return profile


def _challenge(town, title: str, status: str) -> Challenge:
    challenge = ChallengeFactory(
        organisation=town, municipality=town.municipality, title=title, status=status
    )
    challenge_index(challenge)
    return challenge


def _recommendation(project, title: str, **fields) -> Recommendation:
    recommendation = RecommendationFactory(project=project, title=title, **fields)
    recommendation_index(recommendation)
    return recommendation


@pytest.fixture
def world(town_eilenburg, company_zeitz, student_geography, student_informatics):
    """One thing of each kind and visibility, all about "Leerstand" in Eilenburg."""
    organisation_index(town_eilenburg)
    organisation_index(company_zeitz)
    members_only = UserFactory(name="Mara Mitglied")
    _profile(student_geography, PersonProfile.Visibility.PUBLIC, "Leerstand in Eilenburg")
    _profile(members_only, PersonProfile.Visibility.MEMBERS, "Leerstand in Eilenburg")
    _profile(student_informatics, PersonProfile.Visibility.COORDINATORS, "Leerstand in Eilenburg")
    published = _challenge(town_eilenburg, "Leerstand am Markt", Challenge.Status.PUBLISHED)
    draft = _challenge(town_eilenburg, "Leerstand im Entwurf", Challenge.Status.DRAFT)
    project = team_project(town_eilenburg, title="Leerstand kartieren")
    project_index(project)
    planned = ProjectFactory(
        round=RoundFactory(phase=Round.Phase.PREPARATION),
        challenge=published,
        title="Leerstand geplant",
    )
    project_index(planned)
    handed_over = dict(status=S.HANDED_OVER, first_answer_due=timezone.localdate())
    public = _recommendation(project, "Leerstandskataster", **handed_over)
    confidential = _recommendation(
        project, "Leerstand vertraulich", confidential=True, **handed_over
    )
    drafted = _recommendation(project, "Leerstand als Entwurf")
    return SimpleNamespace(**locals())


def titles(viewer, query: str = "Leerstand") -> dict[str, set[str]]:
    return {group.kind: {hit.title for hit in group.hits} for group in site_search(query, viewer)}


def test_the_public_finds_only_what_is_public(world):
    found = titles(AnonymousUser())
    assert found["people"] == {"Lena Schubert"}
    assert found["challenges"] == {"Leerstand am Markt"}
    assert found["projects"] == {"Leerstand kartieren"}
    assert found["recommendations"] == {"Leerstandskataster"}


def test_an_outsider_does_not_find_a_person_visible_to_coordinators_only(world, outsider):
    # registered without a role or an organisation: not a member, so not Mara's profile either
    found = titles(outsider)
    assert found["people"] == {"Lena Schubert"}
    assert "Jonas Weber" not in found["people"]


def test_a_member_of_the_programme_finds_profiles_for_members(world, student_geography):
    assert "Mara Mitglied" in titles(student_geography)["people"]


def test_a_draft_challenge_is_not_found_by_others(world, outsider, owner_zeitz):
    for viewer in (AnonymousUser(), outsider, owner_zeitz):
        assert "Leerstand im Entwurf" not in titles(viewer)["challenges"]


def test_its_organisation_and_coordinators_find_the_draft(world, officer_eilenburg, coordinator):
    for viewer in (officer_eilenburg, coordinator):
        assert "Leerstand im Entwurf" in titles(viewer)["challenges"]


def test_a_confidential_recommendation_is_not_found_by_the_public(world, outsider, owner_zeitz):
    for viewer in (AnonymousUser(), outsider, owner_zeitz):
        found = titles(viewer)["recommendations"]
        assert "Leerstand vertraulich" not in found
        assert "Leerstand als Entwurf" not in found


def test_the_partner_finds_its_confidential_recommendation(world, officer_eilenburg):
    found = titles(officer_eilenburg)["recommendations"]
    assert found == {"Leerstandskataster", "Leerstand vertraulich"}


def test_a_project_of_a_round_in_preparation_only_for_those_who_prepare_it(
    world, outsider, coordinator, officer_eilenburg
):
    assert "Leerstand geplant" not in titles(outsider)["projects"]
    supervisor = world.planned.supervisors.get()
    for viewer in (coordinator, supervisor, officer_eilenburg):
        assert "Leerstand geplant" in titles(viewer)["projects"], viewer


def test_coordinators_find_everything(world, coordinator):
    found = titles(coordinator)
    assert found["people"] == {"Lena Schubert", "Mara Mitglied", "Jonas Weber"}
    assert found["recommendations"] == {
        "Leerstandskataster",
        "Leerstand vertraulich",
        "Leerstand als Entwurf",
    }


def test_german_stems_and_compounds_match(world):
    # "Leerstände" and the compound "Leerstandskataster" are found by their stem.
    assert "Leerstandskataster" in titles(AnonymousUser(), "Leerstände")["recommendations"]
    assert titles(AnonymousUser(), "Eilenburger")["organisations"] == {"Stadtverwaltung Eilenburg"}


def test_groups_come_in_the_order_of_the_kinds_and_empty_kinds_are_left_out(world, coordinator):
    kinds = [group.kind for group in site_search("Leerstand", coordinator)]
    assert kinds == ["people", "challenges", "projects", "recommendations"]


def test_each_kind_shows_a_few_and_counts_all(town_eilenburg):
    for n in range(HITS_PER_KIND + 2):
        _challenge(town_eilenburg, f"Mobilität {n}", Challenge.Status.PUBLISHED)
    (group,) = site_search("Mobilität", AnonymousUser())
    assert len(group.hits) == HITS_PER_KIND
    assert group.total == HITS_PER_KIND + 2
    assert group.more
    assert group.list_url == reverse("challenges:board") + "?q=Mobilit%C3%A4t"


# --- the page -----------------------------------------------------------------------------------


def test_the_page_groups_the_results_with_links(client, world):
    response = client.get(reverse("search"), {"q": "Leerstand"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="search-challenges"' in page
    assert world.published.get_absolute_url() in page
    assert world.public.get_absolute_url() in page
    assert world.draft.get_absolute_url() not in page
    assert world.confidential.get_absolute_url() not in page


def test_the_page_links_to_the_list_of_a_kind_when_there_are_more(client, town_eilenburg):
    for n in range(HITS_PER_KIND + 1):
        _challenge(town_eilenburg, f"Mobilität {n}", Challenge.Status.PUBLISHED)
    page = client.get(reverse("search"), {"q": "Mobilität"}).content.decode()
    assert f'href="{reverse("challenges:board")}?q=Mobilit%C3%A4t"' in page


def test_each_kind_links_its_list_page_filtered_by_the_words(world, coordinator):
    urls = {group.kind: group.list_url for group in site_search("Leerstand", coordinator)}
    assert urls == {
        "people": reverse("network:directory") + "?q=Leerstand&typ=personen",
        "challenges": reverse("challenges:board") + "?q=Leerstand",
        "projects": "",  # the showcase has no search
        "recommendations": reverse("recommendations:tracker") + "?q=Leerstand",
    }


@pytest.mark.parametrize(
    "query",
    ["", "   ", "a", "\x00", "Leer\x00stand", "%", "' OR 1=1 --", "<script>", "ü" * 5000, "😀"],
)
def test_odd_input_never_fails(client, world, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</header>")[-1]


def test_an_empty_query_shows_the_form_and_no_results(client, world):
    page = client.get(reverse("search")).content.decode()
    assert 'role="search"' in page
    assert "search-challenges" not in page


def test_a_query_without_results_says_so(client, world):
    client.cookies["django_language"] = "en"
    page = client.get(reverse("search"), {"q": "Raumfahrt"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Nothing found for “Raumfahrt”" in page.content.decode()


def test_the_query_is_cut_short(client, world):
    response = client.get(reverse("search"), {"q": "Leerstand " + "x" * 500})
    assert response.context["query"] == ("Leerstand " + "x" * 500)[:200]
    assert 'value="Leerstand ' + "x" * 190 + '"' in response.content.decode()


def _one_of_each(town, n: int) -> None:
    _challenge(town, f"Leerstand {n}", Challenge.Status.PUBLISHED)
    project = team_project(town, title=f"Leerstand {n}")
    project_index(project)
    _recommendation(project, f"Leerstand {n}", status=S.HANDED_OVER)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("search"), {"q": "Leerstand"}).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(client, coordinator, town_eilenburg):
    client.force_login(coordinator)
    for n in range(HITS_PER_KIND):
        _one_of_each(town_eilenburg, n)
    full = _queries(client)
    for n in range(HITS_PER_KIND, 4 * HITS_PER_KIND):
        _one_of_each(town_eilenburg, n)
    assert _queries(client) == full


def test_the_header_has_the_search_field_that_works_without_javascript(client):
    page = client.get(reverse("challenges:board")).content.decode()
    header = page.split("</header>")[0]
    assert f'action="{reverse("search")}"' in header
    assert 'role="search"' in header
    assert '<label class="kern-sr-only" for="site-search-q">' in header

"""The public tracker: who sees which recommendations and numbers (the confidential rule), the
filters, pages, progress bars in words, and a constant number of queries."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.challenges.tests.factories import TopicFieldFactory
from transferraum.core.testing import assert_capped, rows_marked
from transferraum.recommendations import figures, selectors
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.services.common import recommendation_index
from transferraum.recommendations.tests.factories import (
    RecommendationFactory,
    ResearchRecommendationFactory,
    team_project,
)

S = Recommendation.Status
URL = reverse("recommendations:tracker")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def zeitz_project(town_zeitz):
    project = team_project(town_zeitz)
    project.challenge.topics.add(
        TopicFieldFactory(slug="mobilitaet", name_de="Mobilität", name_en="Mobility")
    )
    return project


@pytest.fixture
def programme(project, town_eilenburg, zeitz_project, town_zeitz, researcher):
    """Recommendations of both towns in every way the filters tell apart."""
    project.challenge.topics.add(TopicFieldFactory())
    return {
        "adopted": RecommendationFactory(
            project=project,
            addressee_organisation=town_eilenburg,
            title="Kataster der leeren Läden",
            status=S.IN_IMPLEMENTATION,
            progress=40,
        ),
        "rejected": RecommendationFactory(
            project=project,
            title="Parkhaus am Markt",
            status=S.REJECTED,
            addressee_kind=Recommendation.Addressee.COMMITTEE,
        ),
        "confidential": RecommendationFactory(
            project=project,
            addressee_organisation=town_eilenburg,
            title="Verhandlung mit dem Eigentümer",
            status=S.UNDER_REVIEW,
            confidential=True,
        ),
        "draft": RecommendationFactory(project=project, title="Noch ein Entwurf"),
        "zeitz": RecommendationFactory(
            project=zeitz_project,
            addressee_organisation=town_zeitz,
            title="Rufbus für die Ortsteile",
            status=S.IMPLEMENTED,
            progress=100,
            addressee_kind=Recommendation.Addressee.COMPANY,
        ),
        "research": ResearchRecommendationFactory(
            created_by=researcher,
            addressee_organisation=town_zeitz,
            municipality=town_zeitz.municipality,
            round=zeitz_project.round,
            title="Wohnen auf Probe",
            status=S.HANDED_OVER,
        ),
    }


def titles(response) -> set[str]:
    page = response.content.decode()
    return {
        title
        for title in (
            "Kataster der leeren Läden",
            "Parkhaus am Markt",
            "Verhandlung mit dem Eigentümer",
            "Noch ein Entwurf",
            "Rufbus für die Ortsteile",
            "Wohnen auf Probe",
        )
        if title in page
    }


PUBLIC = {
    "Kataster der leeren Läden",
    "Parkhaus am Markt",
    "Rufbus für die Ortsteile",
    "Wohnen auf Probe",
}


@pytest.mark.django_db
def test_the_public_sees_what_was_handed_over_and_is_not_confidential(english, programme):
    response = english.get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert titles(response) == PUBLIC
    # the numbers count only what the page shows: four handed over, two adopted, one implemented
    assert (
        '<span class="rc-number__value">4</span> <span class="rc-number__label">handed over' in page
    )
    assert '<span class="rc-number__value">2</span> <span class="rc-number__label">adopted' in page
    assert '<span class="rc-number__value">1</span> <span class="rc-number__label">rejected' in page
    assert "Confidential recommendations are not counted here." in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "extra"),
    [
        ("officer_eilenburg", {"Verhandlung mit dem Eigentümer"}),  # the partner
        ("student_geography", {"Verhandlung mit dem Eigentümer", "Noch ein Entwurf"}),  # team
        ("coordinator", {"Verhandlung mit dem Eigentümer", "Noch ein Entwurf"}),
        ("officer_zeitz", set()),  # another town
        ("researcher_other", set()),  # researchers see confidential ones only as figures
    ],
)
def test_confidential_ones_only_for_those_allowed(request, english, programme, persona, extra):
    english.force_login(request.getfixturevalue(persona))

    response = english.get(URL)

    assert titles(response) == PUBLIC | extra
    counted = 5 if "Verhandlung mit dem Eigentümer" in extra else 4  # drafts never count
    page = response.content.decode()
    assert f'<span class="rc-number__value">{counted}</span>' in page


FILTERS = [
    ({"ort": "eilenburg"}, {"Kataster der leeren Läden", "Parkhaus am Markt"}),
    ({"ort": "zeitz"}, {"Rufbus für die Ortsteile", "Wohnen auf Probe"}),
    ({"thema": "mobilitaet"}, {"Rufbus für die Ortsteile"}),
    ({"thema": "innenstadt-leerstand"}, {"Kataster der leeren Läden", "Parkhaus am Markt"}),
    ({"runde": "zeitz-round"}, {"Rufbus für die Ortsteile", "Wohnen auf Probe"}),
    ({"status": "rejected"}, {"Parkhaus am Markt"}),
    ({"an": "company"}, {"Rufbus für die Ortsteile"}),
    ({"an": "committee", "ort": "eilenburg"}, {"Parkhaus am Markt"}),
    # addressed to the town of Zeitz, or from the projects of its challenges
    ({"organisation": "zeitz-town"}, {"Rufbus für die Ortsteile", "Wohnen auf Probe"}),
    ({"organisation": "eilenburg-town", "status": "rejected"}, {"Parkhaus am Markt"}),
    ({"ort": "nirgendwo", "status": "verloren", "runde": "x", "seite": "-3"}, PUBLIC),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("params", "expected"), FILTERS)
def test_the_filters(english, programme, zeitz_project, town_eilenburg, params, expected):
    values = {
        "eilenburg": town_eilenburg.municipality.ags,
        "zeitz": zeitz_project.challenge.municipality.ags,
        "zeitz-round": str(zeitz_project.round.pk),
        "zeitz-town": zeitz_project.challenge.organisation.slug,
        "eilenburg-town": town_eilenburg.slug,
    }
    query = {key: values.get(value, value) for key, value in params.items()}

    response = english.get(URL, query)

    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.django_db
def test_each_chosen_filter_is_a_chip_that_removes_it(english, programme, zeitz_project):
    round = zeitz_project.round
    ags = zeitz_project.challenge.municipality.ags

    page = english.get(URL, {"ort": ags, "runde": round.pk, "an": "company"}).content.decode()

    chip = '<span class="kern-sr-only">Remove filter </span>'
    town = zeitz_project.challenge.municipality.name
    assert f'href="{URL}?runde={round.pk}&amp;an=company">{chip}Town: {town}<' in page
    assert f'href="{URL}?ort={ags}&amp;an=company">{chip}Round: {round.name}<' in page
    assert f'href="{URL}?ort={ags}&amp;runde={round.pk}">{chip}Addressed to: A company<' in page
    assert f'<option value="{round.pk}" selected>{round.name}</option>' in page
    assert f'href="{URL}">Reset all filters' in page


@pytest.mark.django_db
def test_an_organisation_is_a_chip_and_kept_by_the_form(english, programme, town_zeitz):
    page = english.get(URL, {"organisation": town_zeitz.slug}).content.decode()

    chip = '<span class="kern-sr-only">Remove filter </span>'
    assert f'href="{URL}">{chip}Organisation: {town_zeitz.name}<' in page
    assert f'<input type="hidden" name="organisation" value="{town_zeitz.slug}">' in page
    assert '<span class="rc-number__value">2</span> <span class="rc-number__label">handed' in page


@pytest.mark.django_db
def test_a_town_and_round_link_their_dossier(english, programme, project, town_eilenburg):
    ags = town_eilenburg.municipality.ags

    page = english.get(URL, {"ort": ags, "runde": project.round.pk}).content.decode()

    dossier = reverse("recommendations:dossier-town", args=[ags, project.round.pk])
    assert f'href="{dossier}"' in page
    assert "Recommendations in Eilenburg" in page


@pytest.mark.django_db
def test_progress_is_shown_as_a_bar_and_in_words(english, programme):
    page = english.get(URL).content.decode()

    adopted = programme["adopted"]
    assert f'<progress id="progress-{adopted.pk}" max="100" value="40">' in page
    assert '<span class="rc-progress__value">40 %</span>' in page
    assert "In implementation" in page  # the status in words, not only by colour


@pytest.mark.django_db
def test_htmx_gets_only_the_results(english, programme):
    response = english.get(URL, {"status": "rejected"}, headers={"HX-Request": "true"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1" not in page
    assert 'id="tracker-results"' in page
    assert "Parkhaus am Markt" in page
    assert "HX-Request" in response["Vary"]


@pytest.mark.django_db
def test_long_lists_have_pages(english, project):
    RecommendationFactory.create_batch(27, project=project, status=S.HANDED_OVER)

    first = english.get(URL).content.decode()
    second = english.get(URL, {"seite": "2"}).content.decode()

    assert assert_capped(first, "data-tracker-item", 25) == 25
    assert rows_marked(second, "data-tracker-item") == 2
    assert "seite=2" in first
    assert '<span class="rc-number__value">27</span>' in first  # the numbers count them all


@pytest.mark.django_db
def test_the_table_of_towns_and_rounds_is_capped(english, programme, monkeypatch):
    monkeypatch.setattr(figures, "TABLE_LIMIT", 1)

    page = english.get(URL).content.decode()

    assert assert_capped(page, "data-tracker-figures", 1) == 1
    assert "The table shows 1 of 2 towns and rounds." in page
    assert "The table shows" not in english.get(URL, {"status": "rejected"}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [None, "officer_eilenburg", "coordinator"])
def test_the_number_of_queries_does_not_grow_with_the_list(
    request, client, project, town_eilenburg, zeitz_project, persona
):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    def fill(count: int, project) -> None:
        for _ in range(count):
            RecommendationFactory(
                project=project,
                addressee_organisation=town_eilenburg,
                status=S.IN_IMPLEMENTATION,
                progress=30,
            )

    fill(1, project)
    fill(1, zeitz_project)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    fill(20, project)
    fill(10, zeitz_project)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert assert_capped(response, "data-tracker-item", 25) == 25
    assert '<span class="rc-number__value">32</span>' in response.content.decode()
    assert len(many) == len(few)


NOT_COUNTED = "Confidential recommendations are not counted here."
COUNTED_WHERE_SEEN = "Confidential recommendations are counted only where you may see them."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "note"),
    [
        (None, NOT_COUNTED),
        ("outsider", NOT_COUNTED),  # signed in, but sees no confidential one
        ("officer_zeitz", NOT_COUNTED),
        ("officer_eilenburg", COUNTED_WHERE_SEEN),  # sees Eilenburg's confidential one
        ("coordinator", None),  # sees them all
    ],
)
def test_the_note_on_confidential_ones_fits_the_viewer(request, english, programme, persona, note):
    if persona:
        english.force_login(request.getfixturevalue(persona))

    page = english.get(URL).content.decode()

    for text in (NOT_COUNTED, COUNTED_WHERE_SEEN):
        assert (text in page) is (text == note), text


@pytest.mark.django_db
def test_drafts_are_marked_not_public_for_their_authors(english, programme, student_geography):
    english.force_login(student_geography)

    page = english.get(URL).content.decode()

    card = page.split("Noch ein Entwurf")[1].split('class="rc-card"')[0]
    assert "Not public yet" in card
    assert "Only the authors, the supervisors and the coordination see it." in card
    assert page.count("Not public yet") == 1  # the handed-over ones are public


# --- the tracker's reads (selectors) --------------------------------------------------------


@pytest.mark.django_db
def test_unknown_filter_values_are_dropped(programme, zeitz_project):
    query = selectors.TrackerFilters.from_query(
        QueryDict(
            urlencode(
                {
                    "ort": "99999999",
                    "thema": "gibt-es-nicht",
                    "runde": str(zeitz_project.round.pk),
                    "status": "verloren",
                    "an": "company",
                }
            )
        )
    )

    assert query == selectors.TrackerFilters(round=zeitz_project.round.pk, addressee="company")


@pytest.mark.django_db
def test_the_tracker_selects_what_the_viewer_may_see_and_asked_for(
    programme, zeitz_project, coordinator
):
    from django.contrib.auth.models import AnonymousUser

    query = selectors.TrackerFilters.from_query(QueryDict(f"runde={zeitz_project.round.pk}"))

    assert set(selectors.tracker_recommendations(AnonymousUser(), query)) == {
        programme["zeitz"],
        programme["research"],
    }
    assert list(selectors.tracker_rounds(AnonymousUser())) == sorted(
        {programme[k].round for k in ("adopted", "zeitz")}, key=lambda r: -r.pk
    )
    assert [town.name for town in selectors.tracker_towns(coordinator)] == sorted(
        {programme[k].municipality.name for k in ("adopted", "zeitz")}
    )
    assert selectors.confidential_reach(AnonymousUser()) == "none"
    assert selectors.confidential_reach(coordinator) == "all"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Parkhäuser", {"Parkhaus am Markt"}),
        ("rufbus ortsteil", {"Rufbus für die Ortsteile"}),
        ("Eigentümer", set()),  # confidential: the public does not find it
        ("Entwurf", set()),  # a draft neither
        ("Zeitz", {"Rufbus für die Ortsteile", "Wohnen auf Probe"}),
        ("\x00", PUBLIC),
    ],
)
def test_the_search_finds_words_of_what_the_viewer_may_see(english, programme, query, expected):
    for recommendation in programme.values():
        recommendation_index(recommendation)

    response = english.get(URL, {"q": query})

    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.django_db
def test_the_partner_finds_its_confidential_one(english, programme, officer_eilenburg):
    for recommendation in programme.values():
        recommendation_index(recommendation)
    english.force_login(officer_eilenburg)

    response = english.get(URL, {"q": "Eigentümer"})

    assert titles(response) == {"Verhandlung mit dem Eigentümer"}

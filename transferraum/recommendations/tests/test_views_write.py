"""Writing a recommendation in the browser: who may open the form (table), drafts that keep what
was typed when a rule refuses them, the evidence chooser limited to the project's documents."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from transferraum.projects.models import Document
from transferraum.projects.tests.factories import ProjectFactory
from transferraum.recommendations.models import Recommendation
from transferraum.recommendations.tests.factories import (
    RecommendationFactory,
    ResearchRecommendationFactory,
)

S = Recommendation.Status


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def new_url(project=None) -> str:
    url = reverse("recommendations:new")
    return f"{url}?projekt={project.pk}" if project is not None else url


def edit_url(recommendation) -> str:
    return reverse("recommendations:edit", args=[recommendation.pk])


def form_data(**extra) -> dict[str, str]:
    return {
        "title": "Leerstandskataster für die Innenstadt",
        "summary": "Ein öffentliches Kataster der leeren Läden.",
        "rationale": "Interessenten finden die Läden nicht.",
        "addressee_kind": "council",
        "addressee_name": "Stadtrat Eilenburg",
        **extra,
    }


def label_of(html: str, name: str) -> str:
    """The text of the label of the input called `name`."""
    field_id = re.search(rf'name="{name}"[^>]*id="([^"]+)"|id="([^"]+)"[^>]*name="{name}"', html)
    assert field_id is not None, name
    key = field_id.group(1) or field_id.group(2)
    label = re.search(rf'<label class="kern-label" for="{key}">(.*?)</label>', html, re.S)
    assert label is not None, name
    return re.sub(r"<[^>]+>", "", label.group(1))


@pytest.mark.django_db
def test_what_the_approval_needs_is_not_marked_optional(english, researcher):
    english.force_login(researcher)

    html = english.get(new_url()).content.decode()

    for name in ("summary", "rationale", "addressee_kind", "addressee_organisation"):
        assert "optional" not in label_of(html, name)
        assert "needed for approval" in label_of(html, name)
    assert "optional" in label_of(html, "expected_effect")


# --- who may open the form ------------------------------------------------------------------

NEW_FOR_PROJECT = [
    ("student_geography", 200),  # in the team
    ("researcher", 200),  # the accompanying research writes for any project
    ("student_informatics", 403),
    ("supervisor", 403),  # approves, does not write
    ("officer_eilenburg", 403),  # the partner receives
    ("coordinator", 403),
    ("outsider", 403),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status"), NEW_FOR_PROJECT)
def test_who_may_open_the_form_for_a_project(request, client, project, persona, status):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(new_url(project)).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status"), [("researcher", 200), ("student_geography", 403)])
def test_only_researchers_write_without_a_project(request, client, persona, status):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(new_url())

    assert response.status_code == status
    if status == 200:  # they say where it belongs themselves
        assert 'name="round"' in response.content.decode()
        assert 'name="municipality"' in response.content.decode()


@pytest.mark.django_db
def test_anonymous_people_are_sent_to_the_login(client, project):
    response = client.get(new_url(project))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_a_post_by_someone_outside_the_team_stores_nothing(client, project, student_informatics):
    client.force_login(student_informatics)

    assert client.post(new_url(project), form_data()).status_code == 403
    assert not Recommendation.objects.exists()


# --- drafting -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_evidence_chooser_offers_only_the_projects_documents(
    english, project, student_geography
):
    Document.objects.create(project=project, title="Befragung der Eigentümer", category="report")
    Document.objects.create(project=ProjectFactory(), title="Fremdes Gutachten")
    english.force_login(student_geography)

    page = english.get(new_url(project)).content.decode()

    assert "Befragung der Eigentümer" in page
    assert "Fremdes Gutachten" not in page
    assert page.count("<h1") == 1


@pytest.mark.django_db
def test_the_team_drafts_a_recommendation_with_evidence(english, project, student_geography):
    survey = Document.objects.create(project=project, title="Befragung", category="report")
    english.force_login(student_geography)

    response = english.post(
        new_url(project),
        form_data(
            evidence=[str(survey.pk)],
            evidence_links="Leerstandsmelder | https://example.org/leerstand\n"
            "https://example.org/studie\n",
            cost_min="2000",
            cost_max="5000",
        ),
    )

    recommendation = Recommendation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == recommendation.get_absolute_url()
    assert recommendation.status == S.DRAFTED
    assert recommendation.written_by_kind == Recommendation.Author.TEAM
    assert list(recommendation.evidence.all()) == [survey]
    assert recommendation.evidence_links == [
        {"title": "Leerstandsmelder", "url": "https://example.org/leerstand"},
        {"title": "https://example.org/studie", "url": "https://example.org/studie"},
    ]
    assert (recommendation.cost_min, recommendation.cost_max) == (2000, 5000)


@pytest.mark.django_db
def test_a_researcher_drafts_for_a_town_and_round(english, researcher, project, town_eilenburg):
    english.force_login(researcher)

    response = english.post(
        new_url(),
        form_data(
            addressee_organisation=str(town_eilenburg.pk),
            round=str(project.round.pk),
        ),
    )

    recommendation = Recommendation.objects.get()
    assert response.status_code == 302
    assert recommendation.written_by_kind == Recommendation.Author.RESEARCH
    assert recommendation.round == project.round
    assert recommendation.municipality == town_eilenburg.municipality


REFUSED_DRAFTS = [
    ({"cost_min": "5000", "cost_max": "2000"}, "cost_max", "lowest cost is higher"),
    ({"effort_days_min": "30", "effort_days_max": "3"}, "effort_days_max", "lowest effort"),
    (
        {"first_answer_due": str(dt.date(2020, 1, 31))},
        "first_answer_due",
        "lies in the past",
    ),
    ({"evidence_links": "Studie | keine-adresse"}, "evidence_links", "is not a web address"),
    ({"title": "   "}, "title", "Please give the recommendation a title."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "field", "message"), REFUSED_DRAFTS)
def test_a_refused_draft_keeps_what_was_typed(
    english, project, student_geography, changes, field, message
):
    english.force_login(student_geography)

    response = english.post(new_url(project), form_data(**changes))

    page = response.content.decode()
    assert response.status_code == 422
    assert message in page
    assert f'id="id_{field}-error"' in page  # the message sits at its field
    assert "Interessenten finden die Läden nicht." in page  # the rest as typed
    assert not Recommendation.objects.exists()


@pytest.mark.django_db
def test_the_responsible_person_must_work_for_the_partner(
    english, project, student_geography, officer_zeitz
):
    english.force_login(student_geography)

    response = english.post(new_url(project), form_data(responsible_person=str(officer_zeitz.pk)))

    # Not even offered: the choice is limited to the partner's side.
    assert response.status_code == 422
    assert 'id="id_responsible_person-error"' in response.content.decode()
    assert not Recommendation.objects.exists()


# --- editing --------------------------------------------------------------------------------

EDIT = [
    ("student_geography", S.DRAFTED, 200),
    ("student_geography", S.APPROVED, 403),  # approved: reopen first
    ("supervisor", S.DRAFTED, 403),
    ("coordinator", S.DRAFTED, 403),
    ("officer_eilenburg", S.DRAFTED, 404),  # drafts stay unknown to the partner
    ("outsider", S.HANDED_OVER, 403),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "status", "expected"), EDIT)
def test_who_may_edit(request, client, project, persona, status, expected):
    recommendation = RecommendationFactory(project=project, status=status)
    client.force_login(request.getfixturevalue(persona))

    assert client.get(edit_url(recommendation)).status_code == expected


@pytest.mark.django_db
def test_the_author_changes_the_draft(english, project, student_geography):
    recommendation = RecommendationFactory(project=project, title="Alt")
    english.force_login(student_geography)

    page = english.get(edit_url(recommendation)).content.decode()
    assert 'value="Alt"' in page

    response = english.post(
        edit_url(recommendation), form_data(title="Neu", version=recommendation.version)
    )

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.title == "Neu"
    assert recommendation.events.filter(action="updated").exists()


@pytest.mark.django_db
def test_a_refused_change_stores_nothing_and_keeps_the_input(english, project, student_geography):
    recommendation = RecommendationFactory(project=project, title="Alt")
    english.force_login(student_geography)

    response = english.post(
        edit_url(recommendation),
        form_data(
            title="Neu",
            council="x",
            cost_min="9",
            cost_max="1",
            version=recommendation.version,
        ),
    )

    assert response.status_code == 422
    assert 'value="Neu"' in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.title == "Alt"


@pytest.mark.django_db
def test_the_researcher_edits_her_own_draft(english, researcher, town_eilenburg):
    recommendation = ResearchRecommendationFactory(
        created_by=researcher,
        addressee_organisation=town_eilenburg,
        municipality=town_eilenburg.municipality,
        first_answer_due=timezone.localdate() + dt.timedelta(days=30),
    )
    english.force_login(researcher)

    response = english.post(
        edit_url(recommendation),
        form_data(
            addressee_organisation=str(town_eilenburg.pk),
            title="Geändert",
            version=recommendation.version,
        ),
    )

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.title == "Geändert"


@pytest.mark.django_db
def test_saving_the_same_draft_twice_makes_one_and_shows_it(english, project, student_geography):
    english.force_login(student_geography)

    first = english.post(new_url(project), form_data())
    second = english.post(new_url(project), form_data(), follow=True)

    recommendation = Recommendation.objects.get()
    assert first["Location"] == recommendation.get_absolute_url()
    assert second.redirect_chain == [(recommendation.get_absolute_url(), 302)]
    assert f"The draft “{recommendation.title}” has already been saved." in (
        second.content.decode()
    )

"""The research pages: the personal link (consent, pages, errors, resuming, refusals) and the
researchers' pages (builder, study, waves)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from transferraum.core.tokens import token_for
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, place
from transferraum.research.models import ConsentRecord, Question, Response
from transferraum.research.services import studies
from transferraum.research.services.studies import TOKEN_PURPOSE
from transferraum.research.tests.factories import study_make, survey_make, wave_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def study(researcher):
    return study_make(researcher)


@pytest.fixture
def survey(researcher, study):
    return survey_make(researcher, study)


@pytest.fixture
def wave(researcher, study, survey, student_geography):
    round = RoundFactory()
    place(student_geography, ProjectFactory(round=round))
    wave = wave_make(researcher, study, survey, round=round)
    return studies.wave_open(actor=researcher, wave=wave)


@pytest.fixture
def link(wave, student_geography):
    invitation = wave.invitations.get(person=student_geography)
    return reverse("research:answer", args=[token_for(TOKEN_PURPOSE, invitation.token_seed)])


def test_the_link_asks_for_consent_first_and_needs_no_sign_in(client, link, study):
    page = client.get(link)
    assert page.status_code == 200
    assert "Ich willige ein" in page.text
    refused = client.post(link, {"action": "consent"})
    assert "Bitte kreuzen Sie das Kästchen an" in refused.text
    assert client.post(link, {"action": "consent", "agree": "yes"}).status_code == 302
    assert ConsentRecord.objects.filter(study=study, action="given").count() == 1
    first = client.get(link)
    assert "Seite 1 von 2" in first.text
    assert "<legend" in first.text and 'name="q-bindung"' in first.text


def test_answers_are_checked_saved_and_resumed(client, link):
    client.post(link, {"action": "consent", "agree": "yes"})
    wrong = client.post(link, {"action": "save", "q-bindung": "9", "q-tage": "100"})
    assert wrong.status_code == 422
    assert 'href="#q-bindung-1"' in wrong.text and "von 1 bis 5" in wrong.text
    assert 'aria-describedby="q-tage-error' in wrong.text and 'value="100"' in wrong.text
    assert not Response.objects.get().answers.exists()
    assert client.post(link, {"action": "save", "q-bindung": "5", "q-tage": "3"}).status_code == 302
    # a new browser (the session expired): the link opens page 2, page 1 is kept
    client.cookies.clear()
    resumed = client.get(link)
    assert "Seite 2 von 2" in resumed.text and "Warum?" in resumed.text
    back = client.get(link + "?seite=1")
    assert 'value="5" id="q-bindung-5" checked' in back.text
    done = client.post(link, {"action": "save", "page": "2", "q-warum": "Die Menschen"})
    assert done.status_code == 302
    assert "Vielen Dank" in client.get(link).text


def test_withdrawal_through_the_link(client, link):
    client.post(link, {"action": "consent", "agree": "yes"})
    client.post(link, {"action": "save", "q-bindung": "5"})
    client.post(link, {"action": "withdraw"})
    assert not Response.objects.exists()
    assert "Ich willige ein" in client.get(link).text


def test_the_link_is_refused_for_another_person_and_after_closing(
    client, link, wave, researcher, student_informatics
):
    client.force_login(student_informatics)
    assert client.get(link).status_code == 403
    client.logout()
    studies.wave_close(actor=researcher, wave=wave)
    refused = client.get(link)
    assert refused.status_code == 410 and "endete am" in refused.text
    assert client.get(reverse("research:answer", args=["erfunden"])).status_code == 410


def test_the_builder_refuses_a_condition_on_a_later_question(client, researcher, survey):
    client.force_login(researcher)
    page = survey.versions.get().pages.get(position=1)
    answer = client.post(
        survey.get_absolute_url(),
        {
            "form": "question",
            "question-page": page.pk,
            "question-code": "neu",
            "question-kind": "text",
            "question-text_de": "Neu",
            "question-text_en": "New",
            "question-rule_0_question": "warum",
            "question-rule_0_op": "answered",
        },
    )
    assert answer.status_code == 422
    assert "später kommt" in answer.text
    assert not Question.objects.filter(code="neu").exists()


def test_the_builder_adds_a_question_with_options_and_a_condition(client, researcher, survey):
    client.force_login(researcher)
    page = survey.versions.get().pages.get(position=2)
    answer = client.post(
        survey.get_absolute_url(),
        {
            "form": "question",
            "question-page": page.pk,
            "question-code": "wohnort",
            "question-kind": "single",
            "question-text_de": "Wo wohnen Sie?",
            "question-text_en": "Where do you live?",
            "question-options": "Stadt | Town\nLand | Countryside",
            "question-rule_0_question": "bindung",
            "question-rule_0_op": "at_least",
            "question-rule_0_value": "3",
        },
    )
    assert answer.status_code == 302
    question = Question.objects.get(code="wohnort")
    assert list(question.options.values_list("value", "label_en")) == [
        (1, "Town"),
        (2, "Countryside"),
    ]
    assert question.condition["rules"][0] == {"question": "bindung", "op": "at_least", "value": 3}
    assert "bindung ≥ 3" in client.get(reverse("research:preview", args=[survey.pk])).text


def test_the_study_page_shows_waves_with_counts_and_no_names(
    client, researcher, study, wave, student_geography
):
    client.force_login(researcher)
    page = client.get(study.get_absolute_url())
    assert page.status_code == 200
    assert "Vorher" in page.text and "0 %" in page.text
    assert student_geography.name not in page.text and student_geography.email not in page.text


def test_a_researcher_of_another_study_sees_nothing(client, study, coordinator):
    from transferraum.accounts.tests.factories import UserFactory

    other = UserFactory(role="researcher")
    client.force_login(other)
    assert client.get(study.get_absolute_url()).status_code == 404
    client.force_login(coordinator)
    assert client.get(study.get_absolute_url()).status_code == 403


def test_the_list_of_studies_keeps_its_queries(client, researcher, django_assert_max_num_queries):
    client.force_login(researcher)
    for number in range(3):
        study_make(researcher, title=f"Studie {number}")
    with django_assert_max_num_queries(12):
        small = client.get(reverse("research:studies"))
    for number in range(3, 30):
        study_make(researcher, title=f"Studie {number}")
    with django_assert_max_num_queries(12):
        large = client.get(reverse("research:studies"))
    assert small.status_code == large.status_code == 200
    assert large.text.count("data-study") == 20


def test_the_exports_read_back_match_the_answers_and_the_codebook(
    client, link, researcher, study, student_geography, coordinator
):
    import csv
    import io

    from transferraum.research.pseudonyms import pseudonym

    client.post(link, {"action": "consent", "agree": "yes"})
    client.post(link, {"action": "save", "q-bindung": "5", "q-tage": "12"})
    client.post(
        link, {"action": "save", "page": "2", "q-warum": "=SUMME(A1)", "q-orte": ["1", "2"]}
    )
    client.force_login(researcher)
    answers = client.get(reverse("research:export", args=[study.pk, "antworten"]))
    assert answers.status_code == 200 and answers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answers.content.decode("utf-8-sig"))))
    found = {row["variable"]: row["value"] for row in rows}
    assert found == {
        "bindung": "5",
        "tage": "12",
        "warum": "'=SUMME(A1)",
        "orte_1": "1",
        "orte_2": "1",
    }
    assert {row["pseudonym"] for row in rows} == {pseudonym(study, student_geography)}
    assert student_geography.email not in answers.content.decode()
    codebook = client.get(reverse("research:export", args=[study.pk, "codebuch"]))
    entries = {
        row["variable"]: row
        for row in csv.DictReader(io.StringIO(codebook.content.decode("utf-8-sig")))
    }
    assert set(entries) == {"bindung", "tage", "warum", "orte_1", "orte_2"}
    assert entries["bindung"]["values"].startswith("1=stimme gar nicht zu")
    assert entries["warum"]["asked_if"] == "bindung ≥ 4"
    client.force_login(coordinator)
    assert client.get(reverse("research:export", args=[study.pk, "antworten"])).status_code == 403


def test_the_builder_removes_a_question_unless_a_condition_needs_it(client, researcher, survey):
    client.force_login(researcher)
    needed = Question.objects.get(code="bindung")
    refused = client.post(survey.get_absolute_url(), {"form": "delete", "question": needed.pk})
    assert refused.status_code == 422 and "unbekannte Frage" in refused.text
    free = Question.objects.get(code="tage")
    assert (
        client.post(survey.get_absolute_url(), {"form": "delete", "question": free.pk}).status_code
        == 302
    )
    assert not Question.objects.filter(pk=free.pk).exists()
    assert Question.objects.filter(pk=needed.pk).exists()

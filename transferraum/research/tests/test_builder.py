"""The survey builder edits, reorders and removes pages, questions and options, and edits
conditions of several rules, while a version has no answers (issue 21, point 1)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from transferraum.core.versions import EditConflict
from transferraum.research.models import Option, Page, Question, Response
from transferraum.research.services import surveys
from transferraum.research.services.surveys import ConditionInvalid, VersionAnswered
from transferraum.research.tests.factories import study_make, survey_make, wave_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(researcher):
    return survey_make(researcher, study_make(researcher))


@pytest.fixture
def version(survey):
    return survey.versions.get()


def answered(researcher, survey, version):
    """The version gets a response: its meaning is fixed from now on."""
    wave = wave_make(researcher, survey.study, survey)
    Response.objects.create(wave=wave, survey_version=version, pseudonym="BCDFGHJKLMNPQRST")


def codes(page):
    return list(page.questions.order_by("position").values_list("code", flat=True))


# --- services -------------------------------------------------------------------------------


def test_questions_and_options_move_up_and_down_keeping_their_codes(researcher, version):
    first = version.pages.get(position=1)
    bindung = first.questions.get(code="bindung")
    assert surveys.question_move(actor=researcher, question=bindung, direction="down")
    assert codes(first) == ["tage", "bindung"]
    assert not surveys.question_move(actor=researcher, question=bindung, direction="down")
    orte = Question.objects.get(code="orte")
    zeitz = orte.options.get(label_de="Zeitz")
    surveys.option_move(actor=researcher, option=zeitz, direction="up")
    assert list(orte.options.order_by("position").values_list("label_de", "value")) == [
        ("Zeitz", 2),
        ("Eilenburg", 1),
    ]


def test_a_move_that_breaks_a_condition_is_refused_and_nothing_moves(researcher, version):
    second = version.pages.get(position=2)  # shown only if bindung ≥ 4 (page 1)
    with pytest.raises(ConditionInvalid):
        surveys.page_move(actor=researcher, page=second, direction="up")
    assert list(version.pages.order_by("position").values_list("title_de", flat=True)) == [
        "Seite 1",
        "Bleiben",
    ]


def test_pages_are_removed_with_their_questions_unless_a_condition_needs_them(researcher, version):
    first, second = version.pages.order_by("position")
    with pytest.raises(ConditionInvalid):
        surveys.page_delete(actor=researcher, page=first)
    assert version.pages.count() == 2 and Question.objects.filter(code="bindung").exists()
    third = surveys.page_add(actor=researcher, version=version, title_de="Drei")
    surveys.page_delete(actor=researcher, page=second)
    assert list(version.pages.order_by("position").values_list("title_de", "position")) == [
        ("Seite 1", 1),
        ("Drei", 2),
    ]
    assert not Question.objects.filter(code="warum").exists()
    surveys.page_delete(actor=researcher, page=third)
    with pytest.raises(surveys.DomainError, match="mindestens eine Seite"):
        surveys.page_delete(actor=researcher, page=first)


def test_two_researchers_editing_a_question_at_once_do_not_overwrite_each_other(
    researcher, version
):
    question = Question.objects.get(code="tage")
    loaded = question.version
    surveys.question_update(
        actor=researcher,
        question=question,
        text_de="Erste",
        text_en="First",
        loaded_version=loaded,
    )
    stale = Question.objects.get(pk=question.pk)
    stale.version = loaded
    with pytest.raises(EditConflict):
        surveys.question_update(
            actor=researcher,
            question=stale,
            text_de="Zweite",
            text_en="Second",
            loaded_version=loaded,
        )
    question.refresh_from_db()
    assert question.text_de == "Erste"


def test_only_five_point_likert_questions_are_outcome_measures(researcher, version):
    with pytest.raises(surveys.DomainError, match="5-point Likert"), translation.override("en"):
        surveys.question_update(
            actor=researcher,
            question=Question.objects.get(code="tage"),
            text_de="Tage",
            text_en="Days",
            is_outcome=True,
        )
    bindung = Question.objects.get(code="bindung")
    surveys.question_update(
        actor=researcher, question=bindung, text_de="B", text_en="B", is_outcome=True
    )
    bindung.refresh_from_db()
    assert bindung.is_outcome


def test_an_answered_version_refuses_moves_and_removals(researcher, survey, version):
    answered(researcher, survey, version)
    tage = Question.objects.get(code="tage")
    for change in (
        lambda: surveys.question_move(actor=researcher, question=tage, direction="up"),
        lambda: surveys.page_delete(actor=researcher, page=version.pages.get(position=2)),
        lambda: surveys.option_move(
            actor=researcher,
            option=Option.objects.filter(question__code="orte").last(),
            direction="up",
        ),
    ):
        with pytest.raises(VersionAnswered):
            change()
    assert codes(version.pages.get(position=1)) == ["bindung", "tage"]
    assert version.pages.count() == 2


# --- pages ----------------------------------------------------------------------------------


def test_the_question_page_saves_texts_settings_and_a_condition_of_several_rules(
    client, researcher, version
):
    client.force_login(researcher)
    warum = Question.objects.get(code="warum")
    url = reverse("research:question-edit", args=[warum.pk])
    form = client.get(url)
    assert form.status_code == 200 and 'name="question-version"' in form.text
    answer = client.post(
        url,
        {
            "form": "question",
            "question-version": warum.version,
            "question-text_de": "Warum bleiben Sie?",
            "question-text_en": "Why do you stay?",
            "question-help_de": "Ein Satz genügt.",
            "question-help_en": "One sentence is enough.",
            "question-required": "on",
            "question-condition_match": "any",
            "question-rule_0_question": "bindung",
            "question-rule_0_op": "at_least",
            "question-rule_0_value": "4",
            "question-rule_1_question": "tage",
            "question-rule_1_op": "at_least",
            "question-rule_1_value": "30",
        },
    )
    assert answer.status_code == 302, answer.text
    warum.refresh_from_db()
    assert (warum.text_en, warum.help_de, warum.required) == (
        "Why do you stay?",
        "Ein Satz genügt.",
        True,
    )
    assert warum.condition == {
        "match": "any",
        "rules": [
            {"question": "bindung", "op": "at_least", "value": 4},
            {"question": "tage", "op": "at_least", "value": 30},
        ],
    }
    shown = client.get(url).text
    assert 'value="30"' in shown and 'value="any" selected' in shown


def test_a_condition_on_a_later_question_keeps_the_typed_form(client, researcher, version):
    client.force_login(researcher)
    bindung = Question.objects.get(code="bindung")
    answer = client.post(
        reverse("research:question-edit", args=[bindung.pk]),
        {
            "form": "question",
            "question-version": bindung.version,
            "question-text_de": "Getippt",
            "question-text_en": "Typed",
            "question-rule_0_question": "warum",
            "question-rule_0_op": "answered",
        },
    )
    assert answer.status_code == 422 and "später kommt" in answer.text
    assert "Getippt</textarea>" in answer.text
    bindung.refresh_from_db()
    assert bindung.text_de == "Ich fühle mich der Region verbunden." and not bindung.condition


def test_the_page_form_edits_titles_and_condition(client, researcher, version):
    client.force_login(researcher)
    second = version.pages.get(position=2)
    answer = client.post(
        reverse("research:page-edit", args=[second.pk]),
        {
            "page-title_de": "Bleiben?",
            "page-title_en": "Staying?",
            "page-condition_match": "all",
            "page-rule_0_question": "bindung",
            "page-rule_0_op": "at_least",
            "page-rule_0_value": "3",
            "page-rule_1_question": "tage",
            "page-rule_1_op": "answered",
        },
    )
    assert answer.status_code == 302
    second.refresh_from_db()
    assert second.title_en == "Staying?" and len(second.condition["rules"]) == 2


def test_options_are_relabelled_added_moved_and_removed(client, researcher, version):
    client.force_login(researcher)
    orte = Question.objects.get(code="orte")
    url = reverse("research:question-edit", args=[orte.pk])
    zeitz = orte.options.get(label_de="Zeitz")
    prefix = f"option-{zeitz.pk}"
    assert (
        client.post(
            url,
            {"form": prefix, f"{prefix}-label_de": "Zeitz (Elster)", f"{prefix}-label_en": "Zeitz"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            url,
            {
                "form": "option-new",
                "option-new-label_de": "Torgau",
                "option-new-label_en": "Torgau",
            },
        ).status_code
        == 302
    )
    torgau = orte.options.get(label_de="Torgau")
    assert torgau.value == 3
    client.post(reverse("research:builder-step", args=["option", torgau.pk, "hoch"]))
    client.post(reverse("research:builder-step", args=["option", zeitz.pk, "entfernen"]))
    assert list(orte.options.order_by("position").values_list("label_de", flat=True)) == [
        "Eilenburg",
        "Torgau",
    ]


def test_moving_answers_a_plain_post_with_a_redirect_and_htmx_with_the_builder(
    client, researcher, survey, version
):
    client.force_login(researcher)
    tage = Question.objects.get(code="tage")
    url = reverse("research:builder-step", args=["frage", tage.pk, "hoch"])
    plain = client.post(url)
    assert plain.status_code == 302 and plain.url == survey.get_absolute_url()
    assert codes(version.pages.get(position=1)) == ["tage", "bindung"]
    fragment = client.post(
        reverse("research:builder-step", args=["frage", tage.pk, "runter"]),
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    assert 'id="builder"' in fragment.text and "<html" not in fragment.text
    assert codes(version.pages.get(position=1)) == ["bindung", "tage"]
    refused = client.post(
        reverse("research:builder-step", args=["seite", version.pages.get(position=2).pk, "hoch"]),
        follow=True,
    )
    assert "später kommt" in refused.text or "gleichen Seite" in refused.text
    assert (
        client.post(reverse("research:builder-step", args=["frage", tage.pk, "quer"])).status_code
        == 404
    )


def test_an_answered_version_offers_a_new_version_and_refuses_edits(
    client, researcher, survey, version
):
    answered(researcher, survey, version)
    client.force_login(researcher)
    builder = client.get(survey.get_absolute_url()).text
    assert "Neue Fassung beginnen" in builder
    assert reverse("research:builder-step", args=["frage", 1, "hoch"])[:-8] not in builder
    tage = Question.objects.get(code="tage")
    answer = client.post(
        reverse("research:question-edit", args=[tage.pk]),
        {
            "form": "question",
            "question-version": tage.version,
            "question-text_de": "Anders",
            "question-text_en": "Different",
        },
    )
    assert answer.status_code == 422 and "neue Fassung" in answer.text
    tage.refresh_from_db()
    assert tage.text_de == "Tage vor Ort"
    moved = client.post(
        reverse("research:builder-step", args=["frage", tage.pk, "hoch"]), follow=True
    )
    assert "neue Fassung" in moved.text
    assert codes(version.pages.get(position=1)) == ["bindung", "tage"]


def test_other_researchers_cannot_reach_the_parts(client, researcher, version):
    from transferraum.accounts.tests.factories import UserFactory

    other = UserFactory(role="researcher")
    client.force_login(other)
    page = Page.objects.filter(version=version).first()
    assert client.get(reverse("research:page-edit", args=[page.pk])).status_code == 404
    tage = Question.objects.get(code="tage")
    assert client.get(reverse("research:question-edit", args=[tage.pk])).status_code == 404
    assert (
        client.post(reverse("research:builder-step", args=["frage", tage.pk, "hoch"])).status_code
        == 404
    )

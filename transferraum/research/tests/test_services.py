"""The research services: building surveys in versions, consent, waves and answering."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.http import QueryDict
from django.utils import timezone, translation

from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.projects.tests.factories import ProjectFactory, RoundFactory, place
from transferraum.research.models import (
    Answer,
    ConsentRecord,
    Invitation,
    Option,
    Question,
    Response,
    Wave,
)
from transferraum.research.pseudonyms import pseudonym
from transferraum.research.services import answering, studies, surveys
from transferraum.research.tests.factories import study_make, survey_make, wave_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages are compared in the source language."""
    with translation.override("en"):
        yield


def form(**fields):
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        key = "q-" + name.replace("__", "-")
        for item in value if isinstance(value, list) else [value]:
            data.appendlist(key, str(item))
    return data


@pytest.fixture
def study(researcher):
    return study_make(researcher)


@pytest.fixture
def survey(researcher, study):
    return survey_make(researcher, study)


@pytest.fixture
def round_with_students(student_geography, student_informatics):
    round = RoundFactory()
    project = ProjectFactory(round=round)
    place(student_geography, project)
    place(student_informatics, project)
    return round


@pytest.fixture
def wave(researcher, study, survey, round_with_students, django_capture_on_commit_callbacks):
    wave = wave_make(researcher, study, survey, round=round_with_students)
    with django_capture_on_commit_callbacks(execute=True):
        return studies.wave_open(actor=researcher, wave=wave)


def invitation_of(wave, person):
    return Invitation.objects.get(wave=wave, person=person)


def consent(person, study):
    return studies.consent_give(
        person=person, study=study, consent_version=studies.newest_consent_version(study)
    )


# --- building surveys ---------------------------------------------------------------------


def test_only_researchers_of_the_study_build_its_surveys(study, coordinator, researcher):
    with pytest.raises(PermissionDenied):
        surveys.survey_create(actor=coordinator, study=study, title_de="x", title_en="x")


def test_a_likert_question_starts_with_its_labelled_scale(survey):
    question = Question.objects.get(page__version__survey=survey, code="bindung")
    labels = list(question.options.values_list("value", "label_de"))
    assert labels[0] == (1, "stimme gar nicht zu") and labels[-1] == (5, "stimme voll zu")


def test_a_condition_on_a_later_question_is_refused_and_nothing_is_stored(researcher, survey):
    page = survey.versions.get().pages.get(position=1)
    with pytest.raises(surveys.ConditionInvalid, match="comes later"):
        surveys.question_add(
            actor=researcher,
            page=page,
            code="neu",
            kind="text",
            text_de="x",
            text_en="x",
            condition={"rules": [{"question": "warum", "op": "answered"}]},
        )
    assert not Question.objects.filter(code="neu").exists()


def test_removing_a_question_another_condition_needs_is_refused(researcher, survey):
    bindung = Question.objects.get(code="bindung")
    with pytest.raises(surveys.ConditionInvalid, match="unknown question"):
        surveys.question_delete(actor=researcher, question=bindung)
    assert Question.objects.filter(code="bindung").exists()


def test_a_variable_name_is_unique_within_a_version(researcher, survey):
    page = survey.versions.get().pages.get(position=1)
    with pytest.raises(DomainError, match="taken"):
        surveys.question_add(
            actor=researcher, page=page, code="tage", kind="text", text_de="x", text_en="x"
        )


def test_a_range_only_for_numbers_and_in_order(researcher, survey):
    page = survey.versions.get().pages.get(position=1)
    with pytest.raises(DomainError, match="Only number"):
        surveys.question_add(
            actor=researcher,
            page=page,
            code="x",
            kind="text",
            text_de="x",
            text_en="x",
            min_value=Decimal(1),
        )
    with pytest.raises(DomainError, match="must not be smaller"):
        surveys.question_add(
            actor=researcher,
            page=page,
            code="y",
            kind="number",
            text_de="x",
            text_en="x",
            min_value=Decimal(5),
            max_value=Decimal(1),
        )


def test_texts_may_change_before_answers(researcher, survey):
    question = Question.objects.get(code="tage")
    surveys.question_update(
        actor=researcher,
        question=question,
        text_de="Tage in der Stadt",
        text_en="Days in town",
        min_value=Decimal(0),
        max_value=Decimal(90),
    )
    question.refresh_from_db()
    assert question.text_de == "Tage in der Stadt" and question.max_value == 90


def test_an_answered_version_refuses_changes_and_a_new_version_takes_them(
    researcher, study, survey, wave, student_geography
):
    consent(student_geography, study)
    invitation = invitation_of(wave, student_geography)
    response = answering.response_start(invitation=invitation)
    answering.response_page_save(
        invitation=invitation,
        response=response,
        page=wave.survey_version.pages.get(position=1),
        data=form(bindung=2),
    )
    question = Question.objects.get(page__version=wave.survey_version, code="bindung")
    with pytest.raises(surveys.VersionAnswered, match="already has answers"):
        surveys.question_update(
            actor=researcher, question=question, text_de="Anders", text_en="Different"
        )
    new = surveys.survey_version_start(actor=researcher, survey=survey)
    assert new.number == 2
    copy = Question.objects.get(page__version=new, code="bindung")
    assert copy.options.count() == 5
    assert Question.objects.get(page__version=new, code="warum").page.condition
    surveys.question_update(actor=researcher, question=copy, text_de="Anders", text_en="Other")
    question.refresh_from_db()
    assert question.text_de == "Ich fühle mich der Region verbunden."
    with pytest.raises(surveys.VersionAnswered, match="newest version"):
        surveys.option_add(actor=researcher, question=question, label_de="x", label_en="x")


# --- consent ------------------------------------------------------------------------------


def test_consent_records_are_appended_and_never_changed(study, student_geography):
    record = consent(student_geography, study)
    with pytest.raises(ValueError, match="append-only"):
        record.save()
    studies.consent_withdraw(person=student_geography, study=study)
    actions = list(
        ConsentRecord.objects.filter(person=student_geography).values_list("action", flat=True)
    )
    assert actions == ["given", "withdrawn"]


def test_consent_to_an_old_text_is_refused(researcher, study, student_geography):
    old = studies.newest_consent_version(study)
    studies.consent_version_add(
        actor=researcher, study=study, text_de="neu", text_en="new", on_withdrawal="keep"
    )
    with pytest.raises(DomainError, match="changed"):
        studies.consent_give(person=student_geography, study=study, consent_version=old)


@pytest.mark.parametrize(("erase", "left"), [(True, 0), (False, 1)])
def test_withdrawal_erases_or_keeps_answers_as_the_text_said(
    researcher,
    student_geography,
    round_with_students,
    erase,
    left,
    django_capture_on_commit_callbacks,
):
    study = study_make(researcher, title=f"Studie {erase}", erase=erase)
    survey = survey_make(researcher, study)
    wave = wave_make(researcher, study, survey, round=round_with_students)
    with django_capture_on_commit_callbacks(execute=True):
        studies.wave_open(actor=researcher, wave=wave)
    consent(student_geography, study)
    invitation = invitation_of(wave, student_geography)
    response = answering.response_start(invitation=invitation)
    answering.response_page_save(
        invitation=invitation,
        response=response,
        page=wave.survey_version.pages.get(position=1),
        data=form(bindung=5),
    )
    studies.consent_withdraw(person=student_geography, study=study)
    assert Response.objects.filter(wave=wave).count() == left
    with pytest.raises(answering.ConsentMissing):
        answering.response_start(invitation=invitation)


def test_withdrawing_without_consent_is_refused(study, student_geography):
    with pytest.raises(DomainError, match="not given consent"):
        studies.consent_withdraw(person=student_geography, study=study)


# --- waves and invitations ----------------------------------------------------------------


def test_opening_a_wave_invites_the_rounds_students_by_email(
    wave, student_geography, student_informatics
):
    assert set(wave.invitations.values_list("person", flat=True)) == {
        student_geography.pk,
        student_informatics.pk,
    }
    assert wave.status == Wave.Status.OPEN
    sent = {message.to[0]: message.body for message in mail.outbox}
    assert set(sent) == {student_geography.email, student_informatics.email}
    invitation = invitation_of(wave, student_geography)
    link = studies.invitation_link(invitation)
    assert link in sent[student_geography.email]
    token = link.rstrip("/").rsplit("/", 1)[-1]
    assert token not in invitation.token_hash and invitation.token_hash != token
    assert studies.invitation_by_token(token) == invitation


def test_the_partner_wave_invites_members_of_completed_projects(
    researcher, study, survey, officer_eilenburg, town_eilenburg, owner_zeitz
):
    round = RoundFactory()
    ProjectFactory(round=round, status="completed", challenge__organisation=town_eilenburg)
    ProjectFactory(round=round, status="running")
    wave = wave_make(researcher, study, survey, round=round, group="round_partners")
    studies.wave_open(actor=researcher, wave=wave)
    assert list(wave.invitations.values_list("person", flat=True)) == [officer_eilenburg.pk]


def test_a_wave_needs_a_consent_text(researcher, round_with_students):
    study = studies.study_create(
        actor=researcher, title="Ohne", purpose="p", legal_basis="l", retention_months=1
    )
    survey = survey_make(researcher, study)
    wave = wave_make(researcher, study, survey, round=round_with_students)
    with pytest.raises(DomainError, match="consent text"):
        studies.wave_open(actor=researcher, wave=wave)
    assert not Invitation.objects.exists()


def test_one_reminder_goes_to_those_who_have_not_finished(
    researcher,
    study,
    wave,
    student_geography,
    student_informatics,
    django_capture_on_commit_callbacks,
):
    consent(student_geography, study)
    invitation = invitation_of(wave, student_geography)
    response = answering.response_start(invitation=invitation)
    answering.response_page_save(
        invitation=invitation,
        response=response,
        page=wave.survey_version.pages.get(position=1),
        data=form(bindung=1),
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        studies.wave_remind(actor=researcher, wave=wave)
    assert [message.to[0] for message in mail.outbox] == [student_informatics.email]
    with pytest.raises(DomainError, match="reminds only once"):
        studies.wave_remind(actor=researcher, wave=wave)


def test_a_link_is_refused_after_the_wave_closed_or_for_another_person(
    researcher, wave, student_geography, student_informatics
):
    invitation = invitation_of(wave, student_geography)
    assert studies.invitation_check(invitation, viewer=student_geography) == invitation
    with pytest.raises(studies.LinkNotYours, match="somebody else"):
        studies.invitation_check(invitation, viewer=student_informatics)
    later = wave.closes_at + dt.timedelta(minutes=1)
    with pytest.raises(studies.WaveClosed, match="closed on"):
        studies.invitation_check(invitation, viewer=student_geography, now=later)
    studies.wave_close(actor=researcher, wave=wave)
    invitation.refresh_from_db()
    with pytest.raises(studies.WaveClosed, match="closed on"):
        studies.invitation_check(invitation_of(wave, student_geography), viewer=None)
    with pytest.raises(studies.WaveClosed, match="not valid"):
        studies.invitation_check(studies.invitation_by_token("erfunden"), viewer=None)


def test_a_wave_must_close_after_its_invitation_date(researcher, study, survey):
    with pytest.raises(DomainError, match="must close after"):
        studies.wave_create(
            actor=researcher,
            study=study,
            survey_version=survey.versions.get(),
            name="x",
            group="round_students",
            round=RoundFactory(),
            invite_on=timezone.localdate(),
            closes_at=timezone.now() - dt.timedelta(days=1),
        )


def test_further_researchers_must_hold_the_role(researcher, study, student_geography):
    with pytest.raises(DomainError, match="researcher role"):
        studies.study_researcher_add(actor=researcher, study=study, person=student_geography)


# --- answering ----------------------------------------------------------------------------


def test_answers_are_saved_page_by_page_under_the_pseudonym(study, wave, student_geography):
    consent(student_geography, study)
    invitation = invitation_of(wave, student_geography)
    response = answering.response_start(invitation=invitation)
    assert response.pseudonym == pseudonym(study, student_geography)
    pages = wave.survey_version.pages.order_by("position")
    response = answering.response_page_save(
        invitation=invitation, response=response, page=pages[0], data=form(bindung=4, tage="12,5")
    )
    assert response.page_position == 2 and response.status == "started"
    # the session may expire here: the same link finds the same response and its answers
    again = answering.response_start(invitation=invitation)
    assert again.pk == response.pk
    assert answering.answers_of(again) == {"bindung": 4, "tage": Decimal("12.50")}
    again = answering.response_page_save(
        invitation=invitation,
        response=again,
        page=pages[1],
        data=form(warum="Die Leute", orte=["1", "2"]),
    )
    assert again.status == "completed"
    assert answering.answers_of(again)["orte"] == [1, 2]


def test_a_page_hidden_by_its_condition_is_skipped(study, wave, student_geography):
    consent(student_geography, study)
    invitation = invitation_of(wave, student_geography)
    response = answering.response_start(invitation=invitation)
    pages = wave.survey_version.pages.order_by("position")
    response = answering.response_page_save(
        invitation=invitation, response=response, page=pages[0], data=form(bindung=2)
    )
    assert response.status == "completed"
    with pytest.raises(DomainError, match="finished"):
        answering.response_page_save(
            invitation=invitation, response=response, page=pages[1], data=form(warum="x")
        )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "q-bindung", "answer this question"),
        ({"bindung": 6}, "q-bindung", "from 1 to 5"),
        ({"bindung": 0}, "q-bindung", "from 1 to 5"),
        ({"bindung": "viel"}, "q-bindung", "from 1 to 5"),
        ({"bindung": 3, "tage": 61}, "q-tage", "at most 60"),
        ({"bindung": 3, "tage": -1}, "q-tage", "at least 0"),
        ({"bindung": 3, "tage": "zwölf"}, "q-tage", "a number"),
        ({"bindung": 3, "tage": "NaN"}, "q-tage", "a number"),
    ],
)
def test_invalid_answers_are_refused_and_nothing_is_stored(
    study, wave, student_geography, fields, field, message
):
    consent(student_geography, study)
    invitation = invitation_of(wave, student_geography)
    response = answering.response_start(invitation=invitation)
    with pytest.raises(answering.AnswersInvalid) as refused:
        answering.response_page_save(
            invitation=invitation,
            response=response,
            page=wave.survey_version.pages.get(position=1),
            data=form(**fields),
        )
    assert message in refused.value.errors[field]
    assert not Answer.objects.exists()


def test_a_later_page_cannot_be_skipped_to(study, wave, student_geography):
    consent(student_geography, study)
    invitation = invitation_of(wave, student_geography)
    response = answering.response_start(invitation=invitation)
    with pytest.raises(DomainError):
        answering.response_page_save(
            invitation=invitation,
            response=response,
            page=wave.survey_version.pages.get(position=2),
            data=form(warum="x"),
        )


def test_matrix_dates_and_choices_are_checked(researcher, study, student_geography):
    survey = surveys.survey_create(actor=researcher, study=study, title_de="M", title_en="M")
    page = survey.versions.get().pages.get()
    matrix = surveys.question_add(
        actor=researcher,
        page=page,
        code="m",
        kind="matrix",
        text_de="M",
        text_en="M",
        required=True,
    )
    for label in ("nie", "oft"):
        surveys.option_add(actor=researcher, question=matrix, label_de=label, label_en=label)
    for label in ("Bus", "Rad"):
        surveys.option_add(
            actor=researcher,
            question=matrix,
            label_de=label,
            label_en=label,
            role=Option.Role.ITEM,
        )
    day = surveys.question_add(
        actor=researcher, page=page, code="tag", kind="date", text_de="T", text_en="T"
    )
    matrix = Question.objects.prefetch_related("options").get(pk=matrix.pk)
    day = Question.objects.prefetch_related("options").get(pk=day.pk)
    assert answering.answer_clean(matrix, form(m__1="2", m__2="1"))
    with pytest.raises(ValueError, match="every row"):
        answering.answer_clean(matrix, form(m__1="2"))
    with pytest.raises(ValueError, match="options"):
        answering.answer_clean(matrix, form(m__1="3", m__2="1"))
    assert answering.answer_clean(day, form(tag="2026-05-01")) == {None: dt.date(2026, 5, 1)}
    with pytest.raises(ValueError, match="date"):
        answering.answer_clean(day, form(tag="31.02.2026"))


def test_the_daily_run_opens_due_waves_and_closes_past_ones(
    researcher, study, survey, round_with_students
):
    due = wave_make(researcher, study, survey, round=round_with_students)
    later = wave_make(researcher, study, survey, round=round_with_students)
    Wave.objects.filter(pk=later.pk).update(invite_on=timezone.localdate() + dt.timedelta(days=3))
    report = studies.waves_run()
    assert (report.opened, report.closed) == (1, 0)
    due.refresh_from_db()
    assert due.status == "open" and due.invitations.count() == 2
    report = studies.waves_run(now=due.closes_at + dt.timedelta(hours=1))
    assert report.closed == 1
    due.refresh_from_db()
    assert due.status == "closed"

"""The survey outcome indicators (research/indicators.py) against a hand computation.

Round R (work from 2026-04-20, presentation 2026-07-09). Study "Regionale Bindung":
- the researchers marked "bindung" and "bleiben" as outcome measures, not the Likert question
  "nur_vorher";
- pre wave (students, 2026-04-13): 4 completed responses, bindung 2 3 3 2, bleiben 3 2 4 1,
  nur_vorher 5; one started response;
- post wave (students, 2026-07-13): 5 completed responses, bindung 4 4 3 5 4, bleiben
  3 4 4 5 4; the first two in Eilenburg (8 answers: 4 3 4 4 → mean 3.75), the rest in Zeitz
  (3 4 5 5 4 4 → 25 / 6);
- partner wave (partners, 2026-08-03): a Likert "bindung" answered 1 — not students: no count;
- a wave between work start and presentation (2026-05-01): neither before nor after.
By hand: before (2+3+3+2 + 3+2+4+1) / 8 = 2.5 from 4 people; after (20 + 20) / 10 = 4.0
from 5 people.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from transferraum.indicators.registry import Kind, Scope, Unit, indicator_get, records_of, value_of
from transferraum.indicators.selectors import figures
from transferraum.projects.tests.factories import RoundFactory
from transferraum.research.models import Answer, Question, Response, Survey, Wave
from transferraum.research.services import surveys
from transferraum.research.tests.factories import study_make

BERLIN = ZoneInfo("Europe/Berlin")
BEFORE, AFTER = "survey-outcome-before", "survey-outcome-after"


def _survey(researcher, study, title, codes):
    survey = surveys.survey_create(actor=researcher, study=study, title_de=title, title_en=title)
    page = survey.versions.get().pages.get()
    for code, kind in codes:
        surveys.question_add(
            actor=researcher,
            page=page,
            code=code,
            kind=kind,
            text_de=code,
            text_en=code,
            is_outcome=code in ("bindung", "bleiben"),
        )
    return survey


def _wave(study, survey: Survey, round, name, day, group=Wave.Group.ROUND_STUDENTS):
    return Wave.objects.create(
        study=study,
        survey_version=survey.versions.get(),
        name=name,
        group=group,
        round=round,
        invite_on=day,
        closes_at=dt.datetime.combine(day + dt.timedelta(days=14), dt.time(23), tzinfo=BERLIN),
        status=Wave.Status.CLOSED,
    )


def _answer(wave, pseudonym, completed=True, town=None, **numbers):
    response = Response.objects.create(
        wave=wave,
        survey_version=wave.survey_version,
        pseudonym=pseudonym,
        town=town,
        status=Response.Status.COMPLETED if completed else Response.Status.STARTED,
    )
    for code, number in numbers.items():
        question = Question.objects.get(page__version=wave.survey_version, code=code)
        Answer.objects.create(response=response, question=question, number=Decimal(number))
    return response


@pytest.fixture
def data(db, researcher):
    round = RoundFactory(
        work_starts_on=dt.date(2026, 4, 20),
        presentation_on=dt.date(2026, 7, 9),
        ends_on=dt.date(2026, 7, 31),
    )
    study = study_make(researcher)
    likert = Question.Kind.LIKERT5
    pre_survey = _survey(
        researcher,
        study,
        "Vorher",
        [("bindung", likert), ("bleiben", likert), ("nur_vorher", likert), ("tage", "number")],
    )
    post_survey = _survey(researcher, study, "Nachher", [("bindung", likert), ("bleiben", likert)])
    partner_survey = _survey(researcher, study, "Partner", [("bindung", likert)])
    pre = _wave(study, pre_survey, round, "Vorher", dt.date(2026, 4, 13))
    post = _wave(study, post_survey, round, "Nachher", dt.date(2026, 7, 13))
    middle = _wave(study, post_survey, round, "Mitte", dt.date(2026, 5, 1))
    partners = _wave(
        study, partner_survey, round, "Partner", dt.date(2026, 8, 3), Wave.Group.ROUND_PARTNERS
    )
    for i, (bindung, bleiben) in enumerate([(2, 3), (3, 2), (3, 4), (2, 1)]):
        _answer(pre, f"VORHER{i}", bindung=bindung, bleiben=bleiben, nur_vorher=5, tage=30)
    _answer(pre, "ANGEFANGEN", completed=False, bindung=5, bleiben=5)
    from transferraum.regions.tests.factories import eilenburg, zeitz

    towns = [eilenburg(), eilenburg(), zeitz(), zeitz(), zeitz()]
    for i, (bindung, bleiben) in enumerate([(4, 3), (4, 4), (3, 4), (5, 5), (4, 4)]):
        _answer(post, f"NACHHER{i}", town=towns[i], bindung=bindung, bleiben=bleiben)
    _answer(middle, "MITTE", bindung=1, bleiben=1)
    _answer(partners, "PARTNER", bindung=1)
    return SimpleNamespace(
        round=round, study=study, pre=pre, post=post, eilenburg=towns[0], zeitz=towns[2]
    )


def test_the_outcome_indicators_are_in_the_catalogue():
    for key in (BEFORE, AFTER):
        indicator = indicator_get(key)
        assert indicator is not None
        assert indicator.kind == Kind.OUTCOME
        assert indicator.unit == Unit.MEAN_SCORE
        assert indicator.counts_people and not indicator.is_count


def test_the_means_match_the_hand_computation(data):
    before, after = indicator_get(BEFORE), indicator_get(AFTER)

    assert value_of(before, Scope()) == pytest.approx(2.5)
    assert value_of(after, Scope()) == pytest.approx(4.0)
    assert value_of(before, Scope(round=data.round.pk, year=2026)) == pytest.approx(2.5)
    assert value_of(after, Scope(year=2027)) is None
    # per town: the town of the project the student worked in
    assert value_of(after, Scope(town=data.eilenburg.pk)) == pytest.approx(3.75)
    assert value_of(after, Scope(town=data.zeitz.pk)) == pytest.approx(25 / 6)
    assert value_of(before, Scope(town=data.eilenburg.pk)) is None


def test_only_questions_marked_as_outcome_count(data):
    # (answered versions are fixed in the builder: set the flag as a new version would)
    Question.objects.filter(code="nur_vorher").update(is_outcome=True)
    # 4 more answers of 5: (20 + 20) / 12
    assert value_of(indicator_get(BEFORE), Scope()) == pytest.approx(40 / 12)
    for question in Question.objects.filter(code__in=("bindung", "bleiben", "nur_vorher")):
        Question.objects.filter(pk=question.pk).update(is_outcome=False)
    assert value_of(indicator_get(BEFORE), Scope()) is None


def test_the_records_are_the_responses_counted_by_pseudonym(data):
    for key, people, prefix in ((BEFORE, 4, "VORHER"), (AFTER, 5, "NACHHER")):
        indicator = indicator_get(key)
        assert indicator.people is not None
        records = list(records_of(indicator, Scope(round=data.round.pk)))
        assert len(records) == people
        assert value_of(indicator, Scope(), aggregate=indicator.people()) == people
        assert all(record.pseudonym.startswith(prefix) for record in records)
    first = records_of(indicator_get(BEFORE), Scope()).first()
    assert first.pseudonym == "VORHER0"
    assert first.outcome_mean == pytest.approx(2.5)  # (2 + 3) / 2


def test_a_mean_of_fewer_than_five_people_is_suppressed_publicly(data):
    indicators = [indicator_get(BEFORE), indicator_get(AFTER)]

    public = {f.key: f for f in figures(Scope(), "round", public=True, indicators=indicators)}
    assert public[BEFORE].total.suppressed and public[BEFORE].display == "< 5"
    assert [row.display for row in public[BEFORE].rows] == ["< 5"]
    assert not public[AFTER].total.suppressed
    # a mean keeps its decimal (German: comma)
    assert public[AFTER].display == "4,0"
    assert [row.display for row in public[AFTER].rows] == ["4,0"]

    staff = {f.key: f for f in figures(Scope(), "round", public=False, indicators=indicators)}
    assert staff[BEFORE].display == "2,5"


def test_the_public_page_and_csv_hide_the_small_mean(client, data):
    response = client.get(reverse("indicators:public"))
    shown = {f.key: f.display for f in response.context["figures"]}
    assert shown[BEFORE] == "< 5" and shown[AFTER] == "4,0"

    lines = client.get(reverse("indicators:public-csv")).content.decode().splitlines()
    before = [line for line in lines if line.startswith(f"{BEFORE},")]
    after = [line for line in lines if line.startswith(f"{AFTER},")]
    assert before and all(line.endswith(",,1") for line in before)  # no value, suppressed
    assert any(line.endswith(",4,") for line in after)


def test_the_records_page_lists_pseudonyms_only(client, researcher, coordinator, data):
    for viewer in (researcher, coordinator):
        client.force_login(viewer)
        response = client.get(reverse("indicators:records", kwargs={"key": AFTER}))
        assert response.status_code == 200
        assert response.context["page"].paginator.count == 5
        titles = [row.title for row in response.context["rows"]]
        assert titles == [f"NACHHER{i}" for i in range(5)]
        assert all(row.person_id is None for row in response.context["rows"])


def test_the_demo_study_gives_figures_after_higher_than_before(client, db):
    from transferraum.accounts.models import User
    from transferraum.demo.data.research import RESEARCHER
    from transferraum.demo.services import demo_load

    demo_load()
    client.force_login(User.objects.get(email=RESEARCHER))
    response = client.get(reverse("indicators:dashboard"), {"nach": "runde"})

    shown = {f.key: f for f in response.context["figures"]}
    before, after = shown[BEFORE], shown[AFTER]
    assert before.total.value is not None and after.total.value is not None
    assert after.total.value > before.total.value
    assert [row.label for row in before.rows] == [row.label for row in after.rows]
    # enough people for the public figures too
    public = {f.key: f for f in client.get(reverse("indicators:public")).context["figures"]}
    assert not public[BEFORE].total.suppressed and not public[AFTER].total.suppressed


def test_a_towns_impact_report_has_the_survey_outcome_of_its_town(data):
    from transferraum.indicators.report import impact_report

    figures_ = {figure.key: figure for figure in impact_report(data.eilenburg, 2026).figures}
    assert "projects" in figures_ and AFTER in figures_
    # two people in Eilenburg: too few for a public figure
    assert figures_[AFTER].total.suppressed


def test_a_response_gets_the_town_of_the_students_project_in_sql(
    researcher, student_geography, django_assert_num_queries
):
    from transferraum.projects.tests.factories import ProjectFactory, place
    from transferraum.regions.tests.factories import zeitz
    from transferraum.research.models import Invitation
    from transferraum.research.services import answering, studies
    from transferraum.research.tests.factories import survey_make, wave_make

    round = RoundFactory()
    project = ProjectFactory(round=round, challenge__municipality=zeitz())
    place(student_geography, project)
    study = study_make(researcher)
    wave = studies.wave_open(
        actor=researcher,
        wave=wave_make(researcher, study, survey_make(researcher, study), round=round),
    )
    studies.consent_give(
        person=student_geography, study=study, consent_version=study.consent_versions.get()
    )
    invitation = Invitation.objects.get(wave=wave, person=student_geography)
    response = answering.response_start(invitation=invitation)
    assert response.town_id == zeitz().pk
    with django_assert_num_queries(2):  # the UPDATE with its subquery, the read back
        answering.response_town_set(response, invitation)

"""The demo's accompanying research: the study "Regionale Bindung" with a pre and a post wave
for the finished round's students and a partner-satisfaction wave, answered with a seed.

Everything is written through the research services, at the waves' dates, without notifying
anybody; the study is found by its title, and an existing one is left as it is."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.http import QueryDict

from transferraum.accounts.models import User
from transferraum.demo.data.research import (
    BINDUNG_PAGES,
    BINDUNG_SURVEY,
    CONSENT_DE,
    CONSENT_EN,
    PARTNER_PAGES,
    PARTNER_SURVEY,
    RESEARCHER,
    STUDY_LEGAL_BASIS,
    STUDY_PURPOSE,
    STUDY_RETENTION_MONTHS,
    STUDY_TITLE,
    WAVES,
    PageSpec,
    WaveSpec,
)
from transferraum.demo.data.rounds import FINISHED_ROUND
from transferraum.notifications.services import notifications_suppressed
from transferraum.projects.models import Round
from transferraum.research.models import ConsentVersion, Question, Study, Survey, Wave
from transferraum.research.selectors import current_consent
from transferraum.research.services import answering, studies, surveys

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class ResearchReport:
    studies: int
    waves: int
    responses: int
    created: int


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)


def _survey_build(
    researcher: User, study: Study, title: str, pages: tuple[PageSpec, ...]
) -> Survey:
    """A survey from its table: pages, questions, options and conditions."""
    survey = surveys.survey_create(actor=researcher, study=study, title_de=title, title_en=title)
    version = survey.versions.get()
    for index, spec in enumerate(pages):
        if index == 0:
            page = version.pages.get()
            surveys.page_update(
                actor=researcher,
                page=page,
                title_de=spec.title_de,
                title_en=spec.title_en,
                condition=spec.condition or {},
            )
        else:
            page = surveys.page_add(
                actor=researcher,
                version=version,
                title_de=spec.title_de,
                title_en=spec.title_en,
                condition=spec.condition,
            )
        for question in spec.questions:
            made = surveys.question_add(
                actor=researcher,
                page=page,
                code=question.code,
                kind=question.kind,
                text_de=question.text_de,
                text_en=question.text_en,
                required=question.required,
                is_outcome=question.outcome,
                condition=question.condition,
                min_value=None if question.min_value is None else Decimal(question.min_value),
                max_value=None if question.max_value is None else Decimal(question.max_value),
            )
            for de, en in question.options:
                surveys.option_add(actor=researcher, question=made, label_de=de, label_en=en)
    return survey


def _likert(rng: random.Random, shift: float) -> int:
    return max(1, min(5, round(rng.gauss(3.0 + shift, 1.0))))


def _fields(question: Question, rng: random.Random, shift: float) -> list[str]:
    """A plausible answer to `question` as the form would send it."""
    if question.kind == "likert5":
        return [str(_likert(rng, shift))]
    if question.kind == "number":
        return [str(rng.randint(2, 40))]
    if question.kind == "single":
        return [str(rng.choices([1, 2, 3], weights=[5, 3, 1])[0])]
    if question.kind == "multiple":
        values = [o.value for o in question.options.all()]
        return [str(v) for v in rng.sample(values, rng.randint(1, len(values)))]
    if question.kind == "text":
        return [rng.choice(["Gute Busverbindungen", "Bezahlbare Wohnungen", "Ein Praktikum", ""])]
    return []


def _wave_play(
    researcher: User, study: Study, spec: WaveSpec, round: Round, survey: Survey, rng: random.Random
) -> int:
    """Plan, open, answer and close one wave at its dates; returns the responses written."""
    opens = _at(spec.opens, 9)
    wave = studies.wave_create(
        actor=researcher,
        study=study,
        survey_version=surveys.newest_version(survey),
        name=spec.name,
        group=spec.group,
        round=round,
        invite_on=spec.opens,
        closes_at=_at(spec.closes, 23),
    )
    wave = studies.wave_open(actor=researcher, wave=wave, now=opens)
    consent_version = studies.newest_consent_version(study)
    if consent_version is None:  # written before the waves
        return 0
    written = 0
    for invitation in wave.invitations.select_related("person", "wave__study").order_by(
        "person__email"
    ):
        if rng.random() > spec.response_rate:
            continue
        at = opens + dt.timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 8))
        if current_consent(invitation.person, study) is None:
            studies.consent_give(
                person=invitation.person, study=study, consent_version=consent_version, at=at
            )
        response = answering.response_start(invitation=invitation, now=at)
        for page in wave.survey_version.pages.prefetch_related("questions__options").order_by(
            "position"
        ):
            if response.status == "completed" or page.position < response.page_position:
                continue
            data = QueryDict(mutable=True)
            for question in page.questions.all():
                data.setlist(answering.field_name(question), _fields(question, rng, spec.shift))
            response = answering.response_page_save(
                invitation=invitation, response=response, page=page, data=data, now=at
            )
        written += 1
    studies.wave_close(actor=researcher, wave=wave)
    return written


@transaction.atomic
def demo_research_load(*, seed: int) -> ResearchReport:
    """Add the study "Regionale Bindung"; idempotent.

    Rules: runs after the rounds; without the finished round or the researcher it does
    nothing; an existing study of that title is left as it is. Answers come from `seed`;
    the post wave's Likert answers lean higher than the pre wave's. Nobody is notified."""
    round = Round.objects.filter(name=FINISHED_ROUND).first()
    researcher = User.objects.filter(email=RESEARCHER).first()
    if round is None or researcher is None or Study.objects.filter(title=STUDY_TITLE).exists():
        return _report(created=0)
    rng = random.Random(seed)
    created = 0
    with notifications_suppressed():
        study = studies.study_create(
            actor=researcher,
            title=STUDY_TITLE,
            purpose=STUDY_PURPOSE,
            legal_basis=STUDY_LEGAL_BASIS,
            retention_months=STUDY_RETENTION_MONTHS,
        )
        studies.consent_version_add(
            actor=researcher,
            study=study,
            text_de=CONSENT_DE,
            text_en=CONSENT_EN,
            on_withdrawal=ConsentVersion.OnWithdrawal.ERASE,
        )
        built = {
            BINDUNG_SURVEY: _survey_build(researcher, study, BINDUNG_SURVEY, BINDUNG_PAGES),
            PARTNER_SURVEY: _survey_build(researcher, study, PARTNER_SURVEY, PARTNER_PAGES),
        }
        for spec in WAVES:
            created += _wave_play(researcher, study, spec, round, built[spec.survey], rng)
    return _report(created=created)


def _report(*, created: int) -> ResearchReport:
    from transferraum.research.models import Response

    study = Study.objects.filter(title=STUDY_TITLE)
    return ResearchReport(
        studies=study.count(),
        waves=Wave.objects.filter(study__in=study).count(),
        responses=Response.objects.filter(wave__study__in=study).count(),
        created=created,
    )

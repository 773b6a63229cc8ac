"""Builders of research objects through the services, as researchers would make them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from transferraum.projects.tests.factories import RoundFactory
from transferraum.research.models import ConsentVersion, Study, Survey, Wave
from transferraum.research.services import studies, surveys


def study_make(researcher: Any, *, title: str = "Regionale Bindung", erase: bool = True) -> Study:
    study = studies.study_create(
        actor=researcher,
        title=title,
        purpose="Wie bindet ein Praxisprojekt an die Region?",
        legal_basis="Art. 6 Abs. 1 lit. a DSGVO",
        retention_months=60,
    )
    studies.consent_version_add(
        actor=researcher,
        study=study,
        text_de="Ich willige ein …",
        text_en="I agree …",
        on_withdrawal=(
            ConsentVersion.OnWithdrawal.ERASE if erase else ConsentVersion.OnWithdrawal.KEEP
        ),
    )
    return study


def survey_make(researcher: Any, study: Study) -> Survey:
    """Two pages: a Likert question and a number on page 1; page 2 is shown only to people
    who feel bound (bindung ≥ 4) and holds a text and a multiple choice."""
    survey = surveys.survey_create(
        actor=researcher, study=study, title_de="Bindung", title_en="Attachment"
    )
    version = survey.versions.get()
    first = version.pages.get()
    surveys.question_add(
        actor=researcher,
        page=first,
        code="bindung",
        kind="likert5",
        required=True,
        text_de="Ich fühle mich der Region verbunden.",
        text_en="I feel attached to the region.",
    )
    surveys.question_add(
        actor=researcher,
        page=first,
        code="tage",
        kind="number",
        text_de="Tage vor Ort",
        text_en="Days on site",
        min_value=Decimal(0),
        max_value=Decimal(60),
    )
    second = surveys.page_add(
        actor=researcher,
        version=version,
        title_de="Bleiben",
        title_en="Staying",
        condition={
            "match": "all",
            "rules": [{"question": "bindung", "op": "at_least", "value": 4}],
        },
    )
    surveys.question_add(
        actor=researcher, page=second, code="warum", kind="text", text_de="Warum?", text_en="Why?"
    )
    orte = surveys.question_add(
        actor=researcher,
        page=second,
        code="orte",
        kind="multiple",
        text_de="Wo?",
        text_en="Where?",
    )
    for de, en in (("Eilenburg", "Eilenburg"), ("Zeitz", "Zeitz")):
        surveys.option_add(actor=researcher, question=orte, label_de=de, label_en=en)
    return survey


def wave_make(
    researcher: Any,
    study: Study,
    survey: Survey,
    *,
    round: Any = None,
    group: str = "round_students",
) -> Wave:
    today = timezone.localdate()
    return studies.wave_create(
        actor=researcher,
        study=study,
        survey_version=survey.versions.order_by("-number").first(),
        name="Vorher",
        group=group,
        round=round or RoundFactory(),
        invite_on=today,
        closes_at=timezone.now() + dt.timedelta(days=14),
    )

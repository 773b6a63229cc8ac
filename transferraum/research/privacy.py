"""What the research area stores about people (see `core.privacy`).

Answers carry a pseudonym, not a person: they are still personal data (the platform can
compute the pseudonym), so a person's export and erasure find them by computing their
pseudonym in every study they were invited to or consented to."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONSENT,
    PERSON_ONLY,
    Erase,
    NotPersonal,
    PersonalData,
    privacy_register,
)

RESEARCH = _("Accompanying research of the programme: surveys in studies the person consented to")
PARTICIPANTS = _("Students and partners invited to a study's surveys")
RESEARCHERS_ONLY = _("The study's researchers, who see answers only under a pseudonym; nobody else")
STUDY_RETENTION = _("As long as the study's retention period says, at most until withdrawal")


def _pseudonyms(person: Any) -> list[str]:
    from transferraum.research.models import Study
    from transferraum.research.pseudonyms import pseudonym

    studies = Study.objects.filter(waves__invitations__person=person).distinct() | (
        Study.objects.filter(consents__person=person).distinct()
    )
    return [pseudonym(study, person) for study in studies.distinct()]


def _responses(person: Any) -> QuerySet[Any]:
    from transferraum.research.models import Response

    return Response.objects.filter(pseudonym__in=_pseudonyms(person))


def _answers(person: Any) -> QuerySet[Any]:
    from transferraum.research.models import Answer

    return Answer.objects.filter(response__pseudonym__in=_pseudonyms(person))


privacy_register(
    PersonalData(
        "research.ConsentRecord",
        area="research",
        purpose=RESEARCH,
        legal_basis=CONSENT,
        people=PARTICIPANTS,
        recipients=PERSON_ONLY,
        person_fields=("person",),
        export_fields=("study", "consent_version", "action", "at"),
        erase=Erase.DELETE,
        retention_text=STUDY_RETENTION,
    ),
    PersonalData(
        "research.Invitation",
        area="research",
        purpose=RESEARCH,
        legal_basis=CONSENT,
        people=PARTICIPANTS,
        recipients=PERSON_ONLY,
        person_fields=("person",),
        export_fields=("wave", "invited_at", "reminded_at"),
        erase=Erase.DELETE,
        retention_text=STUDY_RETENTION,
    ),
    PersonalData(
        "research.Response",
        area="research",
        purpose=RESEARCH,
        legal_basis=CONSENT,
        people=PARTICIPANTS,
        recipients=RESEARCHERS_ONLY,
        rows=_responses,
        export_fields=("wave", "pseudonym", "status", "started_at", "completed_at"),
        erase=Erase.DELETE,
        retention_text=STUDY_RETENTION,
    ),
    PersonalData(
        "research.Answer",
        area="research",
        purpose=RESEARCH,
        legal_basis=CONSENT,
        people=PARTICIPANTS,
        recipients=RESEARCHERS_ONLY,
        rows=_answers,
        export_fields=("question", "item", "number", "choices", "date", "text", "saved_at"),
        erase=Erase.DELETE,
        mentions=("text",),
        retention_text=STUDY_RETENTION,
    ),
    NotPersonal("research.Study", "A study's description; its researchers are members"),
    NotPersonal("research.ConsentVersion", "The text people consent to"),
    NotPersonal("research.Survey", "A questionnaire"),
    NotPersonal("research.SurveyVersion", "A questionnaire's version"),
    NotPersonal("research.Page", "A questionnaire's page"),
    NotPersonal("research.Question", "A question"),
    NotPersonal("research.Option", "An answer option"),
    NotPersonal("research.Wave", "When a survey is put to a group"),
)

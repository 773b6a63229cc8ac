"""What the recommendations area stores about people (see `core.privacy`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    PROGRAMME,
    PUBLIC_TASK,
    STAFF,
    WITH_OBJECT,
    Erase,
    PersonalData,
    PrivacyArea,
    privacy_register,
)

RECOMMENDATIONS = PrivacyArea(
    area="recommendations",
    purpose=_("Handing results to towns and companies and following what they decide"),
    legal_basis=PUBLIC_TASK,
    people=STAFF,
    recipients=PROGRAMME,
)

privacy_register(
    PersonalData(
        "recommendations.Recommendation",
        person_fields=("created_by", "responsible_person", "approved_by"),
        export_fields=("title", "status", "created_by", "responsible_person", "approved_by"),
        # the recommendation stays; its authorship reads "former member"
        erase=Erase.ANONYMISE,
        mentions=("summary", "rationale", "decision_note", "evaluation", "responsible_name"),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "recommendations.RecommendationEvent",
        person_fields=("actor",),
        export_fields=("recommendation", "action", "from_status", "to_status", "at", "note"),
        erase=Erase.KEEP,
        mentions=("note", "data"),
        retention_text=WITH_OBJECT,
    ),
    defaults=RECOMMENDATIONS,
)

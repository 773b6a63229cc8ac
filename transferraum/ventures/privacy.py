"""What the ventures area stores about people (see `core.privacy`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONTRACT,
    MEMBERS,
    WITH_OBJECT,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    privacy_register,
)

VENTURES = PrivacyArea(
    area="ventures",
    purpose=_("Accompanying start-ups from the idea to a company settled in the region"),
    legal_basis=CONTRACT,
    people=MEMBERS,
    recipients=_("The venture's founders and mentors and the programme's coordinators"),
)

privacy_register(
    PersonalData(
        "ventures.Venture",
        person_fields=("created_by",),
        export_fields=("name", "one_line", "idea", "stage", "created_by"),
        erase=Erase.ANONYMISE,
        mentions=("idea", "origin_note"),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "ventures.Founder",
        person_fields=("user", "invited_by"),
        export_fields=("venture", "user", "status", "invited_by", "answered_at"),
        erase=Erase.DELETE,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "ventures.ChecklistTick",
        person_fields=("ticked_by",),
        export_fields=("venture", "gate", "item", "ticked_at"),
        erase=Erase.ANONYMISE,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "ventures.Evidence",
        person_fields=("added_by",),
        export_fields=("venture", "gate", "text", "name", "created_at"),
        erase=Erase.ANONYMISE,
        mentions=("text",),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "ventures.StageChange",
        person_fields=("actor",),
        export_fields=("venture", "from_stage", "to_stage", "at", "note"),
        erase=Erase.ANONYMISE,
        mentions=("note",),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "ventures.Application",
        person_fields=("created_by",),
        export_fields=("venture", "programme", "status", "submitted_on", "decided_on"),
        erase=Erase.ANONYMISE,
        mentions=("note",),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "ventures.Mentorship",
        person_fields=("mentor", "asked_by"),
        export_fields=("venture", "mentor", "status", "message", "answered_at"),
        erase=Erase.DELETE,
        mentions=("message",),
        retention_text=WITH_OBJECT,
    ),
    NotPersonal("ventures.SupportProgramme", "The catalogue of support programmes."),
    defaults=VENTURES,
)

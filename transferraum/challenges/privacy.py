"""What the challenges area stores about people (see `core.privacy`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONTRACT,
    MEMBERS,
    PROGRAMME,
    PUBLIC_TASK,
    STAFF,
    WITH_OBJECT,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    privacy_register,
)

CHALLENGES = PrivacyArea(
    area="challenges",
    purpose=_("Describing, reviewing and publishing the challenges of partners"),
    legal_basis=PUBLIC_TASK,
    people=STAFF,
    recipients=PROGRAMME,
)

privacy_register(
    PersonalData(
        "challenges.Challenge",
        person_fields=("contact_person", "created_by", "coordinator"),
        export_fields=(
            "title",
            "organisation",
            "status",
            "contact_person",
            "created_by",
            "coordinator",
            "created_at",
        ),
        # the challenge is the organisation's; it loses the link to the person
        erase=Erase.ANONYMISE,
        mentions=("problem", "context", "desired_result", "rejection_reason"),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "challenges.Attachment",
        person_fields=("uploaded_by",),
        export_fields=("challenge", "file", "name", "created_at"),
        files=("file",),
        # a file of the organisation's challenge: it stays, without the uploader
        erase=Erase.KEEP,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "challenges.Comment",
        person_fields=("author",),
        export_fields=("challenge", "text", "is_change_request", "created_at"),
        erase=Erase.KEEP,
        mentions=("text",),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "challenges.Follow",
        purpose=_("Telling people about the challenges they follow"),
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=_("The person themselves"),
        person_fields=("user",),
        export_fields=("challenge", "created_at"),
        erase=Erase.DELETE,
    ),
    NotPersonal("challenges.TopicField", "Names of topic fields, curated by coordinators."),
    NotPersonal("challenges.TransferFormat", "The catalogue of transfer formats."),
    defaults=CHALLENGES,
)

"""What notifications store about people (see `core.privacy`)."""

from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONTRACT,
    MEMBERS,
    PERSON_ONLY,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    Retention,
    privacy_register,
)

NOTIFICATIONS = PrivacyArea(
    area="notifications",
    purpose=_("Telling people what happened in the platform, as they chose"),
    legal_basis=CONTRACT,
    people=MEMBERS,
    recipients=PERSON_ONLY,
)

privacy_register(
    PersonalData(
        "notifications.Notification",
        person_fields=("recipient",),
        export_fields=("kind", "title", "text", "url", "created_at", "read_at", "email"),
        erase=Erase.DELETE,
        # other people's notifications may name the person ("… asks to join")
        mentions=("title", "text"),
        retention=Retention(365, "created_at"),
    ),
    PersonalData(
        "notifications.Preference",
        person_fields=("user",),
        export_fields=("kind", "delivery"),
        erase=Erase.DELETE,
    ),
    NotPersonal("notifications.DigestRun", "When a digest ran and for how many; no names."),
    defaults=NOTIFICATIONS,
)

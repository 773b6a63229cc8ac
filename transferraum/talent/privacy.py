"""What the talent area stores about people (see `core.privacy`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONSENT,
    CONTRACT,
    PERSON_ONLY,
    STUDENTS,
    UNTIL_ERASURE,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    privacy_register,
)

TRIAL = PrivacyArea(
    area="trial_living",
    purpose=_("Trial living in the region's towns: applications, selection and stays"),
    legal_basis=CONTRACT,
    people=_("People who apply to live in a town for a while"),
    recipients=_("The staff of the town administration that published the call"),
)
POOL = PrivacyArea(
    area="talent_pool",
    purpose=_("The talent pool: profiles students chose to show to organisations of the region"),
    legal_basis=CONSENT,
    people=STUDENTS,
    recipients=_(
        "Members of organisations of the region, except the organisations the person excluded; "
        "the e-mail address only to those the person answered"
    ),
)
JOURNEYS = PrivacyArea(
    area="relocation_journeys",
    purpose=_("Learning how people find their way into the region and whether they stay"),
    legal_basis=CONSENT,
    people=_("People who agreed to have their relocation journey recorded"),
    recipients=PERSON_ONLY,
)

privacy_register(
    PersonalData(
        "talent.TrialApplication",
        person_fields=("person",),
        export_fields=("call", "motivation", "status", "waitlist_position", "created_at"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    PersonalData(
        "talent.TrialStay",
        person_fields=("application__person",),
        export_fields=("flat", "starts_on", "ends_on", "coworking", "follow_up"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    defaults=TRIAL,
)
privacy_register(
    PersonalData(
        "talent.TalentProfile",
        person_fields=("person",),
        export_fields=(
            "visible",
            "headline",
            "looking_for",
            "interests",
            "availability",
            "competences",
            "towns",
        ),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    PersonalData(
        "talent.TalentExclusion",
        person_fields=("profile__person",),
        export_fields=("organisation",),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    PersonalData(
        "talent.TalentContact",
        person_fields=("profile__person",),
        export_fields=("organisation", "message", "sent_at", "answer", "answered_at"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    defaults=POOL,
)
privacy_register(
    PersonalData(
        "talent.JourneyConsent",
        person_fields=("person",),
        export_fields=("consent_text", "action", "at"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    PersonalData(
        "talent.Journey",
        person_fields=("person",),
        export_fields=("cohort", "town", "created_at"),
        erase=Erase.DELETE,
        retention_text=_("Until the person withdraws their consent"),
    ),
    PersonalData(
        "talent.JourneyStep",
        person_fields=("journey__person",),
        export_fields=("step", "on", "town", "source"),
        erase=Erase.DELETE,
        retention_text=_("Until the person withdraws their consent"),
    ),
    PersonalData(
        "talent.JourneyFollowUp",
        person_fields=("journey__person",),
        export_fields=("months", "sent_at", "reminded_at", "answered_at", "still_living"),
        erase=Erase.DELETE,
        retention_text=_("Until the person withdraws their consent"),
    ),
    NotPersonal("talent.JourneyConsentText", "The text people consent to"),
    NotPersonal("talent.TrialCall", "A town's call for trial living"),
    defaults=JOURNEYS,
)

"""What the opportunities area stores about people (see `core.privacy`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONTRACT,
    MEMBERS,
    PROGRAMME,
    PUBLIC_TASK,
    STAFF,
    WITH_OBJECT,
    Erase,
    PersonalData,
    PrivacyArea,
    Retention,
    privacy_register,
)

OPPORTUNITIES = PrivacyArea(
    area="opportunities",
    purpose=_("Publishing the region's opportunities and passing applications on"),
    legal_basis=PUBLIC_TASK,
    people=STAFF,
    recipients=PROGRAMME,
)

privacy_register(
    PersonalData(
        "opportunities.Opportunity",
        person_fields=("created_by",),
        export_fields=("title", "organisation", "kind", "status", "created_at"),
        # the item is the organisation's; it loses the link to the person who wrote it
        erase=Erase.ANONYMISE,
        mentions=("description", "address"),
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "opportunities.Application",
        purpose=_("Passing a person's application on to the organisation they chose"),
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=_("The organisation the person applied to"),
        person_fields=("applicant",),
        export_fields=("opportunity", "cover_note", "cv", "status", "consent_at", "created_at"),
        files=("cv",),
        erase=Erase.DELETE,
        # decided applications go a year after the decision
        retention=Retention(365, "updated_at", only=~Q(status__in=("submitted", "under_review"))),
    ),
    PersonalData(
        "opportunities.SavedSearch",
        purpose=_("E-mailing a person new opportunities that match their saved searches"),
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=_("The person themselves"),
        person_fields=("user",),
        export_fields=("name", "querystring", "frequency", "created_at"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "opportunities.SentItem",
        purpose=_("Sending each opportunity to a person at most once"),
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=_("The person themselves"),
        person_fields=("user",),
        export_fields=("opportunity", "sent_at"),
        erase=Erase.DELETE,
        retention=Retention(400, "sent_at"),
    ),
    PersonalData(
        "opportunities.VerifiedOrganisation",
        person_fields=("verified_by",),
        export_fields=("organisation", "verified_at"),
        erase=Erase.KEEP,
        retention_text=WITH_OBJECT,
    ),
    PersonalData(
        "opportunities.TownContact",
        purpose=_("Showing the contacts a town names on its welcome page"),
        person_fields=("updated_by",),
        export_fields=("municipality", "kind", "name", "updated_at"),
        # an institution's contact: it stays, without the staff member who kept it
        erase=Erase.KEEP,
        mentions=("name", "note"),
        retention_text=WITH_OBJECT,
    ),
    defaults=OPPORTUNITIES,
)

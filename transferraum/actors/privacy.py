"""What the actors area stores about people (see `core.privacy`)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.actors.models import Invitation, Membership
from transferraum.core.privacy import (
    CONTRACT,
    INVITEES,
    MEMBERS,
    PROGRAMME,
    PUBLIC_OR_MEMBERS,
    STAFF,
    WITH_OBJECT,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    Retention,
    privacy_register,
)

NETWORK = gettext_lazy(
    "Showing who works in which organisation and with which competences, so partners find "
    "each other"
)


def last_admin_refusal(person: User) -> str | None:
    """An organisation must keep an administrator: its last one cannot leave by deleting the
    account."""
    alone = (
        Membership.objects.filter(user=person, role=Membership.Role.ADMIN)
        .annotate(
            admins=Count(
                "organisation__memberships",
                filter=Q(organisation__memberships__role=Membership.Role.ADMIN),
            )
        )
        .filter(admins=1)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    names = ", ".join(m.organisation.name for m in alone)
    if not names:
        return None
    return _(
        "You are the last administrator of %(names)s. Please first invite another person as "
        "administrator, or ask the programme's coordinators to name one; then you can delete "
        "your account."
    ) % {"names": names}


def invitations_of(person: User) -> QuerySet[Invitation]:
    """The invitations that reached the person (by address or accepted), not those they sent:
    those belong to the people invited."""
    return Invitation.objects.filter(Q(email__iexact=person.email) | Q(accepted_by=person))


PROFILE = PrivacyArea(
    area="profile",
    purpose=NETWORK,
    legal_basis=CONTRACT,
    people=MEMBERS,
    recipients=PUBLIC_OR_MEMBERS,
)
ORGANISATIONS = PrivacyArea(
    area="organisations",
    purpose=NETWORK,
    legal_basis=CONTRACT,
    people=STAFF,
    recipients=PROGRAMME,
)

privacy_register(
    PersonalData(
        "actors.PersonProfile",
        person_fields=("user",),
        export_fields=("photo", "bio", "competences", "interests", "languages", "visibility"),
        files=("photo",),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "actors.Competence",
        purpose=gettext_lazy("Keeping the shared vocabulary of competences"),
        recipients=PROGRAMME,
        person_fields=("suggested_by",),
        export_fields=("label_de", "label_en", "status", "created_at"),
        erase=Erase.KEEP,
        retention_text=WITH_OBJECT,
    ),
    defaults=PROFILE,
)
privacy_register(
    PersonalData(
        "actors.Membership",
        person_fields=("user",),
        export_fields=("organisation", "role", "position", "is_contact", "created_at"),
        erase=Erase.DELETE,
        refuse=last_admin_refusal,
    ),
    PersonalData(
        "actors.Invitation",
        purpose=gettext_lazy("Inviting people into an organisation"),
        people=INVITEES,
        rows=invitations_of,
        export_fields=(
            "email",
            "name",
            "organisation",
            "role",
            "position",
            "created_at",
            "accepted_at",
        ),
        erase=Erase.ANONYMISE,
        anonymise={
            "email": lambda row: f"former-member-{row.pk}@invalid.invalid",
            "name": "",
            "position": "",
        },
        retention=Retention(180, "expires_at", only=Q(accepted_at__isnull=True)),
    ),
    PersonalData(
        "actors.MembershipRequest",
        person_fields=("user",),
        export_fields=("organisation", "role", "position", "note", "status", "reason"),
        erase=Erase.DELETE,
        mentions=("note", "reason"),
        retention=Retention(730, "updated_at", only=~Q(status="open")),
    ),
    NotPersonal(
        "actors.Organisation",
        "Organisations and their logos; the people in them are memberships.",
    ),
    NotPersonal(
        "actors.MapCell",
        "Counts of organisations per place on the map, rebuilt from the organisations.",
    ),
    NotPersonal(
        "actors.OrganisationLink",
        "Counts of shared members between two organisations, no person named; rebuilt from "
        "the memberships of active accounts, so an erased person leaves them at the next "
        "rebuild.",
    ),
    defaults=ORGANISATIONS,
)

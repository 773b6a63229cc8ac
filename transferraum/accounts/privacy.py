"""What accounts store about people (see `core.privacy`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONTRACT,
    MEMBERS,
    OPERATOR,
    PERSON_ONLY,
    Erase,
    NotPersonal,
    PersonalData,
    Retention,
    privacy_register,
)

ACCOUNT = _("Signing in, and telling the programme who takes part in which role")

privacy_register(
    PersonalData(
        "accounts.User",
        area="account",
        purpose=ACCOUNT,
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=PERSON_ONLY,
        rows=lambda person: type(person)._default_manager.filter(pk=person.pk),
        export_fields=(
            "email",
            "name",
            "role",
            "language",
            "study_programme",
            "semester",
            "date_joined",
            "last_login",
        ),
        # the account itself is deleted last, by `account_erase`
        erase=Erase.KEEP,
    ),
    PersonalData(
        "accounts.RoleRequest",
        area="account",
        purpose=_("Granting roles in the programme"),
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=PERSON_ONLY,
        person_fields=("user",),
        erase=Erase.DELETE,
        mentions=("note", "reason"),
        retention=Retention(730, "updated_at", only=~Q(status="open")),
    ),
    PersonalData(
        "accounts.DataExport",
        area="account",
        purpose=_("Giving people a copy of their data (Art. 15 and 20 GDPR)"),
        legal_basis=_("Art. 6(1)(c) GDPR: the controller's legal obligation"),
        people=MEMBERS,
        recipients=_("The person themselves"),
        person_fields=("user",),
        export_fields=("status", "created_at", "ready_at", "expires_at"),
        files=("file",),
        erase=Erase.DELETE,
        retention=Retention(0, "expires_at"),
    ),
    PersonalData(
        "account.EmailAddress",
        area="account",
        purpose=ACCOUNT,
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=PERSON_ONLY,
        person_fields=("user",),
        export_fields=("email", "verified", "primary"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "account.EmailConfirmation",
        area="account",
        purpose=_("Confirming e-mail addresses"),
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=OPERATOR,
        person_fields=("email_address__user",),
        export_fields=("created", "sent"),
        erase=Erase.DELETE,
        retention=Retention(7, "created"),
    ),
    NotPersonal("accounts.StudyProgramme", "The university's degree programmes."),
    # Single sign-on (docs/sso.md): the identifier and what the identity provider sent.
    PersonalData(
        "socialaccount.SocialAccount",
        area="account",
        purpose=_("Signing in with one's university (single sign-on)"),
        legal_basis=CONTRACT,
        people=MEMBERS,
        recipients=PERSON_ONLY,
        person_fields=("user",),
        export_fields=("provider", "uid", "last_login", "date_joined", "extra_data"),
        erase=Erase.DELETE,
    ),
    NotPersonal("socialaccount.SocialApp", "An identity provider's configuration and name."),
)

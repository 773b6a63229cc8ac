"""What accounts store about people (see `core.privacy`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from transferraum.core.privacy import (
    CONTRACT,
    LEGITIMATE_INTEREST,
    MEMBERS,
    OPERATOR,
    PERSON_ONLY,
    UNTIL_ERASURE,
    Erase,
    NotPersonal,
    PersonalData,
    PrivacyArea,
    Retention,
    privacy_register,
)

ACCOUNT = PrivacyArea(
    area="account",
    purpose=_("Signing in, and telling the programme who takes part in which role"),
    legal_basis=CONTRACT,
    people=MEMBERS,
    recipients=PERSON_ONLY,
)

privacy_register(
    PersonalData(
        "mfa.Authenticator",
        purpose=_("Protecting the account with a second factor"),
        legal_basis=LEGITIMATE_INTEREST,
        person_fields=("user",),
        # which kinds of factor and when they were used; never the secrets in `data`
        export_fields=("type", "created_at", "last_used_at"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    PersonalData(
        "usersessions.UserSession",
        purpose=_("Showing a person where they are signed in, so they can sign out there"),
        legal_basis=LEGITIMATE_INTEREST,
        person_fields=("user",),
        export_fields=("created_at", "last_seen_at", "ip", "user_agent"),
        erase=Erase.DELETE,
        retention_text=UNTIL_ERASURE,
    ),
    PersonalData(
        "accounts.User",
        rows=lambda person: type(person)._default_manager.filter(pk=person.pk),
        export_fields=(
            "email",
            "name",
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
        "accounts.UserRole",
        person_fields=("user",),
        export_fields=("role", "granted_at"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "accounts.RoleRequest",
        purpose=_("Granting roles in the programme"),
        person_fields=("user",),
        erase=Erase.DELETE,
        mentions=("note", "reason"),
        retention=Retention(730, "updated_at", only=~Q(status="open")),
    ),
    PersonalData(
        "accounts.DataExport",
        purpose=_("Giving people a copy of their data (Art. 15 and 20 GDPR)"),
        legal_basis=_("Art. 6(1)(c) GDPR: the controller's legal obligation"),
        recipients=_("The person themselves"),
        person_fields=("user",),
        export_fields=("status", "created_at", "ready_at", "expires_at"),
        files=("file",),
        erase=Erase.DELETE,
        retention=Retention(0, "expires_at"),
    ),
    PersonalData(
        "account.EmailAddress",
        person_fields=("user",),
        export_fields=("email", "verified", "primary"),
        erase=Erase.DELETE,
    ),
    PersonalData(
        "account.EmailConfirmation",
        purpose=_("Confirming e-mail addresses"),
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
        purpose=_("Signing in with one's university (single sign-on)"),
        person_fields=("user",),
        export_fields=("provider", "uid", "last_login", "date_joined", "extra_data"),
        erase=Erase.DELETE,
    ),
    NotPersonal("socialaccount.SocialApp", "An identity provider's configuration and name."),
    defaults=ACCOUNT,
)

"""Single sign-on rules: who a SAML or OpenID Connect login is, which role the university's
affiliation gives, and the proof of an e-mail address before a login joins an existing
account. The allauth hooks (`sso_adapter`) and the pages (`sso_views`) call these; docs/sso.md
explains the flow."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import RoleRequest, User
from transferraum.accounts.services import student_role_grant_unasked
from transferraum.accounts.sso_settings import (
    SAML_PAIRWISE_ID,
    SAML_SCOPED_AFFILIATION,
    SAML_SUBJECT_ID,
)
from transferraum.core.errors import DomainError
from transferraum.core.services import activity_record

# The REFEDS MFA profile: the identity provider asserts that the person used a second factor.
REFEDS_MFA = "https://refeds.org/profile/mfa"
# The session key the MFA enforcement reads: True only after a login whose identity provider
# asserted REFEDS MFA; every other login removes it.
MFA_BY_IDP_SESSION_KEY = "tr_mfa_by_idp"
# What the OpenID Connect claim of the REFEDS/eduGAIN profile is called.
OIDC_SCOPED_AFFILIATION = "eduperson_scoped_affiliation"

STUDENT_AFFILIATIONS = frozenset({"student"})
STAFF_AFFILIATIONS = frozenset({"employee", "faculty", "staff"})

LINK_SESSION_KEY = "tr_sso_link"
LINK_SALT = "transferraum.accounts.sso.link"
LINK_MAX_AGE = 60 * 60  # seconds a link to join an existing account stays valid


class SsoError(DomainError):
    """A single sign-on the platform refuses; `message` says why in the person's language."""


# Messages for refused SAML responses, chosen by what python3-saml reports. English source
# texts, translated at the moment they are shown.
SAML_REFUSALS: tuple[tuple[tuple[str, ...], Any], ...] = (
    (
        ("signature", "signed", "reference validation", "digest"),
        gettext_lazy(
            "The answer of your university's sign-in could not be trusted: its signature is "
            "missing or does not match. Nothing was changed. Please sign in again; if this "
            "happens again, please tell the coordinators."
        ),
    ),
    (
        ("audience", "destination", "received at", "recipient", "subjectconfirmation", "issuer"),
        gettext_lazy(
            "The answer of your university's sign-in was meant for another service. Nothing "
            "was changed. Please start the sign-in again from this page."
        ),
    ),
    (
        ("expired", "notonorafter", "notbefore", "timestamp", "sessionnotonorafter"),
        gettext_lazy(
            "The sign-in with your university has expired. Nothing was changed. Please sign "
            "in again."
        ),
    ),
)
SAML_REFUSED = gettext_lazy(
    "The sign-in with your university did not work. Nothing was changed. Please try again."
)
REPLAYED = gettext_lazy(
    "This sign-in answer has already been used or was not asked for here. Nothing was "
    "changed. Please sign in again."
)
UNREACHABLE = gettext_lazy(
    "Your university's sign-in cannot be reached right now. Please try again in a few "
    "minutes, or sign in with your e-mail address."
)
OIDC_REFUSED = gettext_lazy(
    "The answer of your identity provider could not be confirmed: its issuer or its one-time "
    "code did not match this sign-in. Nothing was changed. Please sign in again."
)
NO_IDENTIFIER = gettext_lazy(
    "Your university did not tell us a lasting identifier (pairwise-id or subject-id), so we "
    "cannot sign you in: an e-mail address alone is not enough. Please ask your university's "
    "IT service to release this attribute to Transferraum."
)


def saml_refusal_message(reason: str) -> str:
    """A clear, translated message for python3-saml's technical reason of a refusal."""
    lowered = reason.lower().replace(" ", "")
    for words, message in SAML_REFUSALS:
        if any(word.replace(" ", "") in lowered for word in words):
            return str(message)
    return str(SAML_REFUSED)


def saml_identifier(attributes: Mapping[str, Iterable[str]]) -> str:
    """The person's lasting identifier: the pairwise-id, else the subject-id (never the NameID
    or an e-mail address). Raises SsoError when the identity provider sent neither."""
    for name in (SAML_PAIRWISE_ID, SAML_SUBJECT_ID):
        values = [value.strip() for value in attributes.get(name, ()) if value.strip()]
        if values:
            return values[0]
    raise SsoError(str(NO_IDENTIFIER))


@dataclass(frozen=True)
class Affiliation:
    """What `eduPersonScopedAffiliation` says about a person (values like student@uni.de)."""

    student: bool
    staff: bool


def affiliation_from(values: Iterable[str]) -> Affiliation:
    """Map scoped affiliations: student@… is a student; employee@, faculty@, staff@… are staff
    (who get no role by this: they ask for theirs). Unscoped or other values count for
    nothing."""
    kinds = {value.strip().lower().partition("@")[0] for value in values if "@" in value}
    return Affiliation(
        student=bool(kinds & STUDENT_AFFILIATIONS), staff=bool(kinds & STAFF_AFFILIATIONS)
    )


def affiliation_values(extra_data: Mapping[str, Any]) -> list[str]:
    """The scoped affiliations in a social account's data: SAML attributes (lists under the
    attribute's OID) or OpenID Connect claims (a list or a space-separated text)."""
    raw = extra_data.get(SAML_SCOPED_AFFILIATION)
    for claims in (extra_data, extra_data.get("userinfo"), extra_data.get("id_token")):
        if raw is None and isinstance(claims, Mapping):
            raw = claims.get(OIDC_SCOPED_AFFILIATION)
    if raw is None:
        return []
    if isinstance(raw, str):
        return raw.split()
    return [str(value) for value in raw]


@transaction.atomic
def user_grant_student_by_affiliation(
    *, user: User, affiliations: Iterable[str]
) -> RoleRequest | None:
    """After a single sign-on: when the university says the person is a student, grant their
    open student request or, for a person who is not a student yet, the student role itself (as a
    request granted without a coordinator, like a student e-mail domain's). Staff get nothing
    here. Returns the granted request, or None when nothing changed."""
    if not user.is_active or not affiliation_from(affiliations).student:
        return None
    return student_role_grant_unasked(user=user, data={"role": "student", "by": "sso"})


def mfa_asserted(authn_contexts: Iterable[str]) -> bool:
    """Whether the identity provider asserted the REFEDS MFA profile."""
    return REFEDS_MFA in {context.strip() for context in authn_contexts}


def sso_login_apply(*, request: HttpRequest, user: Any, sociallogin: Any) -> None:
    """After any login: `tr_mfa_by_idp` is True in the session only when this login came
    through an identity provider that asserted REFEDS MFA (a password login after it in the
    same session must not inherit it). A university login whose affiliation says student
    grants the student role."""
    request.session[MFA_BY_IDP_SESSION_KEY] = bool(
        sociallogin is not None and sociallogin.state.get(MFA_BY_IDP_SESSION_KEY)
    )
    if sociallogin is not None and isinstance(user, User):
        user_grant_student_by_affiliation(
            user=user, affiliations=affiliation_values(sociallogin.account.extra_data or {})
        )


# --- joining an existing account only after the e-mail address is proven -----------------


def link_token_make(*, user: User, nonce: str) -> str:
    """The signed, expiring token of the link mailed to the account's address."""
    return signing.dumps({"u": user.pk, "n": nonce}, salt=LINK_SALT)


def link_token_read(token: str) -> dict[str, Any]:
    """The token's content. Raises SsoError when it is forged or older than an hour."""
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise SsoError(
            _("This link has expired. Please sign in with your university again.")
        ) from error
    except signing.BadSignature as error:
        raise SsoError(_("This link is not valid. Please sign in again.")) from error
    if not isinstance(data, dict):
        raise SsoError(_("This link is not valid. Please sign in again."))
    return data


def link_nonce() -> str:
    return secrets.token_urlsafe(24)


@transaction.atomic
def email_address_prove(*, user: User, email: str) -> EmailAddress:
    """The person opened a link sent to `email`: the address is verified (and primary when the
    account has no other). When it was not verified before, whoever registered the account
    with it may not be its owner: the password is wiped (allauth does the same), so only the
    address's owner gets in (by the university, or by resetting the password)."""
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        address = EmailAddress.objects.create(
            user=user, email=email, primary=not EmailAddress.objects.filter(user=user).exists()
        )
    if not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
        if user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
    return address


@transaction.atomic
def sso_link_complete(*, request: HttpRequest, token: str) -> SocialLogin:
    """The person opened the link mailed to an existing account's address, in the browser in
    which they signed in with their university: the university login joins that account and
    the address counts as proven. Raises SsoError for a forged or expired link, another
    browser, an account gone inactive, or a university login already joined elsewhere."""
    data = link_token_read(token)
    pending = request.session.get(LINK_SESSION_KEY) or {}
    if pending.get("nonce") != data.get("n") or pending.get("user") != data.get("u"):
        raise SsoError(
            _(
                "Please open the link in the browser in which you signed in with your "
                "university. If you closed it, sign in with your university again."
            )
        )
    user = User.objects.filter(pk=int(data.get("u") or 0), is_active=True).first()
    if user is None:
        raise SsoError(_("This account can no longer be used. Please sign in again."))
    try:
        sociallogin = SocialLogin.deserialize(pending["sociallogin"])
    except (KeyError, ValueError) as error:
        raise SsoError(_("This link is not valid. Please sign in again.")) from error
    account = sociallogin.account
    if SocialAccount.objects.filter(provider=account.provider, uid=account.uid).exists():
        raise SsoError(
            _("This university login already belongs to an account. Please sign in with it.")
        )
    email_address_prove(user=user, email=str(pending.get("email") or user.email))
    sociallogin.connect(request, user)
    activity_record(
        actor=user, verb="account.sso_linked", target=user, data={"provider": account.provider}
    )
    del request.session[LINK_SESSION_KEY]
    return sociallogin


@dataclass(frozen=True)
class SsoProvider:
    """One identity provider on the discovery page."""

    name: str
    login_url: str


def sso_providers(providers: Iterable[Any], *, query: str = "") -> list[SsoProvider]:
    """The SAML and OpenID Connect providers whose name contains `query` (any case), by
    name. The list is the configuration's, a handful to some dozens: filtered in Python."""
    needle = query.casefold()
    found = [
        SsoProvider(name=str(provider.name), login_url=provider.get_login_url(None))
        for provider in providers
        if provider.id in {"saml", "openid_connect"}
        and (not needle or needle in str(provider.name).casefold())
    ]
    return sorted(found, key=lambda provider: provider.name.casefold())

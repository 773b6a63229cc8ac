"""Who must have a second factor before using the platform, and whether they have one.

The factors themselves (authenticator app, security keys and passkeys, recovery codes) are
allauth.mfa's; this module holds the platform's rule, read by the one enforcement point
(`accounts.middleware.MfaRequiredMiddleware`) and by the page that explains it. See
docs/security.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from allauth.mfa.models import Authenticator
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User, UserRole

# After a single sign-on whose identity provider asserted the REFEDS MFA context
# (https://refeds.org/profile/mfa), the login puts True under this key: the person proved a
# second factor there, so the platform asks for none of its own in this session.
MFA_BY_IDP_SESSION_KEY = "tr_mfa_by_idp"

# Stored values of `actors.models.Organisation.Kind` whose staff see personal data, and of
# `Membership.Role` for an organisation's administrators. `accounts` imports no domain app, so
# the values are spelled here; transferraum/accounts/tests/test_mfa.py compares them with the
# choices.
PERSONAL_DATA_ORGANISATION_KINDS: tuple[str, ...] = ("town",)
ADMIN_MEMBERSHIP_ROLE = "admin"

# Recovery codes only stand in for a lost factor: they do not count as one.
FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def _memberships(user_pk: object) -> QuerySet[models.Model]:
    """The person's memberships that call for a second factor: administrator of any
    organisation, or any role in a town administration. Read through the reverse relation, as
    `accounts` reaches memberships everywhere."""
    membership_model = cast("type[models.Model]", User._meta.get_field("memberships").related_model)
    return membership_model._default_manager.filter(user=user_pk).filter(
        Q(role=ADMIN_MEMBERSHIP_ROLE) | Q(organisation__kind__in=PERSONAL_DATA_ORGANISATION_KINDS)
    )


def _privileged(user: User) -> list[Promise]:
    """The reasons that the account gives itself: its fields and its roles (read once)."""
    reasons: list[Promise] = []
    if user.is_staff or user.is_superuser:
        reasons.append(_("you administer the platform"))
    if user.is_coordinator:
        reasons.append(_("you coordinate the programme"))
    return reasons


def mfa_required_reasons(user: User) -> list[Promise]:
    """Why `user` must have a second factor, in words for the explaining page; empty when
    they need none. Coordinators, site admins (staff or superuser), administrators of an
    organisation and everyone in a town administration see personal data of others."""
    if not user.is_active:
        return []
    reasons = _privileged(user)
    memberships = _memberships(user.pk)
    if memberships.filter(role=ADMIN_MEMBERSHIP_ROLE).exists():
        reasons.append(_("you administer an organisation"))
    if memberships.filter(organisation__kind__in=PERSONAL_DATA_ORGANISATION_KINDS).exists():
        reasons.append(_("you work for a town administration"))
    return reasons


def mfa_required(user: User) -> bool:
    """Whether `user` may use the platform only with a second factor."""
    return bool(mfa_required_reasons(user))


def has_second_factor(user: User) -> bool:
    """Whether `user` has an authenticator app or a security key (recovery codes alone do not
    count)."""
    return Authenticator.objects.filter(user=user, type__in=FACTOR_TYPES).exists()


@dataclass(frozen=True)
class MfaStatus:
    required: bool
    has_factor: bool

    @property
    def blocked(self) -> bool:
        """The person must enrol a factor before using anything else."""
        return self.required and not self.has_factor


def mfa_status(user: User) -> MfaStatus:
    """Whether `user` needs a second factor and has one, in one query (the middleware asks on
    every request). Agrees with `mfa_required` and `has_second_factor`."""
    if not user.is_active:
        return MfaStatus(required=False, has_factor=False)
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            has_factor=Exists(
                Authenticator.objects.filter(user=OuterRef("pk"), type__in=FACTOR_TYPES)
            ),
            needs_by_membership=Exists(_memberships(OuterRef("pk"))),
            coordinates=Exists(
                UserRole.objects.filter(user=OuterRef("pk"), role=User.Role.COORDINATOR)
            ),
        )
        .values("has_factor", "needs_by_membership", "coordinates")
        .first()
    )
    if row is None:
        return MfaStatus(required=False, has_factor=False)
    # `_privileged`'s rule, with the coordinator role read in this query
    required = (
        user.is_staff or user.is_superuser or row["coordinates"] or row["needs_by_membership"]
    )
    return MfaStatus(required=required, has_factor=row["has_factor"])

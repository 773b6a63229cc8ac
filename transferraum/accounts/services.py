"""Writes on a person's own account."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.core.errors import DomainError
from transferraum.core.services import activity_record


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    """Remember the interface language, so e-mails reach the person in it too.

    Raises DomainError for a language the platform does not offer.
    """
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("This language is not offered."), field="language")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return user


@transaction.atomic
def user_update_profile(*, user: User, name: str, language: str) -> User:
    """Change the name shown to others and the preferred language.

    Raises DomainError when the name is blank.
    """
    name = name.strip()
    if not name:
        raise DomainError(_("Please enter your name."), field="name")
    user.name = name
    user.save(update_fields=["name"])
    user_set_language(user=user, language=language)
    activity_record(actor=user, verb="profile.updated", target=user)
    return user

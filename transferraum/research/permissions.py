"""Who may do what in the research area: plain predicates, tested as a table."""

from __future__ import annotations

from typing import Any

from transferraum.accounts.models import User


def is_researcher(user: Any) -> bool:
    """Holds the researcher role (menu and the list of one's studies)."""
    return bool(user.is_authenticated and user.is_active and user.has_role(User.Role.RESEARCHER))


def can_create_study(user: Any) -> bool:
    return is_researcher(user)


def can_manage_study(user: Any, study: Any) -> bool:
    """A researcher who is a member of the study builds its surveys, consent texts and waves.
    Nobody else sees a study's answers, not even coordinators."""
    return is_researcher(user) and study.researchers.filter(pk=user.pk).exists()

"""Who may do what with a venture: plain predicates, tested as a table.

Confidential by default: the idea, documents and stage of a venture are seen by its founders,
its mentors and the coordinators; everybody else sees a venture only once the founders have
published its public profile, and then only that profile.
"""

from __future__ import annotations

from typing import Any

from transferraum.accounts.models import User
from transferraum.ventures.workflow import COORDINATOR, FOUNDER, MENTOR


def _signed_in(viewer: Any) -> bool:
    return bool(viewer.is_authenticated and viewer.is_active)


def is_coordinator(viewer: Any) -> bool:
    return bool(_signed_in(viewer) and viewer.is_coordinator)


def roles_for(viewer: Any, venture: Any) -> set[str]:
    """The viewer's roles for this venture: founder (accepted), mentor (accepted),
    coordinator. Reads the venture's founders and mentorships (prefetched on detail pages)."""
    if not _signed_in(viewer):
        return set()
    roles: set[str] = set()
    if any(f.user_id == viewer.pk and f.status == "active" for f in venture.founders.all()):
        roles.add(FOUNDER)
    if any(m.mentor_id == viewer.pk and m.status == "accepted" for m in venture.mentorships.all()):
        roles.add(MENTOR)
    if viewer.is_coordinator:
        roles.add(COORDINATOR)
    return roles


def can_create(viewer: Any) -> bool:
    """Founders, students, researchers, supervisors and coordinators start ventures."""
    return bool(
        _signed_in(viewer)
        and viewer.has_role(
            User.Role.FOUNDER,
            User.Role.STUDENT,
            User.Role.RESEARCHER,
            User.Role.SUPERVISOR,
            User.Role.COORDINATOR,
        )
    )


def can_see_confidential(viewer: Any, venture: Any) -> bool:
    return bool(roles_for(viewer, venture))


def can_view(viewer: Any, venture: Any) -> bool:
    return bool(venture.is_public or can_see_confidential(viewer, venture))


def can_edit(viewer: Any, venture: Any) -> bool:
    """Only the founders change a venture (its text, checklist, evidence, team, profile,
    applications and mentors)."""
    return FOUNDER in roles_for(viewer, venture)


def can_answer_invitation(viewer: Any, venture: Any) -> bool:
    return _signed_in(viewer) and any(
        f.user_id == viewer.pk and f.status == "invited" for f in venture.founders.all()
    )


def can_answer_mentoring(viewer: Any, venture: Any) -> bool:
    return _signed_in(viewer) and any(
        m.mentor_id == viewer.pk and m.status == "asked" for m in venture.mentorships.all()
    )

"""The kinds of notification, declared by the apps that send them.

Each app lists its kinds in `<app>/notification_kinds.py`; the notifications app imports those
modules when Django starts (as the admin finds `admin.py`), so it names no domain app:

    CHALLENGE_PUBLISHED = notification_kind(
        "challenge.published", _("A challenge is published"), order=20
    )

The key is stored with every notification and preference, so it never changes; the label is
what the preferences page shows; `visible` decides whether a person sees the kind there.

A **transactional** kind (`transactional=True`) is a message the person needs to act on at
once and asked for by what they did (the personal link of a survey invitation): its e-mail is
sent at once whatever the person chose, it carries no unsubscribe link and the preferences page
does not offer it. Use it only for such messages, never for news.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from transferraum.notifications.models import Delivery


def anyone(user: Any) -> bool:
    return True


def coordinators(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_coordinator)


@dataclass(frozen=True)
class NotificationKind:
    key: str
    label: str | Promise
    order: int = 100
    default: Delivery = Delivery.IMMEDIATE
    visible: Callable[[Any], bool] = anyone
    transactional: bool = False


_KINDS: dict[str, NotificationKind] = {}


def notification_kind(
    key: str,
    label: str | Promise,
    *,
    order: int = 100,
    default: Delivery = Delivery.IMMEDIATE,
    visible: Callable[[Any], bool] = anyone,
    transactional: bool = False,
) -> NotificationKind:
    """Declare (or replace) a kind and return it, for the sender to pass to `notify`."""
    kind = NotificationKind(
        key, label, order=order, default=default, visible=visible, transactional=transactional
    )
    _KINDS[key] = kind
    return kind


def kind_get(key: str) -> NotificationKind:
    """The registered kind; an unknown key (a kind since removed) gets a plain stand-in."""
    return _KINDS.get(key) or NotificationKind(key, key)


def kinds_for(user: Any) -> list[NotificationKind]:
    """The kinds this person may choose for, in the order of the preferences page."""
    return sorted(
        (kind for kind in _KINDS.values() if not kind.transactional and kind.visible(user)),
        key=lambda kind: (kind.order, kind.key),
    )

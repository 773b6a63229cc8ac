"""The bell's count: one COUNT query on the index (recipient, read_at), only where the bell is."""

from __future__ import annotations

from typing import Any

from django import template

from transferraum.notifications.models import Notification

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    """How many unread notifications the signed-in person has (0 for visitors, no query)."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

"""Writes of the core: the activity log."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from transferraum.core.models import Activity


def activity_record(
    *,
    actor: Any | None,
    verb: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> Activity:
    """Append one entry to the activity log.

    `verb` is a stable, dotted English key such as ``invitation.accepted``; the display text
    comes from the template, so the log stays readable in every language.
    """
    entry = Activity(
        actor=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        data=data or {},
    )
    if target is not None:
        entry.target_type = ContentType.objects.get_for_model(target)
        entry.target_id = str(target.pk)
        entry.target_repr = str(target)[:300]
    entry.save()
    return entry

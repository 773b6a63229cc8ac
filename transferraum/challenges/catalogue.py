"""Loading the starter catalogue: topic fields, transfer formats and the default recommender rules.

The tables themselves live in `transferraum.challenges.data.catalogue`, the one place to change the
starter data; `manage.py load_catalogue` (run by `make db`) loads them through `catalogue_load`.
"""

from __future__ import annotations

from transferraum.challenges.data.catalogue import (
    DEFAULT_RULES,
    TOPIC_FIELDS,
    TRANSFER_FORMATS,
    StarterFormat,
    StarterRule,
    StarterTopic,
)
from transferraum.challenges.models import FormatRule, TopicField, TransferFormat

__all__ = [
    "DEFAULT_RULES",
    "FORMAT_TEXT_FIELDS",
    "TOPIC_FIELDS",
    "TRANSFER_FORMATS",
    "StarterFormat",
    "StarterRule",
    "StarterTopic",
    "catalogue_load",
]

# The translated texts of a format, copied from its starter entry as they are.
FORMAT_TEXT_FIELDS = (
    "name_de",
    "name_en",
    "description_de",
    "description_en",
    "duration_de",
    "duration_en",
    "participants_de",
    "participants_en",
    "partner_effort_note_de",
    "partner_effort_note_en",
    "fits_when_de",
    "fits_when_en",
    "not_fit_when_de",
    "not_fit_when_en",
)


def catalogue_load() -> int:
    """Create the missing topic fields, transfer formats and default rules.

    Rules: topic fields and formats are matched by slug, rules by (attribute, value, format).
    A missing entry is created with all its starter values; an existing one is left exactly as
    coordinators curated it (texts, positions, effort, points), because this runs at every
    deployment. Nothing is deleted. Returns the number of entries created.
    """
    created = _topics_create(TOPIC_FIELDS)
    formats, formats_created = _formats_create(TRANSFER_FORMATS)
    return created + formats_created + _rules_create(DEFAULT_RULES, formats)


def _topics_create(starters: tuple[StarterTopic, ...]) -> int:
    """Create the topic fields missing by slug, positioned in steps of ten in table order."""
    existing = set(
        TopicField.objects.filter(slug__in=[t.slug for t in starters]).values_list(
            "slug", flat=True
        )
    )
    created = 0
    for position, starter in enumerate(starters, start=1):
        if starter.slug not in existing:
            TopicField.objects.create(
                slug=starter.slug,
                position=position * 10,
                name_de=starter.name_de,
                name_en=starter.name_en,
            )
            created += 1
    return created


def _formats_create(
    starters: tuple[StarterFormat, ...],
) -> tuple[dict[str, TransferFormat], int]:
    """Create the transfer formats missing by slug; returns all starter formats by slug and the
    number created."""
    formats = {
        f.slug: f for f in TransferFormat.objects.filter(slug__in=[f.slug for f in starters])
    }
    created = 0
    for position, starter in enumerate(starters, start=1):
        if starter.slug not in formats:
            formats[starter.slug] = TransferFormat.objects.create(
                slug=starter.slug,
                partner_effort=starter.partner_effort,
                is_project_format=starter.is_project_format,
                position=position * 10,
                **{field: getattr(starter, field) for field in FORMAT_TEXT_FIELDS},
            )
            created += 1
    return formats, created


def _rules_create(starters: tuple[StarterRule, ...], formats: dict[str, TransferFormat]) -> int:
    """Create the default rules missing by (attribute, value, format slug)."""
    keys = set(FormatRule.objects.values_list("attribute", "value", "format__slug"))
    created = 0
    for starter in starters:
        if starter.key not in keys:
            FormatRule.objects.create(
                attribute=starter.attribute,
                value=starter.value,
                format=formats[starter.format_slug],
                weight=starter.weight,
                reason_de=starter.reason_de,
                reason_en=starter.reason_en,
            )
            created += 1
    return created

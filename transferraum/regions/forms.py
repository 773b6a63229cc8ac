"""Choosing a municipality in a form: one list grouped by district, both in German order."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator

from transferraum.regions.models import Municipality


def german_sort_key(text: str) -> tuple[str, str]:
    """Sort key in German dictionary order (DIN 5007-1): umlauts sort as their base letter, ß as
    ss, case and accents only break ties, so "Österreich" comes before "Pegau", not after "Z".
    The locale module is not used: its collation depends on what the server has installed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base, text


class DistrictGroups(ModelChoiceIterator):
    """The choices as one `<optgroup>` per district, districts and municipalities in German
    order (one query, without the large boundaries)."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list[Municipality]] = defaultdict(list)
        queryset = self.queryset.select_related("district").defer("boundary", "district__boundary")
        for municipality in queryset:
            groups[municipality.district.name].append(municipality)
        for district in sorted(groups, key=german_sort_key):
            members = sorted(groups[district], key=lambda m: german_sort_key(m.name))
            yield (district, [self.choice(m) for m in members])


def group_by_district(field: forms.Field) -> None:
    """Show the municipalities of `field` (a ModelChoiceField) grouped by district."""
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{field!r} is not a ModelChoiceField")
    field.iterator = DistrictGroups
    field.widget.choices = field.choices

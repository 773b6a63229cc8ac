"""`core.choices`: every model's `get_<field>_display()` gives what Django's own gives."""

from __future__ import annotations

from functools import partialmethod
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation
from django.utils.choices import flatten_choices

from transferraum.core.choices import _get_field_display, choice_labels


def _fields_with_choices() -> list[tuple[type[models.Model], models.Field[Any, Any]]]:
    return [
        (model, field)
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.get_fields()
        if isinstance(field, models.Field) and field.choices is not None
    ]


def test_the_project_has_fields_with_choices_to_compare():
    assert len(_fields_with_choices()) > 30


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_display_method_gives_djangos_label_in_the_active_language(language):
    for model, field in _fields_with_choices():
        values = [value for value, _label in flatten_choices(field.choices)] + ["no-such-value"]
        for value in values:
            instance = model()
            setattr(instance, field.attname, value)
            with translation.override(language):
                ours = getattr(instance, f"get_{field.name}_display")()
                djangos = models.Model._get_FIELD_display(instance, field)
            assert ours == djangos, (model, field.name, value)


def test_the_display_methods_of_project_models_use_the_kept_labels():
    from transferraum.actors.models import Organisation

    method = Organisation.__dict__["get_kind_display"]
    assert isinstance(method, partialmethod)
    assert method.func is _get_field_display


def test_labels_stay_lazy_so_the_language_of_the_request_decides():
    from transferraum.actors.models import Organisation

    field = Organisation._meta.get_field("kind")
    labels = choice_labels(field)
    assert choice_labels(field) is labels
    value = next(iter(labels))
    with translation.override("de"):
        german = str(labels[value])
    with translation.override("en"):
        english = str(labels[value])
    assert german != english

"""A faster `get_<field>_display()` for every model.

Django's `Model._get_FIELD_display` builds `dict(make_hashable(field.flatchoices))` on every
call: it flattens the choices and hashes each label, and hashing a lazy translation translates
it. A directory page with twenty organisations and their listings called it 174 times and spent
28 % of its time there (docs/benchmarks.md, page budget). `choice_labels(field)` keeps the dict
of value → label per field (labels stay lazy, so the active language still decides), and
`install()` puts the same lookup in place of Django's on every model: a field binds
`get_<field>_display` to `Model._get_FIELD_display` when its class is created, so the methods
are rebound after all models are loaded (a model's own `get_<field>_display` stays). Fields whose
choices are a callable (evaluated anew each time) are looked up afresh each time.
"""

from __future__ import annotations

from functools import partialmethod
from typing import Any, cast

from django.apps import apps
from django.db import models
from django.utils.choices import CallableChoiceIterator, flatten_choices
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

_ATTRIBUTE = "_transferraum_choice_labels"


def choice_labels(field: models.Field[Any, Any]) -> dict[Any, Any]:
    """Value → label (lazy where declared lazy) of a field with choices, kept on the field."""
    labels: dict[Any, Any] | None = field.__dict__.get(_ATTRIBUTE)
    if labels is None:
        pairs: Any = flatten_choices(cast(Any, field.choices))
        labels = {make_hashable(value): label for value, label in pairs}
        if not isinstance(field.choices, CallableChoiceIterator):
            field.__dict__[_ATTRIBUTE] = labels
    return labels


def _get_field_display(self: models.Model, field: models.Field[Any, Any]) -> Any:
    value = getattr(self, field.attname)
    return force_str(choice_labels(field).get(make_hashable(value), value), strings_only=True)


def install() -> None:
    """Use `choice_labels` for every model's `get_<field>_display()` (from CoreConfig.ready)."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if not isinstance(field, models.Field) or field.choices is None:
                continue
            name = f"get_{field.name}_display"
            method = model.__dict__.get(name)
            if (
                isinstance(method, partialmethod)
                and method.func is getattr(models.Model, "_get_FIELD_display")  # noqa: B009
                and method.keywords.get("field") is field
            ):
                setattr(model, name, partialmethod(_get_field_display, field=field))

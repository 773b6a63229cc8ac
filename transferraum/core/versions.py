"""Edit versions: no lost updates when two people edit the same object.

A shared object (`core.models.Versioned`) carries `version`, a number that grows by one with
every save through its edit service. Its edit form (`VersionedForm`) carries, in two hidden
fields, the version it was loaded with and a signed snapshot of the values it showed. The
service claims the next version with `version_claim(obj, version)` before it writes: one
`UPDATE … SET version = version + 1 WHERE pk = … AND version = <loaded>`, atomic on SQLite and
PostgreSQL, so of two saves of the same version exactly one wins. The other gets `EditConflict`
(a `DomainError`); `attach_to(form)` turns the form into a merge page:

- a field only the other person changed takes their value (the person had not touched it);
- a field both changed differently keeps what this person typed and shows the other's value
  beside it (`components/edit_conflict_field.html`, rendered by `{% kern_field %}`), with a
  choice "keep the text in the field" / "take their version";
- every other field stays as typed; the hidden fields now carry the new version and snapshot,
  so the next save goes through unless someone saved yet again.

See docs/concurrency.md, "Edit versions".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.core import signing
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.core.errors import DomainError
from transferraum.core.models import Activity, Versioned

if TYPE_CHECKING:
    from django.forms import BaseForm

VERSION_FIELD = "version"
BASE_FIELD = "version_base"
TAKE_PREFIX = "version_take_"
_SALT = "transferraum.core.versions"

# A field's value in the shape a browser sends it: one string, or a sorted list of strings.
Data = str | list[str]


class EditConflict(DomainError):
    """Someone else saved the object after this person loaded it; nothing was saved."""

    def __init__(self, current: Versioned) -> None:
        super().__init__(
            _(
                "Someone else has saved this in the meantime. Nothing of yours has been saved "
                "yet: please compare, then save again."
            )
        )
        self.current = current

    def attach_to(self, form: BaseForm) -> None:
        if isinstance(form, VersionedForm):
            form.conflict_show(self.current)
        else:
            super().attach_to(form)


def version_claim(obj: Versioned, version: int | None) -> None:
    """Claim the next version of `obj` inside the caller's transaction, before it writes.

    `version` is the version the person's form was loaded with; None means the caller holds
    no loaded copy (a command, the demo) and always wins. A new object (no pk yet) keeps its
    first version. Raises EditConflict when the object has moved on since `version`: the row
    stays locked by the UPDATE until the transaction ends, so two claims of one version can
    never both succeed.
    """
    if obj.pk is None:
        return
    rows = type(obj)._base_manager.filter(pk=obj.pk)
    if version is None:
        rows.update(version=F("version") + 1)
        obj.version = rows.values_list("version", flat=True).get()
        return
    if not rows.filter(version=version).update(version=F("version") + 1):
        raise EditConflict(rows.get())
    obj.version = version + 1


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return str(value)


def as_data(form_field: forms.Field, value: Any) -> Data:
    """`value` (a Python value or what a browser sent) as a browser would send it, so that
    values from the database, the snapshot and the request compare equal when they mean the
    same."""
    if isinstance(value, models.Manager):
        value = value.all()
    if isinstance(form_field.widget, forms.CheckboxInput):
        return "on" if value and value not in ("false", "False", "0") else ""
    prepared = form_field.prepare_value(value)
    if isinstance(prepared, list | tuple | set | models.QuerySet):
        return sorted(_scalar(item) for item in prepared)
    return _scalar(prepared)


def _display(form_field: forms.Field, value: Data) -> str:
    """A value as the person reads it: choice labels instead of keys, "yes"/"no"."""
    if isinstance(form_field.widget, forms.CheckboxInput):
        return str(gettext_lazy("Yes") if value else gettext_lazy("No"))
    values = value if isinstance(value, list) else [value]
    if isinstance(form_field, forms.ChoiceField):
        labels: dict[str, str] = {}
        choices: Any = form_field.choices
        for key, label in choices:
            if isinstance(label, list | tuple):  # a group of choices
                labels.update({str(k): str(lab) for k, lab in label})
            else:
                labels[str(key)] = str(label)
        values = [labels.get(item, item) for item in values if item != ""]
    shown = ", ".join(item for item in values if item)
    return shown or str(gettext_lazy("(empty)"))


@dataclass(frozen=True)
class FieldConflict:
    """A field both people changed differently."""

    name: str
    label: str
    theirs: str
    auto_id: str


@dataclass
class Conflict:
    """What a form shows after EditConflict: who saved meanwhile, when, and what."""

    changed_by: str
    changed_at: datetime.datetime | None
    fields: list[FieldConflict] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)  # labels of fields only they changed

    def for_field(self, name: str) -> FieldConflict | None:
        return next((item for item in self.fields if item.name == name), None)


def _last_change(obj: Versioned) -> tuple[str, datetime.datetime | None]:
    """Who saved `obj` last and when, as far as the activity log and the object know."""
    last = Activity.objects.for_object(obj).select_related("actor").order_by("-created_at").first()
    changed_at = getattr(obj, "updated_at", None)
    if last is None:
        return "", changed_at
    return (str(last.actor) if last.actor else ""), changed_at or last.created_at


class VersionedForm(forms.BaseForm):
    """A form that edits a `Versioned` object: mix it in before `forms.Form`/`ModelForm`.

    A ModelForm is loaded from its `instance`; a plain form gets `versioned=<object>` and says
    in `initial_from(obj)` which value of the object each of its fields shows. Fields named in
    `versioned_skip` (files, confirmations, one-off choices) are not compared. The template
    puts `{% form_version form %}` beside `{% csrf_token %}`.
    """

    versioned_skip: ClassVar[tuple[str, ...]] = ()
    # The model a plain form edits (a ModelForm names it in Meta.model): for the guard test.
    versioned_model: ClassVar[type[Versioned] | None] = None

    def __init__(self, *args: Any, versioned: Versioned | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edit_conflict: Conflict | None = None
        if versioned is None and isinstance(self, forms.BaseModelForm):
            versioned = self.instance if self.instance.pk else None
        self.fields[VERSION_FIELD] = forms.IntegerField(
            widget=forms.HiddenInput,
            min_value=0,
            # Missing while the object exists: it was created or loaded elsewhere meanwhile
            # (two partners send the first feedback at once): a conflict, see clean().
            required=False,
            error_messages={
                "invalid": gettext_lazy("This form's version is not valid. Please reload it."),
            },
        )
        self.fields[BASE_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, strip=False
        )
        # The snapshot waits until the subclass has set up its fields (see below).
        self._versioned = versioned
        if versioned is not None and not self.is_bound:
            self.initial[VERSION_FIELD] = versioned.version

    def get_initial_for_field(self, field: forms.Field, field_name: str) -> Any:
        if field_name == BASE_FIELD and self._versioned is not None and not self.is_bound:
            return self._sign(self.values_of(self._versioned))
        return super().get_initial_for_field(field, field_name)

    def full_clean(self) -> None:
        if self.is_bound:
            self._take_theirs()
        super().full_clean()

    # What the form shows of an object.

    def initial_from(self, obj: Any) -> dict[str, Any]:
        """The value each field shows of `obj`; a ModelForm reads its model fields."""
        if not isinstance(self, forms.BaseModelForm):
            raise NotImplementedError(f"{type(self).__name__} must define initial_from(obj)")
        values: dict[str, Any] = {}
        names = {f.name: f for f in obj._meta.get_fields()}
        for name in self.versioned_fields():
            model_field = names.get(name)
            if model_field is None or not model_field.concrete:
                continue
            if model_field.many_to_many:
                values[name] = list(getattr(obj, name).all())
            elif model_field.is_relation:
                values[name] = getattr(obj, name)
            else:
                values[name] = model_field.value_from_object(obj)
        return values

    def versioned_fields(self) -> list[str]:
        """The fields compared for conflicts: all but files, the hidden pair and the skipped."""
        return [
            name
            for name, form_field in self.fields.items()
            if name not in (VERSION_FIELD, BASE_FIELD, *self.versioned_skip)
            and not isinstance(form_field, forms.FileField)
            and not form_field.disabled
        ]

    def values_of(self, obj: Versioned) -> dict[str, Data]:
        initial = self.initial_from(obj)
        return {
            name: as_data(self.fields[name], initial[name])
            for name in self.versioned_fields()
            if name in initial
        }

    def clean(self) -> dict[str, Any]:
        """The hidden pair leaves `cleaned_data` (so that `**form.cleaned_data` still fits a
        service) for `loaded_version`."""
        cleaned = super().clean() or self.cleaned_data
        version = cleaned.pop(VERSION_FIELD, None)
        if version is None and self._versioned is not None:
            version = 0  # no version of an existing object: never the current one
        self._loaded_version = version
        cleaned.pop(BASE_FIELD, None)
        return cleaned

    @property
    def loaded_version(self) -> int | None:
        """The version the person loaded (after `is_valid()`), for the service; None when the
        form creates."""
        version = getattr(self, "_loaded_version", None)
        return int(version) if version is not None else None

    # The snapshot of what the form showed, signed so that it is only ever ours.

    @staticmethod
    def _sign(values: dict[str, Data]) -> str:
        return signing.dumps(values, salt=_SALT, compress=True)

    def _base(self) -> dict[str, Data] | None:
        raw = self.data.get(self.add_prefix(BASE_FIELD), "")
        if not raw:
            return None
        try:
            loaded = signing.loads(raw, salt=_SALT)
        except signing.BadSignature:
            return None
        return loaded if isinstance(loaded, dict) else None

    def _set_data(self, name: str, value: Data) -> None:
        data: Any = self.data
        if not getattr(data, "_mutable", True) or not hasattr(data, "setlist"):
            data = self.data = data.copy()  # a request's QueryDict is immutable
        key = self.add_prefix(name)
        if isinstance(value, list):
            if hasattr(data, "setlist"):
                data.setlist(key, value)
            else:
                data[key] = value
        elif value == "" and isinstance(self.fields[name].widget, forms.CheckboxInput):
            data.pop(key, None)
        else:
            data[key] = value

    def _take_theirs(self) -> None:
        """Where the person chose "take their version", put the snapshot's value in place."""
        chosen = [
            name
            for name in self.versioned_fields()
            if self.data.get(self.add_prefix(TAKE_PREFIX + name)) == "theirs"
        ]
        base = self._base() if chosen else None
        for name in chosen:
            if base is not None and name in base:
                self._set_data(name, base[name])

    def _mine(self, name: str) -> Data:
        """What the person sent for `name`, as sent: a cleaned value may have another shape
        than the form shows (links parsed from lines)."""
        form_field = self.fields[name]
        raw = form_field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        return as_data(form_field, raw)

    def conflict_show(self, current: Versioned) -> None:
        """Merge what the person sent with `current` (the newer saved object): see the module
        docstring. The form then renders as the merge page."""
        base = self._base()
        now = self.values_of(current)
        changed_by, changed_at = _last_change(current)
        conflict = Conflict(changed_by=changed_by, changed_at=changed_at)
        for name, theirs in now.items():
            mine = self._mine(name)
            if mine == theirs:
                continue
            if base is not None and base.get(name) == theirs:
                continue  # only this person changed it
            label = str(self.fields[name].label or name)
            if base is not None and base.get(name) == mine:
                self._set_data(name, theirs)  # only they changed it
                conflict.taken.append(label)
                continue
            conflict.fields.append(
                FieldConflict(
                    name=name,
                    label=label,
                    theirs=_display(self.fields[name], theirs),
                    auto_id=self[name].auto_id or name,
                )
            )
        self._set_data(VERSION_FIELD, str(current.version))
        self._set_data(BASE_FIELD, self._sign(now))
        data: Any = self.data
        for item in conflict.fields:
            data.pop(self.add_prefix(TAKE_PREFIX + item.name), None)
        self.edit_conflict = conflict

"""Form fields in KERN UX markup; label, hint and error are tied to the input for screen readers."""

from __future__ import annotations

from typing import Any

from django import forms, template

register = template.Library()


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.inclusion_tag("components/field.html")
def kern_field(field: forms.BoundField, **attrs: Any) -> dict[str, Any]:
    """Render `field` with its label, optional hint and error message in KERN UX classes."""
    widget = field.field.widget
    kind = _kind(widget)
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    if _conflict_of(field) is not None:
        described.append(f"{field.auto_id}-theirs")
    css = {
        "checkbox": "kern-form-check__checkbox",
        "select": "kern-form-input__select",
        "choices": "",
        "textarea": "kern-form-input__input",
        "input": "kern-form-input__input",
    }[kind]
    if field.errors and css:
        css += f" {css}--error"
    widget_attrs = {**attrs}
    if widget.attrs.get("maxlength"):
        # A browser cuts pasted text at `maxlength` without a word (a 759-character title
        # became 200 characters mid-word). The form refuses longer text with a message naming
        # the limit instead, and keeps everything that was typed. False drops the attribute.
        widget_attrs["maxlength"] = False
    if css:
        widget_attrs["class"] = css
    if described:
        widget_attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        widget_attrs["aria-invalid"] = "true"
    # CheckboxSelectMultiple is a subclass of RadioSelect: ask for it first.
    input_type = "checkbox" if isinstance(widget, forms.CheckboxSelectMultiple) else "radio"
    # A form names the fields a later step needs (submission, approval) in `needed_later`:
    # field name → the note shown instead of "optional" ("" for none), so that a draft may be
    # saved without them and nobody is told they are optional.
    needed_later = getattr(field.form, "needed_later", {})
    return {
        "field": field,
        "optional": not field.field.required and field.name not in needed_later,
        "needed_note": needed_later.get(field.name, ""),
        "kind": kind,
        "input_type": input_type,
        "widget": field.as_widget(attrs=widget_attrs) if kind != "choices" else "",
    }


def _conflict_of(field: forms.BoundField) -> Any:
    conflict = getattr(field.form, "edit_conflict", None)
    return conflict.for_field(field.name) if conflict is not None else None


@register.inclusion_tag("components/edit_conflict_field.html")
def field_conflict(field: forms.BoundField) -> dict[str, Any]:
    """After an edit conflict (core.versions): the other person's value beside `field` and
    the choice between both. `{% kern_field %}` includes it; a field rendered another way
    (a picker) calls it itself."""
    return {
        "field": field,
        "conflict": _conflict_of(field),
        "take_name": field.form.add_prefix(f"version_take_{field.name}"),
    }


@register.inclusion_tag("components/edit_conflict.html")
def form_version(form: forms.BaseForm) -> dict[str, Any]:
    """The hidden version of a `core.versions.VersionedForm` and, after a conflict, the
    summary of what changed meanwhile. Put it beside `{% csrf_token %}`."""
    return {"form": form, "conflict": getattr(form, "edit_conflict", None)}

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from transferraum.core.models import AccessEntry, Activity, ScheduledRun, TaskHeartbeat, Versioned
from transferraum.core.versions import VERSION_FIELD, version_claim

ADMIN_CONFLICT = _(
    "Someone else has saved this in the meantime; nothing of yours has been saved. Open it "
    "again in another tab to see their changes: saving this form again replaces them."
)


class _VersionCheck(forms.BaseModelForm):
    """The admin's change form of a `Versioned` object: it carries the version it was loaded
    with and refuses to save over a newer one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial[VERSION_FIELD] = self.instance.version

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        if self.instance.pk is None:
            return cleaned
        # Locked until the admin's transaction ends (PostgreSQL): a second save of the same
        # version waits here and then sees the new one.
        current = (
            type(self.instance)
            ._base_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if current is not None and cleaned.get(VERSION_FIELD) != current:
            # the form now carries the current version: saving it again is a choice
            data: Any = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict
            data[self.add_prefix(VERSION_FIELD)] = str(current)
            self.data = data
            raise forms.ValidationError(ADMIN_CONFLICT, code="edit_conflict")
        return cleaned


class VersionedAdmin(admin.ModelAdmin[Any]):
    """The admin of a `Versioned` model (`core.versions`): two people editing the same row
    get the conflict message, not a silent overwrite, and a save counts as a new version.
    `core/tests/test_versions_admin.py` fails on an admin of a Versioned model without it."""

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm[Any]]:
        # `version` is no editable model field: the model form is built without it.
        if "fields" in kwargs:
            fields = kwargs.pop("fields")
        else:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        if fields is not None:
            fields = [name for name in fields if name != VERSION_FIELD]
        form = super().get_form(request, obj, change, fields=fields, **kwargs)
        version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
        return type(form.__name__, (_VersionCheck, form), {VERSION_FIELD: version})

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or any(
            VERSION_FIELD in options.get("fields", ()) for _name, options in fieldsets
        ):
            return fieldsets
        # explicit fieldsets: the hidden field rides along, in a row of its own that stays hidden
        return [*fieldsets, (None, {"fields": [VERSION_FIELD], "classes": ["hidden"]})]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change and isinstance(obj, Versioned):
            version_claim(obj, form.cleaned_data.get(VERSION_FIELD))
        super().save_model(request, obj, form, change)


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "verb", "target_repr"]
    list_filter = ["verb"]
    search_fields = ["verb", "target_repr", "actor__email"]
    readonly_fields = [f.name for f in Activity._meta.fields]

    def has_add_permission(self, request):  # the log is written by services only
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    """Read-only; deleting the row of a run that died lets the next start do the work."""

    list_display = ["name", "period", "holder", "started_at", "finished_at"]
    list_filter = ["name"]
    readonly_fields = [f.name for f in ScheduledRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TaskHeartbeat)
class TaskHeartbeatAdmin(admin.ModelAdmin):
    """Read-only: which worker runs which task and when it last gave a sign of life; the
    workers' reaper handles tasks whose beat stopped (docs/concurrency.md)."""

    list_display = ["task", "worker_id", "beat_at"]
    readonly_fields = ["task", "worker_id", "beat_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessEntry)
class AccessEntryAdmin(admin.ModelAdmin):
    """Read-only: the lists meant for staff write it (core.access_log); nobody edits it."""

    list_display = ["day", "viewer", "person", "place"]
    list_filter = ["place"]
    search_fields = ["person__email", "viewer__email"]
    readonly_fields = [f.name for f in AccessEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

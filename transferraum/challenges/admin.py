from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Model
from django.forms import BaseInlineFormSet
from django.http import HttpRequest

from transferraum.challenges.models import (
    Attachment,
    Challenge,
    Comment,
    Follow,
    FormatRule,
    TopicField,
    TransferFormat,
)
from transferraum.challenges.recommender import ATTRIBUTE_VALUES
from transferraum.challenges.services import challenge_index
from transferraum.core.admin import VersionedAdmin


@admin.register(TopicField)
class TopicFieldAdmin(admin.ModelAdmin[TopicField]):
    list_display = ["name_de", "name_en", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_de", "name_en"]
    prepopulated_fields = {"slug": ["name_de"]}


class FormatRuleForm(forms.ModelForm[FormatRule]):
    """A rule whose value the recommender does not know would silently never match."""

    class Meta:
        model = FormatRule
        fields = ["attribute", "value", "format", "weight", "reason_de", "reason_en"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        attribute, value = cleaned.get("attribute"), cleaned.get("value")
        if attribute and value is not None:
            value = cleaned["value"] = value.strip().lower()
            if value not in ATTRIBUTE_VALUES.get(attribute, ()):
                # The field's help text lists the values of every attribute.
                self.add_error("value", self.fields["value"].help_text)
        return cleaned


class FormatRuleInline(admin.TabularInline[FormatRule, TransferFormat]):
    model = FormatRule
    form = FormatRuleForm
    fields = ["attribute", "value", "weight", "reason_de", "reason_en"]
    extra = 0


@admin.register(TransferFormat)
class TransferFormatAdmin(admin.ModelAdmin[TransferFormat]):
    list_display = ["name_de", "name_en", "slug", "partner_effort", "is_project_format", "position"]
    list_editable = ["position"]
    list_filter = ["partner_effort", "is_project_format"]
    search_fields = ["name_de", "name_en", "description_de", "description_en"]
    prepopulated_fields = {"slug": ["name_de"]}
    inlines = [FormatRuleInline]


@admin.register(FormatRule)
class FormatRuleAdmin(admin.ModelAdmin[FormatRule]):
    """Coordinators tune the recommender here: the points are editable in the list."""

    form = FormatRuleForm
    list_display = ["attribute", "value", "format", "weight", "reason_de", "reason_en"]
    list_display_links = ["attribute", "value"]
    list_editable = ["weight"]
    list_filter = ["attribute", "format"]
    list_select_related = ["format"]
    list_per_page = 200  # every default rule on one page
    search_fields = ["value", "reason_de", "reason_en", "format__name_de", "format__name_en"]


class _ReadOnlyInline:
    """History of a challenge: shown, never changed here (the services write it)."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class AttachmentInline(_ReadOnlyInline, admin.TabularInline[Attachment, Challenge]):
    model = Attachment
    fields = ["name", "kind", "size", "uploaded_by", "created_at"]
    readonly_fields = ["name", "kind", "size", "uploaded_by", "created_at"]


class CommentInline(_ReadOnlyInline, admin.TabularInline[Comment, Challenge]):
    model = Comment
    fields = ["created_at", "author", "text", "is_change_request", "visible_to_submitter"]
    readonly_fields = ["created_at", "author", "text", "is_change_request", "visible_to_submitter"]


@admin.register(Challenge)
class ChallengeAdmin(VersionedAdmin):
    list_display = ["title", "organisation", "status", "published_at"]
    list_filter = ["status", "topics"]
    list_select_related = ["organisation"]
    search_fields = ["title", "public_summary", "organisation__name"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["organisation", "contact_person", "coordinator"]
    filter_horizontal = ["topics", "formats"]
    # The lifecycle runs through the review pages (one service per step, e.g. challenge_publish),
    # which check the lifecycle, write the activity log and notify; the admin only shows where it
    # stands.
    readonly_fields = [
        "status",
        "submitted_at",
        "published_at",
        "rejection_reason",
        "created_by",
        "search_text",
    ]
    inlines = [AttachmentInline, CommentInline]

    def save_related(
        self,
        request: HttpRequest,
        form: forms.ModelForm[Challenge],
        formsets: list[BaseInlineFormSet[Any, Challenge, Any]],
        change: bool,
    ) -> None:
        super().save_related(request, form, formsets, change)
        # Topics and formats are saved only now; the search text must include them.
        challenge_index(form.instance)


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin[Follow]):
    list_display = ["challenge", "user", "created_at"]
    list_select_related = ["challenge", "user"]
    search_fields = ["challenge__title", "user__email", "user__name"]
    autocomplete_fields = ["challenge", "user"]

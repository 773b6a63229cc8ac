"""The admin shows recommendations and their history; changes of status go through the services
(the tracker's forms), so the timeline and the log stay complete."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from transferraum.core.admin import VersionedAdmin
from transferraum.recommendations.models import (
    ImplementationMilestone,
    Recommendation,
    RecommendationEvent,
)


class EventInline(admin.TabularInline[RecommendationEvent, Recommendation]):
    model = RecommendationEvent
    fields = ["at", "action", "from_status", "to_status", "actor", "note"]
    readonly_fields = ["at", "action", "from_status", "to_status", "actor", "note"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Recommendation | None = None) -> bool:
        return False


class MilestoneInline(admin.TabularInline[ImplementationMilestone, Recommendation]):
    model = ImplementationMilestone
    fields = ["title", "due", "progress", "done"]
    extra = 0


@admin.register(Recommendation)
class RecommendationAdmin(VersionedAdmin):
    list_display = [
        "title",
        "municipality",
        "round",
        "written_by_kind",
        "status",
        "progress",
        "confidential",
        "first_answer_due",
        "updated_at",
    ]
    list_filter = ["status", "written_by_kind", "confidential", "municipality", "round"]
    search_fields = ["title", "summary", "addressee_name"]
    date_hierarchy = "created_at"
    raw_id_fields = [
        "project",
        "created_by",
        "approved_by",
        "responsible_person",
        "addressee_organisation",
    ]
    filter_horizontal = ["evidence"]
    # The status and its traces belong to the lifecycle services.
    readonly_fields = ["status", "approved_by", "approved_at", "last_reminded_on", "progress"]
    inlines = [MilestoneInline, EventInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(RecommendationEvent)
class RecommendationEventAdmin(admin.ModelAdmin[RecommendationEvent]):
    list_display = ["at", "recommendation", "action", "from_status", "to_status", "actor"]
    list_filter = ["action", "to_status"]
    raw_id_fields = ["recommendation", "actor"]
    date_hierarchy = "at"

    def has_change_permission(
        self, request: HttpRequest, obj: RecommendationEvent | None = None
    ) -> bool:
        return False

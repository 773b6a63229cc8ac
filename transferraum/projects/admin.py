from django.contrib import admin

from transferraum.core.admin import VersionedAdmin
from transferraum.projects.models import (
    AllocationRun,
    Application,
    Assignment,
    Choice,
    Project,
    Round,
    SupervisorCapacity,
    TrainConnection,
)


class CapacityInline(admin.TabularInline):
    model = SupervisorCapacity
    extra = 0
    raw_id_fields = ("supervisor",)


@admin.register(Round)
class RoundAdmin(VersionedAdmin):
    list_display = ("name", "phase", "applications_close_at", "published_at")
    list_filter = ("phase",)
    inlines = [CapacityInline]


@admin.register(Project)
class ProjectAdmin(VersionedAdmin):
    list_display = ("title", "round", "status", "min_team_size", "max_team_size")
    list_filter = ("round", "status")
    search_fields = ("title",)
    raw_id_fields = ("challenge",)
    filter_horizontal = (
        "supervisors",
        "partner_contacts",
        "required_competences",
        "desired_competences",
    )


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("student", "round", "submitted_at")
    list_filter = ("round",)
    inlines = [ChoiceInline]
    raw_id_fields = ("student", "work_with")


@admin.register(AllocationRun)
class AllocationRunAdmin(admin.ModelAdmin):
    list_display = ("round", "status", "objective", "seed", "created_at", "finished_at")
    list_filter = ("status",)
    readonly_fields = ("instance", "result")


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ("student", "round", "project", "rank", "pinned")
    list_filter = ("round", "pinned")


admin.site.register(TrainConnection)

from django.contrib import admin

from transferraum.core.models import AccessEntry, Activity, ScheduledRun, TaskHeartbeat


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

from django.contrib import admin

from transferraum.core.models import Activity


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

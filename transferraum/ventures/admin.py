from django.contrib import admin

from transferraum.core.admin import VersionedAdmin
from transferraum.ventures.models import SupportProgramme, Venture


@admin.register(Venture)
class VentureAdmin(VersionedAdmin):
    list_display = ("name", "stage", "is_public", "municipality")
    list_filter = ("stage", "is_public")
    search_fields = ("name",)
    raw_id_fields = ("origin_project", "created_by", "municipality", "founded_town")
    readonly_fields = ("stage", "stage_since")


@admin.register(SupportProgramme)
class SupportProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "provider", "is_stipend")

from django.contrib import admin

from transferraum.regions.models import District, Municipality, Programme


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["key", "name", "kind", "state", "population"]
    exclude = ["boundary"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["ags", "name", "district", "population", "area_km2"]
    list_filter = ["district"]
    search_fields = ["name", "ags"]
    exclude = ["boundary"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "university", "initiative"]
    filter_horizontal = ["districts", "partner_towns"]

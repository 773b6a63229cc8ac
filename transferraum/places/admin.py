from django.contrib import admin
from django.http import HttpRequest

from transferraum.places.models import (
    Booking,
    OpeningException,
    OpeningHours,
    Place,
    PlaceMember,
    PlacePhoto,
    Qualification,
    Resource,
    Training,
)


class HoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ExceptionInline(admin.TabularInline):
    model = OpeningException
    extra = 0


class PhotoInline(admin.TabularInline):
    model = PlacePhoto
    extra = 0


class MemberInline(admin.TabularInline):
    model = PlaceMember
    extra = 0
    raw_id_fields = ("user", "organisation")


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "organisation", "municipality")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [HoursInline, ExceptionInline, PhotoInline, MemberInline]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ("name", "place", "kind", "audience", "training")
    list_filter = ("place", "kind")


@admin.register(Training)
class TrainingAdmin(admin.ModelAdmin):
    list_display = ("name", "place", "lapse")


@admin.register(Qualification)
class QualificationAdmin(admin.ModelAdmin):
    list_display = ("user", "training", "passed_on")
    raw_id_fields = ("user", "recorded_by")


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read-only: bookings are made through the booking service (rules, gates, no overlap)."""

    list_display = ("resource", "user", "starts_at", "ends_at", "status")
    list_filter = ("status", "resource__place")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Booking | None = None) -> bool:
        return False

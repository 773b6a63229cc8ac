from django.contrib import admin

from transferraum.actors.models import (
    Competence,
    Invitation,
    Listing,
    Membership,
    Organisation,
    PersonProfile,
)
from transferraum.core.admin import VersionedAdmin


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class ListingInline(admin.TabularInline[Listing, Organisation]):
    model = Listing
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(VersionedAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["competences"]
    inlines = [MembershipInline, ListingInline]


@admin.register(Competence)
class CompetenceAdmin(admin.ModelAdmin[Competence]):
    list_display = ["label_de", "label_en", "parent", "status"]
    list_filter = ["status", "parent"]
    search_fields = ["label_de", "label_en", "synonyms"]
    prepopulated_fields = {"slug": ["label_de"]}


@admin.register(PersonProfile)
class PersonProfileAdmin(admin.ModelAdmin[PersonProfile]):
    list_display = ["user", "visibility"]
    list_filter = ["visibility"]
    search_fields = ["user__name", "user__email"]
    filter_horizontal = ["competences", "interests"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    readonly_fields = ["accepted_at", "accepted_by", "revoked_at"]

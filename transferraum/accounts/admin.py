from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import (
    RoleRequest,
    StudentEmailDomain,
    StudyProgramme,
    User,
    UserRole,
)
from transferraum.accounts.personal_data import account_erase_by_staff


class UserRoleInline(admin.TabularInline):
    model = UserRole
    extra = 0
    fields = ["role", "granted_at"]
    readonly_fields = ["granted_at"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "roles_display", "is_active", "last_login"]
    list_filter = ["role_rows__role", "is_active", "is_staff"]
    search_fields = ["email", "name"]
    inlines = [UserRoleInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("name", "language", "study_programme", "semester")}),
        (_("Rights"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).prefetch_related("role_rows")

    @admin.display(description=_("roles"))
    def roles_display(self, obj: User) -> str:
        return obj.get_roles_display()

    # Deleting here erases as the person's own deletion does (core.privacy), never a bare
    # DELETE that would leave their name in others' rows and their photo in the storage.
    def delete_model(self, request: HttpRequest, obj: User) -> None:
        account_erase_by_staff(actor=request.user, user=obj)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for person in queryset:
            account_erase_by_staff(actor=request.user, user=person)  # type: ignore[arg-type]


@admin.register(StudyProgramme)
class StudyProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "degree", "faculty"]
    search_fields = ["name"]


@admin.register(StudentEmailDomain)
class StudentEmailDomainAdmin(admin.ModelAdmin):
    """Coordinators keep the university domains whose verified addresses make students."""

    list_display = ["domain"]
    search_fields = ["domain"]


@admin.register(RoleRequest)
class RoleRequestAdmin(admin.ModelAdmin):
    """For reading only: decisions go through the queue's services."""

    list_display = ["user", "role", "status", "created_at", "decided_by"]
    list_filter = ["role", "status"]
    search_fields = ["user__email", "user__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

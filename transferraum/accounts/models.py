from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.core.models import Request


class UserQuerySet(models.QuerySet["User"]):
    def with_role(self, *roles: str) -> UserQuerySet:
        """The people who hold at least one of `roles` (each once)."""
        return self.filter(
            models.Exists(UserRole.objects.filter(user=models.OuterRef("pk"), role__in=roles))
        )


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_queryset(self) -> UserQuerySet:
        return UserQuerySet(self.model, using=self._db)

    def with_role(self, *roles: str) -> UserQuerySet:
        return self.get_queryset().with_role(*roles)

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        roles = extra.pop("roles", ())
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        for role in roles:
            user.grant_role(role)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        extra.setdefault("roles", [User.Role.COORDINATOR])
        return self._create(email, password, **extra)


class StudyProgramme(models.Model):
    """A degree programme of the university, e.g. Geographie (B.Sc.)."""

    class Degree(models.TextChoices):
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        STATE_EXAM = "state_exam", _("State examination")
        DIPLOMA = "diploma", _("Diploma")

    name = models.CharField(_("name"), max_length=200)
    degree = models.CharField(_("degree"), max_length=20, choices=Degree.choices)
    faculty = models.CharField(_("faculty"), max_length=200, blank=True)

    class Meta:
        ordering = ["name", "degree"]
        verbose_name = _("study programme")
        verbose_name_plural = _("study programmes")
        constraints = [
            models.UniqueConstraint(fields=["name", "degree"], name="unique_programme_degree")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_degree_display()})"


class User(AbstractUser):
    """A person on the platform; logs in by e-mail.

    `roles` are the person's roles in the programme, a set (a supervisor who also researches, a
    student who founds a start-up), stored as `UserRole` rows; none means a member of the
    public. Roles inside an organisation (admin, member) live on the membership, so a
    supervisor can also be a member of a university unit. Code asks `has_role(...)`, `roles`
    and `User.objects.with_role(...)`; the services that change roles are in
    `accounts.services`.
    """

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Programme coordinator")
        STAFF = "staff", _("Staff of an organisation")
        STUDENT = "student", _("Student")
        SUPERVISOR = "supervisor", _("Supervisor (lecturer)")
        RESEARCHER = "researcher", _("Researcher")
        FOUNDER = "founder", _("Founder")
        PUBLIC = "public", _("Interested member of the public")

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    study_programme = models.ForeignKey(
        StudyProgramme,
        verbose_name=_("study programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="students",
    )
    semester = models.PositiveSmallIntegerField(_("semester"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()  # type: ignore[misc,assignment]

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile")

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        """The first name, skipping academic titles such as "Dr." or "Prof."."""
        words = [word for word in self.name.split() if not word.endswith(".")]
        return words[0] if words else (self.name or self.email)

    @property
    def roles(self) -> frozenset[str]:
        """The person's roles in the programme; empty for a member of the public. Read once
        per object (or from `prefetch_related("role_rows")`)."""
        cached: frozenset[str] | None = self.__dict__.get("_roles")
        if cached is None:
            if self.pk is None:
                cached = frozenset()
            else:
                cached = frozenset(row.role for row in self.role_rows.all())
            self.__dict__["_roles"] = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        """Whether the person holds at least one of `roles`."""
        return not self.roles.isdisjoint(roles)

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self.__dict__.pop("_roles", None)
        super().refresh_from_db(*args, **kwargs)

    def get_roles_display(self) -> str:
        """The roles in words, in the order of `User.Role`; "member of the public" for none."""
        held = [str(role.label) for role in self.Role if role in self.roles]
        return ", ".join(held) or str(self.Role.PUBLIC.label)

    def grant_role(self, role: str) -> bool:
        """Store `role` for the person (nothing if held); True when it was added. Rules
        (who may grant what) are the services'; this only writes."""
        if role == self.Role.PUBLIC:
            return False
        _row, created = UserRole.objects.get_or_create(user=self, role=role)
        self.__dict__.pop("_roles", None)
        if hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache.pop("role_rows", None)
        return created

    def revoke_role(self, role: str) -> bool:
        """Remove `role` from the person; True when they held it."""
        deleted, _rows = UserRole.objects.filter(user=self, role=role).delete()
        self.__dict__.pop("_roles", None)
        if hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache.pop("role_rows", None)
        return bool(deleted)

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and self.has_role(self.Role.COORDINATOR)


class UserRole(models.Model):
    """One role a person holds in the programme (see `User.roles`)."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="role_rows"
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=[(role.value, role.label) for role in User.Role if role != User.Role.PUBLIC],
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        ordering = ["user", "role"]
        verbose_name = _("role of a person")
        verbose_name_plural = _("roles of people")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="unique_user_role"),
        ]
        indexes = [models.Index(fields=["role", "user"], name="user_role_by_role")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


# The roles a person may ask for. Coordinators are appointed, staff of an organisation join it
# (an invitation or, later, a membership request) and the public role is everyone's start.
REQUESTABLE_ROLES = (
    User.Role.STUDENT,
    User.Role.SUPERVISOR,
    User.Role.RESEARCHER,
    User.Role.FOUNDER,
)


class RoleRequest(Request):
    """A person asks for one role in the programme; coordinators grant or refuse it with a
    reason. Its lifecycle is `accounts.workflow.LIFECYCLE`. A request names one role, so that it
    stays valid when a person later holds a set of roles."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="role_requests"
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=[(role.value, role.label) for role in REQUESTABLE_ROLES],
    )
    study_programme = models.ForeignKey(
        StudyProgramme,
        verbose_name=_("study programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    semester = models.PositiveSmallIntegerField(_("semester"), null=True, blank=True)
    by_email_domain = models.BooleanField(_("granted by the e-mail domain"), default=False)

    class Meta(Request.Meta):
        verbose_name = _("role request")
        verbose_name_plural = _("role requests")
        constraints = [
            # One open request per person and role: a second click cannot create another.
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(status="open"),
                name="one_open_role_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.get_status_display()})"


class StudentEmailDomain(models.Model):
    """A university's e-mail domain whose verified addresses grant the student role at once
    (besides `settings.STUDENT_EMAIL_DOMAINS`); coordinators keep the list in the admin."""

    domain = models.CharField(
        _("domain"),
        max_length=200,
        unique=True,
        help_text=_("The part after the @, e.g. studserv.uni-leipzig.de."),
    )

    class Meta:
        ordering = ["domain"]
        verbose_name = _("student e-mail domain")
        verbose_name_plural = _("student e-mail domains")

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.domain = self.domain.strip().lstrip("@").lower()
        super().save(*args, **kwargs)


# How long a prepared export of a person's data can be downloaded.
EXPORT_DAYS = 7


class DataExport(models.Model):
    """A person's copy of their data (GDPR Art. 15 and 20): a ZIP prepared in the background,
    offered to them alone for `EXPORT_DAYS` days, then deleted by `privacy_purge`."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PREPARING
    )
    # Stored under an unguessable name; downloaded only through the view that checks the person.
    file = models.FileField(_("file"), upload_to="exports/", blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    created_at = models.DateTimeField(_("asked for"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready"), null=True, blank=True)
    expires_at = models.DateTimeField(_("can be downloaded until"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        constraints = [
            # One export in preparation per person: a second click cannot start another.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="preparing"),
                name="one_preparing_export",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("accounts:data_export_download", kwargs={"pk": self.pk})

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

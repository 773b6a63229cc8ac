from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DigestRun(models.Model):
    """When a digest was last sent, so that the next one starts where it ended."""

    kind = models.CharField(_("kind"), max_length=50)
    covered_until = models.DateTimeField(_("covers events until"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-covered_until"]
        get_latest_by = "covered_until"
        verbose_name = _("digest run")
        verbose_name_plural = _("digest runs")

    def __str__(self) -> str:
        return f"{self.kind} {self.covered_until:%Y-%m-%d %H:%M}"


class Delivery(models.TextChoices):
    """How a person wants to hear of one kind of notification."""

    IMMEDIATE = "immediate", _("at once by e-mail")
    DIGEST = "digest", _("in a daily digest")
    PLATFORM = "platform", _("only in the platform")


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def for_digest(self) -> NotificationQuerySet:
        return self.filter(email=Notification.Email.DIGEST)


class Notification(models.Model):
    """What a person was told: shown in the platform, and by e-mail as they chose."""

    class Email(models.TextChoices):
        NONE = "none", _("not by e-mail")
        SENT = "sent", _("sent at once")
        DIGEST = "digest", _("waits for the daily digest")
        DIGESTED = "digested", _("sent in a digest")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=64)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    # Site-relative ("/projekte/3/") or absolute; where the person acts on it.
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email = models.CharField(_("e-mail"), max_length=10, choices=Email.choices, default=Email.NONE)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            # the bell's unread count on every page
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            # the digest's pending items
            models.Index(fields=["email", "recipient"], name="notification_digest"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """One person's choice for one kind; without a row the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=64)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"

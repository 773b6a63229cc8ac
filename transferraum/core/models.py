from __future__ import annotations

import copy
from typing import Any, Self, TypeVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """A shared object that several people edit: `version` grows by one with each save
    through its edit service (`core.versions.version_claim`), so that a form loaded from an
    older version cannot overwrite a newer save unseen. See docs/concurrency.md."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def in_language(obj: Any, field: str) -> str:
    """The German or English text of `field` for the active language; the other as fallback."""
    first, second = ("en", "de") if (get_language() or "de").startswith("en") else ("de", "en")
    return str(getattr(obj, f"{field}_{first}") or getattr(obj, f"{field}_{second}"))


class ConsentText(models.Model):
    """One version of a consent text, never changed once written: a new text is a new version.
    Shared by every area that asks for consent (research's studies, talent's relocation
    journeys); the subclass says what the text belongs to."""

    number = models.PositiveSmallIntegerField(_("version"))
    text_de = models.TextField(_("text (German)"))
    text_en = models.TextField(_("text (English)"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        abstract = True

    @property
    def text(self) -> str:
        return in_language(self, "text")


class ConsentRecordBase(models.Model):
    """Append-only: a person gave or withdrew consent, under which text, when. The latest record
    of a person (and subject) is their current state (`consent_current`). The subclass adds
    `person` and the text it refers to."""

    class Action(models.TextChoices):
        GIVEN = "given", _("Consent given")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")

    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Consent records are append-only.")
        super().save(*args, **kwargs)


CR = TypeVar("CR", bound=ConsentRecordBase)


def consent_current(records: models.QuerySet[CR]) -> CR | None:
    """The latest of these consent records (one person's, for one subject) when it gives
    consent; None when there is none or the latest withdraws it."""
    latest = records.order_by("-at", "-pk").first()
    if latest is None or latest.action != ConsentRecordBase.Action.GIVEN:
        return None
    return latest


R = TypeVar("R", bound="Request")


class RequestQuerySet(models.QuerySet[R]):
    def open(self) -> Self:
        return self.filter(status=Request.Status.OPEN)


class Request(TimeStampedModel):
    """A person asks for something (a role, to join an organisation) with a note; someone
    decides, granting or refusing with a reason, or the person withdraws. A concrete request
    adds what is asked for, a constraint of one open request, and its lifecycle from
    `core.workflow.request_lifecycle`."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an answer")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def decide(self, actor: Any, reason: str) -> None:
        """Note who answered (None: the platform itself), when, and why."""
        self.decided_by = actor
        self.decided_at = timezone.now()
        self.reason = reason


class ActivityQuerySet(models.QuerySet["Activity"]):
    def for_object(self, obj: models.Model) -> ActivityQuerySet:
        return self.filter(
            target_type=ContentType.objects.get_for_model(obj), target_id=str(obj.pk)
        )


class Activity(models.Model):
    """Who did what, when, to which object: written by services, never by signals."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    verb = models.CharField(_("action"), max_length=100)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    target_repr = models.CharField(_("object"), max_length=300, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activity log")
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor or '–'} {self.verb} {self.target_repr}"
        )


class ScheduledRun(models.Model):
    """One run of a scheduled command for one period (usually a day): the row is the lock that
    lets exactly one of several app servers do the work (`transferraum.core.locks.run_once`)."""

    name = models.CharField(_("command"), max_length=100)
    period = models.CharField(_("period"), max_length=40)
    token = models.UUIDField(_("token"))
    holder = models.CharField(_("run by"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["name", "period"], name="scheduled_run_once_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.period}"


class TaskHeartbeat(models.Model):
    """The life sign of a background task while a worker runs it: the worker's heartbeat thread
    renews `beat_at` every `TASK_HEARTBEAT_SECONDS`; a running task whose beat is older than
    twice that has lost its worker (`transferraum.core.tasks.tasks_reap`)."""

    task = models.OneToOneField(
        "django_tasks_database.DBTaskResult",
        verbose_name=_("task"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="heartbeat",
    )
    worker_id = models.CharField(_("worker"), max_length=64)
    beat_at = models.DateTimeField(_("last heartbeat"))

    class Meta:
        verbose_name = _("task heartbeat")
        verbose_name_plural = _("task heartbeats")

    def __str__(self) -> str:
        return f"{self.task_id} {self.worker_id}"


class TaskEffect(models.Model):
    """A side effect a background task has done, so that the same task run again after its
    worker was lost does not do it twice (an e-mail sent; `transferraum.core.tasks.effect_once`).
    `task_id` is the task result's id, which stays the same when the task is retried."""

    task_id = models.CharField(_("task"), max_length=64)
    key = models.CharField(_("effect"), max_length=255)
    created_at = models.DateTimeField(_("done at"), default=timezone.now)

    class Meta:
        verbose_name = _("task effect")
        verbose_name_plural = _("task effects")
        constraints = [
            models.UniqueConstraint(fields=["task_id", "key"], name="task_effect_once"),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} {self.key}"


class FormSubmission(models.Model):
    """The first POST of a one-time form key (`transferraum.core.formkeys`): the unique row is
    the claim that lets exactly one request run the view; it then keeps that request's result
    so that a second submit of the same form gets the same answer instead of a second object."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Being sent")
        DONE = "done", _("Done")

    owner = models.CharField(_("sent by"), max_length=80)
    key = models.CharField(_("form key"), max_length=64)
    path = models.CharField(_("address"), max_length=500)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    token = models.UUIDField(_("token"))
    started_at = models.DateTimeField(_("started"), db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    location = models.CharField(_("redirect to"), max_length=2000, blank=True)
    body = models.TextField(_("fragment"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="form_submission_once_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.owner} {self.path} {self.status}"


class AccessEntry(models.Model):
    """A staff person saw a person's data in a list meant for staff (`core.access_log`): one
    row per viewer, person, list and day, however often the list was opened that day. The
    person sees the entries about them; the viewer's deleted account leaves the fact."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("seen by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("list"), max_length=100)
    day = models.DateField(_("day"))
    seen_at = models.DateTimeField(_("first seen"))

    class Meta:
        ordering = ["-seen_at", "-pk"]
        verbose_name = _("access to personal data")
        verbose_name_plural = _("access log")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "viewer", "place", "day"], name="access_entry_once_a_day"
            )
        ]
        indexes = [models.Index(fields=["person", "-seen_at"], name="access_entry_person")]

    def __str__(self) -> str:
        return f"{self.day} {self.viewer or '–'} → {self.person} ({self.place})"


class NewestFirstIndex(models.Index):
    """An index for an order with `desc(nulls_last=True)` on both databases.

    PostgreSQL sorts NULL above every value, so a descending order needs NULLS LAST in the
    index to be read from it; SQLite sorts NULL below every value, so a plain DESC already puts
    NULL last there, and SQLite refuses NULLS LAST in an index. The index is created with it on
    PostgreSQL and without it elsewhere.
    """

    def create_sql(self, model: Any, schema_editor: Any, using: str = "", **kwargs: Any) -> Any:
        if schema_editor.connection.vendor == "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        index = copy.copy(self)
        index.expressions = tuple(
            models.OrderBy(e.expression, descending=e.descending)
            if isinstance(e, models.OrderBy)
            else e
            for e in self.expressions
        )
        return models.Index.create_sql(index, model, schema_editor, using=using, **kwargs)

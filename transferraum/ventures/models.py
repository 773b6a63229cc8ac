"""Ventures: start-up ideas and young companies on their way from an idea to a company settled
in the region, their founders, gates, evidence, mentors and programme applications."""

from __future__ import annotations

from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import IMAGE_EXTENSIONS, Competence, Sector
from transferraum.core.models import TimeStampedModel, Versioned
from transferraum.regions.models import Municipality

EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


class Stage(models.TextChoices):
    """The stage gates a venture passes, in order."""

    IDEA = "idea", _("Idea")
    TEAM = "team", _("Team")
    VALIDATED = "validated", _("Validated")
    PROTOTYPE = "prototype", _("Prototype")
    FUNDED = "funded", _("Funding secured")
    FOUNDED = "founded", _("Founded")
    SETTLED = "settled", _("Settled in the region")


STAGE_ORDER: tuple[str, ...] = tuple(Stage.values)


class VentureQuerySet(models.QuerySet["Venture"]):
    def published(self) -> VentureQuerySet:
        """Ventures whose founders published a public profile."""
        return self.filter(is_public=True)


class Venture(Versioned, TimeStampedModel):
    """A start-up idea or young company. Its idea, documents and stage are confidential: only
    founders, mentors and coordinators see them, until the founders publish a public profile
    (name, one line, town, stage, logo)."""

    class Origin(models.TextChoices):
        PROJECT = "project", _("A practice project")
        THESIS = "thesis", _("A thesis")
        RESEARCH = "research", _("A research group")
        EXTERNAL = "external", _("External")

    name = models.CharField(_("name"), max_length=200)
    one_line = models.CharField(_("in one line"), max_length=200, blank=True)
    idea = models.TextField(_("idea"), max_length=5000, blank=True)
    sector = models.CharField(_("sector"), max_length=2, choices=Sector.choices, blank=True)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.EXTERNAL
    )
    origin_project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("practice project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ventures",
    )
    origin_note = models.CharField(
        _("origin in detail"),
        max_length=300,
        blank=True,
        help_text=_("The thesis, the research group or where the idea comes from."),
    )
    competences_sought = models.ManyToManyField(
        Competence, verbose_name=_("competences sought"), blank=True, related_name="+"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.IDEA)
    stage_since = models.DateTimeField(_("in this stage since"), auto_now_add=True)
    # Founding (the gate "founded" asks for them)
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=50, blank=True)
    register_number = models.CharField(_("register number"), max_length=50, blank=True)
    founded_town = models.ForeignKey(
        Municipality,
        verbose_name=_("seat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    # Public profile
    is_public = models.BooleanField(_("public profile"), default=False)
    logo = models.ImageField(
        _("logo"),
        upload_to="ventures/logos/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS)],
    )
    # The company on the platform (an organisation its founders belong to): through it a
    # published venture is on the map and in the cooperation network.
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation on the platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ventures",
    )
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = VentureQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("venture")
        verbose_name_plural = _("ventures")
        indexes = [
            models.Index(fields=["stage", "stage_since"], name="venture_pipeline"),
            models.Index(fields=["is_public", "name"], name="venture_public"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(origin="project") | Q(origin_project__isnull=True),
                name="venture_project_only_for_project_origin",
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=["founded", "settled"]) | Q(founded_on__isnull=False),
                name="venture_founded_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ventures:detail", kwargs={"pk": self.pk})

    @property
    def stage_index(self) -> int:
        return STAGE_ORDER.index(self.stage)


class Founder(TimeStampedModel):
    """A person of the platform in a venture's founding team: invited by a founder, a founder
    once they accept."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ACTIVE = "active", _("Founder")
        DECLINED = "declined", _("Declined")

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="founders")
    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="venture_roles"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.INVITED
    )
    invited_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["venture", "created_at", "pk"]
        verbose_name = _("founder")
        verbose_name_plural = _("founders")
        constraints = [
            models.UniqueConstraint(fields=["venture", "user"], name="unique_venture_founder")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.venture}"


class ChecklistTick(models.Model):
    """One item of a gate's checklist (`data/gates.py`) that the founders have ticked."""

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="ticks")
    gate = models.CharField(_("gate"), max_length=10, choices=Stage.choices)
    item = models.CharField(_("item"), max_length=50)
    ticked_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    ticked_at = models.DateTimeField(_("ticked"), auto_now_add=True)

    class Meta:
        ordering = ["venture", "gate", "item"]
        verbose_name = _("checklist tick")
        verbose_name_plural = _("checklist ticks")
        constraints = [
            models.UniqueConstraint(fields=["venture", "gate", "item"], name="unique_venture_tick")
        ]

    def __str__(self) -> str:
        return f"{self.venture} {self.gate}: {self.item}"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"ventures/{instance.venture_id}/evidence/{filename}"


class Evidence(TimeStampedModel):
    """Evidence for a gate: a text, a file (checked by its content), or both."""

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="evidence")
    gate = models.CharField(_("gate"), max_length=10, choices=Stage.choices)
    text = models.TextField(_("evidence"), max_length=2000, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True)
    name = models.CharField(_("file name"), max_length=200, blank=True)
    kind = models.CharField(_("type"), max_length=20, blank=True)
    added_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["venture", "gate", "created_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return f"{self.venture} {self.gate}: {self.name or self.text[:40]}"


class StageChange(models.Model):
    """The venture's timeline: each gate passed, by whom, when, with a note."""

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="timeline")
    from_stage = models.CharField(_("from"), max_length=10, choices=Stage.choices)
    to_stage = models.CharField(_("to"), max_length=10, choices=Stage.choices)
    actor = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["venture", "-at", "-pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        indexes = [models.Index(fields=["to_stage", "at"], name="venture_stage_change")]

    def __str__(self) -> str:
        return f"{self.venture}: {self.from_stage} → {self.to_stage}"


class SupportProgramme(models.Model):
    """A support programme of the catalogue (`data/programmes.py`, `load_programmes`): amounts,
    duration, deadlines and its eligibility rules as data (`eligibility.py`)."""

    slug = models.SlugField(_("key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    amount_max_cents = models.PositiveBigIntegerField(_("at most (cents)"), null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(_("duration in months"), null=True)
    deadlines = models.CharField(_("deadlines"), max_length=200, blank=True)
    is_stipend = models.BooleanField(_("a stipend"), default=False)
    url = models.URLField(_("web address"), blank=True)
    rules = models.JSONField(_("eligibility rules"), default=list)

    class Meta:
        ordering = ["name"]
        verbose_name = _("support programme")
        verbose_name_plural = _("support programmes")

    def __str__(self) -> str:
        return self.name

    @property
    def amount_max_euros(self) -> int | None:
        return None if self.amount_max_cents is None else self.amount_max_cents // 100


class Application(TimeStampedModel):
    """A venture's application to a support programme and its outcome."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        GRANTED = "granted", _("Granted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN = (Status.SUBMITTED, Status.GRANTED)

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="applications")
    programme = models.ForeignKey(
        SupportProgramme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_on = models.DateField(_("submitted on"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    amount_cents = models.PositiveBigIntegerField(
        _("amount granted (cents)"), null=True, blank=True
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["venture", "-submitted_on", "-pk"]
        verbose_name = _("programme application")
        verbose_name_plural = _("programme applications")
        constraints = [
            models.UniqueConstraint(
                fields=["venture", "programme"],
                condition=Q(status__in=["submitted", "granted"]),
                name="unique_open_application",
            )
        ]

    def __str__(self) -> str:
        return f"{self.venture} – {self.programme}"


class Mentorship(TimeStampedModel):
    """A venture asks a person who offers mentoring; the mentor accepts or declines."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Asked")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        ENDED = "ended", _("Ended")

    venture = models.ForeignKey(Venture, on_delete=models.CASCADE, related_name="mentorships")
    mentor = models.ForeignKey(
        User, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="mentorships"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ASKED
    )
    message = models.TextField(_("message"), max_length=2000, blank=True)
    asked_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["venture", "-created_at", "pk"]
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        constraints = [
            models.UniqueConstraint(fields=["venture", "mentor"], name="unique_venture_mentor")
        ]

    def __str__(self) -> str:
        return f"{self.mentor} – {self.venture}"

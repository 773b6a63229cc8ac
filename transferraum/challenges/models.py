from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.core.models import NewestFirstIndex, TimeStampedModel, Versioned
from transferraum.regions.models import Municipality


def _localised(obj: models.Model, field: str) -> str:
    """The English variant of a `<field>_de`/`<field>_en` pair when English is active and set."""
    if (get_language() or "de").startswith("en"):
        english = getattr(obj, f"{field}_en", "")
        if english:
            return str(english)
    return str(getattr(obj, f"{field}_de"))


class TopicField(models.Model):
    """A Themenfeld, curated by coordinators (e.g. Mobilität, Innenstadt & Leerstand)."""

    slug = models.SlugField(_("key"), unique=True)
    name_de = models.CharField(_("German name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name_de"]
        verbose_name = _("topic field")
        verbose_name_plural = _("topic fields")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _localised(self, "name")


class TransferFormat(models.Model):
    """A format of the catalogue: how university and partner work on a challenge."""

    class Effort(models.TextChoices):
        LOW = "low", _("low")
        MEDIUM = "medium", _("medium")
        HIGH = "high", _("high")

    slug = models.SlugField(_("key"), unique=True)
    name_de = models.CharField(_("German name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120, blank=True)
    description_de = models.TextField(_("description (German)"))
    description_en = models.TextField(_("description (English)"), blank=True)
    duration_de = models.CharField(_("typical duration (German)"), max_length=120)
    duration_en = models.CharField(_("typical duration (English)"), max_length=120, blank=True)
    participants_de = models.CharField(_("participants (German)"), max_length=200)
    participants_en = models.CharField(_("participants (English)"), max_length=200, blank=True)
    partner_effort = models.CharField(
        _("effort for the partner"), max_length=10, choices=Effort.choices
    )
    partner_effort_note_de = models.CharField(
        _("what the partner contributes (German)"), max_length=300, blank=True
    )
    partner_effort_note_en = models.CharField(
        _("what the partner contributes (English)"), max_length=300, blank=True
    )
    fits_when_de = models.TextField(_("fits when (German)"))
    fits_when_en = models.TextField(_("fits when (English)"), blank=True)
    not_fit_when_de = models.TextField(_("does not fit when (German)"))
    not_fit_when_en = models.TextField(_("does not fit when (English)"), blank=True)
    is_project_format = models.BooleanField(
        _("runs as a project in a round"),
        default=False,
        help_text=_("Practice projects, student research projects and theses."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name_de"]
        verbose_name = _("transfer format")
        verbose_name_plural = _("transfer formats")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("challenges:format", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return _localised(self, "name")

    @property
    def description(self) -> str:
        return _localised(self, "description")

    @property
    def duration(self) -> str:
        return _localised(self, "duration")

    @property
    def participants(self) -> str:
        return _localised(self, "participants")

    @property
    def partner_effort_note(self) -> str:
        return _localised(self, "partner_effort_note")

    @property
    def fits_when(self) -> str:
        return _localised(self, "fits_when")

    @property
    def not_fit_when(self) -> str:
        return _localised(self, "not_fit_when")


class ChallengeQuerySet(models.QuerySet["Challenge"]):
    def on_board(self) -> ChallengeQuerySet:
        """What the public board lists: published and later, never drafts or refused ones."""
        return self.filter(status__in=Challenge.BOARD_STATUSES)


class Challenge(Versioned, TimeStampedModel):
    """A real problem of a town, company or association, scoped into a transfer task."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")
        PUBLISHED = "published", _("Published")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Rejected")

    class Confidentiality(models.TextChoices):
        PUBLIC = "public", _("Public")
        SUMMARY = "summary", _("Only a public summary")
        CONFIDENTIAL = "confidential", _("Confidential")

    class Definition(models.TextChoices):
        CLEAR = "clear", _("Clearly defined: we know what we need")
        PARTLY = "partly", _("Partly defined: the direction is clear")
        OPEN = "open", _("Open: we need help to understand the problem")

    class Depth(models.TextChoices):
        LOW = "low", _("Little: common sense and good ideas")
        MEDIUM = "medium", _("Some: methods of a field of study")
        HIGH = "high", _("Much: specialist knowledge or research")

    class PartnerOffer(models.TextChoices):
        DATA = "data", _("Data")
        SITE_ACCESS = "site_access", _("Access to sites")
        ROOMS = "rooms", _("Rooms")
        BUDGET = "budget", _("A budget")
        WEEKLY_CONTACT = "weekly_contact", _("A contact person for weekly questions")

    BOARD_STATUSES = (Status.PUBLISHED, Status.IN_PROGRESS, Status.COMPLETED)
    EDITABLE_STATUSES = (Status.DRAFT, Status.CHANGES_REQUESTED)

    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("the problem in your words"))
    context = models.TextField(_("background and context"), blank=True)
    desired_result = models.TextField(_("what a good result would be"), blank=True)
    public_summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_("Shown instead of the full text when only a summary is public."),
    )
    topics = models.ManyToManyField(
        TopicField, verbose_name=_("topic fields"), blank=True, related_name="challenges"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="challenges",
    )
    contact_person = models.ForeignKey(
        User,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenges_as_contact",
    )
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="challenges_created"
    )
    earliest_start = models.DateField(_("earliest start"), null=True, blank=True)
    deadline = models.DateField(_("results needed by"), null=True, blank=True)
    partner_offers = models.JSONField(_("what we offer"), default=list, blank=True)
    partner_offers_note = models.TextField(_("more about what we offer"), blank=True)
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=15,
        choices=Confidentiality.choices,
        default=Confidentiality.PUBLIC,
    )
    nda_required = models.BooleanField(_("a non-disclosure agreement is needed"), default=False)
    format_wish = models.ForeignKey(
        TransferFormat,
        verbose_name=_("preferred format"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the format recommender reads
    definition = models.CharField(
        _("how well is the problem defined?"),
        max_length=10,
        choices=Definition.choices,
        default=Definition.PARTLY,
    )
    citizen_involvement = models.BooleanField(_("citizens should be involved"), default=False)
    technical_depth = models.CharField(
        _("how much specialist knowledge does it need?"),
        max_length=10,
        choices=Depth.choices,
        default=Depth.MEDIUM,
    )
    expected_team_size = models.PositiveSmallIntegerField(
        _("how many people should work on it?"), null=True, blank=True
    )
    # Set by coordinators
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    formats = models.ManyToManyField(
        TransferFormat, verbose_name=_("transfer formats"), blank=True, related_name="challenges"
    )
    coordinator = models.ForeignKey(
        User,
        verbose_name=_("responsible coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenges_coordinated",
    )
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-updated_at"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        indexes = [
            # The board's order (selectors._NEWEST_FIRST) over the challenges on the board: a
            # page of twenty is read from the index instead of sorting every published one.
            NewestFirstIndex(
                models.F("published_at").desc(nulls_last=True),
                models.F("updated_at").desc(),
                models.F("id").desc(),
                name="challenge_board_newest",
                condition=Q(status__in=["published", "in_progress", "completed"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(earliest_start__isnull=True)
                | Q(deadline__gte=models.F("earliest_start")),
                name="challenge_deadline_after_start",
                violation_error_message=_(
                    "The date for the results lies before the earliest start."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="challenge_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("challenges:detail", kwargs={"pk": self.pk})

    @property
    def is_on_board(self) -> bool:
        return self.status in self.BOARD_STATUSES

    @property
    def partner_offer_labels(self) -> list[str]:
        labels = dict(self.PartnerOffer.choices)
        return [str(labels[key]) for key in self.partner_offers if key in labels]


ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


class Attachment(models.Model):
    """A file of a challenge; its type was checked by content, not by name."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="challenges/%Y/%m/")
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class Comment(models.Model):
    """A remark in a challenge's review; change requests are comments with a request."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("comment"))
    is_change_request = models.BooleanField(_("asks for changes"), default=False)
    visible_to_submitter = models.BooleanField(_("visible to the submitter"), default=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:60]


class Follow(models.Model):
    """A person who wants updates on a challenge."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="challenge_follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["challenge", "user"], name="unique_challenge_follow")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.challenge}"


class FormatRule(models.Model):
    """One rule of the format recommender: if the challenge has this attribute value, the
    format gains (or loses) points, with the reason shown to the coordinator."""

    class Attribute(models.TextChoices):
        TIMEFRAME = "timeframe", _("Time until results are needed")
        DEFINITION = "definition", _("How well the problem is defined")
        CITIZENS = "citizens", _("Citizens should be involved")
        DEPTH = "depth", _("Specialist knowledge needed")
        TEAM_SIZE = "team_size", _("Expected team size")
        CONFIDENTIALITY = "confidentiality", _("Confidentiality")

    attribute = models.CharField(_("attribute"), max_length=20, choices=Attribute.choices)
    value = models.CharField(
        _("value"),
        max_length=20,
        help_text=_(
            "timeframe: short (< 3 months), medium (3–6), long (> 6); definition: clear, partly, "
            "open; citizens: yes, no; depth: low, medium, high; team_size: small (1–2), "
            "medium (3–6), large (7+); confidentiality: public, summary, confidential"
        ),
    )
    format = models.ForeignKey(TransferFormat, on_delete=models.CASCADE, related_name="rules")
    weight = models.SmallIntegerField(
        _("points"), help_text=_("Positive when the format fits, negative when it does not.")
    )
    reason_de = models.CharField(_("reason (German)"), max_length=200)
    reason_en = models.CharField(_("reason (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["attribute", "value", "-weight"]
        verbose_name = _("recommender rule")
        verbose_name_plural = _("recommender rules")

    def __str__(self) -> str:
        return f"{self.attribute}={self.value} → {self.format} ({self.weight:+d})"

    @property
    def reason(self) -> str:
        return _localised(self, "reason")

"""Opportunities of the region (jobs, internships, theses, flats, trial-living calls …), the
applications to them, saved searches with their alerts, and the welcome pages' town contacts.

Money is kept in cents; a pay range or a rent has its minimum at or below its maximum (a
database constraint, so every path is guarded)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.actors.models import Competence, Organisation
from transferraum.challenges.models import Challenge, TopicField
from transferraum.core.models import TimeStampedModel, Versioned
from transferraum.projects.models import Project
from transferraum.regions.models import District, Municipality

EXPIRY_DEFAULT_DAYS = 60
EXPIRY_MAX_DAYS = 365
REMIND_DAYS_BEFORE = 7
CV_MAX_BYTES = 5 * 1024 * 1024


class Kind(models.TextChoices):
    JOB = "job", _("Job")
    INTERNSHIP = "internship", _("Internship")
    WORKING_STUDENT = "working_student", _("Working-student job")
    THESIS = "thesis", _("Thesis topic")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    VOLUNTARY = "voluntary", _("Voluntary position")
    FLAT = "flat", _("Flat")
    ROOM = "room", _("Room")
    TRIAL_LIVING = "trial_living", _("Trial-living call")


HOUSING_KINDS = frozenset({Kind.FLAT, Kind.ROOM})
# Trial-living calls are run elsewhere (a town's own programme): they always link out.
LINK_OUT_KINDS = frozenset({Kind.TRIAL_LIVING})


class VerifiedOrganisation(models.Model):
    """A coordinator confirmed that this organisation is who it says it is, so it may post
    opportunities (people apply to it with their CV)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="opportunity_verification"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified"), default=timezone.now)

    class Meta:
        verbose_name = _("verified organisation")
        verbose_name_plural = _("verified organisations")

    def __str__(self) -> str:
        return str(self.organisation)


class OpportunityQuerySet(models.QuerySet["Opportunity"]):
    def published(self) -> OpportunityQuerySet:
        """On the feed: published and not past its expiry date."""
        return self.filter(
            status=Opportunity.Status.PUBLISHED, expires_on__gte=timezone.localdate()
        )


class Opportunity(Versioned, TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        FILLED = "filled", _("Filled")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class ApplyBy(models.TextChoices):
        PLATFORM = "platform", _("On the platform")
        LINK = "link", _("On the organisation's website")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, links.")
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("town"),
        on_delete=models.PROTECT,
        related_name="opportunities",
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    topics = models.ManyToManyField(
        TopicField, verbose_name=_("topic fields"), blank=True, related_name="opportunities"
    )
    competences = models.ManyToManyField(
        Competence, verbose_name=_("competences"), blank=True, related_name="opportunities"
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: Deutsch, Englisch")
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    duration = models.CharField(
        _("duration"), max_length=100, blank=True, help_text=_("For example: 6 months")
    )
    pay_min_cents = models.PositiveIntegerField(
        _("pay or rent from (cents)"), null=True, blank=True
    )
    pay_max_cents = models.PositiveIntegerField(
        _("pay or rent up to (cents)"), null=True, blank=True
    )
    remote_share = models.PositiveSmallIntegerField(_("remote share in per cent"), default=0)
    deadline = models.DateField(_("application deadline"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    apply_by = models.CharField(
        _("applications"), max_length=10, choices=ApplyBy.choices, default=ApplyBy.PLATFORM
    )
    external_url = models.URLField(_("link for applications"), blank=True)
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("from the challenge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("from the project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    reminded_for = models.DateField(
        null=True, blank=True, help_text="The expiry date the organisation was reminded of."
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        constraints = [
            models.CheckConstraint(
                condition=Q(pay_min_cents__isnull=True)
                | Q(pay_max_cents__isnull=True)
                | Q(pay_min_cents__lte=models.F("pay_max_cents")),
                name="opportunity_pay_in_order",
            ),
            models.CheckConstraint(
                condition=Q(remote_share__lte=100), name="opportunity_remote_share_percent"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "expires_on"], name="opportunity_status_expiry"),
            models.Index(fields=["status", "published_at"], name="opportunity_status_published"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("opportunities:detail", kwargs={"pk": self.pk})

    @property
    def is_housing(self) -> bool:
        return self.kind in HOUSING_KINDS

    @property
    def links_out(self) -> bool:
        return self.kind in LINK_OUT_KINDS or self.apply_by == self.ApplyBy.LINK


class Application(TimeStampedModel):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="opportunity_applications",
    )
    cover_note = models.TextField(_("cover note"))
    cv = models.FileField(_("CV (PDF)"), upload_to="opportunities/cv/%Y/%m/", blank=True)
    consent_at = models.DateTimeField(_("consent to pass the data on"))
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.SUBMITTED
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "applicant"], name="opportunity_application_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.opportunity}"

    def get_absolute_url(self) -> str:
        return reverse("opportunities:application", kwargs={"pk": self.pk})


class SavedSearch(models.Model):
    """A feed filter a person keeps, with the alert's rhythm. The filter is kept twice: as the
    address (`querystring`, to show the feed again) and in columns, so that the alert run can
    match every search against the new items in one SQL query."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="opportunity_searches"
    )
    name = models.CharField(_("name"), max_length=200)
    querystring = models.CharField(max_length=1000, blank=True)
    frequency = models.CharField(
        _("e-mail"), max_length=6, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    kind = models.CharField(max_length=20, blank=True)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    competence = models.ForeignKey(
        Competence, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    pay_min_cents = models.PositiveIntegerField(null=True, blank=True)
    start_by_days = models.PositiveSmallIntegerField(null=True, blank=True)
    # up to three stems of the search words (`core.search.query_stems`), each must be in the
    # item's search text
    stem1 = models.CharField(max_length=100, blank=True)
    stem2 = models.CharField(max_length=100, blank=True)
    stem3 = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    last_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        indexes = [models.Index(fields=["frequency", "user"], name="savedsearch_frequency")]

    def __str__(self) -> str:
        return self.name


class SentItem(models.Model):
    """An item that went to a person in an alert: never again, whatever searches overlap."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("item sent in an alert")
        verbose_name_plural = _("items sent in alerts")
        constraints = [
            models.UniqueConstraint(fields=["user", "opportunity"], name="opportunity_sent_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} ← {self.opportunity_id}"


class TownContact(TimeStampedModel):
    """A contact on a town's welcome page (childcare, schools …), kept by the town's staff."""

    class Kind(models.TextChoices):
        CHILDCARE = "childcare", _("Childcare")
        SCHOOL = "school", _("School")
        WELCOME = "welcome", _("Welcome and advice")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="welcome_contacts"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["kind", "name", "pk"]
        verbose_name = _("town contact")
        verbose_name_plural = _("town contacts")

    def __str__(self) -> str:
        return self.name

"""Recommendations: results of a project (or of the accompanying research) handed to a town or a
company, and the tracking of what the addressee decides and implements.

Every change is a `RecommendationEvent`, so the timeline, the reminders ("nothing happened for
90 days") and the research figures ("days from hand-over to decision") all read one history.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.core.models import TimeStampedModel, Versioned
from transferraum.projects.models import Document, Project, Round
from transferraum.regions.models import Municipality

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


# The detail page's parameter that unfolds one step's form (links from the start page).
OPEN_STEP_PARAM = "schritt"


class RecommendationQuerySet(models.QuerySet["Recommendation"]):
    def handed_over(self) -> RecommendationQuerySet:
        """With the partner: everything from the hand-over on (what the tracker and the figures
        count)."""
        return self.exclude(status__in=Recommendation.PREPARATION_STATUSES)

    def public(self) -> RecommendationQuerySet:
        """What everyone may see: handed over and not confidential."""
        return self.handed_over().filter(confidential=False)

    def open(self) -> RecommendationQuerySet:
        """Handed over and not finished: someone still owes a step."""
        return self.handed_over().exclude(status__in=Recommendation.FINISHED_STATUSES)


class Recommendation(Versioned, TimeStampedModel):
    """One recommendation to a decision-maker, from its draft to the evaluation of its effect."""

    class Status(models.TextChoices):
        DRAFTED = "drafted", _("Drafted")
        APPROVED = "approved", _("Approved")
        HANDED_OVER = "handed_over", _("Handed over")
        RECEIVED = "received", _("Received")
        UNDER_REVIEW = "under_review", _("Under review")
        ON_AGENDA = "on_agenda", _("On the agenda")
        ADOPTED = "adopted", _("Adopted")
        ADOPTED_WITH_CHANGES = "adopted_with_changes", _("Adopted with changes")
        REJECTED = "rejected", _("Rejected")
        DEFERRED = "deferred", _("Deferred")
        IN_IMPLEMENTATION = "in_implementation", _("In implementation")
        IMPLEMENTED = "implemented", _("Implemented")
        EVALUATED = "evaluated", _("Evaluated")

    class Author(models.TextChoices):
        TEAM = "team", _("A project team")
        RESEARCH = "research", _("The accompanying research")

    class Effort(models.TextChoices):
        SMALL = "small", _("small")
        MEDIUM = "medium", _("medium")
        LARGE = "large", _("large")

    class Addressee(models.TextChoices):
        DEPARTMENT = "department", _("A town department")
        COMMITTEE = "committee", _("A committee")
        COUNCIL = "council", _("The town council")
        COMPANY = "company", _("A company")

    # Not yet with the partner: the authors' and approvers' business.
    PREPARATION_STATUSES = (Status.DRAFTED, Status.APPROVED)
    # Waiting for the addressee's decision (what the first-answer date chases).
    AWAITING_DECISION_STATUSES = (
        Status.HANDED_OVER,
        Status.RECEIVED,
        Status.UNDER_REVIEW,
        Status.ON_AGENDA,
        Status.DEFERRED,
    )
    # Counted as adopted by the figures: adopted in some form, whatever happened after.
    ADOPTED_STATUSES = (
        Status.ADOPTED,
        Status.ADOPTED_WITH_CHANGES,
        Status.IN_IMPLEMENTATION,
        Status.IMPLEMENTED,
        Status.EVALUATED,
    )
    IMPLEMENTED_STATUSES = (Status.IMPLEMENTED, Status.EVALUATED)
    # Nothing more is owed: no reminders.
    FINISHED_STATUSES = (Status.IMPLEMENTED, Status.EVALUATED, Status.REJECTED)
    # Milestones are planned once adopted and kept up to date while implementing.
    MILESTONE_STATUSES = (Status.ADOPTED, Status.ADOPTED_WITH_CHANGES, Status.IN_IMPLEMENTATION)

    # Where it belongs (for filters and figures); derived from the project when there is one.
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    written_by_kind = models.CharField(
        _("written by"), max_length=10, choices=Author.choices, default=Author.TEAM
    )
    created_by = models.ForeignKey(
        User,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations_written",
    )
    # The content
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    expected_effect = models.TextField(_("expected effect"), blank=True)
    cost_min = models.PositiveIntegerField(_("cost from (euros)"), null=True, blank=True)
    cost_max = models.PositiveIntegerField(_("cost up to (euros)"), null=True, blank=True)
    effort = models.CharField(_("effort"), max_length=10, choices=Effort.choices, blank=True)
    effort_days_min = models.PositiveIntegerField(
        _("effort from (person-days)"), null=True, blank=True
    )
    effort_days_max = models.PositiveIntegerField(
        _("effort up to (person-days)"), null=True, blank=True
    )
    evidence = models.ManyToManyField(
        Document,
        verbose_name=_("evidence: documents of the project"),
        blank=True,
        related_name="recommendations",
    )
    # [{"title": str, "url": str}] – sources outside the platform
    evidence_links = models.JSONField(_("evidence: links"), default=list, blank=True)
    # To whom
    addressee_kind = models.CharField(
        _("addressed to"), max_length=12, choices=Addressee.choices, blank=True
    )
    addressee_name = models.CharField(
        _("name of the addressee"),
        max_length=200,
        blank=True,
        help_text=_("For example: Committee for Urban Development and Environment"),
    )
    addressee_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation addressed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations_received",
    )
    responsible_person = models.ForeignKey(
        User,
        verbose_name=_("responsible person at the partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recommendations_responsible",
    )
    responsible_name = models.CharField(
        _("responsible person (name)"),
        max_length=200,
        blank=True,
        help_text=_("When the person has no account on the platform."),
    )
    first_answer_due = models.DateField(_("first answer due"), null=True, blank=True)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Only the authors, supervisors, the partner and the coordinators see it; "
            "the public tracker leaves it out."
        ),
    )
    # Where it stands
    status = models.CharField(
        _("status"), max_length=25, choices=Status.choices, default=Status.DRAFTED, db_index=True
    )
    approved_by = models.ForeignKey(
        User,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    agenda_body = models.CharField(
        _("body"), max_length=200, blank=True, help_text=_("For example: Town council")
    )
    agenda_date = models.DateField(_("date of the meeting"), null=True, blank=True)
    agenda_item = models.CharField(_("agenda item"), max_length=100, blank=True)
    council_url = models.URLField(
        _("link to the council information system"),
        max_length=500,
        blank=True,
        help_text=_("For example the item in Allris or an OParl address."),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_note = models.TextField(
        _("decision"), blank=True, help_text=_("The reason for a rejection, or what was changed.")
    )
    progress = models.PositiveSmallIntegerField(
        _("progress in percent"), default=0, validators=PERCENT
    )
    progress_is_manual = models.BooleanField(
        _("progress set by hand"),
        default=False,
        help_text=_("Otherwise the progress is the mean of the milestones."),
    )
    evaluation = models.TextField(_("what changed"), blank=True)
    indicator = models.CharField(
        _("indicator"),
        max_length=200,
        blank=True,
        help_text=_("For example: vacant shops in the town centre"),
    )
    indicator_value = models.CharField(
        _("value of the indicator"), max_length=200, blank=True, help_text=_("For example: 14 → 9")
    )
    last_reminded_on = models.DateField(_("last reminder"), null=True, blank=True)
    # Stemmed words of the title, summary and addressee, recomputed by
    # `services.common.recommendation_index`.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        indexes = [
            # The tracker's and an organisation's lists, the latest change first: a page of
            # them is read from the index instead of sorting every recommendation.
            models.Index(fields=["-updated_at", "-id"], name="recommendation_latest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_min__isnull=True)
                | Q(cost_max__isnull=True)
                | Q(cost_max__gte=F("cost_min")),
                name="recommendation_cost_order",
                violation_error_message=_("The lowest cost is higher than the highest."),
            ),
            models.CheckConstraint(
                condition=Q(effort_days_min__isnull=True)
                | Q(effort_days_max__isnull=True)
                | Q(effort_days_max__gte=F("effort_days_min")),
                name="recommendation_effort_order",
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="recommendation_progress"
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(decision_note=""),
                name="recommendation_rejection_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(written_by_kind="team") | Q(project__isnull=False),
                name="recommendation_team_has_project",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recommendations:detail", kwargs={"pk": self.pk})

    def get_step_url(self, step: str) -> str:
        """The page with the form of lifecycle step `step` unfolded and scrolled to."""
        return f"{self.get_absolute_url()}?{OPEN_STEP_PARAM}={step}#step-{step}"

    @property
    def addressee(self) -> str:
        """How the addressee is named: its name, else the organisation, else the kind."""
        if self.addressee_name:
            return self.addressee_name
        if self.addressee_organisation_id is not None and self.addressee_organisation:
            return self.addressee_organisation.name
        return self.get_addressee_kind_display()

    @property
    def is_adopted(self) -> bool:
        return self.status in self.ADOPTED_STATUSES

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED_STATUSES

    @property
    def is_with_partner(self) -> bool:
        return self.status not in self.PREPARATION_STATUSES


class RecommendationEvent(models.Model):
    """One entry of a recommendation's timeline: a step of the lifecycle (from_status differs from
    to_status) or another change (a milestone, the evidence, the progress)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(
        _("from"), max_length=25, choices=Recommendation.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=25, choices=Recommendation.Status.choices)
    actor = models.ForeignKey(
        User,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Not auto_now_add: demo data and imports record steps that happened earlier.
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        get_latest_by = "at"
        verbose_name = _("recommendation event")
        verbose_name_plural = _("recommendation events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.action}: {self.from_status or '–'} → {self.to_status}"

    @property
    def changes_status(self) -> bool:
        return self.from_status != self.to_status


class ImplementationMilestone(TimeStampedModel):
    """A step of the implementation, with its progress; done means 100 percent."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=200)
    due = models.DateField(_("due"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress in percent"), default=0, validators=PERCENT
    )
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("implementation milestone")
        verbose_name_plural = _("implementation milestones")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="milestone_progress"
            ),
            models.CheckConstraint(
                condition=Q(done=False) | Q(progress=100), name="milestone_done_is_complete"
            ),
        ]

    def __str__(self) -> str:
        return self.title

"""Talent into the region (issue 22, points 3 to 5): trial living in a town, an opt-in talent
pool that organisations of the region search, and relocation journeys followed up after 12 and
24 months.

- Trial living: a town's staff publish a `TrialCall`; people send a `TrialApplication`; the
  town accepts up to the call's places, puts others on a waiting list (promoted in order when a
  place frees) or declines; an accepted application gets its `TrialStay`, and after the stay a
  follow-up is written on it.
- Talent pool: a `TalentProfile` is seen by organisations only while its person keeps it
  visible, never by an organisation in its `TalentExclusion`s (one selector decides:
  `selectors.talent_visible_to`); a `TalentContact` is an organisation's message to a person,
  whose e-mail address the organisation learns only from the person's answer.
- Relocation journeys: with consent (`JourneyConsentText`, append-only `JourneyConsent`), a
  person's `Journey` collects `JourneyStep`s; `JourneyFollowUp` is the personal link of the
  12- and 24-month question, kept as a hash.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from transferraum.core.models import ConsentRecordBase, ConsentText, TimeStampedModel, Versioned
from transferraum.core.tokens import HASH_LENGTH

# --- trial living -----------------------------------------------------------------------------


class TrialCallQuerySet(models.QuerySet["TrialCall"]):
    def published(self) -> TrialCallQuerySet:
        return self.filter(status__in=(TrialCall.Status.PUBLISHED, TrialCall.Status.CLOSED))


class TrialCall(TimeStampedModel):
    """A town's call for trial living (Probewohnen): who may come when, for how many places, in
    which flats, at what cost, and what participants commit to."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Open for applications")
        CLOSED = "closed", _("Closed")

    town = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("town"),
        on_delete=models.PROTECT,
        related_name="trial_calls",
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="trial_calls",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("stays from"))
    ends_on = models.DateField(_("stays until"))
    apply_until = models.DateField(_("applications until"))
    places = models.PositiveSmallIntegerField(pgettext_lazy("trial living", "places"))
    flats = models.TextField(_("flats"), help_text=_("One flat per line, e.g. its address."))
    cost_cents = models.PositiveIntegerField(_("cost per month (cents)"), default=0)
    commits_project = models.BooleanField(_("takes part in a local project"), default=False)
    commits_events = models.BooleanField(_("takes part in events"), default=False)
    commits_blog = models.BooleanField(_("writes a blog"), default=False)
    criteria = models.TextField(_("selection criteria"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )

    objects = TrialCallQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("trial-living call")
        verbose_name_plural = _("trial-living calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="trial_call_period_order"
            ),
            models.CheckConstraint(condition=Q(places__gt=0), name="trial_call_places_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("talent:call", kwargs={"pk": self.pk})

    @property
    def flat_list(self) -> list[str]:
        return [line.strip() for line in self.flats.splitlines() if line.strip()]


class TrialApplication(TimeStampedModel):
    """A person's application to a call, with their motivation; the town decides."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    call = models.ForeignKey(
        TrialCall, verbose_name=_("call"), on_delete=models.CASCADE, related_name="applications"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="trial_applications",
    )
    motivation = models.TextField(_("motivation"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    # Order on the waiting list: the smallest is promoted first.
    waitlist_position = models.PositiveIntegerField(_("place on the waiting list"), null=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["call", "created_at", "pk"]
        verbose_name = _("trial-living application")
        verbose_name_plural = _("trial-living applications")
        constraints = [
            models.UniqueConstraint(fields=["call", "person"], name="unique_trial_application")
        ]

    def __str__(self) -> str:
        return f"{self.call} – {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("talent:application", kwargs={"pk": self.pk})


class TrialStay(Versioned, TimeStampedModel):
    """The stay of an accepted application: flat, dates, a local contact, coworking; after the
    stay, the follow-up written with the participant."""

    application = models.OneToOneField(
        TrialApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="stay",
    )
    flat = models.CharField(_("flat"), max_length=200)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("local contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    coworking = models.CharField(_("coworking"), max_length=300, blank=True)
    follow_up = models.TextField(_("follow-up after the stay"), blank=True)
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("trial stay")
        verbose_name_plural = _("trial stays")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="trial_stay_period_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application.call} – {self.flat}"

    def get_absolute_url(self) -> str:
        return self.application.get_absolute_url()


# --- talent pool ------------------------------------------------------------------------------


class TalentProfile(TimeStampedModel):
    """A student's or graduate's profile in the talent pool; seen only while `visible`."""

    class Availability(models.TextChoices):
        NOW = "now", _("Now")
        SOON = "soon", _("Within three months")
        LATER = "later", _("Later")

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="talent_profile",
    )
    visible = models.BooleanField(_("visible to organisations of the region"), default=False)
    headline = models.CharField(_("headline"), max_length=200)
    looking_for = models.TextField(_("what I am looking for"))
    interests = models.TextField(_("interests"), blank=True)
    availability = models.CharField(
        _("available"), max_length=10, choices=Availability.choices, default=Availability.SOON
    )
    competences = models.ManyToManyField(
        "actors.Competence", verbose_name=_("competences"), blank=True, related_name="+"
    )
    towns = models.ManyToManyField(
        "regions.Municipality", verbose_name=_("preferred towns"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at", "pk"]
        verbose_name = _("talent-pool profile")
        verbose_name_plural = _("talent-pool profiles")
        indexes = [models.Index(fields=["visible", "updated_at"], name="talent_visible_updated")]

    def __str__(self) -> str:
        return self.headline


class TalentExclusion(models.Model):
    """An organisation that must never see the profile (e.g. the current employer)."""

    profile = models.ForeignKey(
        TalentProfile,
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="exclusions",
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        ordering = ["profile", "organisation__name"]
        verbose_name = _("excluded organisation")
        verbose_name_plural = _("excluded organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "organisation"], name="unique_talent_exclusion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile} ⊘ {self.organisation}"


class TalentContact(models.Model):
    """An organisation's message to a person in the pool. The person's e-mail address is shown
    to the organisation only once they answered."""

    organisation = models.ForeignKey(
        "actors.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="talent_contacts",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    profile = models.ForeignKey(
        TalentProfile,
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    message = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("talent-pool contact")
        verbose_name_plural = _("talent-pool contacts")

    def __str__(self) -> str:
        return f"{self.organisation} → {self.profile}"


# --- relocation journeys ----------------------------------------------------------------------


class JourneyConsentText(ConsentText):
    """A version of the consent text of relocation journeys (`core.models.ConsentText`)."""

    class Meta:
        ordering = ["-number"]
        verbose_name = _("journey consent text")
        verbose_name_plural = _("journey consent texts")
        constraints = [
            models.UniqueConstraint(fields=["number"], name="unique_journey_consent_text")
        ]

    def __str__(self) -> str:
        return str(self.number)


class JourneyConsent(ConsentRecordBase):
    """Append-only: a person agreed to (or withdrew from) having their journey recorded."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="journey_consents",
    )
    consent_text = models.ForeignKey(
        JourneyConsentText,
        verbose_name=_("consent text"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["person", "at", "pk"]
        verbose_name = _("journey consent")
        verbose_name_plural = _("journey consents")

    def __str__(self) -> str:
        return self.get_action_display()


class Journey(models.Model):
    """A person's way into the region, recorded with their consent. The cohort is the year the
    journey began; the town the one of their latest step that names one."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="journey",
    )
    cohort = models.PositiveSmallIntegerField(_("cohort"))
    town = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["cohort", "pk"]
        verbose_name = _("relocation journey")
        verbose_name_plural = _("relocation journeys")
        indexes = [models.Index(fields=["town", "cohort"], name="journey_town_cohort")]

    def __str__(self) -> str:
        return f"{_('Journey')} {self.cohort} #{self.pk}"


class Step(models.TextChoices):
    """The steps of a journey, in the order of the funnel."""

    INTEREST = "interest", _("Interest")
    VISIT = "visit", _("Visit or event")
    TRIAL_STAY = "trial_stay", _("Trial stay")
    WORK = "work", _("Internship, thesis or job in the region")
    MOVED = "moved", _("Moved to the region")
    STAYED_12 = "stayed_12", _("Still living there after 12 months")
    STAYED_24 = "stayed_24", _("Still living there after 24 months")


STEP_ORDER: tuple[str, ...] = tuple(Step.values)


class JourneyStep(models.Model):
    """One step a journey reached, once, on a date; from the platform or the person."""

    class Source(models.TextChoices):
        PLATFORM = "platform", _("Recorded by the platform")
        PERSON = "person", _("Told by the person")
        FOLLOW_UP = "follow_up", _("Answer to a follow-up")

    journey = models.ForeignKey(
        Journey, verbose_name=_("journey"), on_delete=models.CASCADE, related_name="steps"
    )
    step = models.CharField(_("step"), max_length=12, choices=Step.choices)
    # The step's place in `STEP_ORDER`: "the next step this journey reached" is one subquery.
    rank = models.PositiveSmallIntegerField(_("order"), editable=False)
    on = models.DateField(_("on"))
    town = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)

    class Meta:
        ordering = ["journey", "on", "pk"]
        verbose_name = _("journey step")
        verbose_name_plural = _("journey steps")
        constraints = [
            models.UniqueConstraint(fields=["journey", "step"], name="unique_journey_step")
        ]
        indexes = [models.Index(fields=["step", "on"], name="journey_step_on")]

    def __str__(self) -> str:
        return f"{self.journey} – {self.get_step_display()}"


class JourneyFollowUp(models.Model):
    """The 12- or 24-month question after moving, sent as a personal link (kept as a hash),
    reminded once, answered once, refused after `valid_until`."""

    journey = models.ForeignKey(
        Journey, verbose_name=_("journey"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    months = models.PositiveSmallIntegerField(_("months after moving"))
    token_seed = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=HASH_LENGTH, unique=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    valid_until = models.DateTimeField(_("valid until"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    still_living = models.BooleanField(_("still living in the region"), null=True)

    class Meta:
        ordering = ["journey", "months"]
        verbose_name = _("journey follow-up")
        verbose_name_plural = _("journey follow-ups")
        constraints = [
            models.UniqueConstraint(fields=["journey", "months"], name="unique_journey_follow_up"),
            models.CheckConstraint(condition=Q(months__in=(12, 24)), name="follow_up_months"),
        ]

    def __str__(self) -> str:
        return f"{self.journey} – {self.months}"

    def is_valid(self, now: dt.datetime | None = None) -> bool:
        return self.answered_at is None and (now or timezone.now()) < self.valid_until

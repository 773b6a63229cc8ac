"""Innovation places (coworking spaces, maker spaces, labs, event rooms), their resources,
opening hours, trainings and bookings (issue 23, points 1–3).

The rule that must never break – no two bookings of one resource overlap – is kept twice: the
booking service serialises check and insert (a row lock on the resource; on SQLite the write
lock every transaction takes), and on PostgreSQL an exclusion constraint over
`tstzrange(starts_at, ends_at)` (btree_gist, migration 0002) refuses an overlap whatever path
wrote it. See docs/places.md.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from transferraum.actors.models import IMAGE_EXTENSIONS, Organisation
from transferraum.regions.models import Municipality

# The federal states whose public holidays apply, by the first two digits of the AGS.
STATE_BY_AGS_PREFIX = {"14": "SN", "15": "ST"}


class Place(models.Model):
    """An innovation place run by an organisation."""

    class Kind(models.TextChoices):
        COWORKING = "coworking", _("Coworking space")
        MAKER_SPACE = "maker_space", _("Maker space")
        LAB = "lab", _("Lab")
        EVENT_ROOM = "event_room", _("Event room")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in the platform"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("run by"),
        on_delete=models.PROTECT,
        related_name="places",
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    street = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=5)
    lat = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    lon = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    house_rules = models.TextField(_("house rules"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    cancel_hours = models.PositiveSmallIntegerField(
        _("cancellation deadline (hours before the start)"), default=24
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("places:place", kwargs={"slug": self.slug})

    @property
    def state(self) -> str:
        """The federal state whose public holidays close the place ("SN" or "ST")."""
        return STATE_BY_AGS_PREFIX.get(self.municipality.ags[:2], "SN")

    @property
    def map_url(self) -> str:
        if self.lat is None or self.lon is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.lat}&mlon={self.lon}"
            f"#map=17/{self.lat}/{self.lon}"
        )


class OpeningHours(models.Model):
    """One opening span on a weekday (several per day allowed: a lunch break)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=models.F("closes")), name="hours_opens_first"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningException(models.Model):
    """A day with other hours than usual, or closed (`opens` empty)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("exception to the opening hours")
        verbose_name_plural = _("exceptions to the opening hours")
        constraints = [
            models.UniqueConstraint(fields=["place", "date"], name="one_exception_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.place}: {self.date}"


class PlacePhoto(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("photo"), upload_to="places/", validators=[FileExtensionValidator(IMAGE_EXTENSIONS)]
    )
    alt = models.CharField(_("description of the photo"), max_length=300)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.alt


class PlaceMember(models.Model):
    """A person, or a whole organisation (its members), belongs to a place; staff run it."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        STAFF = "staff", _("Staff")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="place_memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="place_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("since"), default=dt.date.today)

    class Meta:
        verbose_name = _("member of a place")
        verbose_name_plural = _("members of places")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, organisation__isnull=True)
                | Q(user__isnull=True, organisation__isnull=False, role="member"),
                name="place_member_person_or_organisation",
            ),
            models.UniqueConstraint(fields=["place", "user"], name="place_member_once"),
            models.UniqueConstraint(
                fields=["place", "organisation"], name="place_member_organisation_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user or self.organisation} – {self.place}"


class Training(models.Model):
    """A qualification that equipment may require, and how it lapses."""

    class Lapse(models.TextChoices):
        NEVER = "never", _("never")
        DURATION = "duration", _("after a number of days")
        DATE = "date", _("on a date")
        INACTIVITY = "inactivity", _("after N months without a booking")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="trainings")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    lapse = models.CharField(_("lapses"), max_length=12, choices=Lapse.choices, default=Lapse.NEVER)
    lapse_days = models.PositiveIntegerField(_("valid for days"), null=True, blank=True)
    lapse_on = models.DateField(_("valid until"), null=True, blank=True)
    lapse_months = models.PositiveSmallIntegerField(
        _("months without a booking"), null=True, blank=True
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        constraints = [
            models.CheckConstraint(
                condition=Q(lapse="never")
                | Q(lapse="duration", lapse_days__gt=0)
                | Q(lapse="date", lapse_on__isnull=False)
                | Q(lapse="inactivity", lapse_months__gt=0),
                name="training_lapse_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Qualification(models.Model):
    """A person passed a training (recorded by staff)."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="passed")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qualifications"
    )
    passed_on = models.DateField(_("passed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        constraints = [
            models.UniqueConstraint(fields=["training", "user"], name="qualification_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.training}"


class Resource(models.Model):
    """Something of a place that is booked: a desk, a room, a machine."""

    class Kind(models.TextChoices):
        DESK = "desk", _("Desk")
        MEETING_ROOM = "meeting_room", _("Meeting room")
        EVENT_ROOM = "event_room", _("Event room")
        EQUIPMENT = "equipment", _("Equipment")

    class Audience(models.TextChoices):
        SIGNED_IN = "signed_in", _("anyone signed in")
        PROGRAMME = "programme", _("members of the programme")
        MEMBERS = "members", _("members of the place")
        TRAINED = "trained", _("only the trained")

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="resources")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("capacity (people)"), default=1, validators=[MinValueValidator(1)]
    )
    min_minutes = models.PositiveIntegerField(_("shortest booking (minutes)"), default=30)
    max_minutes = models.PositiveIntegerField(_("longest booking (minutes)"), default=480)
    lead_minutes = models.PositiveIntegerField(_("book at least minutes ahead"), default=0)
    ahead_days = models.PositiveIntegerField(_("book at most days ahead"), default=90)
    weekly_hours_max = models.PositiveSmallIntegerField(
        _("at most hours a week per person"), null=True, blank=True
    )
    audience = models.CharField(
        _("who may book"), max_length=12, choices=Audience.choices, default=Audience.PROGRAMME
    )
    training = models.ForeignKey(
        Training,
        verbose_name=_("training required"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
    )
    price_cents = models.PositiveIntegerField(_("price per hour (cents)"), default=0)
    needs_confirmation = models.BooleanField(_("staff confirm bookings"), default=False)

    class Meta:
        ordering = ["place", "name"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_minutes__gt=0) & Q(min_minutes__lte=models.F("max_minutes")),
                name="resource_block_bounds",
            ),
            models.CheckConstraint(
                condition=~Q(audience="trained") | Q(training__isnull=False),
                name="resource_trained_needs_training",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.place})"

    def get_absolute_url(self) -> str:
        return reverse("places:resource", kwargs={"slug": self.place.slug, "pk": self.pk})

    @property
    def price_display(self) -> str:
        return f"{self.price_cents // 100},{self.price_cents % 100:02d} €"


class BookingQuerySet(models.QuerySet["Booking"]):
    def holding(self) -> BookingQuerySet:
        """Bookings that hold their time: asked for, confirmed, or a staff block."""
        return self.filter(status__in=Booking.HOLDING)

    def overlapping(self, starts_at: dt.datetime, ends_at: dt.datetime) -> BookingQuerySet:
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Booking(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("awaiting confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        REFUSED = "refused", _("refused")
        CANCELLED = "cancelled", _("cancelled")
        BLOCKED = "blocked", _("blocked for maintenance")

    class PersonKind(models.TextChoices):
        STUDENT = "student", _("Student")
        FOUNDER = "founder", _("Founder")
        COMPANY = "company", _("Company")
        TOWN = "town", _("Town")
        OTHER = "other", _("Other")

    HOLDING = (Status.REQUESTED, Status.CONFIRMED, Status.BLOCKED)

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="place_bookings",
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    team = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="place_bookings",
    )
    person_kind = models.CharField(
        _("kind of person"), max_length=10, choices=PersonKind.choices, default=PersonKind.OTHER
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    minutes = models.PositiveIntegerField(_("minutes"), editable=False)
    series = models.UUIDField(null=True, blank=True, editable=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    no_show = models.BooleanField(_("not used"), default=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=models.F("ends_at")), name="booking_starts_first"
            ),
        ]
        indexes = [
            models.Index(fields=["resource", "starts_at"], name="booking_resource_start"),
            models.Index(fields=["user", "starts_at"], name="booking_user_start"),
        ]

    def __str__(self) -> str:
        return f"{self.resource.name} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600

    @property
    def holds(self) -> bool:
        return self.status in self.HOLDING

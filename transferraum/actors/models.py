from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.core.models import Request, TimeStampedModel, Versioned
from transferraum.core.tokens import HASH_LENGTH
from transferraum.regions.models import Municipality


class Competence(models.Model):
    """A term of the shared vocabulary of competences, with synonyms and a parent category.

    Synonyms let "GIS", "Geoinformatik" and "Kartografie" meet: searching any of them finds
    everyone who chose the competence.
    """

    class Status(models.TextChoices):
        APPROVED = "approved", _("Approved")
        SUGGESTED = "suggested", _("Suggested")

    slug = models.SlugField(_("key"), max_length=100, unique=True)
    label_de = models.CharField(_("German label"), max_length=100)
    label_en = models.CharField(_("English label"), max_length=100, blank=True)
    synonyms = models.TextField(
        _("synonyms"), blank=True, help_text=_("One term per line, in any language.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPROVED
    )
    suggested_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["label_de"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "de").startswith("en") and self.label_en:
            return self.label_en
        return self.label_de

    @property
    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    @property
    def terms(self) -> list[str]:
        """Every name of the competence: labels and synonyms."""
        return [term for term in (self.label_de, self.label_en, *self.synonym_list) if term]


class ListingCategory(models.TextChoices):
    """What organisations offer ("Wir bieten") and need ("Wir suchen")."""

    PRACTICE_PROJECTS = "practice_projects", _("Practice projects")
    INTERNSHIPS = "internships", _("Internships")
    THESES = "theses", _("Final theses")
    SKILLED_STAFF = "skilled_staff", _("Skilled staff")
    RESEARCH_PARTNER = "research_partner", _("Research partnership")
    DATA = "data", _("Data")
    EQUIPMENT = "equipment", _("Equipment")
    ROOMS = "rooms", _("Rooms and space")
    MENTORING = "mentoring", _("Mentoring and advice")
    FUNDING = "funding", _("Funding")
    CONTACTS = "contacts", _("Contacts and network")
    VOLUNTEERS = "volunteers", _("Volunteers")


class SizeClass(models.TextChoices):
    """Size classes as the EU recommendation 2003/361 counts staff."""

    MICRO = "micro", _("up to 9 people")
    SMALL = "small", _("10 to 49 people")
    MEDIUM = "medium", _("50 to 249 people")
    LARGE = "large", _("250 people or more")


class Sector(models.TextChoices):
    """Sections of the German classification of economic activities (WZ 2008)."""

    A = "A", _("A – Agriculture, forestry and fishing")
    B = "B", _("B – Mining and quarrying")
    C = "C", _("C – Manufacturing")
    D = "D", _("D – Electricity, gas, steam and air conditioning supply")
    E = "E", _("E – Water supply, sewerage, waste management")
    F = "F", _("F – Construction")
    G = "G", _("G – Wholesale and retail trade, repair of motor vehicles")
    H = "H", _("H – Transportation and storage")
    I = "I", _("I – Accommodation and food service")  # noqa: E741
    J = "J", _("J – Information and communication")
    K = "K", _("K – Financial and insurance activities")
    L = "L", _("L – Real estate activities")
    M = "M", _("M – Professional, scientific and technical activities")
    N = "N", _("N – Administrative and support service activities")
    O = "O", _("O – Public administration and defence")  # noqa: E741
    P = "P", _("P – Education")
    Q = "Q", _("Q – Human health and social work")
    R = "R", _("R – Arts, entertainment and recreation")
    S = "S", _("S – Other service activities")
    T = "T", _("T – Activities of households")
    U = "U", _("U – Extraterritorial organisations")


LOGO_MAX_BYTES = 2 * 1024 * 1024
IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "webp", "gif"]


class Organisation(Versioned, TimeStampedModel):
    """A town administration, company, civil-society group or university unit."""

    class Kind(models.TextChoices):
        TOWN = "town", _("Town administration")
        COMPANY = "company", _("Company")
        CIVIL_SOCIETY = "civil_society", _("Civil-society group")
        UNIVERSITY_UNIT = "university_unit", _("University unit or chair")
        RESEARCH_INSTITUTE = "research_institute", _("Research institute")
        STARTUP = "startup", _("Start-up")
        PUBLIC_BODY = "public_body", _("Public body")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in the platform"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, links.")
    )
    website = models.URLField(_("website"), blank=True)
    sector = models.CharField(
        _("sector (WZ 2008)"), max_length=1, choices=Sector.choices, blank=True
    )
    size_class = models.CharField(_("size"), max_length=10, choices=SizeClass.choices, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    lat = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    lon = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="logos/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS)],
    )
    competences = models.ManyToManyField(
        Competence, verbose_name=_("competences"), blank=True, related_name="organisations"
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            # The directory's order: a page of a region's organisations without sorting them all.
            models.Index(fields=["name", "id"], name="organisation_name_id"),
            # The map at street level reads the organisations of its area only.
            models.Index(fields=["lat", "lon"], name="organisation_place"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("actors:organisation", kwargs={"slug": self.slug})

    @property
    def location(self) -> tuple[float, float] | None:
        """Where the map shows it: its own coordinates, else its municipality's centre."""
        if self.lat is not None and self.lon is not None:
            return float(self.lat), float(self.lon)
        if self.municipality_id is not None and self.municipality is not None:
            return float(self.municipality.lat), float(self.municipality.lon)
        return None


class Listing(TimeStampedModel):
    """One offer ("Wir bieten") or need ("Wir suchen") of an organisation."""

    class Direction(models.TextChoices):
        OFFER = "offer", _("We offer")
        NEED = "need", _("We are looking for")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="listings"
    )
    direction = models.CharField(_("offer or need"), max_length=5, choices=Direction.choices)
    category = models.CharField(_("category"), max_length=30, choices=ListingCategory.choices)
    text = models.CharField(_("short text"), max_length=300)

    class Meta:
        ordering = ["direction", "category", "pk"]
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")
        indexes = [
            # "Passt zu uns" finds who offers or needs a category (selectors.suggestions_for);
            # the organisation last, so that the lookup reads the index alone.
            models.Index(
                fields=["direction", "category", "organisation"], name="listing_category_lookup"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()}: {self.get_category_display()} – {self.text}"


class PersonProfile(TimeStampedModel):
    """What a person shows of themselves; nothing personal is public unless they choose so."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone, also without login")
        MEMBERS = (
            "members",
            _("Members of the programme (people with a role in it or in one of its organisations)"),
        )
        COORDINATORS = "coordinators", _("Only the programme's coordinators")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    photo = models.ImageField(
        _("photo"),
        upload_to="photos/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS)],
    )
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    competences = models.ManyToManyField(
        Competence, verbose_name=_("competences"), blank=True, related_name="people"
    )
    interests = models.ManyToManyField(
        Competence, verbose_name=_("interests"), blank=True, related_name="interested_people"
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: Deutsch, Englisch")
    )
    visibility = models.CharField(
        _("who may see my profile"),
        max_length=15,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("person profile")
        verbose_name_plural = _("person profiles")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("actors:person", kwargs={"pk": self.user_id})


class Membership(TimeStampedModel):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    position = models.CharField(_("position"), max_length=200, blank=True)
    is_contact = models.BooleanField(
        _("shown as contact person"),
        default=False,
        help_text=_("The person agreed to be shown on the organisation's page."),
    )

    class Meta:
        ordering = ["organisation__name", "user__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")
        ]
        indexes = [
            # The network page's period starts from the memberships created within it.
            models.Index(fields=["created_at"], name="membership_created"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class MapCell(models.Model):
    """Organisations with a place, counted per grid cell of each zoom of the map (up to
    `aggregates.MAP_CELL_MAX_ZOOM`), per kind and town, so that the map of the whole region
    reads a few hundred rows instead of every organisation. Rebuilt in SQL by
    `aggregates.map_cells_refresh`; never edited row by row."""

    zoom = models.PositiveSmallIntegerField()
    cell_y = models.IntegerField()
    cell_x = models.IntegerField()
    kind = models.CharField(max_length=30, choices=Organisation.Kind.choices)
    municipality = models.ForeignKey(
        Municipality, null=True, on_delete=models.CASCADE, related_name="+"
    )
    count = models.PositiveIntegerField()
    lat_sum = models.FloatField()
    lon_sum = models.FloatField()
    lat_min = models.FloatField()
    lat_max = models.FloatField()
    lon_min = models.FloatField()
    lon_max = models.FloatField()
    # The organisation with the lowest id: the one a cell of one organisation shows.
    first = models.ForeignKey(
        Organisation, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["zoom", "cell_y", "cell_x"], name="map_cell_zoom_cell")]

    def __str__(self) -> str:
        return f"{self.zoom}/{self.cell_y}/{self.cell_x} {self.kind}: {self.count}"


class OrganisationLink(models.Model):
    """Two organisations that people with active accounts belong to both of (`source` has the
    lower id), with the `weight` (the number of such people), when the link was last made or
    strengthened (`latest`: the newest of the later memberships of each person), and the
    kind and town of both ends, so that the network page filters and ranks links without
    joining the memberships. Rebuilt in SQL by `aggregates.organisation_links_refresh`."""

    source = models.ForeignKey(
        Organisation, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    target = models.ForeignKey(
        Organisation, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    weight = models.PositiveIntegerField()
    latest = models.DateTimeField()
    source_kind = models.CharField(max_length=30)
    target_kind = models.CharField(max_length=30)
    source_municipality = models.ForeignKey(
        Municipality, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    target_municipality = models.ForeignKey(
        Municipality, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    source_district = models.ForeignKey(
        "regions.District",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    target_district = models.ForeignKey(
        "regions.District",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        indexes = [
            # The strongest links first, a page of them without sorting them all.
            models.Index(
                models.F("weight").desc(), "source", "target", name="organisation_link_strongest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}–{self.target_id}: {self.weight}"


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def pending(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """An e-mail invitation into an organisation with a role; its link works once."""

    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(
        _("role in the organisation"),
        max_length=10,
        choices=Membership.Role.choices,
        default=Membership.Role.MEMBER,
    )
    person_role = models.CharField(
        _("role in the programme"),
        max_length=20,
        choices=User.Role.choices,
        default=User.Role.STAFF,
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    # The link's token exists only in the e-mail: the row keeps its seed and its hash
    # (core.tokens); `actors.services.invitation_link` writes the link.
    token_seed = models.CharField(max_length=64, blank=True, editable=False)
    token_hash = models.CharField(max_length=HASH_LENGTH, unique=True, editable=False)
    language = models.CharField(
        _("language of the e-mail"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_not_accepted_and_revoked",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class MembershipRequest(Request):
    """A person asks to join an organisation as its staff (the role request for "staff of an
    organisation"); its administrators or the coordinators grant or refuse it with a reason.
    Its lifecycle is `actors.workflow.MEMBERSHIP_REQUEST`."""

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    role = models.CharField(
        _("role in the organisation"),
        max_length=10,
        choices=Membership.Role.choices,
        default=Membership.Role.MEMBER,
    )
    position = models.CharField(_("position"), max_length=200, blank=True)

    class Meta(Request.Meta):
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(status="open"),
                name="one_open_membership_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.get_status_display()})"

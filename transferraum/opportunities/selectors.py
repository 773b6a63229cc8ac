"""Reads of opportunities: the regional feed and its filters (in the URL under German names),
the fetch-and-authorise family, applications as the organisation and the applicant see them,
and what a town's welcome page shows."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import Competence, Membership, Organisation
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, Select, choice, model_choice, search
from transferraum.core.search import search_queryset
from transferraum.opportunities.models import (
    HOUSING_KINDS,
    Application,
    Kind,
    Opportunity,
    SavedSearch,
    TownContact,
)
from transferraum.opportunities.permissions import (
    can_edit,
    can_view,
    can_view_application,
)
from transferraum.regions.models import District, Municipality
from transferraum.regions.selectors import (
    district_filter,
    municipalities_by_district,
    municipality_filter,
    municipality_options,
)

PAGE_SIZE = 20
FEED_SIZE = 30
WELCOME_SIZE = 8

# Leipzig Hbf, where the train connections start (`projects.travel.ORIGIN_STATION`).
LEIPZIG = (51.3455, 12.3821)

_BOUNDARIES = ("municipality__boundary", "municipality__district__boundary")
_NEWEST_FIRST = (F("published_at").desc(nulls_last=True), "-pk")

# minimum pay or rent in euros → cents; start within days
PAY_CHOICES = [
    (str(euros), _("from %(euros)s €") % {"euros": euros}) for euros in (500, 1000, 2000, 3000)
]
START_CHOICES = [
    ("30", _("within a month")),
    ("90", _("within three months")),
    ("180", _("within six months")),
]


@dataclass(frozen=True)
class FeedFilters(Filters):
    query: str = search("q", label=_("Search"))
    kind: str = choice("art", choices=Kind.choices, label=_("Kind"), empty_label=_("All kinds"))
    municipality: str = municipality_filter()
    district: str = district_filter()
    competence: str = model_choice(
        "kompetenz",
        Competence,
        label=_("Competence"),
        empty_label=_("All competences"),
        only=("label_de", "label_en"),
    )
    pay: str = choice(
        "verguetung", choices=PAY_CHOICES, label=_("Pay or rent"), empty_label=_("Any amount")
    )
    start: str = choice(
        "beginn", choices=START_CHOICES, label=_("Start"), empty_label=_("Any time")
    )


def feed_opportunities(filters: FeedFilters) -> QuerySet[Opportunity]:
    """Published items matching the filters, newest first (best match first when PostgreSQL
    ranks a search), with what a card shows. Constant queries per page."""
    items: QuerySet[Opportunity] = Opportunity.objects.published().order_by(*_NEWEST_FIRST)
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.municipality:
        items = items.filter(municipality__ags=filters.municipality)
    if filters.district:
        items = items.filter(municipality__district__key=filters.district)
    if filters.competence:
        items = items.filter(
            Exists(Competence.objects.filter(slug=filters.competence, opportunities=OuterRef("pk")))
        )
    if filters.pay:
        items = items.filter(pay_max_cents__gte=int(filters.pay) * 100)
    if filters.start:
        items = items.filter(
            start_date__lte=timezone.localdate() + timedelta(days=int(filters.start))
        )
    items = search_queryset(items, filters.query)
    return items.select_related(
        "organisation", "municipality__district", "municipality__train_connection"
    ).defer(*_BOUNDARIES)


def feed_newest(filters: FeedFilters) -> QuerySet[Opportunity]:
    """The newest items for the Atom feed, whatever a search would rank."""
    return feed_opportunities(replace(filters, page=1)).order_by(*_NEWEST_FIRST)[:FEED_SIZE]


def feed_selects(filters: FeedFilters) -> list[Select]:
    """The selects of the feed's filter form (three queries): towns and districts with
    published items (and the chosen one), competences asked for by published items."""
    on_feed = Opportunity.objects.published()
    towns = municipalities_by_district(
        Municipality.objects.filter(
            Q(Exists(on_feed.filter(municipality=OuterRef("pk")))) | Q(ags=filters.municipality)
        )
    )
    districts = (
        District.objects.filter(
            Q(Exists(on_feed.filter(municipality__district=OuterRef("pk"))))
            | Q(key=filters.district)
        )
        .only("key", "name")
        .order_by("name")
    )
    competences = (
        Competence.objects.filter(
            Q(Exists(on_feed.filter(competences=OuterRef("pk")))) | Q(slug=filters.competence)
        )
        .only("slug", "label_de", "label_en")
        .order_by("label_de")
    )
    return [
        filters.select("kind"),
        filters.select("municipality", groups=municipality_options(towns)),
        filters.select("district", [(d.key, d.name) for d in districts]),
        filters.select("competence", [(c.slug, c.label) for c in competences]),
        filters.select("pay"),
        filters.select("start"),
    ]


@dataclass(frozen=True)
class Travel:
    km: int
    minutes: int | None
    lines: str


def distance_km(lat: float, lon: float) -> int:
    """Great-circle distance from Leipzig Hbf, rounded."""
    lat1, lon1 = map(math.radians, LEIPZIG)
    lat2, lon2 = math.radians(lat), math.radians(lon)
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return round(6371 * 2 * math.asin(math.sqrt(a)))


def travel_from_leipzig(municipality: Municipality) -> Travel:
    """Distance and, where the platform knows the regional train, the travel time (the
    municipality's `train_connection` must be selected with it)."""
    # a missing reverse one-to-one raises an AttributeError as well
    connection = getattr(municipality, "train_connection", None)
    return Travel(
        km=distance_km(float(municipality.lat), float(municipality.lon)),
        minutes=connection.minutes if connection else None,
        lines=connection.lines if connection else "",
    )


def cards(items: list[Opportunity]) -> list[tuple[Opportunity, Travel]]:
    """Each item with its travel from Leipzig (no query: the connection was selected)."""
    return [(item, travel_from_leipzig(item.municipality)) for item in items]


@dataclass(frozen=True)
class MapTown:
    name: str
    lat: float
    lon: float
    count: int
    url: str


def map_towns(filters: FeedFilters, feed_url: str) -> list[MapTown]:
    """The towns of the matching items with their counts, counted in SQL, for the map."""
    rows = (
        feed_opportunities(replace(filters, page=1))
        .order_by()
        .values("municipality__ags", "municipality__name", "municipality__lat", "municipality__lon")
        .annotate(count=Count("pk"))
        .order_by("municipality__name")[:200]
    )
    return [
        MapTown(
            row["municipality__name"],
            float(row["municipality__lat"]),
            float(row["municipality__lon"]),
            row["count"],
            feed_url + replace(filters, municipality=row["municipality__ags"]).querystring(page=1),
        )
        for row in rows
    ]


# --- fetch and authorise ----------------------------------------------------------------------


def _base() -> QuerySet[Opportunity]:
    return Opportunity.objects.select_related(
        "organisation",
        "municipality__district",
        "municipality__train_connection",
        "challenge",
        "project",
    ).defer(*_BOUNDARIES)


def opportunity_for_viewer(viewer: Viewer, pk: int) -> Opportunity:
    """The opportunity, or 404 when it does not exist or the viewer may not see it."""
    opportunity = get_object_or_404(_base(), pk=pk)
    if not can_view(viewer, opportunity):
        raise Http404
    return opportunity


def opportunity_for_editor(viewer: Viewer, pk: int) -> Opportunity:
    """404 when the viewer may not see it, 403 when they see it but may not change it."""
    opportunity = opportunity_for_viewer(viewer, pk)
    if not can_edit(viewer, opportunity):
        raise PermissionDenied(gettext("This opportunity cannot be changed now."))
    return opportunity


def application_for_viewer(viewer: Viewer, pk: int) -> Application:
    """An application for the applicant and the organisation; 404 for everybody else."""
    application = get_object_or_404(
        Application.objects.select_related("opportunity__organisation", "applicant"), pk=pk
    )
    if not can_view_application(viewer, application):
        raise Http404
    return application


def organisations_to_post_for(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(memberships__user=user).order_by("name").distinct()


def opportunities_of_member(user: User) -> QuerySet[Opportunity]:
    """Every item of the person's organisations, with the number of applications."""
    return (
        _base()
        .filter(
            Exists(
                Membership.objects.filter(
                    user_id=user.pk, organisation_id=OuterRef("organisation_id")
                )
            )
        )
        .annotate(application_count=Count("applications"))
        .order_by("-updated_at", "-pk")
    )


def opportunities_to_moderate() -> QuerySet[Opportunity]:
    return _base().filter(status=Opportunity.Status.SUBMITTED).order_by("updated_at", "pk")


def applications_of(opportunity: Opportunity) -> QuerySet[Application]:
    """For the organisation (the view has checked `can_see_applications`)."""
    return opportunity.applications.select_related("applicant").order_by("-created_at", "-pk")


def applications_of_applicant(user: User) -> QuerySet[Application]:
    """ "Meine Bewerbungen"."""
    return (
        Application.objects.filter(applicant=user)
        .select_related("opportunity__organisation", "opportunity__municipality")
        .defer("opportunity__municipality__boundary")
        .order_by("-created_at", "-pk")
    )


def own_application(user: Viewer, opportunity: Opportunity) -> Application | None:
    if not user.is_authenticated:
        return None
    return Application.objects.filter(applicant_id=user.pk, opportunity=opportunity).first()


def saved_searches_of(user: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(user=user).order_by("name", "pk")


# --- welcome pages ----------------------------------------------------------------------------


def welcome_town(ags: str) -> Municipality:
    """A partner town or any municipality with opportunities or contacts; 404 otherwise."""
    municipality = get_object_or_404(
        Municipality.objects.select_related("district", "train_connection").defer(
            "boundary", "district__boundary"
        ),
        ags=ags,
    )
    return municipality


def welcome_items(municipality: Municipality, *, housing: bool) -> QuerySet[Opportunity]:
    items = Opportunity.objects.published().filter(municipality=municipality)
    items = (
        items.filter(kind__in=HOUSING_KINDS) if housing else items.exclude(kind__in=HOUSING_KINDS)
    )
    return items.select_related("organisation").order_by(*_NEWEST_FIRST)


def town_contacts(municipality: Municipality) -> QuerySet[TownContact]:
    return municipality.welcome_contacts.order_by("kind", "name", "pk")

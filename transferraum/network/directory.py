"""The directory and its map: organisations and people found by words, place and competence.

The filters (`DirectoryFilters`, on `core.filters`) live in the URL under the German names the
pages show (`q`, `typ`, `art`, `kreis`, `gemeinde`, `kompetenz`, `angebot`, `bedarf`, `seite`),
so a search can be bookmarked, shared and restored by the browser's back button. Values the
platform does not know are dropped, never raised: an old link to a removed competence shows
everything instead of an error.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.models import User
from transferraum.actors.models import (
    Competence,
    Listing,
    ListingCategory,
    Membership,
    Organisation,
    PersonProfile,
)
from transferraum.actors.permissions import is_programme_member
from transferraum.core.access_log import access_place
from transferraum.core.filters import (
    Filters,
    Select,
    choice,
    model_choice,
    multiple_choice,
    search,
)
from transferraum.core.search import normalise, search_queryset
from transferraum.regions.models import District, Municipality
from transferraum.regions.selectors import (
    MunicipalityGroup,
    district_filter,
    municipalities_by_district,
    municipality_filter,
    municipality_options,
)

ORGANISATIONS = "organisationen"
PEOPLE = "personen"
# Coordinators see every profile, hidden ones too: the people they were shown are recorded.
DIRECTORY_PEOPLE = access_place("network.directory_people", _("People in the directory"))
TABS = (ORGANISATIONS, PEOPLE)
PAGE_SIZE = 20
QUERY_MAX_LENGTH = 200

# Big GeoJSON shapes that no directory page shows.
_BOUNDARIES = ("municipality__boundary", "municipality__district__boundary")
# What a directory card shows: no long texts or search columns are read for a page.
_CARD_FIELDS = (
    "name",
    "slug",
    "kind",
    "short_description",
    "municipality__name",
    "municipality__ags",
    "municipality__district__name",
    "municipality__district__key",
)


@dataclass(frozen=True)
class DirectoryFilters(Filters):
    """What the person asked for, cleaned: every value is one the platform knows (a known
    district, municipality or competence costs one small query each)."""

    query: str = search("q", label=_("Search"), max_length=QUERY_MAX_LENGTH)
    # Which list shows, not a filter: "reset all" keeps it.
    tab: str = choice(
        "typ",
        choices=((ORGANISATIONS, _("Organisations")), (PEOPLE, _("People"))),
        label=_("Organisations or people"),
        default=ORGANISATIONS,
        sticky=True,
    )
    kinds: tuple[str, ...] = multiple_choice(
        "art", choices=Organisation.Kind.choices, label=_("Kind of organisation")
    )
    district: str = district_filter()
    municipality: str = municipality_filter(
        "gemeinde", label=_("Municipality"), empty_label=_("All municipalities")
    )
    # A category also matches the terms beneath it.
    competence: str = model_choice(
        "kompetenz", Competence, label=_("Competence"), empty_label=_("All competences")
    )
    offer: str = choice(
        "angebot", choices=ListingCategory.choices, label=_("Offers"), empty_label=_("Any offer")
    )
    need: str = choice(
        "bedarf",
        choices=ListingCategory.choices,
        label=_("Looking for"),
        empty_label=_("Any need"),
    )

    def applies(self, name: str) -> bool:
        """People have no offers and needs: those filters wait for the organisations' tab."""
        return not (self.tab == PEOPLE and name in ("offer", "need"))

    def for_map(self) -> DirectoryFilters:
        """The map shows organisations, all on one page."""
        return replace(self, tab=ORGANISATIONS, page=1)


def _competence_terms(slug: str) -> Q:
    """The competence itself, or the terms beneath it when it is a category."""
    return Q(slug=slug) | Q(parent__slug=slug)


def _filtered_organisations(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Organisations matching the filters, ordered by name (by rank first when searching)."""
    organisations = Organisation.objects.order_by("name", "pk")
    if filters.kinds:
        organisations = organisations.filter(kind__in=filters.kinds)
    if filters.district:
        organisations = organisations.filter(municipality__district__key=filters.district)
    if filters.municipality:
        organisations = organisations.filter(municipality__ags=filters.municipality)
    # Exists() rather than joins: an organisation with two matching terms appears once.
    if filters.competence:
        organisations = organisations.filter(
            Exists(
                Competence.objects.filter(_competence_terms(filters.competence)).filter(
                    organisations=OuterRef("pk")
                )
            )
        )
    for direction, category in (
        (Listing.Direction.OFFER, filters.offer),
        (Listing.Direction.NEED, filters.need),
    ):
        if category:
            organisations = organisations.filter(
                Exists(
                    Listing.objects.filter(
                        organisation=OuterRef("pk"), direction=direction, category=category
                    )
                )
            )
    return search_queryset(organisations, filters.query)


def directory_organisations(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Organisations for the directory with their town, competences, offers and needs.

    Constant queries per page: the page itself plus one each for competences and listings.
    """
    return (
        _filtered_organisations(filters)
        .select_related("municipality__district")
        .only(*_CARD_FIELDS)
        .prefetch_related("competences", "listings")
    )


def _people_visible_to(viewer: AbstractBaseUser | AnonymousUser) -> Q:
    """The same rule as `can_view_person`, as a condition on profiles."""
    if not isinstance(viewer, User) or not viewer.is_active:
        return Q(visibility=PersonProfile.Visibility.PUBLIC)
    if viewer.is_coordinator:
        return Q()
    shown = [PersonProfile.Visibility.PUBLIC]
    if is_programme_member(viewer):
        shown.append(PersonProfile.Visibility.MEMBERS)
    return Q(visibility__in=shown) | Q(user_id=viewer.pk)


def directory_people(
    viewer: AbstractBaseUser | AnonymousUser, filters: DirectoryFilters
) -> QuerySet[PersonProfile]:
    """Profiles the viewer may see that match the filters; never those of deactivated accounts.

    Anonymous visitors and people without a role or membership see public profiles (and their
    own), members of the programme also those for members, coordinators all. Kind, district
    and municipality refer to the person's organisations: one organisation must meet all
    three. Offer and need do not apply to people.
    """
    people = (
        PersonProfile.objects.filter(user__is_active=True)
        .filter(_people_visible_to(viewer))
        .order_by("user__name", "user__email", "pk")
    )
    membership = Q()
    if filters.kinds:
        membership &= Q(organisation__kind__in=filters.kinds)
    if filters.district:
        membership &= Q(organisation__municipality__district__key=filters.district)
    if filters.municipality:
        membership &= Q(organisation__municipality__ags=filters.municipality)
    if membership:
        people = people.filter(
            Exists(Membership.objects.filter(membership, user_id=OuterRef("user_id")))
        )
    if filters.competence:
        people = people.filter(
            Exists(
                Competence.objects.filter(_competence_terms(filters.competence)).filter(
                    people=OuterRef("pk")
                )
            )
        )
    people = search_queryset(people, filters.query)
    return people.select_related("user__study_programme").prefetch_related(
        "competences", "user__role_rows"
    )


# --- choices of the filter form ---------------------------------------------------------------


def municipality_groups(filters: DirectoryFilters) -> list[MunicipalityGroup]:
    """Towns that have organisations (and the chosen one), by district (one query)."""
    return municipalities_by_district(
        Municipality.objects.filter(
            Q(Exists(Organisation.objects.filter(municipality=OuterRef("pk"))))
            | Q(ags=filters.municipality)
        )
    )


def district_choices(filters: DirectoryFilters) -> list[District]:
    """Districts that have organisations, and the chosen one (one query)."""
    return list(
        District.objects.filter(
            Q(Exists(Organisation.objects.filter(municipality__district=OuterRef("pk"))))
            | Q(key=filters.district)
        )
        .only("key", "name")
        .order_by("name")
    )


@dataclass(frozen=True)
class CompetenceGroup:
    category: Competence | None  # None: terms outside any category
    terms: list[Competence]


def competence_groups() -> list[CompetenceGroup]:
    """The whole vocabulary by category, sorted by the label in the current language (1 query).

    Suggested terms are included: organisations use them at once, and their pages link here.
    """
    competences = sorted(Competence.objects.all(), key=lambda c: normalise(c.label))
    children: defaultdict[int, list[Competence]] = defaultdict(list)
    for competence in competences:
        if competence.parent_id is not None:
            children[competence.parent_id].append(competence)
    groups = [
        CompetenceGroup(competence, children[competence.pk])
        for competence in competences
        if competence.parent_id is None and children[competence.pk]
    ]
    loose = [c for c in competences if c.parent_id is None and not children[c.pk]]
    if loose:
        groups.append(CompetenceGroup(None, loose))
    return groups


def _competence_options(group: CompetenceGroup) -> list[tuple[str, str]]:
    """A category's terms, after the category itself, which matches all of them."""
    options = [(term.slug, term.label) for term in group.terms]
    if group.category is None:
        return options
    whole = _("%(name)s – all terms") % {"name": group.category.label}
    return [(group.category.slug, str(whole)), *options]


def directory_selects(filters: DirectoryFilters) -> list[Select]:
    """The selects of the filter form of the directory and the map, in its order (three
    queries); offers and needs concern organisations, so the people tab has none."""
    selects = [
        filters.select(
            "district", [(district.key, district.name) for district in district_choices(filters)]
        ),
        filters.select("municipality", groups=municipality_options(municipality_groups(filters))),
        filters.select(
            "competence",
            groups=[
                (
                    group.category.label if group.category else _("Other terms"),
                    _competence_options(group),
                )
                for group in competence_groups()
            ],
        ),
    ]
    if filters.tab != PEOPLE:
        selects += [filters.select("offer"), filters.select("need")]
    return selects

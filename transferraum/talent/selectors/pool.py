"""Reads of the talent pool. ONE selector decides which profiles an organisation may see:
`talent_visible_to`. Every path that shows or uses a profile on behalf of an organisation —
search, list, detail, contact, export, the contacts list — starts from it, so an opted-out
profile or an excluded organisation is left out everywhere at once (tests/test_exclusions.py
walks every path)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.types import Viewer
from transferraum.actors.models import Competence, Organisation
from transferraum.core.access_log import access_place
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, choice, model_choice
from transferraum.regions.selectors import municipality_filter
from transferraum.talent.models import TalentContact, TalentExclusion, TalentProfile
from transferraum.talent.permissions import can_search_pool

# The pool shows people to organisations: whom it showed to whom is recorded (core.access_log),
# and the person sees it on their profile page.
TALENT_POOL = access_place("talent-pool", gettext_lazy("Talent pool"))


def talent_visible_to(organisation: Organisation) -> QuerySet[TalentProfile]:
    """The profiles `organisation` may see: visible (opted in), of an active person, and not
    excluded by the person for this organisation. The only place these rules live."""
    excluded = TalentExclusion.objects.filter(
        profile=OuterRef("pk"), organisation_id=organisation.pk
    )
    return TalentProfile.objects.filter(visible=True, person__is_active=True).exclude(
        Exists(excluded)
    )


@dataclass(frozen=True)
class PoolFilters(Filters):
    """The pool's search: a competence (`kompetenz`), a preferred town (`ort`) and when people
    are available (`verfuegbar`)."""

    competence: str = model_choice(
        "kompetenz",
        Competence,
        label=gettext_lazy("Competence"),
        empty_label=gettext_lazy("All competences"),
    )
    town: str = municipality_filter(
        "ort", label=gettext_lazy("Preferred town"), empty_label=gettext_lazy("All towns")
    )
    availability: str = choice(
        "verfuegbar",
        choices=TalentProfile.Availability.choices,
        label=gettext_lazy("Available"),
        empty_label=gettext_lazy("Any time"),
    )


def pool_search(organisation: Organisation, filters: PoolFilters) -> QuerySet[TalentProfile]:
    """The profiles `organisation` may see that match the filters, newest first."""
    rows = talent_visible_to(organisation)
    if filters.competence:
        rows = rows.filter(competences__slug=filters.competence)
    if filters.town:
        rows = rows.filter(towns__ags=filters.town)
    if filters.availability:
        rows = rows.filter(availability=filters.availability)
    return (
        rows.distinct()
        .select_related("person")
        .prefetch_related("competences", "towns")
        .order_by("-updated_at", "pk")
    )


def pool_organisation_for_member(viewer: Viewer, slug: str) -> Organisation:
    """The organisation on whose behalf `viewer` searches: 404 when unknown, 403 when the
    viewer is no member of it or it lies outside the region."""
    organisation = Organisation.objects.filter(slug=slug).select_related("municipality").first()
    if organisation is None:
        raise Http404
    if not can_search_pool(viewer, organisation):
        raise PermissionDenied(
            _("Only members of an organisation of the region search the talent pool.")
        )
    return organisation


def talent_profile_for_organisation(organisation: Organisation, pk: int) -> TalentProfile:
    """A profile as `organisation` may see it; 404 for a hidden, excluded or unknown one."""
    profile = (
        talent_visible_to(organisation)
        .filter(pk=pk)
        .select_related("person")
        .prefetch_related("competences", "towns")
        .first()
    )
    if profile is None:
        raise Http404
    return profile


def contacts_of_organisation(organisation: Organisation) -> QuerySet[TalentContact]:
    """The organisation's messages to people it may still see, newest first."""
    return (
        TalentContact.objects.filter(
            organisation=organisation, profile__in=talent_visible_to(organisation)
        )
        .select_related("profile__person", "sender")
        .order_by("-sent_at", "pk")
    )


def contacts_of_person(person: Any) -> QuerySet[TalentContact]:
    """The messages organisations sent to the person, newest first."""
    return (
        TalentContact.objects.filter(profile__person_id=person.pk)
        .select_related("organisation")
        .order_by("-sent_at", "pk")
    )


def contact_for_person(viewer: Viewer, pk: int) -> TalentContact:
    """A message to `viewer` (404 for anybody else's)."""
    if not viewer.is_authenticated:
        raise Http404
    contact = contacts_of_person(viewer).filter(pk=pk).first()
    if contact is None:
        raise Http404
    return contact


def own_talent_profile(person: Any) -> TalentProfile | None:
    return (
        TalentProfile.objects.filter(person_id=person.pk)
        .prefetch_related("competences", "towns", "exclusions__organisation")
        .first()
    )


def pool_organisations_of(viewer: Viewer) -> QuerySet[Organisation]:
    """The organisations of the region on whose behalf `viewer` may search the pool."""
    if not viewer.is_authenticated or not viewer.is_active:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user_id=viewer.pk, municipality__isnull=False
    ).order_by("name")

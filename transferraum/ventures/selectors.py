"""Reads of ventures, scoped to the person who reads (`viewer`).

`venture_for_viewer` answers 404 both for a venture that does not exist and for a confidential
one the viewer may not see; `venture_confidential` tells a page whether to show the idea,
documents and stage or only the public profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.models import (
    Competence,
    Listing,
    ListingCategory,
    Membership,
    Organisation,
)
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, choice, search
from transferraum.core.search import search_queryset
from transferraum.regions.models import Programme
from transferraum.ventures.eligibility import Facts, Fit, evaluate_all
from transferraum.ventures.models import (
    Application,
    Founder,
    Mentorship,
    Stage,
    SupportProgramme,
    Venture,
)
from transferraum.ventures.permissions import (
    can_edit,
    can_view,
    is_coordinator,
)

STAGE_CHOICES = [(value, str(label)) for value, label in Stage.choices]


def _venture_related(ventures: QuerySet[Venture]) -> QuerySet[Venture]:
    return ventures.select_related(
        "municipality", "founded_town", "origin_project", "organisation"
    ).prefetch_related(
        Prefetch("founders", queryset=Founder.objects.select_related("user")),
        Prefetch("mentorships", queryset=Mentorship.objects.select_related("mentor")),
    )


def _found(viewer: Viewer, pk: int) -> Venture:
    venture = _venture_related(Venture.objects.filter(pk=pk)).first()
    if venture is None or not can_view(viewer, venture):
        raise Http404
    return venture


def venture_for_viewer(viewer: Viewer, pk: int) -> Venture:
    """The venture: its public profile for everyone once published; the whole venture for its
    founders, mentors and coordinators. 404 otherwise, as for a venture that does not exist.
    An invited co-founder or an asked mentor sees it too, to answer."""
    venture = _venture_related(Venture.objects.filter(pk=pk)).first()
    if venture is None:
        raise Http404
    if can_view(viewer, venture) or _asked(viewer, venture):
        return venture
    raise Http404


def _asked(viewer: Viewer, venture: Venture) -> bool:
    if not viewer.is_authenticated:
        return False
    return any(
        f.user_id == viewer.pk and f.status == Founder.Status.INVITED
        for f in venture.founders.all()
    ) or any(
        m.mentor_id == viewer.pk and m.status == Mentorship.Status.ASKED
        for m in venture.mentorships.all()
    )


def venture_for_editor(viewer: Viewer, pk: int) -> Venture:
    """The venture for one of its founders: 404 when the viewer may not see it, 403 when they
    see it but are not a founder."""
    venture = _found(viewer, pk)
    if not can_edit(viewer, venture):
        raise PermissionDenied(_("Only the founders of this venture can change it."))
    return venture


def venture_for_coordinator(viewer: Viewer) -> None:
    """Coordinator-only pages refuse before any lookup."""
    if not is_coordinator(viewer):
        raise PermissionDenied(
            _("Only the programme's coordinators see the pipeline."),
            needs_role=User.Role.COORDINATOR,
        )


# --- lists ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryFilters(Filters):
    query: str = search("q", label=gettext_lazy("Search"))
    stage: str = choice(
        "stufe",
        choices=STAGE_CHOICES,
        label=gettext_lazy("Stage"),
        empty_label=gettext_lazy("All stages"),
    )


def ventures_found(query: str) -> QuerySet[Venture]:
    """Public profiles matching a search (the directory and the site search)."""
    ventures = Venture.objects.published().select_related("municipality")
    if query:
        return search_queryset(ventures, query)
    return ventures.order_by("name", "pk")


def directory_ventures(filters: DirectoryFilters) -> QuerySet[Venture]:
    ventures = ventures_found(filters.query)
    if filters.stage:
        ventures = ventures.filter(stage=filters.stage)
    return ventures.defer("idea", "municipality__boundary")


@dataclass(frozen=True)
class PipelineFilters(Filters):
    query: str = search("q", label=gettext_lazy("Search"))
    stage: str = choice(
        "stufe",
        choices=STAGE_CHOICES,
        label=gettext_lazy("Stage"),
        empty_label=gettext_lazy("All stages"),
    )


def pipeline_ventures(viewer: Viewer, filters: PipelineFilters) -> QuerySet[Venture]:
    """Every venture for the coordinators' pipeline, longest in its stage first."""
    venture_for_coordinator(viewer)
    ventures = Venture.objects.select_related("municipality").defer("municipality__boundary")
    if filters.query:
        # Confidential ventures are not in the search index: coordinators find them by name.
        ventures = ventures.filter(name__icontains=filters.query)
    if filters.stage:
        ventures = ventures.filter(stage=filters.stage)
    return ventures.annotate(
        founder_count=Count("founders", filter=Q(founders__status=Founder.Status.ACTIVE))
    ).order_by("stage_since", "pk")


@dataclass(frozen=True)
class Column:
    stage: str
    label: str
    count: int
    oldest: Any  # the earliest `stage_since` of the stage (None when empty)


def pipeline_columns(query: str = "") -> list[Column]:
    """Per stage: how many ventures, and since when the longest-waiting one (one GROUP BY)."""
    from django.db.models import Min

    ventures = Venture.objects.all()
    if query:
        ventures = ventures.filter(name__icontains=query)
    counted = {
        row["stage"]: row
        for row in ventures.order_by()
        .values("stage")
        .annotate(count=Count("pk"), oldest=Min("stage_since"))
    }
    return [
        Column(
            value,
            str(label),
            counted.get(value, {}).get("count", 0),
            counted.get(value, {}).get("oldest"),
        )
        for value, label in Stage.choices
    ]


def ventures_of(viewer: Viewer) -> QuerySet[Venture]:
    """The ventures the viewer founds or mentors (accepted), or is invited or asked into."""
    if not viewer.is_authenticated:
        return Venture.objects.none()
    return (
        Venture.objects.filter(
            Q(
                Exists(
                    Founder.objects.filter(
                        venture=OuterRef("pk"),
                        user_id=viewer.pk,
                        status__in=(Founder.Status.ACTIVE, Founder.Status.INVITED),
                    )
                )
            )
            | Q(
                Exists(
                    Mentorship.objects.filter(
                        venture=OuterRef("pk"),
                        mentor_id=viewer.pk,
                        status__in=(Mentorship.Status.ACCEPTED, Mentorship.Status.ASKED),
                    )
                )
            )
        )
        .select_related("municipality")
        .defer("municipality__boundary")
        .order_by("name", "pk")
    )


def ventures_of_organisation(organisation: Any) -> QuerySet[Venture]:
    """The published ventures whose company is this organisation."""
    return Venture.objects.published().filter(organisation=organisation).order_by("name", "pk")


def ventures_from_project(project: Any, viewer: Viewer) -> QuerySet[Venture]:
    """Ventures that came from a practice project: all for coordinators, the public profiles
    and the viewer's own for others."""
    ventures = Venture.objects.filter(origin_project=project)
    if not is_coordinator(viewer):
        ventures = ventures.filter(Q(is_public=True) | Q(pk__in=ventures_of(viewer).values("pk")))
    return ventures.order_by("name", "pk")


# --- programmes -------------------------------------------------------------------------------


def _is_university_mentor() -> Q:
    return Q(mentor__role_rows__role__in=(User.Role.SUPERVISOR, User.Role.RESEARCHER)) | Q(
        mentor__memberships__organisation__kind__in=(
            Organisation.Kind.UNIVERSITY_UNIT,
            Organisation.Kind.RESEARCH_INSTITUTE,
        )
    )


def facts_for(venture: Venture, *, today: Any = None) -> Facts:
    """The facts the eligibility rules judge (four small queries)."""
    today = today or timezone.localdate()
    founders = venture.founders.filter(status=Founder.Status.ACTIVE).count()
    university_mentor = (
        venture.mentorships.filter(status=Mentorship.Status.ACCEPTED)
        .filter(_is_university_mentor())
        .exists()
    )
    town = venture.founded_town or venture.municipality
    state, in_region = "", False
    if town is not None:
        state = town.district.state
        in_region = Programme.objects.filter(districts=town.district_id).exists()
    stipends = frozenset(
        Application.objects.filter(
            venture=venture, status__in=Application.OPEN, programme__is_stipend=True
        ).values_list("programme__slug", flat=True)
    )
    return Facts(
        today=today,
        founders=founders,
        university_mentor=university_mentor,
        state=state,
        in_region=in_region,
        founded_on=venture.founded_on,
        origin=venture.origin,
        stage=venture.stage,
        stipends=stipends,
    )


def programme_fits(venture: Venture, *, today: Any = None) -> list[Fit]:
    """Which programmes of the catalogue fit the venture, and which rules fail and why."""
    return evaluate_all(SupportProgramme.objects.all(), facts_for(venture, today=today))


# --- mentors ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MentorSuggestion:
    person: User
    reasons: list[str]


def mentor_suggestions(venture: Venture, *, limit: int = 5) -> list[MentorSuggestion]:
    """People who offer mentoring ("Wir bieten: Mentoring" of one of their organisations),
    those sharing most of the competences the venture seeks first, with the reasons; not its
    founders nor people already asked. Three queries."""
    sought = list(venture.competences_sought.values_list("pk", flat=True))
    offering = Listing.objects.filter(
        direction=Listing.Direction.OFFER, category=ListingCategory.MENTORING
    )
    people = (
        User.objects.filter(is_active=True)
        .filter(memberships__organisation__in=offering.values("organisation"))
        .exclude(venture_roles__venture=venture)
        .exclude(mentorships__venture=venture)
        .annotate(
            shared=Count(
                "profile__competences", filter=Q(profile__competences__in=sought), distinct=True
            )
        )
        .order_by("-shared", "name", "pk")
        .distinct()[:limit]
    )
    found = list(people)
    if not found:
        return []
    offers: dict[int, list[str]] = {}
    for membership in (
        Membership.objects.filter(user__in=found, organisation__in=offering.values("organisation"))
        .select_related("organisation")
        .prefetch_related(
            Prefetch("organisation__listings", queryset=offering, to_attr="mentoring")
        )
    ):
        for listing in membership.organisation.mentoring:  # type: ignore[attr-defined]
            offers.setdefault(membership.user_id, []).append(
                _("%(organisation)s offers: %(text)s")
                % {"organisation": membership.organisation.name, "text": listing.text}
            )
    shared: dict[int, list[str]] = {}
    for row in Competence.objects.filter(pk__in=sought, people__user__in=found).values(
        "people__user_id", "label_de", "label_en"
    ):
        shared.setdefault(row["people__user_id"], []).append(
            _("Knows about %(competence)s") % {"competence": row["label_de"]}
        )
    return [
        MentorSuggestion(person, shared.get(person.pk, []) + offers.get(person.pk, [])[:2])
        for person in found
    ]


def mentor_choice(venture: Venture, pk: int) -> User | None:
    """A person the venture may ask as a mentor (one of the suggestions' pool), or None."""
    offering = Listing.objects.filter(
        direction=Listing.Direction.OFFER, category=ListingCategory.MENTORING
    )
    return (
        User.objects.filter(
            pk=pk, is_active=True, memberships__organisation__in=offering.values("organisation")
        )
        .distinct()
        .first()
    )


def mentored_by(viewer: Viewer) -> QuerySet[Mentorship]:
    """The viewer's mentorships (asked and accepted), for "my ventures"."""
    if not viewer.is_authenticated:
        return Mentorship.objects.none()
    return (
        Mentorship.objects.filter(
            mentor_id=viewer.pk,
            status__in=(Mentorship.Status.ASKED, Mentorship.Status.ACCEPTED),
        )
        .select_related("venture")
        .order_by("venture__name", "pk")
    )

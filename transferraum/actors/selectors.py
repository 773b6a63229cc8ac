"""Reads of organisations, scoped to the viewer where rules apply."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db import connection
from django.db.models import Count, Model, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.accounts.types import Viewer
from transferraum.actors.matching import (
    COMPETENCE_WEIGHT,
    NEED_WEIGHT,
    ActorProfile,
    matches_for,
    needs_met_by,
    offers_meeting,
)
from transferraum.actors.models import (
    Competence,
    Invitation,
    Listing,
    ListingCategory,
    Membership,
    MembershipRequest,
    Organisation,
    PersonProfile,
)
from transferraum.actors.permissions import can_manage_organisation, can_view_person
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, choice
from transferraum.core.search import query_stems, search_document, search_key
from transferraum.core.site_search import first_and_total

M = TypeVar("M", bound=Model)

# --- fetch and authorise ----------------------------------------------------------------------


def organisation_for_viewer(viewer: Viewer, slug: str) -> Organisation:
    """The organisation with its town and competences, in two queries; 404 when unknown. Every
    organisation's page is public (`viewer` keeps the family's shape). Its longer lists are
    read bounded (`first_of`)."""
    return get_object_or_404(
        Organisation.objects.select_related("municipality__district")
        .defer("municipality__boundary", "municipality__district__boundary")
        .prefetch_related("competences"),
        slug=slug,
    )


def organisation_logo_for_viewer(viewer: Viewer, slug: str) -> Organisation:
    """Only what serving the organisation's logo needs, in one query (pages show many logos);
    404 when unknown. Public like the organisation's page."""
    return get_object_or_404(Organisation.objects.only("pk", "slug", "logo"), slug=slug)


def organisation_for_editor(viewer: Viewer, slug: str) -> Organisation:
    """The organisation if `viewer` may manage it (profile, offers, members, invitations): 404
    when unknown, 403 when not allowed (its page is public, so nothing is revealed)."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), slug=slug)
    if not can_manage_organisation(viewer, organisation):
        raise PermissionDenied(
            _("Only coordinators and the organisation's administrators may do this.")
        )
    return organisation


def person_for_viewer(viewer: Viewer, user_pk: int) -> PersonProfile:
    """A person's profile if `viewer` may see it: 404 when unknown or hidden from them, the
    same answer for both."""
    profile = get_object_or_404(
        PersonProfile.objects.select_related("user__study_programme").prefetch_related(
            "competences", "interests"
        ),
        user_id=user_pk,
        user__is_active=True,
    )
    if not can_view_person(viewer, profile):
        raise Http404
    return profile


def invitation_for_addressee(viewer: User, pk: int) -> Invitation:
    """An invitation addressed to the signed-in person's e-mail (the page their in-app
    notification links to, instead of the link with the token): 404 for anyone else's, the
    same answer as for an unknown one. Whether it can still be used is the caller's question
    (`services.invitation_usable`)."""
    return get_object_or_404(
        Invitation.objects.select_related("organisation", "invited_by"),
        pk=pk,
        email__iexact=viewer.email,
    )


def own_profile(user: User) -> PersonProfile:
    """The person's own profile to show in their edit form: an unsaved, empty one when they
    have none yet, so that opening the form writes nothing (`profile_update` creates it)."""
    profile = PersonProfile.objects.filter(user=user).first()
    return profile if profile is not None else PersonProfile(user=user)


# --- reads ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationFilters(Filters):
    """The list of organisations by kind (`art`)."""

    kind: str = choice(
        "art",
        choices=Organisation.Kind.choices,
        label=gettext_lazy("Kind"),
        empty_label=gettext_lazy("All kinds"),
    )


def organisations_list(*, kind: str | None = None) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("municipality__district").annotate(
        member_count=Count("memberships")
    )
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations.order_by("kind", "name")


# How many entries of each list an organisation's page shows (offers, needs, contacts, members).
PAGE_LIST_LIMIT = 10


@dataclass(frozen=True)
class FirstOf(Generic[M]):
    """The first entries of a list and how many there are in all."""

    items: list[M]
    total: int

    @property
    def more(self) -> bool:
        return self.total > len(self.items)


def first_of(queryset: QuerySet[M], limit: int = PAGE_LIST_LIMIT) -> FirstOf[M]:
    """The first `limit` rows of `queryset` and their total (at most two queries)."""
    items, total = first_and_total(queryset, limit)
    return FirstOf(items, total)


def listings_of(organisation: Organisation, direction: str) -> QuerySet[Listing]:
    """The organisation's offers or needs (`direction`), by category."""
    return organisation.listings.filter(direction=direction).order_by("category", "pk")


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("-role", "user__name", "pk")


def pending_invitations_of(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.pending().select_related("invited_by")


def contacts_of(organisation: Organisation) -> QuerySet[Membership]:
    """Members who agreed to be shown as contact persons, by name."""
    return (
        organisation.memberships.filter(is_contact=True)
        .select_related("user")
        .order_by("user__name", "pk")
    )


@dataclass(frozen=True)
class Suggestion:
    organisation: Organisation
    score: int
    reasons: list[str]


def _best_candidates(
    organisation_id: int,
    offers: frozenset[str],
    needs: frozenset[str],
    competence_ids: frozenset[int],
    limit: int,
) -> list[int]:
    """The ids of the `limit` organisations that fit best, scored in SQL as `matches_for`
    scores: every met need (each of ours that one of their offers meets, each of theirs that
    one of our offers meets) counts `NEED_WEIGHT`, every shared competence `COMPETENCE_WEIGHT`;
    best first, ties by id. One query: each met need gives a row per organisation (DISTINCT)
    found through the index on (direction, category, organisation), each shared competence a
    row through the index on competence_id; the sum per organisation is ranked. No
    organisation's data is read into Python."""
    listing = Listing._meta.db_table
    through = Organisation.competences.through._meta.db_table
    parts: list[str] = []
    params: list[str | int] = []

    def met(direction: str, categories: frozenset[str]) -> None:
        marks = ", ".join(["%s"] * len(categories))
        parts.append(
            f"SELECT DISTINCT organisation_id, {NEED_WEIGHT} AS weight FROM {listing} "  # noqa: S608 (names from the models, values as parameters)
            f"WHERE direction = %s AND category IN ({marks})"
        )
        params.extend([direction, *sorted(categories)])

    for need in sorted(needs):  # they offer what we need
        met(Listing.Direction.OFFER, offers_meeting(need))
    for need in sorted(needs_met_by(offers)):  # they need what we offer
        met(Listing.Direction.NEED, frozenset({need}))
    if competence_ids:
        marks = ", ".join(["%s"] * len(competence_ids))
        parts.append(
            f"SELECT organisation_id, {COMPETENCE_WEIGHT} AS weight FROM {through} "  # noqa: S608
            f"WHERE competence_id IN ({marks})"
        )
        params.extend(sorted(competence_ids))
    if not parts:
        return []
    sql = (
        f"SELECT organisation_id, SUM(weight) AS score FROM ({' UNION ALL '.join(parts)}) met "  # noqa: S608
        "WHERE organisation_id <> %s GROUP BY organisation_id "
        "ORDER BY score DESC, organisation_id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, organisation_id, limit])
        return [row[0] for row in cursor.fetchall()]


def _profiles(organisations: Iterable[Organisation]) -> list[ActorProfile]:
    """What `matches_for` needs of organisations fetched with their listings and competences."""
    return [
        ActorProfile(
            o.pk,
            frozenset(
                x.category for x in o.listings.all() if x.direction == Listing.Direction.OFFER
            ),
            frozenset(
                x.category for x in o.listings.all() if x.direction == Listing.Direction.NEED
            ),
            frozenset(c.pk for c in o.competences.all()),
        )
        for o in organisations
    ]


def suggestions_for(
    organisation: Organisation, viewer: Viewer, *, limit: int = 6
) -> list[Suggestion]:
    """“Passt zu uns”: organisations whose offers meet our needs and the other way round. The
    reasons speak to `viewer` as the organisation ("you are looking for …") only when they are
    one of its members; anyone else reads them in the third person.

    A constant number of queries, whatever the number of organisations: whether `viewer` is a
    member, our offers, needs and competences, the best candidates scored in SQL
    (`_best_candidates`), and those few with their listings and competences, from which
    `matches_for` (the rule itself) gives the order and the reasons."""
    member = bool(
        viewer.is_authenticated and organisation.memberships.filter(user_id=viewer.pk).exists()
    )
    categories = set(
        Listing.objects.filter(organisation=organisation)
        .values_list("direction", "category")
        .distinct()
        .order_by()
    )
    offers = frozenset(c for d, c in categories if d == Listing.Direction.OFFER)
    needs = frozenset(c for d, c in categories if d == Listing.Direction.NEED)
    # the page fetches the organisation with its competences (`organisation_for_viewer`)
    competence_ids = frozenset(c.pk for c in organisation.competences.all())
    candidates = _best_candidates(organisation.pk, offers, needs, competence_ids, limit)
    if not candidates:
        return []
    by_id = (
        Organisation.objects.select_related("municipality")
        .defer("municipality__boundary")
        .prefetch_related(
            Prefetch(
                "listings",
                queryset=Listing.objects.only("organisation_id", "direction", "category"),
            ),
            "competences",
        )
        .in_bulk(candidates)
    )
    me = ActorProfile(organisation.pk, offers, needs, competence_ids)
    matches = matches_for(me, _profiles(by_id.values()), limit=limit)
    labels = dict(ListingCategory.choices)
    competence_labels = {c.pk: c.label for o in by_id.values() for c in o.competences.all()}
    suggestions = []
    for match in matches:
        reasons = []
        for direction in ("they_offer", "we_offer"):
            pairs = [r for r in match.reasons if r.direction == direction]
            if not pairs:
                continue
            offered = ", ".join(dict.fromkeys(str(labels[r.offer]) for r in pairs))
            needed = ", ".join(dict.fromkeys(str(labels[r.need]) for r in pairs))
            if member:
                template = (
                    _("offers %(offer)s — you are looking for %(need)s")
                    if direction == "they_offer"
                    else _("is looking for %(need)s — you offer %(offer)s")
                )
            else:
                template = (
                    _("offers %(offer)s — %(organisation)s is looking for %(need)s")
                    if direction == "they_offer"
                    else _("is looking for %(need)s — %(organisation)s offers %(offer)s")
                )
            reasons.append(
                template % {"offer": offered, "need": needed, "organisation": organisation.name}
            )
        if match.shared_competences:
            names = ", ".join(sorted(competence_labels[pk] for pk in match.shared_competences))
            reasons.append(_("shared competences: %(names)s") % {"names": names})
        suggestions.append(Suggestion(by_id[match.other], match.score, reasons))
    return suggestions


def competence_synonym_sets() -> list[list[str]]:
    """Every term's names (labels and synonyms), for the search's synonyms (one query).

    Categories are left out: their other names are the parts beneath them ("Verwaltung & Recht"
    names "Verwaltung" and "Recht"), not synonyms.
    """
    terms = Competence.objects.filter(children__isnull=True)
    return [c.terms for c in terms.only("label_de", "label_en", "synonyms")]


def competences_matching(query: str, *, limit: int = 12) -> list[Competence]:
    """Terms of the vocabulary whose labels or synonyms match the query (autocomplete)."""
    wanted = query_stems(query)
    if not wanted:
        return []
    found = []
    for competence in Competence.objects.select_related("parent").order_by("label_de"):
        document = search_document(competence.terms)
        if all(f" {word}" in document or f"{word} " in document for word in wanted):
            found.append(competence)
    # Exact label matches first, then approved before suggested.
    found.sort(
        key=lambda c: (
            search_key(c.label) != " ".join(wanted),
            c.status != "approved",
        )
    )
    return found[:limit]


@dataclass(frozen=True)
class CompetenceHit:
    """A search result of the picker: the term and the synonyms that the query matched (the
    other synonyms, often in another language, are not shown)."""

    competence: Competence
    matched: list[str]


def competence_hits(
    query: str, *, exclude: Collection[int] = (), limit: int = 12
) -> list[CompetenceHit]:
    """The picker's results for `query`: terms not chosen already (`exclude`: their pks), each
    with the synonyms the query matched unless it matched the term's label itself."""
    wanted = query_stems(query)

    def matches(text: str) -> bool:
        document = search_document([text])
        return all(f" {word}" in document or f"{word} " in document for word in wanted)

    hits = []
    for competence in competences_matching(query, limit=limit + len(exclude)):
        if competence.pk in exclude:
            continue
        shown = [] if matches(competence.label) else competence.synonym_list
        hits.append(CompetenceHit(competence, [s for s in shown if matches(s)]))
    return hits[:limit]


def competences_grouped() -> list[tuple[Competence | None, list[Competence]]]:
    """The approved vocabulary by category, for the full list beside the search."""
    groups: dict[int | None, list[Competence]] = defaultdict(list)
    parents: dict[int | None, Competence | None] = {None: None}
    for competence in Competence.objects.select_related("parent").order_by("label_de"):
        if competence.parent_id is None and competence.status == Competence.Status.APPROVED:
            parents.setdefault(competence.pk, competence)
        else:
            groups[competence.parent_id].append(competence)
    return [
        (parents.get(key), items)
        for key, items in sorted(groups.items(), key=lambda kv: str(parents.get(kv[0]) or "~"))
    ]


# --- membership requests ----------------------------------------------------------------------


def membership_request_for_viewer(viewer: Viewer, pk: int) -> MembershipRequest:
    """The request for its person, the organisation's administrators and the coordinators; 404
    to everybody else, as when it does not exist."""
    membership_request = get_object_or_404(
        MembershipRequest.objects.select_related("user", "organisation"), pk=pk
    )
    if not viewer.is_authenticated or not (
        viewer.pk == membership_request.user_id
        or can_manage_organisation(viewer, membership_request.organisation)
    ):
        raise Http404
    return membership_request


def membership_request_for_reviewer(viewer: Viewer, slug: str, pk: int) -> MembershipRequest:
    """A request to join the organisation `slug` for deciding on it: 403 to whoever may not
    manage the organisation (its page is public), 404 when the request is unknown or belongs to
    another organisation."""
    organisation = organisation_for_editor(viewer, slug)
    return get_object_or_404(
        organisation.membership_requests.select_related("user", "organisation"), pk=pk
    )


def membership_requests_open(organisation: Organisation) -> QuerySet[MembershipRequest]:
    """The organisation's open requests to join, oldest first, for its members page."""
    return organisation.membership_requests.open().select_related("user").order_by("created_at")

"""Reads of challenges for the public board, the detail page, the feed and the format catalogue.

The board's filters (`BoardFilters`, on `core.filters`) live in the URL under the German names
the page shows (`q`, `thema`, `ort`, `kreis`, `format`, `status`, `seite`), so a search can be
bookmarked, shared and restored by the browser's back button. Values the platform does not know
are dropped, never raised.

Nothing here ever reads the problem, context or desired result of a challenge that is not
public, except for people whom `can_see_full_text` allows: the board's search matches the
`search_text` (public parts only, see `services.challenge_index`) and PostgreSQL's full-text
search reads only the title and the public summary (`migrations/0003_search_index.py`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from transferraum.accounts.types import Viewer
from transferraum.actors.models import Membership
from transferraum.challenges.models import Challenge, Comment, Follow, TopicField, TransferFormat
from transferraum.challenges.permissions import (
    can_edit,
    can_review,
    can_see_full_text,
    can_view,
    roles_for,
)
from transferraum.challenges.workflow import COORDINATOR, SUBMITTER
from transferraum.core.errors import PermissionDenied
from transferraum.core.filters import Filters, Select, choice, model_choice, search
from transferraum.core.markdown import render_markdown
from transferraum.core.search import search_queryset
from transferraum.regions.models import District, Municipality
from transferraum.regions.selectors import (
    MunicipalityGroup,
    district_filter,
    municipalities_by_district,
    municipality_filter,
    municipality_options,
)

PAGE_SIZE = 20
FEED_SIZE = 30
QUERY_MAX_LENGTH = 200
TEASER_WORDS = 40

# Big GeoJSON shapes that no challenge page shows.
_BOUNDARIES = ("municipality__boundary", "municipality__district__boundary")

# Newest first; challenges put on the board without the service may lack a date.
_NEWEST_FIRST = (F("published_at").desc(nulls_last=True), "-updated_at", "-pk")


def topic_filter(key: str = "thema") -> str:
    """A filter field for one topic field by its slug, named by it in chips."""
    return model_choice(key, TopicField, label=_("Topic field"), empty_label=_("All topic fields"))


@dataclass(frozen=True)
class BoardFilters(Filters):
    """What the person asked for, cleaned: every value is one the platform knows (a known
    topic, town, district or format costs one small query each)."""

    query: str = search("q", label=_("Search"), max_length=QUERY_MAX_LENGTH)
    topic: str = topic_filter()
    municipality: str = municipality_filter()
    district: str = district_filter()
    transfer_format: str = model_choice(
        "format",
        TransferFormat,
        label=_("Transfer format"),
        empty_label=_("All formats"),
        only=("name_de", "name_en"),
    )
    status: str = choice(
        "status",
        choices=[(status, Challenge.Status(status).label) for status in Challenge.BOARD_STATUSES],
        label=_("Status"),
        empty_label=_("All statuses"),
    )


def board_challenges(filters: BoardFilters) -> QuerySet[Challenge]:
    """Challenges on the board matching the filters, newest first (best match first when
    PostgreSQL ranks a search), with everything a card shows.

    Constant queries per page: the page itself plus one each for topics and formats.
    """
    challenges: QuerySet[Challenge] = Challenge.objects.on_board().order_by(*_NEWEST_FIRST)
    if filters.topic:
        challenges = challenges.filter(
            Exists(TopicField.objects.filter(slug=filters.topic, challenges=OuterRef("pk")))
        )
    if filters.transfer_format:
        challenges = challenges.filter(
            Exists(
                TransferFormat.objects.filter(
                    slug=filters.transfer_format, challenges=OuterRef("pk")
                )
            )
        )
    if filters.municipality:
        challenges = challenges.filter(municipality__ags=filters.municipality)
    if filters.district:
        challenges = challenges.filter(municipality__district__key=filters.district)
    if filters.status:
        challenges = challenges.filter(status=filters.status)
    challenges = search_queryset(challenges, filters.query)
    return (
        challenges.select_related("organisation", "municipality__district")
        .defer(*_BOUNDARIES)
        .prefetch_related("topics", "formats")
    )


def feed_challenges(filters: BoardFilters) -> QuerySet[Challenge]:
    """The newest challenges on the board for the Atom feed, whatever a search would rank."""
    return board_challenges(replace(filters, page=1)).order_by(*_NEWEST_FIRST)[:FEED_SIZE]


def public_text(challenge: Challenge) -> str:
    """What everybody may read of the challenge: the problem when it is public, otherwise the
    public summary. Markdown, as the submitter wrote it."""
    if challenge.confidentiality == Challenge.Confidentiality.PUBLIC:
        return challenge.problem
    return challenge.public_summary


def teaser(challenge: Challenge) -> str:
    """The first words of the public text as plain text (the template escapes it)."""
    plain = html.unescape(strip_tags(render_markdown(public_text(challenge))))
    return Truncator(" ".join(plain.split())).words(TEASER_WORDS)


@dataclass(frozen=True)
class BoardCard:
    challenge: Challenge
    teaser: str


def board_cards(challenges: list[Challenge]) -> list[BoardCard]:
    return [BoardCard(challenge, teaser(challenge)) for challenge in challenges]


# --- across the platform: search, an organisation's page, a person's follows ------------------


def challenges_visible_to(viewer: Viewer) -> QuerySet[Challenge]:
    """The challenges `viewer` may see, in one query (the same rule as `can_view`): those on the
    board, and every other one of their own organisations; coordinators see all."""
    challenges = Challenge.objects.all()
    if not (viewer.is_authenticated and viewer.is_active):
        return challenges.on_board()
    if viewer.is_coordinator:
        return challenges
    own = Membership.objects.filter(user_id=viewer.pk).values("organisation_id")
    return challenges.filter(Q(status__in=Challenge.BOARD_STATUSES) | Q(organisation_id__in=own))


def challenges_found(viewer: Viewer, query: str) -> QuerySet[Challenge]:
    """The challenges `viewer` may see that match the words, newest first (best match first
    where PostgreSQL ranks), with the organisation."""
    challenges = challenges_visible_to(viewer).order_by(*_NEWEST_FIRST)
    return search_queryset(challenges, query).select_related("organisation")


def organisation_challenges(viewer: Viewer, organisation_id: int) -> QuerySet[Challenge]:
    """The organisation's challenges that `viewer` may see, newest first."""
    return (
        challenges_visible_to(viewer)
        .filter(organisation_id=organisation_id)
        .order_by(*_NEWEST_FIRST)
        .only("pk", "title", "status", "published_at", "updated_at")
    )


def followed_challenges(user: Viewer) -> QuerySet[Challenge]:
    """The challenges `user` follows and may still see, the latest followed first."""
    if not user.is_authenticated:
        return Challenge.objects.none()
    return (
        challenges_visible_to(user)
        .filter(follows__user_id=user.pk)
        .select_related("organisation")
        .order_by("-follows__created_at", "-pk")
    )


# --- the coordinators' queue -----------------------------------------------------------------

QUEUE_STATUSES = (
    Challenge.Status.SUBMITTED,
    Challenge.Status.IN_REVIEW,
    Challenge.Status.CHANGES_REQUESTED,
    Challenge.Status.ACCEPTED,
)
ME, NOBODY = "ich", "niemand"


@dataclass(frozen=True)
class QueueFilters(Filters):
    """The review queue's filters (`status`, `thema`, `zustaendig`, `seite`); no status means
    every waiting one."""

    status: str = choice(
        "status",
        choices=[(status, Challenge.Status(status).label) for status in QUEUE_STATUSES],
        label=_("Status"),
        empty_label=_("All waiting"),
    )
    topic: str = topic_filter()
    responsible: str = choice(
        "zustaendig",
        choices=((ME, _("Me")), (NOBODY, _("Nobody yet"))),
        label=_("Responsible"),
        empty_label=_("Everyone"),
    )


def queue_challenges(user: Any, filters: QueueFilters) -> QuerySet[Challenge]:
    """Challenges waiting for the coordinators, oldest submission first, with what a row shows;
    `user` is the coordinator whom "mine" means."""
    challenges = (
        Challenge.objects.filter(status__in=[filters.status] if filters.status else QUEUE_STATUSES)
        .select_related("organisation", "municipality", "coordinator")
        .prefetch_related("topics", "formats")
        .order_by("submitted_at", "pk")
    )
    if filters.topic:
        challenges = challenges.filter(topics__slug=filters.topic)
    if filters.responsible == ME:
        challenges = challenges.filter(coordinator=user)
    elif filters.responsible == NOBODY:
        challenges = challenges.filter(coordinator__isnull=True)
    return challenges


# --- one challenge ----------------------------------------------------------------------------


def _challenge_page() -> QuerySet[Challenge]:
    """A challenge with what its pages show, without the big shapes (three queries)."""
    return (
        Challenge.objects.select_related("organisation", "municipality__district")
        .defer(*_BOUNDARIES)
        .prefetch_related("topics", "formats")
    )


def challenge_for_viewer(viewer: Viewer, pk: int) -> Challenge:
    """The challenge if `viewer` may see it; 404 otherwise, the same answer as for one that does
    not exist, so that drafts stay unknown."""
    challenge = get_object_or_404(_challenge_page(), pk=pk)
    if not can_view(viewer, challenge):
        raise Http404
    return challenge


def challenge_for_reader(viewer: Viewer, pk: int) -> Challenge:
    """The challenge if `viewer` may read all of it (problem, context, files): 404 otherwise,
    also to those who see only its public summary, so a file's address reveals nothing."""
    challenge = get_object_or_404(_challenge_page(), pk=pk)
    if not can_see_full_text(viewer, challenge):
        raise Http404
    return challenge


def challenge_for_editor(viewer: Viewer, pk: int) -> Challenge:
    """The challenge if `viewer` may change it now: 404 when they may not see it, 403 when they
    see it but may not change it (any more)."""
    challenge = challenge_for_viewer(viewer, pk)
    if not can_edit(viewer, challenge):
        raise PermissionDenied(gettext("This challenge cannot be changed now."))
    return challenge


def challenge_for_reviewer(viewer: Viewer, pk: int) -> Challenge:
    """The challenge with what the review shows, for coordinators: 403 to everybody else before
    anything is looked up (so the answer says nothing about the challenge), 404 when unknown."""
    if not can_review(viewer):
        raise PermissionDenied(gettext("Only coordinators review challenges."))
    return get_object_or_404(
        Challenge.objects.select_related(
            "organisation", "municipality", "contact_person", "coordinator", "format_wish"
        ).defer(*_BOUNDARIES),
        pk=pk,
    )


def challenge_comments(user: Viewer, challenge: Challenge) -> QuerySet[Comment]:
    """Comments of the review: coordinators read all, the organisation those meant for it,
    everybody else none."""
    roles = roles_for(user, challenge)
    comments = challenge.comments.select_related("author").order_by("created_at", "pk")
    if COORDINATOR in roles:
        return comments
    if SUBMITTER in roles:
        return comments.filter(visible_to_submitter=True)
    return comments.none()


def is_following(user: Viewer, challenge: Challenge) -> bool:
    if not user.is_authenticated:
        return False
    return Follow.objects.filter(challenge=challenge, user_id=user.pk).exists()


# --- the format catalogue ---------------------------------------------------------------------


def format_catalogue() -> QuerySet[TransferFormat]:
    """All transfer formats in the catalogue's order, with how many challenges on the board
    use each (`board_count`)."""
    return TransferFormat.objects.annotate(
        board_count=Count(
            "challenges", filter=Q(challenges__status__in=Challenge.BOARD_STATUSES), distinct=True
        )
    ).order_by("position", "name_de")


def format_for_viewer(viewer: Viewer, slug: str) -> TransferFormat:
    """A format of the catalogue; 404 when unknown. The catalogue is public (`viewer` keeps the
    family's shape)."""
    return get_object_or_404(TransferFormat, slug=slug)


# --- choices of the filter form ---------------------------------------------------------------


def topic_choices() -> QuerySet[TopicField]:
    return TopicField.objects.order_by("position", "name_de")


def municipality_groups(filters: BoardFilters) -> list[MunicipalityGroup]:
    """Towns with challenges on the board (and the chosen one), by district (one query)."""
    return municipalities_by_district(
        Municipality.objects.filter(
            Q(Exists(Challenge.objects.on_board().filter(municipality=OuterRef("pk"))))
            | Q(ags=filters.municipality)
        )
    )


def district_choices(filters: BoardFilters) -> list[District]:
    """Districts with challenges on the board, and the chosen one (one query)."""
    return list(
        District.objects.filter(
            Q(Exists(Challenge.objects.on_board().filter(municipality__district=OuterRef("pk"))))
            | Q(key=filters.district)
        )
        .only("key", "name")
        .order_by("name")
    )


def format_choices() -> QuerySet[TransferFormat]:
    return TransferFormat.objects.only("slug", "name_de", "name_en").order_by("position", "name_de")


def board_selects(filters: BoardFilters) -> list[Select]:
    """The selects of the board's filter form, in its order (four queries)."""
    return [
        filters.select("topic", [(topic.slug, topic.name) for topic in topic_choices()]),
        filters.select("municipality", groups=municipality_options(municipality_groups(filters))),
        filters.select(
            "district", [(district.key, district.name) for district in district_choices(filters)]
        ),
        filters.select("transfer_format", [(each.slug, each.name) for each in format_choices()]),
        filters.select("status"),
    ]

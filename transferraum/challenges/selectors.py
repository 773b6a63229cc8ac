"""Reads of challenges for the public board, the detail page, the feed and the format catalogue.

The board's filters live in the URL under the German names the page shows (`q`, `thema`, `ort`,
`kreis`, `format`, `status`, `seite`), so a search can be bookmarked, shared and restored by the
browser's back button. Values the platform does not know are dropped, never raised.

Nothing here ever reads the problem, context or desired result of a challenge that is not
public, except for people whom `can_see_full_text` allows: the board's search matches the
`search_text` (public parts only, see `services.challenge_index`) and PostgreSQL's full-text
search reads only the title and the public summary.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from transferraum.accounts.types import Viewer
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
from transferraum.core.markdown import render_markdown
from transferraum.core.search import search_queryset
from transferraum.regions.models import District, Municipality
from transferraum.regions.selectors import MunicipalityGroup, municipalities_by_district

PAGE_SIZE = 20
FEED_SIZE = 30
QUERY_MAX_LENGTH = 200
TEASER_WORDS = 40

# Texts PostgreSQL's German full-text search reads: only what is public for every challenge.
# The problem of public challenges is in the stemmed `search_text`, which matches everywhere.
FULLTEXT_FIELDS = ("title", "public_summary")

# Big GeoJSON shapes that no challenge page shows.
_BOUNDARIES = ("municipality__boundary", "municipality__district__boundary")

# Newest first; challenges put on the board without the service may lack a date.
_NEWEST_FIRST = (F("published_at").desc(nulls_last=True), "-updated_at", "-pk")


@dataclass(frozen=True)
class BoardFilters:
    """What the person asked for, cleaned: every value is one the platform knows."""

    query: str = ""
    topic: str = ""  # TopicField.slug (`thema`)
    municipality: str = ""  # Municipality.ags (`ort`)
    district: str = ""  # District.key (`kreis`)
    transfer_format: str = ""  # TransferFormat.slug (`format`)
    status: str = ""  # one of Challenge.BOARD_STATUSES
    page: int = 1

    @classmethod
    def from_query(cls, data: QueryDict) -> BoardFilters:
        """Parse the GET parameters; unknown values are ignored (at most four small queries)."""

        def value(key: str) -> str:
            # PostgreSQL refuses NUL characters in strings: they can only come from tampering.
            return data.get(key, "").replace("\x00", "").strip()

        topic, municipality, district = value("thema"), value("ort"), value("kreis")
        transfer_format, status, page = value("format"), value("status"), value("seite")
        return cls(
            query=" ".join(value("q").split())[:QUERY_MAX_LENGTH],
            topic=topic if topic and TopicField.objects.filter(slug=topic).exists() else "",
            municipality=(
                municipality
                if municipality and Municipality.objects.filter(ags=municipality).exists()
                else ""
            ),
            district=(
                district if district and District.objects.filter(key=district).exists() else ""
            ),
            transfer_format=(
                transfer_format
                if transfer_format and TransferFormat.objects.filter(slug=transfer_format).exists()
                else ""
            ),
            status=status if status in Challenge.BOARD_STATUSES else "",
            # isdecimal(), not isdigit(): "²" is a digit that int() refuses.
            page=int(page) if page.isdecimal() and int(page) > 0 else 1,
        )

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.query
            or self.topic
            or self.municipality
            or self.district
            or self.transfer_format
            or self.status
        )

    def params(self) -> list[tuple[str, str]]:
        """The filters as URL parameters, in a fixed order and without defaults."""
        items = [
            (key, value)
            for key, value in (
                ("q", self.query),
                ("thema", self.topic),
                ("ort", self.municipality),
                ("kreis", self.district),
                ("format", self.transfer_format),
                ("status", self.status),
            )
            if value
        ]
        if self.page > 1:
            items.append(("seite", str(self.page)))
        return items

    def querystring(self, **changes: Any) -> str:
        """`?…` of these filters with `changes` (`page=2`); "" when all are defaults."""
        filters = replace(self, **changes) if changes else self
        items = filters.params()
        return f"?{urlencode(items)}" if items else ""


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
    challenges = search_queryset(challenges, filters.query, fulltext_fields=FULLTEXT_FIELDS)
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
        raise PermissionDenied(_("This challenge cannot be changed now."))
    return challenge


def challenge_for_reviewer(viewer: Viewer, pk: int) -> Challenge:
    """The challenge with what the review shows, for coordinators: 403 to everybody else before
    anything is looked up (so the answer says nothing about the challenge), 404 when unknown."""
    if not can_review(viewer):
        raise PermissionDenied(_("Only coordinators review challenges."))
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


def status_choices() -> list[tuple[str, str]]:
    labels = dict(Challenge.Status.choices)
    return [(str(status), str(labels[status])) for status in Challenge.BOARD_STATUSES]


def format_choices() -> QuerySet[TransferFormat]:
    return TransferFormat.objects.only("slug", "name_de", "name_en").order_by("position", "name_de")

"""The public side of challenges: the board, a challenge's page, following, the Atom feed and the
catalogue of transfer formats."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from transferraum.challenges.models import Challenge
from transferraum.challenges.permissions import (
    can_edit,
    can_follow,
    can_review,
    can_see_full_text,
    roles_for,
)
from transferraum.challenges.selectors import (
    PAGE_SIZE,
    BoardFilters,
    board_cards,
    board_challenges,
    board_selects,
    challenge_comments,
    challenge_for_viewer,
    feed_challenges,
    format_catalogue,
    format_for_viewer,
    is_following,
    public_text,
)
from transferraum.challenges.services import challenge_follow
from transferraum.core.htmx import render_page_or_partial
from transferraum.core.http import HtmxHttpRequest
from transferraum.core.listing import listing
from transferraum.core.markdown import render_markdown
from transferraum.core.related import CHALLENGE, related_for

# --- the board --------------------------------------------------------------------------------


@require_safe
def board(request: HtmxHttpRequest) -> HttpResponse:
    """Challenges on the board by words, topic, place, format and status."""
    filters = BoardFilters.from_query(request.GET)
    base = reverse("challenges:board")
    found = listing(
        request,
        board_challenges(filters),
        filters,
        url=base,
        per_page=PAGE_SIZE,
        name="board",
    )
    filters = found.filters
    context = found.context | {
        "cards": board_cards(list(found.page.object_list)),
        "feed_url": reverse("challenges:feed") + filters.querystring(page=1),
    }
    if not found.partial:
        context["selects"] = board_selects(filters)
    return render_page_or_partial(
        request, "challenges/board.html", "results", context, push_url=base + filters.querystring()
    )


class BoardFeed(Feed):
    """The newest challenges on the board as Atom; the board's filters apply to it as well.

    It shows what everybody may read: never the problem of a challenge that is not public.
    """

    feed_type = Atom1Feed
    title = gettext_lazy("Challenges on the Transferraum board")
    subtitle = gettext_lazy(
        "New tasks from towns, companies and associations for the transfer programme "
        "“Transfer über Köpfe”."
    )

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> BoardFilters:
        return BoardFilters.from_query(request.GET)

    def link(self, filters: BoardFilters) -> str:
        return reverse("challenges:board") + filters.querystring(page=1)

    def feed_url(self, filters: BoardFilters) -> str:
        return reverse("challenges:feed") + filters.querystring(page=1)

    def items(self, filters: BoardFilters) -> list[Challenge]:
        return list(feed_challenges(filters))

    def item_title(self, item: Challenge) -> str:
        # Atom titles are plain text: the generator escapes them once.
        return item.title

    def item_description(self, item: Challenge) -> str:
        return str(render_markdown(public_text(item)))

    def item_pubdate(self, item: Challenge) -> datetime:
        return item.published_at or item.created_at

    def item_updateddate(self, item: Challenge) -> datetime:
        return item.updated_at

    def item_author_name(self, item: Challenge) -> str:
        return item.organisation.name

    def item_author_link(self, item: Challenge) -> str:
        return settings.SITE_URL + item.organisation.get_absolute_url()

    def item_categories(self, item: Challenge) -> list[str]:
        return [topic.name for topic in item.topics.all()]


# --- one challenge ----------------------------------------------------------------------------


def _follow_context(request: HttpRequest, challenge: Challenge) -> dict[str, Any]:
    return {
        "challenge": challenge,
        "can_follow": can_follow(request.user, challenge),
        "following": is_following(request.user, challenge),
    }


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A challenge; the confidential parts only for its organisation and coordinators."""
    challenge = challenge_for_viewer(request.user, pk)
    full_text = can_see_full_text(request.user, challenge)
    return render(
        request,
        "challenges/detail.html",
        {
            **_follow_context(request, challenge),
            "full_text": full_text,
            "attachments": challenge.attachments.all() if full_text else [],
            "has_roles": bool(roles_for(request.user, challenge)),
            "can_edit": can_edit(request.user, challenge),
            "can_review": can_review(request.user),
            "comments": challenge_comments(request.user, challenge),
            # its projects and their recommendations (the apps above register them)
            "related": related_for(CHALLENGE, challenge, request.user),
        },
    )


@require_POST
def follow(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Follow (`folgen=1`) or stop following (`folgen=0`) a challenge on the board."""
    challenge = challenge_for_viewer(request.user, pk)
    if not request.user.is_authenticated:
        login = redirect_to_login(challenge.get_absolute_url())
        if request.htmx:
            return HttpResponseClientRedirect(login.url)
        return login
    following = challenge_follow(
        actor=request.user, challenge=challenge, follow=request.POST.get("folgen") == "1"
    )
    if request.htmx:
        return render(request, "challenges/detail.html#follow", _follow_context(request, challenge))
    if following:
        messages.success(request, _("You follow this challenge now."))
    else:
        messages.success(request, _("You no longer follow this challenge."))
    return redirect(challenge)


# --- the format catalogue ---------------------------------------------------------------------


@require_safe
def format_list(request: HttpRequest) -> HttpResponse:
    return render(request, "challenges/format_list.html", {"formats": format_catalogue()})


@require_safe
def format_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A format with all its texts and the challenges on the board that use it."""
    transfer_format = format_for_viewer(request.user, slug)
    filters = BoardFilters(transfer_format=transfer_format.slug)
    challenges = board_challenges(filters)
    return render(
        request,
        "challenges/format_detail.html",
        {
            "format": transfer_format,
            "cards": board_cards(list(challenges[:6])),
            "count": challenges.count(),
            "board_url": reverse("challenges:board") + filters.querystring(),
        },
    )

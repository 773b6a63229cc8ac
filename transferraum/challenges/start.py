"""What waits for a person on their start page (core.start): challenges to review, drafts and
change requests of their organisations, challenges they follow."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transferraum.accounts.models import User
from transferraum.actors.models import Organisation
from transferraum.challenges.models import Challenge
from transferraum.challenges.selectors import ME
from transferraum.challenges.workflow import LIFECYCLE
from transferraum.core.start import IDEA, StartItem, bounded_items, start_register

AREA = "challenges"
S = Challenge.Status


def _rows(challenges: QuerySet[Challenge]) -> QuerySet[Challenge]:
    return challenges.select_related("organisation")


def _to_review(user: User) -> list[StartItem]:
    """Coordinators: submitted challenges nobody has taken up, then those in review that are
    theirs (or nobody's), oldest submission first."""
    waiting = _rows(Challenge.objects.filter(status=S.SUBMITTED).order_by("submitted_at", "pk"))
    items = bounded_items(
        waiting,
        lambda challenge: StartItem(
            title=challenge.title,
            area=AREA,
            url=reverse("challenges:review", args=[challenge.pk]),
            action=str(LIFECYCLE["start_review"].label),
            detail=_("Submitted by %(organisation)s")
            % {"organisation": challenge.organisation.name},
        ),
        more_url=f"{reverse('challenges:queue')}?status={S.SUBMITTED}",
        more_title=_("All submitted challenges"),
    )
    in_review = _rows(
        Challenge.objects.filter(status=S.IN_REVIEW, coordinator=user).order_by(
            "submitted_at", "pk"
        )
    )
    items += bounded_items(
        in_review,
        lambda challenge: StartItem(
            title=challenge.title,
            area=AREA,
            url=reverse("challenges:review", args=[challenge.pk]),
            action=_("Finish the review"),
            detail=_("In review, %(organisation)s") % {"organisation": challenge.organisation.name},
        ),
        more_url=f"{reverse('challenges:queue')}?status={S.IN_REVIEW}&zustaendig={ME}",
        more_title=_("All challenges you review"),
    )
    return items


def _to_finish(user: User) -> list[StartItem]:
    """Members of an organisation: its drafts and the challenges sent back for changes, the
    ones sent back first."""
    challenges = _rows(
        Challenge.objects.filter(
            organisation__memberships__user=user, status__in=Challenge.EDITABLE_STATUSES
        )
        .distinct()
        .order_by("status", "-updated_at", "pk")  # changes_requested sorts before draft
    )
    return bounded_items(
        challenges,
        lambda challenge: StartItem(
            title=challenge.title or _("(untitled draft)"),
            area=AREA,
            url=reverse("challenges:edit", args=[challenge.pk]),
            action=(
                _("Make the changes and submit again")
                if challenge.status == S.CHANGES_REQUESTED
                else _("Finish and submit the draft")
            ),
            detail=f"{challenge.get_status_display()}, {challenge.organisation.name}",
        ),
        more_url=reverse("challenges:mine"),
        more_title=_("All challenges of your organisations"),
    )


def _followed(user: User) -> list[StartItem]:
    """Challenges the person follows that are still on the board and not completed."""
    challenges = _rows(
        Challenge.objects.filter(
            follows__user=user, status__in=(S.PUBLISHED, S.IN_PROGRESS)
        ).order_by("-follows__created_at", "pk")
    )
    return bounded_items(
        challenges,
        lambda challenge: StartItem(
            title=challenge.title,
            area=AREA,
            url=challenge.get_absolute_url(),
            action=_("See what is new"),
            detail=_("You follow it: %(status)s") % {"status": challenge.get_status_display()},
        ),
        more_url=reverse("challenges:board"),
        more_title=_("All challenges on the board"),
    )


def _ideas(user: User, *, member: bool) -> list[StartItem]:
    if member:
        return [
            StartItem(
                title=_("Describe a challenge"),
                area=AREA,
                url=reverse("challenges:new"),
                action=_("Describe a challenge"),
                detail=_(
                    "A real problem of your organisation: the coordinators review it and choose "
                    "a fitting transfer format."
                ),
                kind=IDEA,
            )
        ]
    if user.is_coordinator:
        return []
    return [
        StartItem(
            title=_("Look at the challenges on the board"),
            area=AREA,
            url=reverse("challenges:board"),
            action=_("Look at the challenges on the board"),
            detail=_("Follow those that interest you: they then appear here."),
            kind=IDEA,
        )
    ]


@start_register(AREA, gettext_lazy("Challenges"), order=40)
def items_for(user: User) -> list[StartItem]:
    items: list[StartItem] = []
    if user.is_coordinator:
        items += _to_review(user)
    member = Organisation.objects.filter(memberships__user=user).exists()
    if member:
        items += _to_finish(user)
    items += _followed(user)
    return items + _ideas(user, member=member)

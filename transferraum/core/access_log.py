"""Who among the staff saw whom: lists meant for staff (the coordinators' queue of role
requests, the directory's people as coordinators see them, and later the talent pool,
enquiries and survey participants) record which people they showed to which staff person.
The person sees the entries about them (`access_entries_for`, on their profile page and in
their data export).

An app declares each such list once, where it is defined, and records the rows of the page it
shows (never the whole list), after it has chosen them:

    ROLE_REQUEST_QUEUE = access_place("accounts.role_requests", _("Queue of role requests"))
    ...
    access_record(viewer=request.user, place=ROLE_REQUEST_QUEUE,
                  people=[r.user_id for r in found.page])

A viewer's own row is not recorded, and a list seen many times on one day is one entry per
person and viewer (`AccessEntry`'s constraint), so the log grows with the people seen, not
with page views. Recording is the one write a page view makes; it happens in one
statement with the conflicts ignored, so two tabs opening the same list cannot fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from transferraum.core.models import AccessEntry


@dataclass(frozen=True)
class AccessPlace:
    key: str  # stored with every entry: never change it
    label: str | Promise


_PLACES: dict[str, AccessPlace] = {}


def access_place(key: str, label: str | Promise) -> AccessPlace:
    """Declare (or replace) a list meant for staff and return it, for `access_record`."""
    place = AccessPlace(key, label)
    _PLACES[key] = place
    return place


def access_place_get(key: str) -> AccessPlace:
    """The declared list; a key since removed gets a plain stand-in."""
    return _PLACES.get(key) or AccessPlace(key, key)


def access_record(
    *, viewer: AbstractBaseUser | AnonymousUser, place: AccessPlace, people: Iterable[int]
) -> None:
    """Record that `viewer` (a signed-in staff person) saw the people with these user ids in
    `place` today. Anonymous viewers and the viewer's own id are skipped."""
    if not viewer.is_authenticated:
        return
    viewer_id = viewer.pk
    now = timezone.now()
    day = timezone.localdate(now)
    entries = [
        AccessEntry(person_id=pk, viewer_id=viewer_id, place=place.key, day=day, seen_at=now)
        for pk in sorted(set(people))
        if pk != viewer_id
    ]
    if entries:
        AccessEntry.objects.bulk_create(entries, ignore_conflicts=True)


@dataclass(frozen=True)
class AccessSeen:
    """One entry as the person reads it."""

    day: date
    viewer: str  # the staff person's name, or "" when their account was deleted
    place: str | Promise


def access_entries_for(user: AbstractBaseUser, *, limit: int | None = None) -> list[AccessSeen]:
    """What the log holds about `user`, newest first: when, who, in which list. For the
    person's profile page (`limit`) and their data export (everything)."""
    rows: QuerySet[AccessEntry] = (
        AccessEntry.objects.filter(person_id=user.pk)
        .select_related("viewer")
        .order_by("-seen_at", "-pk")
    )
    if limit is not None:
        rows = rows[:limit]
    return [
        AccessSeen(
            day=row.day,
            viewer=str(row.viewer) if row.viewer is not None else "",
            place=access_place_get(row.place).label,
        )
        for row in rows
    ]

"""Saved searches and their alerts.

A saved search keeps the feed's filter twice: as the address (to show the feed again) and in
columns. The alert run (`alerts_send`, daily; weekly searches take part every seventh day)
matches every due search against the newly published items in ONE SQL query, so 20,000
searches cost what 20 do (`make bench-alerts`). What was sent is recorded in `SentItem`
(unique per person and item): an item reaches a person at most once, whatever their searches
overlap; items that are filled, withdrawn or expired are never sent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from transferraum.accounts.models import User
from transferraum.actors.models import Competence
from transferraum.core.errors import DomainError, PermissionDenied
from transferraum.core.search import query_stems
from transferraum.notifications.services import notifications_enabled, notify
from transferraum.opportunities.models import Opportunity, SavedSearch, SentItem
from transferraum.opportunities.notification_kinds import OPPORTUNITY_ALERT
from transferraum.opportunities.permissions import can_save_search
from transferraum.opportunities.selectors import FeedFilters
from transferraum.opportunities.tasks import alert_digest_notify
from transferraum.regions.models import District, Municipality

SEARCHES_PER_PERSON = 20
WEEK = timedelta(days=7) - timedelta(hours=2)  # a run a little earlier in the day still counts


@transaction.atomic
def saved_search_create(
    *, actor: User, filters: FeedFilters, name: str, frequency: str
) -> SavedSearch:
    """Keep the feed's current filter with a daily or weekly alert.

    Rules: signed in; a name; daily or weekly; at most 20 searches per person; the filter is
    one the feed knows (the filters are cleaned already). Raises PermissionDenied, DomainError.
    """
    if not can_save_search(actor):
        raise PermissionDenied(_("Please sign in to save a search."))
    if not name.strip():
        raise DomainError(_("Please give the search a name."), field="name")
    if frequency not in SavedSearch.Frequency.values:
        raise DomainError(_("Please choose daily or weekly."), field="frequency")
    if SavedSearch.objects.filter(user=actor).count() >= SEARCHES_PER_PERSON:
        raise DomainError(
            _("You can keep at most %(count)s searches; please delete one first.")
            % {"count": SEARCHES_PER_PERSON}
        )
    stems = (query_stems(filters.query) + ["", "", ""])[:3]
    search = SavedSearch.objects.create(
        user=actor,
        name=name.strip(),
        querystring=filters.querystring(page=1).lstrip("?"),
        frequency=frequency,
        kind=filters.kind,
        municipality=Municipality.objects.filter(ags=filters.municipality).first()
        if filters.municipality
        else None,
        district=District.objects.filter(key=filters.district).first()
        if filters.district
        else None,
        competence=Competence.objects.filter(slug=filters.competence).first()
        if filters.competence
        else None,
        pay_min_cents=int(filters.pay) * 100 if filters.pay else None,
        start_by_days=int(filters.start) if filters.start else None,
        stem1=stems[0][:100],
        stem2=stems[1][:100],
        stem3=stems[2][:100],
    )
    return search


@transaction.atomic
def saved_search_delete(*, actor: User, search: SavedSearch) -> None:
    if search.user_id != actor.pk:
        raise PermissionDenied(_("This is not your search."))
    search.delete()


@dataclass(frozen=True)
class AlertReport:
    searches: int
    people: int
    items: int  # pairs of person and item sent


def _matching_sql() -> str:
    """Record every (person, item) pair where a due search matches a new, published, unexpired
    item not sent to the person before, and return the pairs recorded: one INSERT … SELECT …
    ON CONFLICT DO NOTHING RETURNING, so the pairs never travel to Python and back, and a pair
    another run recorded meanwhile is skipped by the unique constraint. Portable SQL (SQLite
    3.35+ and PostgreSQL; SQLite needs the WHERE before ON CONFLICT)."""
    s = SavedSearch._meta.db_table
    o = Opportunity._meta.db_table
    m = Municipality._meta.db_table
    oc = Opportunity.competences.through._meta.db_table
    sent = SentItem._meta.db_table
    stem = "(s.{col} = '' OR o.search_text LIKE '%% ' || s.{col} || ' %%')"
    # Table names from the models, values as parameters: nothing a person typed is in the text.
    return f"""
        INSERT INTO {sent} (user_id, opportunity_id, sent_at)
        SELECT pairs.user_id, pairs.id, %s FROM (
        SELECT DISTINCT s.user_id, o.id
        FROM {s} s
        JOIN {o} o ON o.published_at > COALESCE(s.last_run_at, s.created_at)
        JOIN {m} m ON m.id = o.municipality_id
        WHERE (s.frequency = %s OR (s.frequency = %s
               AND (s.last_run_at IS NULL OR s.last_run_at <= %s)))
          AND o.status = %s AND o.expires_on >= %s
          AND (s.kind = '' OR s.kind = o.kind)
          AND (s.municipality_id IS NULL OR s.municipality_id = o.municipality_id)
          AND (s.district_id IS NULL OR s.district_id = m.district_id)
          AND (s.pay_min_cents IS NULL OR o.pay_max_cents >= s.pay_min_cents)
          AND (s.start_by_days IS NULL
               OR (s.start_by_days = 30 AND o.start_date <= %s)
               OR (s.start_by_days = 90 AND o.start_date <= %s)
               OR (s.start_by_days = 180 AND o.start_date <= %s))
          AND (s.competence_id IS NULL OR EXISTS (
               SELECT 1 FROM {oc} oc
               WHERE oc.opportunity_id = o.id AND oc.competence_id = s.competence_id))
          AND {stem.format(col="stem1")} AND {stem.format(col="stem2")}
          AND {stem.format(col="stem3")}
          AND NOT EXISTS (
               SELECT 1 FROM {sent} si WHERE si.user_id = s.user_id AND si.opportunity_id = o.id)
        ) pairs WHERE 1 = 1
        ON CONFLICT (user_id, opportunity_id) DO NOTHING
        RETURNING user_id, opportunity_id
    """  # noqa: S608


@transaction.atomic
def alerts_send(*, now: datetime | None = None) -> AlertReport:
    """The alert run: match, record as sent, and enqueue one digest e-mail per person.

    Two queries whatever the number of searches: the match that records the sent items, and
    the update of the searches' last run. The e-mails are tasks per person after
    the commit; each reads its items again and drops any that were filled or expired meanwhile.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    ops = connection.ops
    week_ago = ops.adapt_datetimefield_value(now - WEEK)
    weekly = SavedSearch.Frequency.WEEKLY
    due = SavedSearch.objects.filter(
        Q(frequency=SavedSearch.Frequency.DAILY)
        | Q(frequency=weekly, last_run_at__isnull=True)
        | Q(frequency=weekly, last_run_at__lte=now - WEEK)
    )
    with connection.cursor() as cursor:
        # start_by_days is 30, 90 or 180 (`selectors.START_CHOICES`)
        cursor.execute(
            _matching_sql(),
            [
                ops.adapt_datetimefield_value(now),
                SavedSearch.Frequency.DAILY,
                SavedSearch.Frequency.WEEKLY,
                week_ago,
                Opportunity.Status.PUBLISHED,
                ops.adapt_datefield_value(today),
                ops.adapt_datefield_value(today + timedelta(days=30)),
                ops.adapt_datefield_value(today + timedelta(days=90)),
                ops.adapt_datefield_value(today + timedelta(days=180)),
            ],
        )
        pairs = cursor.fetchall()
    searches = due.update(last_run_at=now)
    per_person: dict[int, list[int]] = defaultdict(list)
    for user_id, item_id in pairs:
        per_person[user_id].append(item_id)
    if notifications_enabled():
        for user_id, item_ids in per_person.items():
            transaction.on_commit(partial(alert_digest_notify.enqueue, user_id, sorted(item_ids)))
    return AlertReport(searches=searches, people=len(per_person), items=len(pairs))


def alert_digest_mail(*, user_id: int, opportunity_ids: list[int]) -> None:
    """The person's alert e-mail: the items still on the feed (filled or expired ones drop)."""
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        return
    items = list(
        Opportunity.objects.published()
        .filter(pk__in=opportunity_ids)
        .select_related("organisation", "municipality")
        .defer("municipality__boundary")
        .order_by("-published_at", "-pk")
    )
    if not items:
        return
    notify(
        recipient=person,
        kind=OPPORTUNITY_ALERT,
        template="opportunities/email/alert",
        context={"items": items, "person": person},
        language=person.language,
        url=reverse("opportunities:searches"),
    )

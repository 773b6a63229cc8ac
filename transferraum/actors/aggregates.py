"""Aggregate tables of organisations that the map and the network page read instead of whole
tables: the map's grid cells (`MapCell`) and the links between organisations through their
members (`OrganisationLink`).

Each table is rebuilt whole by one service in SQL (`INSERT … SELECT … GROUP BY`, no rows in
Python), inside one transaction that first locks the table, so a reader sees the old or the new
table and two rebuilds never interleave. The services that change what a table counts
(organisations' place, kind and town; memberships) enqueue its rebuild after their commit
(`aggregates_refresh_later`); the data generator and the demo call the services directly, and
`manage.py aggregates_refresh` runs both once a day as a safety net for writes that go around the
services (the admin, a deactivated account).
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, cast

from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import Case, Count, F, FloatField, Max, Min, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Cast, Floor, Greatest

from transferraum.actors.models import MapCell, Membership, Organisation, OrganisationLink

# The map's grid: a cell is about `MAP_CELL_PIXELS` on the screen at every zoom.
MAP_CELL_PIXELS = 64
TILE_PIXELS = 256
# Cells are kept up to this zoom (a cell of about 1.2 km); closer views read the organisations
# of their small area through the index on their coordinates.
MAP_CELL_MAX_ZOOM = 13


def map_cell_degrees(zoom: int) -> float:
    """The side of a grid cell in degrees at this zoom."""
    return 360.0 / 2**zoom * MAP_CELL_PIXELS / TILE_PIXELS


def _own_or_town(own: str, town: str) -> Case:
    """An organisation's own coordinate when it has both, else its town's centre."""
    return Case(
        When(
            Q(lat__isnull=False, lon__isnull=False),
            then=Cast(own, FloatField()),
        ),
        default=Cast(town, FloatField()),
        output_field=FloatField(),
    )


def located(organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """Those of the organisations that have a place, with it as `plat` and `plon`."""
    return organisations.annotate(
        plat=_own_or_town("lat", "municipality__lat"),
        plon=_own_or_town("lon", "municipality__lon"),
    ).filter(plat__isnull=False, plon__isnull=False)


def _insert_select(model: type[models.Model], columns: Sequence[str], rows: QuerySet[Any]) -> None:
    """`INSERT INTO model (columns) SELECT …` of a values() query whose selected columns come
    in the order of `columns` (values() cannot name an expression after a model field, so
    such columns carry a trailing underscore)."""
    selected = [
        name.rstrip("_") for name in (*rows.query.values_select, *rows.query.annotation_select)
    ]
    if list(columns) != selected:
        raise ValueError(f"Selected {selected}, expected {list(columns)}.")
    sql, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    names = ", ".join(
        quote(cast("models.Field[Any, Any]", model._meta.get_field(name)).column)
        for name in columns
    )
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({names}) {sql}", params)  # noqa: S608  # names from the model, values as parameters


def _lock(model: type[models.Model]) -> None:
    """Hold the table against another rebuild until the transaction ends; readers go on
    reading the old rows. SQLite's transactions already take the write lock at their start."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"LOCK TABLE {connection.ops.quote_name(model._meta.db_table)} IN EXCLUSIVE MODE"
            )


_MAP_CELL_COLUMNS = (
    "zoom",
    "cell_y",
    "cell_x",
    "kind",
    "municipality",
    "count",
    "lat_sum",
    "lon_sum",
    "lat_min",
    "lat_max",
    "lon_min",
    "lon_max",
    "first",
)


@transaction.atomic
def map_cells_refresh() -> int:
    """Rebuild the map's grid cells from every organisation with a place (its own, else its
    town's centre): one row per zoom, cell, kind and town. Returns the number of rows."""
    _lock(MapCell)
    MapCell.objects.all().delete()
    places = located(Organisation.objects.order_by())
    for zoom in range(MAP_CELL_MAX_ZOOM + 1):
        size = map_cell_degrees(zoom)
        rows = places.values(
            zoom=Value(zoom, output_field=models.IntegerField()),
            cell_y=Floor(F("plat") / size),
            cell_x=Floor(F("plon") / size),
            kind_=F("kind"),
            municipality_=F("municipality_id"),
        ).annotate(
            count=Count("pk"),
            lat_sum=Sum("plat"),
            lon_sum=Sum("plon"),
            lat_min=Min("plat"),
            lat_max=Max("plat"),
            lon_min=Min("plon"),
            lon_max=Max("plon"),
            first=Min("pk"),
        )
        _insert_select(MapCell, _MAP_CELL_COLUMNS, rows)
    return MapCell.objects.count()


_LINK_COLUMNS = (
    "source",
    "target",
    "source_kind",
    "target_kind",
    "source_municipality",
    "target_municipality",
    "source_district",
    "target_district",
    "weight",
    "latest",
)


@transaction.atomic
def organisation_links_refresh() -> int:
    """Rebuild the links between organisations: one row per pair of organisations that people
    with active accounts belong to both of, with their number. Returns the number of links."""
    _lock(OrganisationLink)
    OrganisationLink.objects.all().delete()
    other = "user__memberships__"
    pairs = (
        Membership.objects.filter(
            Q(user__is_active=True) & Q(**{f"{other}organisation_id__gt": F("organisation_id")})
        )
        .order_by()
        .values(
            source_=F("organisation_id"),
            target_=F(f"{other}organisation_id"),
            source_kind_=F("organisation__kind"),
            target_kind_=F(f"{other}organisation__kind"),
            source_municipality_=F("organisation__municipality_id"),
            target_municipality_=F(f"{other}organisation__municipality_id"),
            source_district_=F("organisation__municipality__district_id"),
            target_district_=F(f"{other}organisation__municipality__district_id"),
        )
        .annotate(
            weight=Count("user_id"),
            latest=Max(Greatest("created_at", f"{other}created_at")),
        )
    )
    _insert_select(OrganisationLink, _LINK_COLUMNS, pairs)
    return OrganisationLink.objects.count()


# When the last rebuild of each table started (a timestamp in the shared cache): a rebuild asked
# for by a write that committed before it is already done (`aggregates_refresh_if_stale`).
STARTED_KEYS = {
    "places": "actors:aggregates:places:started",
    "links": "actors:aggregates:links:started",
}


def aggregates_refresh_now(*, places: bool = True, links: bool = True) -> None:
    """Rebuild the map's cells and/or the links between organisations now."""
    if places:
        cache.set(STARTED_KEYS["places"], time.time(), timeout=None)
        map_cells_refresh()
    if links:
        cache.set(STARTED_KEYS["links"], time.time(), timeout=None)
        organisation_links_refresh()


def aggregates_refresh_if_stale(
    *, places: bool, links: bool, requested_at: float | None = None
) -> tuple[bool, bool]:
    """The rebuild a write asked for at `requested_at` (after its commit), unless a rebuild of
    the same table started later: that one read the write already. Many writes in a short time
    (an import, a busy day) so cost one or two rebuilds, not one each. Returns what it rebuilt.
    Without a time or a cached start (evicted), it rebuilds. The times come from the servers'
    clocks: a skew between them can skip a rebuild that was needed, which the daily
    `aggregates_refresh` repairs."""

    def stale(key: str) -> bool:
        started = cache.get(STARTED_KEYS[key])
        return requested_at is None or started is None or started < requested_at

    todo = (places and stale("places"), links and stale("links"))
    if any(todo):
        aggregates_refresh_now(places=todo[0], links=todo[1])
    return todo


class _RefreshAfterCommit:
    """The on-commit callback of a transaction's rebuilds: one per transaction, however many
    writes asked for it (a demo or an import adds hundreds of organisations in one)."""

    def __init__(self) -> None:
        self.places = False
        self.links = False
        self.done = False

    def __call__(self) -> None:
        from transferraum.actors.tasks import aggregates_refresh  # the task calls back here

        self.done = True
        aggregates_refresh.enqueue(places=self.places, links=self.links, requested_at=time.time())


_deferred: ContextVar[bool] = ContextVar("aggregates_deferred", default=False)


@contextmanager
def aggregates_deferred() -> Iterator[None]:
    """Services called inside this block enqueue no rebuild: the caller (the demo, an import)
    calls `aggregates_refresh_now` once at its end."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def aggregates_refresh_later(*, places: bool = False, links: bool = False) -> None:
    """Rebuild the map's cells and/or the links after the current transaction commits (not
    inside `aggregates_deferred`)."""
    if _deferred.get():
        return
    # Entries are (savepoints, callback, robust); only the callback matters here.
    pending = [
        entry[1]
        for entry in connection.run_on_commit
        if isinstance(entry[1], _RefreshAfterCommit) and not entry[1].done
    ]
    if pending:
        callback = pending[0]
    else:
        callback = _RefreshAfterCommit()
        transaction.on_commit(callback)
    callback.places |= places
    callback.links |= links

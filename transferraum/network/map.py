"""The directory's map: organisations of the visible area, clustered on a grid in SQL.

The map asks for the area it shows (`bbox`: west, south, east, north in degrees) and its zoom.
The database puts every organisation with a place (its own, else its town's centre) into a
grid cell whose size follows the zoom (about `CELL_PIXELS` on the screen), and answers one row
per cell with the count and centre of its organisations. A cell holding one organisation is
that organisation's point; the others are clusters that the map zooms into. At most
`MAX_CELLS` cells, the fullest first: the answer stays small however many organisations match.

Up to `MAP_CELL_MAX_ZOOM` and with the filters the cells know (kind, district, town), the
cells come from the table `MapCell` kept by `actors.aggregates` (a few hundred rows for the
whole region); closer views read the organisations of their area through the index on the
coordinates, and the other filters (words, competence, offers, needs) group the organisations
they find.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, TypedDict

from django.db.models import (
    Avg,
    Count,
    F,
    Max,
    Min,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Floor
from django.http import QueryDict

from transferraum.actors.aggregates import MAP_CELL_MAX_ZOOM, located, map_cell_degrees
from transferraum.actors.models import MapCell, Organisation
from transferraum.network.directory import DirectoryFilters, _filtered_organisations
from transferraum.regions.models import Municipality

MAX_CELLS = 400
MIN_ZOOM = 0
MAX_ZOOM = 18
# Without a view (a plain request), the grid of the zoom that shows the region whole.
DEFAULT_ZOOM = 9


@dataclass(frozen=True)
class MapView:
    """The visible area in degrees and the zoom; `None` bounds: everywhere."""

    zoom: int = DEFAULT_ZOOM
    west: float | None = None
    south: float | None = None
    east: float | None = None
    north: float | None = None

    @classmethod
    def from_query(cls, data: QueryDict) -> MapView:
        """`zoom` (0–18) and `bbox` ("west,south,east,north"); anything else is dropped, as
        with the filters: a tampered address shows more, never an error."""
        zoom = DEFAULT_ZOOM
        raw_zoom = data.get("zoom", "")
        if raw_zoom.isdecimal() and len(raw_zoom) <= 2:
            zoom = min(max(int(raw_zoom), MIN_ZOOM), MAX_ZOOM)
        parts = data.get("bbox", "").split(",")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            return cls(zoom=zoom)
        if not all(math.isfinite(value) for value in (west, south, east, north)):
            return cls(zoom=zoom)
        south, north = max(south, -90.0), min(north, 90.0)
        west, east = max(west, -180.0), min(east, 180.0)
        if south > north or west > east:
            return cls(zoom=zoom)
        return cls(zoom=zoom, west=west, south=south, east=east, north=north)

    @property
    def cell_degrees(self) -> float:
        """The side of a grid cell in degrees at this zoom."""
        return map_cell_degrees(self.zoom)

    def bbox_param(self) -> str:
        return f"{self.west},{self.south},{self.east},{self.north}"


class MapPoint(TypedDict):
    name: str
    url: str
    kind: str
    kind_label: str
    town: str
    lat: float
    lon: float


class MapCluster(TypedDict):
    lat: float
    lon: float
    count: int


class MapData(TypedDict):
    count: int  # organisations with a place that match the filters, anywhere
    bounds: list[list[float]] | None  # [[south, west], [north, east]] of all of them
    shown: int  # of them in the cells sent (the view, at most MAX_CELLS cells)
    points: list[MapPoint]
    clusters: list[MapCluster]


def located_organisations(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Organisations matching the filters that have a place, with `plat` and `plon`."""
    return located(_filtered_organisations(filters))


def map_list(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """The list beside the map: the same organisations, by name, with their town (paginate)."""
    return (
        located_organisations(filters)
        .select_related("municipality")
        .only("name", "slug", "kind", "municipality__name")
        .order_by("name", "pk")
    )


def _point(organisation: Organisation, lat: float, lon: float) -> MapPoint:
    return {
        "name": organisation.name,
        "url": organisation.get_absolute_url(),
        "kind": organisation.kind,
        "kind_label": str(organisation.get_kind_display()),
        "town": organisation.municipality.name if organisation.municipality else "",
        "lat": round(lat, 6),
        "lon": round(lon, 6),
    }


class _Cell(TypedDict):
    count: int
    lat: float
    lon: float
    first: int


def _cells_know(filters: DirectoryFilters) -> bool:
    """Whether the cell table can answer these filters: it knows kind, district and town."""
    return not (filters.query or filters.competence or filters.offer or filters.need)


def _cell_rows(filters: DirectoryFilters, zoom: int) -> QuerySet[MapCell]:
    rows = MapCell.objects.filter(zoom=zoom)
    if filters.kinds:
        rows = rows.filter(kind__in=filters.kinds)
    if filters.district:
        rows = rows.filter(municipality__district__key=filters.district)
    if filters.municipality:
        rows = rows.filter(municipality__ags=filters.municipality)
    return rows


def _extent_from_table(filters: DirectoryFilters) -> dict[str, Any]:
    """Count and extent of the matching organisations from the coarsest zoom's few rows."""
    return (
        _cell_rows(filters, 0)
        .order_by()
        .aggregate(
            count=Sum("count"),
            south=Min("lat_min"),
            west=Min("lon_min"),
            north=Max("lat_max"),
            east=Max("lon_max"),
        )
    )


def _cells_from_table(filters: DirectoryFilters, view: MapView) -> list[_Cell]:
    """The view's cells: the rows of the cells the view touches, summed over kinds and towns."""
    rows = _cell_rows(filters, view.zoom)
    if view.west is not None:
        size = view.cell_degrees
        rows = rows.filter(
            cell_y__gte=math.floor(view.south / size),  # type: ignore[operator]
            cell_y__lte=math.floor(view.north / size),  # type: ignore[operator]
            cell_x__gte=math.floor(view.west / size),
            cell_x__lte=math.floor(view.east / size),  # type: ignore[operator]
        )
    grouped = (
        rows.values("cell_y", "cell_x")
        .annotate(
            total=Sum("count"), lat_total=Sum("lat_sum"), lon_total=Sum("lon_sum"), low=Min("first")
        )
        .order_by("-total", "cell_y", "cell_x")[:MAX_CELLS]
    )
    return [
        {
            "count": row["total"],
            "lat": row["lat_total"] / row["total"],
            "lon": row["lon_total"] / row["total"],
            "first": row["low"],
        }
        for row in grouped
    ]


def _extent_from_organisations(places: QuerySet[Organisation]) -> dict[str, Any]:
    """Count and extent of the matching organisations, read from them."""
    return places.order_by().aggregate(
        count=Count("pk"),
        south=Min("plat"),
        west=Min("plon"),
        north=Max("plat"),
        east=Max("plon"),
    )


def _cells_from_organisations(places: QuerySet[Organisation], view: MapView) -> list[_Cell]:
    """The view's cells grouped from the matching organisations; a view with bounds reads only
    those of its area (own coordinates through their index, the others by their town)."""
    in_view = places.order_by()
    if view.west is not None:
        towns = list(
            Municipality.objects.filter(
                lat__gte=view.south, lat__lte=view.north, lon__gte=view.west, lon__lte=view.east
            ).values_list("pk", flat=True)
        )
        in_view = in_view.filter(
            Q(lat__gte=view.south, lat__lte=view.north, lon__gte=view.west, lon__lte=view.east)
            | Q(municipality_id__in=towns),
            Q(plat__gte=view.south, plat__lte=view.north, plon__gte=view.west, plon__lte=view.east),
        )
    size = view.cell_degrees
    grouped = (
        in_view.values(cell_y=Floor(F("plat") / size), cell_x=Floor(F("plon") / size))
        .annotate(count=Count("pk"), lat=Avg("plat"), lon=Avg("plon"), first=Min("pk"))
        .order_by("-count", "cell_y", "cell_x")[:MAX_CELLS]
    )
    return [
        {"count": row["count"], "lat": row["lat"], "lon": row["lon"], "first": row["first"]}
        for row in grouped
    ]


def map_data(filters: DirectoryFilters, view: MapView) -> MapData:
    """The organisations of the view as points and clusters, the fullest cells first (three
    queries whatever the data: extent, cells, single organisations; a fourth for the towns of
    a view closer than the cell table's zoom)."""
    # Built once: a search reads the vocabulary when the query set is made.
    places = located_organisations(filters)
    if _cells_know(filters):
        extent = _extent_from_table(filters)
    else:
        extent = _extent_from_organisations(places)
    if _cells_know(filters) and view.zoom <= MAP_CELL_MAX_ZOOM:
        cells = _cells_from_table(filters, view)
    else:
        cells = _cells_from_organisations(places, view)
    singles = {cell["first"]: cell for cell in cells if cell["count"] == 1}
    organisations = (
        Organisation.objects.filter(pk__in=singles)
        .select_related("municipality")
        .only("name", "slug", "kind", "municipality__name")
        .order_by("name", "pk")
        if singles
        else Organisation.objects.none()
    )
    points = [_point(o, singles[o.pk]["lat"], singles[o.pk]["lon"]) for o in organisations]
    clusters: list[MapCluster] = [
        {"lat": round(cell["lat"], 6), "lon": round(cell["lon"], 6), "count": cell["count"]}
        for cell in cells
        if cell["count"] > 1
    ]
    count = extent["count"] or 0
    return {
        "count": count,
        "bounds": (
            [[extent["south"], extent["west"]], [extent["north"], extent["east"]]]
            if count
            else None
        ),
        "shown": sum(cell["count"] for cell in cells),
        "points": points,
        "clusters": clusters,
    }

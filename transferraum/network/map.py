"""The directory's map: organisations of the visible area, clustered on a grid in SQL.

The map asks for the area it shows (`bbox`: west, south, east, north in degrees) and its zoom.
The database puts every organisation with a place (its own, else its town's centre) into a
grid cell whose size follows the zoom (about `CELL_PIXELS` on the screen), and answers one row
per cell with the count and centre of its organisations. A cell holding one organisation is
that organisation's point; the others are clusters that the map zooms into. At most
`MAX_CELLS` cells, the fullest first: the answer stays small however many organisations match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypedDict

from django.db.models import (
    Avg,
    Case,
    Count,
    F,
    FloatField,
    Max,
    Min,
    Q,
    QuerySet,
    When,
)
from django.db.models.functions import Cast, Floor
from django.http import QueryDict

from transferraum.actors.models import Organisation
from transferraum.network.directory import DirectoryFilters, _filtered_organisations

CELL_PIXELS = 64
TILE_PIXELS = 256
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
        return 360.0 / 2**self.zoom * CELL_PIXELS / TILE_PIXELS

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


def located_organisations(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """Organisations matching the filters that have a place, with `plat` and `plon`."""
    return (
        _filtered_organisations(filters)
        .annotate(
            plat=_own_or_town("lat", "municipality__lat"),
            plon=_own_or_town("lon", "municipality__lon"),
        )
        .filter(plat__isnull=False, plon__isnull=False)
    )


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


def map_data(filters: DirectoryFilters, view: MapView) -> MapData:
    """The organisations of the view as points and clusters, the fullest cells first (three
    queries whatever the data: extent, cells, single organisations)."""
    located = located_organisations(filters).order_by()
    extent = located.aggregate(
        count=Count("pk"), south=Min("plat"), west=Min("plon"), north=Max("plat"), east=Max("plon")
    )
    in_view = located
    if view.west is not None:
        in_view = located.filter(
            Q(plat__gte=view.south, plat__lte=view.north, plon__gte=view.west, plon__lte=view.east)
        )
    size = view.cell_degrees
    cells = list(
        in_view.values(cell_y=Floor(F("plat") / size), cell_x=Floor(F("plon") / size))
        .annotate(count=Count("pk"), lat=Avg("plat"), lon=Avg("plon"), first=Min("pk"))
        .order_by("-count", "cell_y", "cell_x")[:MAX_CELLS]
    )
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

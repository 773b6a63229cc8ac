"""Reads of the region: the programme and the map's GeoJSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from transferraum.core.filters import Label, model_choice
from transferraum.regions.models import District, Municipality, Programme


def programme_current() -> Programme | None:
    """The programme the platform runs (the first one; the platform serves one programme)."""
    return Programme.objects.prefetch_related("districts", "partner_towns__district").first()


def region_geojson(programme: Programme) -> dict[str, Any]:
    """Districts of the initiative and the partner towns as one FeatureCollection."""
    features: list[dict[str, Any]] = []
    partner_ids = set()
    for town in programme.partner_towns.all():
        partner_ids.add(town.pk)
        if town.boundary:
            features.append(
                {
                    "type": "Feature",
                    "geometry": town.boundary,
                    "properties": {"kind": "partner_town", "name": town.name, "ags": town.ags},
                }
            )
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(town.lon), float(town.lat)]},
                "properties": {
                    "kind": "partner_town_point",
                    "name": town.name,
                    "ags": town.ags,
                    "district": town.district.name,
                    "population": town.population,
                },
            }
        )
    initiative = {district.pk for district in programme.districts.all()}
    features.extend(
        {
            "type": "Feature",
            "geometry": district.boundary,
            "properties": {
                "kind": "district" if district.pk in initiative else "context",
                "name": district.name,
                "key": district.key,
                "population": district.population,
            },
        }
        for district in District.objects.exclude(boundary=None)
    )
    # Districts first so that the towns are drawn above them.
    features.sort(key=lambda f: f["properties"]["kind"] not in {"district", "context"})
    return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True)
class MunicipalityGroup:
    district: District
    municipalities: list[Municipality]


def municipalities_by_district(
    municipalities: QuerySet[Municipality],
) -> list[MunicipalityGroup]:
    """The given municipalities grouped by district, districts and towns by name (one query);
    for filter selects with one <optgroup> per district."""
    rows = (
        municipalities.select_related("district")
        .only("ags", "name", "district__key", "district__name")
        .order_by("district__name", "name")
    )
    groups: dict[str, MunicipalityGroup] = {}
    for municipality in rows:
        district = municipality.district
        groups.setdefault(district.key, MunicipalityGroup(district, [])).municipalities.append(
            municipality
        )
    return list(groups.values())


# --- filters of list pages (core.filters) -----------------------------------------------------


def municipality_filter(
    key: str = "ort", *, label: Label | None = None, empty_label: Label | None = None
) -> str:
    """A filter field for one municipality by its AGS, named by it in chips; "Town" unless
    `label` says otherwise."""
    return model_choice(
        key,
        Municipality,
        to_field="ags",
        label=_("Town") if label is None else label,
        empty_label=_("All towns") if empty_label is None else empty_label,
        only=("name",),
    )


def district_filter(key: str = "kreis") -> str:
    """A filter field for one district by its key, named by it in chips."""
    return model_choice(
        key,
        District,
        to_field="key",
        label=_("District"),
        empty_label=_("All districts"),
        only=("name",),
    )


def municipality_options(
    groups: list[MunicipalityGroup],
) -> list[tuple[str, list[tuple[str, str]]]]:
    """The groups as options of a filter select: one <optgroup> per district."""
    return [
        (group.district.name, [(town.ags, town.name) for town in group.municipalities])
        for group in groups
    ]

"""Loading the region reference data (idempotent: running it again changes nothing)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from transferraum.regions.models import District, Municipality, Programme

DATA_DIR = Path(__file__).resolve().parent / "data"

# The programme this platform was built for; its towns and districts are named by official keys.
PROGRAMME = {
    "slug": "transfer-ueber-koepfe",
    "name": "Transfer über Köpfe",
    "initiative": "Handlungskompetenz der Kommunen stärken",
    "university": "Universität Leipzig",
    "description": (
        "Studierende der Universität Leipzig arbeiten in Praxisprojekten mit den Städten "
        "Eilenburg und Zeitz, mit Unternehmen und Vereinen vor Ort an echten Herausforderungen. "
        "Die Ergebnisse werden zu Empfehlungen, über die die Städte entscheiden."
    ),
    "partner_towns": ["14730110", "15084590"],  # Eilenburg, Zeitz
    "districts": ["14730", "14729", "15084", "14521"],
}


@dataclass(frozen=True)
class LoadReport:
    districts: int
    municipalities: int
    created: int


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _geometries(path: Path, key: str) -> dict[str, dict]:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return {feature["properties"][key]: feature["geometry"] for feature in features}


@transaction.atomic
def region_load_reference(*, data_dir: Path = DATA_DIR) -> LoadReport:
    """Create or update districts, municipalities and the programme from the reference files.

    Rules: districts are keyed by Kreisschlüssel, municipalities by AGS; a municipality whose
    district is missing from districts.csv is an error (ValueError names the row).
    """
    created = 0
    district_shapes = _geometries(data_dir / "districts.geojson", "kreis_key")
    districts: dict[str, District] = {}
    for row in _read_csv(data_dir / "districts.csv"):
        district, was_created = District.objects.update_or_create(
            key=row["kreis_key"],
            defaults={
                "name": row["name"],
                "kind": row["bez"],
                "state": row["state"],
                "nuts": row["nuts"],
                "lat": Decimal(row["lat"]),
                "lon": Decimal(row["lon"]),
                "population": int(row["population"]),
                "area_km2": Decimal(row["area_km2"]),
                "boundary": district_shapes.get(row["kreis_key"]),
            },
        )
        districts[district.key] = district
        created += was_created

    municipality_shapes = _geometries(data_dir / "municipalities.geojson", "ags")
    count = 0
    for row in _read_csv(data_dir / "municipalities.csv"):
        district_key = row["ags"][:5]
        if district_key not in districts:
            raise ValueError(
                f"Municipality {row['ags']} {row['name']}: unknown district {district_key}"
            )
        _, was_created = Municipality.objects.update_or_create(
            ags=row["ags"],
            defaults={
                "name": row["name"],
                "district": districts[district_key],
                "lat": Decimal(row["lat"]),
                "lon": Decimal(row["lon"]),
                "population": int(row["population"]),
                "area_km2": Decimal(row["area_km2"]),
                "boundary": municipality_shapes.get(row["ags"]),
            },
        )
        created += was_created
        count += 1

    programme, was_created = Programme.objects.update_or_create(
        slug=PROGRAMME["slug"],
        defaults={
            key: PROGRAMME[key] for key in ("name", "initiative", "university", "description")
        },
    )
    created += was_created
    programme.districts.set([districts[key] for key in PROGRAMME["districts"]])
    programme.partner_towns.set(Municipality.objects.filter(ags__in=PROGRAMME["partner_towns"]))
    return LoadReport(districts=len(districts), municipalities=count, created=created)

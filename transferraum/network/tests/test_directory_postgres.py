"""Directory search on PostgreSQL: German full-text search next to the stem match, ranked.

The same searches run on SQLite in test_directory.py (the fallback must find them too).
"""

from __future__ import annotations

import pytest
from django.http import QueryDict

from transferraum.network.directory import DirectoryFilters, directory_organisations
from transferraum.network.tests.test_directory import build_directory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def directory(town_eilenburg, company_zeitz):
    return build_directory(town_eilenburg, company_zeitz)


def search(query: str) -> list:
    return list(directory_organisations(DirectoryFilters.from_query(QueryDict(f"q={query}"))))


def test_gis_finds_the_geoinformatics_institute(directory):
    found = search("GIS")
    assert [o.name for o in found] == ["Institut für Geographie"]
    # Found through PostgreSQL's path: the results carry their full-text rank.
    assert hasattr(found[0], "search_rank")


def test_eilenburger_verwaltung_finds_the_town_administration(directory):
    assert [o.name for o in search("eilenburger verwaltung")] == ["Stadtverwaltung Eilenburg"]


def test_leerstaende_finds_a_description_with_leerstand(directory):
    found = search("Leerstände")
    assert "Institut für Geographie" in [o.name for o in found]


def test_full_text_search_adds_matches_and_orders_by_rank(directory):
    # Changed without the service, so the stemmed search text does not know the new word:
    # only PostgreSQL's full-text search over the description finds it.
    directory.town.description = "Die Stadt sucht Drohnenpiloten für Luftbilder."
    directory.town.save(update_fields=["description"])
    found = search("Luftbilder")
    assert {o.name for o in found} == {"Stadtverwaltung Eilenburg", "Geodaten Muldental GmbH"}
    ranks = [o.search_rank for o in found]
    assert ranks == sorted(ranks, reverse=True)

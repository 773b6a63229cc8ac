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


def test_a_ranked_search_page_is_read_and_counted_in_one_query(directory, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from transferraum.actors.tests.factories import OrganisationFactory
    from transferraum.core.pagination import CappedPaginator

    for number in range(5):
        OrganisationFactory(name=f"Verwaltungshilfe {number}", search_text=" verwaltung")
    monkeypatch.setattr(CappedPaginator, "limit", 4)
    objects = directory_organisations(DirectoryFilters.from_query(QueryDict("q=Verwaltung")))
    everything = len(list(objects))
    assert everything >= 6

    paginator = CappedPaginator(objects, 2)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.get_page(2)
    sqls = [query["sql"] for query in queries.captured_queries]
    # One query reads the organisations, with the window count; the rest are prefetches.
    assert [sql for sql in sqls if sql.startswith('SELECT "actors_organisation"')] == sqls[:1]
    assert "COUNT(" in sqls[0] and " OVER " in sqls[0]
    assert not any(sql.startswith("SELECT COUNT(") for sql in sqls)
    assert [o.pk for o in page] == [o.pk for o in list(objects)[2:4]]
    # The window counts the candidates (capped at COUNT_LIMIT + 1 by the search itself).
    assert paginator.counted == everything and paginator.capped and paginator.num_pages == 2

    # Past the pages shown: the count decides and the last page is shown.
    beyond = CappedPaginator(objects, 2).get_page(7)
    assert beyond.number == 2
    # A number that is no number shows the first page.
    assert CappedPaginator(objects, 2).get_page("x").number == 1


def test_the_site_search_reads_and_counts_a_kind_in_one_query(directory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from transferraum.actors.tests.factories import OrganisationFactory
    from transferraum.network.site_search import search_organisations

    for number in range(3):
        OrganisationFactory(name=f"Verwaltungshilfe {number}", search_text=" verwaltung")
    everything = len(search("Verwaltung"))
    with CaptureQueriesContext(connection) as queries:
        hits, total = search_organisations("Verwaltung", None, 2)
    assert len(hits) == 2 and total == everything
    sqls = [query["sql"] for query in queries.captured_queries]
    # The vocabulary's synonyms, then one query for the hits and their count.
    assert len([sql for sql in sqls if sql.startswith('SELECT "actors_organisation"')]) == 1
    assert not any(sql.startswith("SELECT COUNT(") for sql in sqls)

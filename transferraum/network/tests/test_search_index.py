"""Search from the index (core.search_index) as the directory, board and site search use it.

Runs on SQLite (FTS5) and, with DATABASE_URL pointing at PostgreSQL, on PostgreSQL (trigram and
stored tsvector); the tests marked `postgres` check what only PostgreSQL has.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from transferraum.accounts.tests.factories import UserFactory
from transferraum.actors.models import Competence, Organisation
from transferraum.actors.services import organisation_index
from transferraum.actors.tests.factories import OrganisationFactory
from transferraum.challenges.models import Challenge
from transferraum.challenges.selectors import challenges_found
from transferraum.challenges.services import challenge_index
from transferraum.challenges.tests.factories import ChallengeFactory
from transferraum.core.pagination import CappedPaginator
from transferraum.core.search import search_document, search_queryset
from transferraum.core.search_index import SEARCHABLE_TABLES
from transferraum.network.directory import DirectoryFilters, directory_organisations

pytestmark = pytest.mark.django_db


def _names(query: str) -> set[str]:
    return {o.name for o in search_queryset(Organisation.objects.all(), query)}


def _geoinformatik() -> Competence:
    return Competence.objects.create(
        slug="geoinformatik",
        label_de="Geoinformatik",
        label_en="Geoinformatics",
        synonyms="GIS\nKartografie\nGeographic information systems",
    )


def test_bulk_created_rows_are_found_without_a_service() -> None:
    Organisation.objects.bulk_create(
        Organisation(
            name=name,
            slug=f"bulk-{n}",
            kind=Organisation.Kind.COMPANY,
            search_text=search_document([name]),
        )
        for n, name in enumerate(["Tischlerei Kramer", "Bäckerei Sommer"])
    )
    assert _names("Tischlerei") == {"Tischlerei Kramer"}
    assert _names("Baeckerei") == {"Bäckerei Sommer"}


def test_an_update_and_a_delete_reach_the_index() -> None:
    organisation = OrganisationFactory(name="Brauerei am Markt")
    organisation_index(organisation)
    assert _names("Brauerei") == {"Brauerei am Markt"}
    Organisation.objects.filter(pk=organisation.pk).update(
        name="Mosterei am Markt", search_text=search_document(["Mosterei am Markt"])
    )
    assert _names("Brauerei") == set()
    assert _names("Mosterei") == {"Mosterei am Markt"}
    organisation.delete()
    assert _names("Mosterei") == set()


def test_the_head_of_a_compound_is_found() -> None:
    coordinator = UserFactory(role="coordinator")
    challenge = ChallengeFactory(title="Möbelfertigung in Serie", public_summary="")
    challenge_index(challenge)
    assert list(challenges_found(coordinator, "Fertigung")) == [challenge]
    assert list(challenges_found(coordinator, "fertigung")) == [challenge]


def test_a_word_of_the_vocabulary_finds_its_synonyms_in_the_text() -> None:
    _geoinformatik()
    says_gis = OrganisationFactory(
        name="Planungsbüro Nord", description="Wir erstellen GIS-Karten."
    )
    organisation_index(says_gis)
    assert not says_gis.competences.exists()
    assert _names("Geoinformatik") == {"Planungsbüro Nord"}
    assert _names("Kartografie") == {"Planungsbüro Nord"}


def test_gis_does_not_find_logistik() -> None:
    _geoinformatik()
    logistics = OrganisationFactory(name="Spedition Elster", description="Logistik für die Region")
    organisation_index(logistics)
    assert _names("GIS") == set()
    assert _names("Logistik") == {"Spedition Elster"}


@pytest.mark.parametrize(
    "query",
    ["Brauerei\x00", "\x00", "Läden " * 2000, "a" * 20_000, '"unclosed OR (', "NEAR(x y)", "-*^"],
)
def test_odd_queries_do_not_fail(client, query: str) -> None:
    organisation_index(OrganisationFactory(name="Brauerei Zeitz"))
    for url in (reverse("network:directory"), reverse("challenges:board"), reverse("search")):
        assert client.get(url, {"q": query}).status_code == 200
    list(search_queryset(Organisation.objects.all(), query))
    list(search_queryset(Challenge.objects.all(), query))


def test_the_count_stops_at_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(CappedPaginator, "limit", 3)
    for n in range(5):
        organisation_index(OrganisationFactory(name=f"Tischlerei {n}"))
    paginator = CappedPaginator(directory_organisations(DirectoryFilters(query="Tischlerei")), 2)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 3
    assert paginator.capped
    assert paginator.num_pages == 2
    assert "LIMIT 4" in queries[0]["sql"]
    assert len(paginator.page(2).object_list) == 1


def test_the_count_below_the_limit_is_exact() -> None:
    for n in range(2):
        organisation_index(OrganisationFactory(name=f"Tischlerei {n}"))
    paginator = CappedPaginator(directory_organisations(DirectoryFilters(query="Tischlerei")), 20)
    assert (paginator.count, paginator.capped) == (2, False)


def test_every_searchable_table_has_its_index() -> None:
    with connection.cursor() as cursor:
        for table in SEARCHABLE_TABLES:
            if connection.vendor == "sqlite":
                cursor.execute(
                    "SELECT name FROM sqlite_master WHERE tbl_name = %s AND type = 'trigger'",
                    [table],
                )
                triggers = {row[0] for row in cursor.fetchall()}
                assert triggers == {
                    f"{table}_search_{event}" for event in ("insert", "update", "delete")
                }
            else:
                cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [table])
                indexes = {row[0] for row in cursor.fetchall()}
                assert {f"{table}_search_words", f"{table}_search_vector"} <= indexes


@pytest.mark.postgres
def test_the_directory_search_reads_the_indexes() -> None:
    for n in range(30):
        organisation_index(OrganisationFactory(name=f"Betrieb {n}", description="Holzbau"))
    organisation_index(OrganisationFactory(name="Stadtverwaltung Eilenburg"))
    queryset = directory_organisations(DirectoryFilters(query="Verwaltung"))
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE actors_organisation")
        # On a few rows any other index is as cheap as ours: plain index scans off as well.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on actors_organisation_search_words" in plan
    assert "Bitmap Index Scan on actors_organisation_search_vector" in plan

"""The German examples of docs/search.md on the demo data, on SQLite and on PostgreSQL.

Two promises: the examples find what the table says (it was written from the search before the
index existed and holds on both databases), and for every example the search through the index
(`search_queryset`) finds exactly what the same condition finds without it, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.models import Q, QuerySet

from transferraum.actors.models import Organisation, PersonProfile
from transferraum.challenges.models import Challenge
from transferraum.core.search import search_q, search_queryset
from transferraum.demo.services import demo_load
from transferraum.projects.models import Project
from transferraum.recommendations.models import Recommendation

# What each kind of the demo finds; a kind left out finds nothing.
EXPECTED: dict[str, dict[str, list[str]]] = {
    "Läden": {
        "organisations": [
            "Nordsachsen Logistik GmbH",
            "Stadtverwaltung Zeitz",
            "Wohnungsgenossenschaft Muldeaue eG",
            "Zeitzer Werkstätten GmbH",
        ],
        "people": ["Claudia Neumann", "Matthias Ebert", "Susanne Kirchner"],
        "challenges": [
            "Einzelstücke online verkaufen",
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Zwischennutzung für leere Läden am Altmarkt",
        ],
        "projects": [
            "Gut versorgt im Dorf: Nachbarschaftshilfe in Zeitzer Ortsteilen",
            "Leerstandskataster für die Eilenburger Innenstadt",
        ],
        "recommendations": [
            "Das Leerstandskataster zweimal im Jahr fortschreiben",
            "Ein Pop-up-Laden für Gründerinnen und Gründer am Markt",
        ],
    },
    "Leerstände": {
        "organisations": [
            "Stadtverwaltung Eilenburg",
            "Universität Leipzig – Institut für Geographie",
            "Universität Leipzig – Wirtschaftswissenschaftliche Fakultät, Institut für "
            "Stadtentwicklung und Bauwirtschaft",
            "Wohnungsgenossenschaft Moritzburgblick Zeitz eG",
            "Wohnungsgenossenschaft Muldeaue eG",
        ],
        "people": [
            "Claudia Neumann",
            "Dr. Miriam Hahn",
            "Jannik Kaiser",
            "Laura Mayer",
            "Lena Schubert",
            "Oskar Möller",
            "Paul Schmidt",
        ],
        "challenges": [
            "Coworking im ehemaligen Kaufhaus?",
            "Ein Altstadt-Gutschein für Zeitz",
            "Gemeinschaftsräume im Quartier: Wer braucht was?",
            "Hitzeinseln in der Innenstadt: Wo wird es im Sommer zu heiß?",
            "Lagerfläche für gebrauchte Baustoffe",
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Mitreden, auch ohne Bürgerversammlung",
            "Radgäste in die Altstadt: ein Café am Elster-Radweg, das keiner findet",
            "Wie viele Menschen kommen in die Altstadt? Passanten zählen mit Sensoren",
            "Zwischennutzung für leere Läden am Altmarkt",
        ],
        "projects": ["Leerstandskataster für die Eilenburger Innenstadt"],
        "recommendations": [
            "Das Leerstandskataster zweimal im Jahr fortschreiben",
            "Das leerstehende Eckhaus am Markt für die Stadt sichern",
            "Ein Pop-up-Laden für Gründerinnen und Gründer am Markt",
        ],
    },
    "Eilenburger Verwaltung": {
        "organisations": ["Stadtverwaltung Eilenburg"],
        "people": [
            "Anja Lorenz",
            "Jan Reinhardt",
            "Prof. Dr. Ulrich Brandt",
            "Sabine Hoffmann",
            "Thomas Berger",
        ],
        "challenges": [
            "Coworking im ehemaligen Kaufhaus?",
            "Hitzeinseln in der Innenstadt: Wo wird es im Sommer zu heiß?",
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Mitreden, auch ohne Bürgerversammlung",
            "Sicher mit dem Rad zur S-Bahn",
            "Zurück nach Eilenburg: Pendelnde aus Leipzig für Arbeit vor Ort gewinnen",
        ],
        "projects": [
            "Hitzeinseln in der Eilenburger Innenstadt",
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Sicher mit dem Rad zur S-Bahn in Eilenburg",
            "Zurück nach Eilenburg: Was Pendelnde zum Wechsel bewegt",
        ],
        "recommendations": [
            "Das Leerstandskataster zweimal im Jahr fortschreiben",
            "Das leerstehende Eckhaus am Markt für die Stadt sichern",
            "Ein Pop-up-Laden für Gründerinnen und Gründer am Markt",
            "Eine feste Ansprechperson für Hochschulprojekte im Rathaus",
            "Hitzemessungen alle zwei Jahre wiederholen und drei feste Messpunkte einrichten",
            "Mehr Schatten und Wasser auf dem Marktplatz",
            "Zwei städtische Parkplätze entsiegeln und mit Bäumen beschatten",
        ],
    },
    "Stadtverwaltung": {
        "organisations": ["Stadtverwaltung Eilenburg", "Stadtverwaltung Zeitz"],
        "people": [
            "Anja Lorenz",
            "Claudia Neumann",
            "Jan Reinhardt",
            "Martin Schulze",
            "Prof. Dr. Ulrich Brandt",
            "Sabine Hoffmann",
            "Stefan Richter",
            "Thomas Berger",
        ],
        "challenges": [
            "Bürgerservice digital: Welche Behördengänge zuerst online?",
            "Coworking im ehemaligen Kaufhaus?",
            "Flächenexposés für die Industriebrachen an der Weißen Elster",
            "Gut versorgt im Dorf: Pflege und Nachbarschaftshilfe in den Ortsteilen",
            "Hitzeinseln in der Innenstadt: Wo wird es im Sommer zu heiß?",
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Mitreden, auch ohne Bürgerversammlung",
            "Sicher mit dem Rad zur S-Bahn",
            "Was hält junge Menschen in Zeitz? Treffpunkte und Angebote für Jugendliche",
            "Zurück nach Eilenburg: Pendelnde aus Leipzig für Arbeit vor Ort gewinnen",
            "Zwischennutzung für leere Läden am Altmarkt",
        ],
        "projects": [
            "Gut versorgt im Dorf: Nachbarschaftshilfe in Zeitzer Ortsteilen",
            "Hitzeinseln in der Eilenburger Innenstadt",
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Sicher mit dem Rad zur S-Bahn in Eilenburg",
            "Was hält junge Menschen in Zeitz? Eine Jugendbefragung",
            "Zurück nach Eilenburg: Was Pendelnde zum Wechsel bewegt",
        ],
        "recommendations": [
            "Das Jugendhaus Zeitz-Ost abends länger öffnen",
            "Das Leerstandskataster zweimal im Jahr fortschreiben",
            "Das leerstehende Eckhaus am Markt für die Stadt sichern",
            "Den Kinder- und Jugendbeirat an Planungen beteiligen",
            "Die Ausstellung „Zeitzer Straßen im Wandel“ in der Stadtbibliothek zeigen",
            "Ein Pop-up-Laden für Gründerinnen und Gründer am Markt",
            "Ein Rufbus am Wochenende bis 23 Uhr",
            "Eine feste Ansprechperson für Hochschulprojekte im Rathaus",
            "Einen überdachten Treffpunkt im Stadtpark bauen",
            "Hitzemessungen alle zwei Jahre wiederholen und drei feste Messpunkte einrichten",
            "Mehr Schatten und Wasser auf dem Marktplatz",
            "Zwei städtische Parkplätze entsiegeln und mit Bäumen beschatten",
        ],
    },
    "GIS": {
        "organisations": [
            "Elstertal Solartechnik GmbH",
            "Kreislaufwerk Eilenburg UG (haftungsbeschränkt)",
            "Universität Leipzig – Institut für Geographie",
        ],
        "people": [
            "Aylin Kaya",
            "Carla Herrmann",
            "Clara Walter",
            "Dr. Jonas Brandt",
            "Dr. Miriam Hahn",
            "Frieda Scholz",
            "Greta Krause",
            "Hannah Fischer",
            "Ida Meyer",
            "Jakob Schneider",
            "Jannik Kaiser",
            "Jannik Köhler",
            "Laura Mayer",
            "Lena Schubert",
            "Luise Möller",
            "Lukas Brenner",
            "Mia Hofmann",
            "Niklas Müller",
            "Paul Schmidt",
            "Pia Müller",
            "Sabine Hoffmann",
            "Tim Neumann",
        ],
        "challenges": [
            "Hitzeinseln in der Innenstadt: Wo wird es im Sommer zu heiß?",
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Solarpotenzial der Gewerbedächer in Zeitz-Ost",
        ],
        "projects": [
            "Leerstandskataster für die Eilenburger Innenstadt",
            "Sicher mit dem Rad zur S-Bahn in Eilenburg",
        ],
        "recommendations": ["Das Leerstandskataster zweimal im Jahr fortschreiben"],
    },
    "Logistik": {
        "organisations": [
            "Kreislaufwerk Eilenburg UG (haftungsbeschränkt)",
            "Nordsachsen Logistik GmbH",
        ],
        "people": ["Ida Krause", "Matthias Ebert", "Sandra Pietsch", "Tom Becker"],
        "challenges": ["E-Lkw im Verteilerverkehr: Rechnet sich das für uns?"],
    },
    "Produktionsplanung": {
        "challenges": ["Produktionsplanung mit den eigenen Daten"],
        "projects": ["Produktionsplanung mit Daten einer Zeitzer Werkstatt (Abschlussarbeit)"],
    },
    "Magnettafel": {},
    "Eilenburg Mobilität": {
        "organisations": ["Nordsachsen Logistik GmbH"],
        "challenges": [
            "E-Lkw im Verteilerverkehr: Rechnet sich das für uns?",
            "Mulde erleben: Tagesausflüge für Familien aus Leipzig",
            "Sicher mit dem Rad zur S-Bahn",
        ],
    },
    "Müller": {
        "people": ["Niklas Müller", "Pia Müller"],
    },
}

# Spellings that must find the same (umlauts and their transliterations, inflections).
SAME = (("Läden", "Laeden"), ("Leerstände", "Leerstand"), ("Müller", "Mueller"))

# Every example, for the comparison with the search without index.
QUERIES = (
    *EXPECTED,
    *(other for _first, other in SAME),
    "eilenburger",
    "Verwaltung",
    "Ladenleerstand",
    "Geoinformatik",
    "Kartografie",
    "Radweg",
    "Fertigung",
    "Zeitz Innenstadt",
)

# The columns of PostgreSQL's full-text match before the stored vector (see the migrations).
FULLTEXT = {
    Organisation: ("name", "short_description", "description"),
    PersonProfile: ("bio",),
    Challenge: ("title", "public_summary"),
    Project: ("title", "description", "public_summary"),
    Recommendation: ("title", "summary"),
}

KINDS: dict[str, tuple[Callable[[], QuerySet[Any]], Callable[[Any], str]]] = {
    "organisations": (lambda: Organisation.objects.order_by("name", "pk"), lambda o: o.name),
    "people": (
        lambda: PersonProfile.objects.select_related("user").order_by("user__name", "pk"),
        lambda p: p.user.name,
    ),
    "challenges": (lambda: Challenge.objects.order_by("-updated_at", "pk"), lambda c: c.title),
    "projects": (lambda: Project.objects.order_by("title", "pk"), lambda p: p.title),
    "recommendations": (
        lambda: Recommendation.objects.order_by("-updated_at", "pk"),
        lambda r: r.title,
    ),
}


def _without_index(queryset: QuerySet[Any], query: str) -> QuerySet[Any]:
    """The search as it ran before the index: the condition on every row, and on PostgreSQL
    the German full-text match computed from the columns."""
    if connection.vendor != "postgresql":
        return queryset.filter(search_q(query))
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*FULLTEXT[queryset.model], config="german")
    fulltext = SearchQuery(query, config="german", search_type="websearch")
    return (
        queryset.annotate(old_vector=vector, old_rank=SearchRank(vector, fulltext))
        .filter(search_q(query) | Q(old_vector=fulltext))
        .order_by("-old_rank", *queryset.query.order_by)
    )


@pytest.fixture(scope="module")
def demo_data(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The demo, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        yield
        transaction.set_rollback(True)


def test_the_examples_find_what_the_table_says(demo_data: None, db: None) -> None:
    wrong = {}
    for query, kinds in EXPECTED.items():
        for kind, (queryset, name) in KINDS.items():
            found = sorted(name(o) for o in search_queryset(queryset(), query))
            if found != kinds.get(kind, []):
                wrong[(query, kind)] = found
    assert wrong == {}


def test_other_spellings_find_the_same(demo_data: None, db: None) -> None:
    for first, other in SAME:
        for kind, (queryset, _name) in KINDS.items():
            # The same rows; PostgreSQL's rank may order them differently ("laed" ≠ "lad").
            assert set(search_queryset(queryset(), first)) == set(
                search_queryset(queryset(), other)
            ), (first, other, kind)


def test_the_index_finds_what_the_search_without_index_found(demo_data: None, db: None) -> None:
    differ = {}
    for query in QUERIES:
        for kind, (queryset, name) in KINDS.items():
            indexed = [name(o) for o in search_queryset(queryset(), query)]
            unindexed = [name(o) for o in _without_index(queryset(), query)]
            if indexed != unindexed:
                differ[(query, kind)] = (indexed, unindexed)
    assert differ == {}


def test_gis_finds_whoever_chose_geoinformatik(demo_data: None, db: None) -> None:
    chose = Organisation.objects.filter(competences__slug="geoinformatik")
    found = search_queryset(Organisation.objects.all(), "GIS")
    assert chose.exists()
    assert set(chose) <= set(found)
    assert not any("logist" in o.search_text and " gis" not in o.search_text for o in found)

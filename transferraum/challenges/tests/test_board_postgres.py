"""Board search on PostgreSQL: German full-text search next to the stem match, ranked.

The same searches run on SQLite in test_board.py (the fallback must find them too).
"""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.urls import reverse

from transferraum.challenges.models import Challenge
from transferraum.challenges.selectors import BoardFilters, board_challenges
from transferraum.challenges.tests.test_board import (
    CONFIDENTIAL_SECRET,
    SECRET,
    build_board,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture
def board(town_eilenburg, company_zeitz):
    return build_board(town_eilenburg, company_zeitz)


def search(query: str, extra: str = "") -> list[Challenge]:
    return list(board_challenges(BoardFilters.from_query(QueryDict(f"q={query}{extra}"))))


def test_leerstaende_finds_the_challenge_about_leerstand(board):
    found = search("Leerstände")
    assert [c.title for c in found] == ["Leerstand in der Innenstadt"]
    # Found through PostgreSQL's path: the results carry their full-text rank.
    assert hasattr(found[0], "search_rank")


def test_verwaltung_finds_the_stadtverwaltung(board):
    assert {c.title for c in search("Verwaltung")} == {
        "Leerstand in der Innenstadt",
        "Radverkehr am Bahnhof",
    }


def test_laeden_finds_laeden(board):
    assert [c.title for c in search("Laeden")] == ["Leerstand in der Innenstadt"]


def test_full_text_search_adds_matches_and_orders_by_rank(board):
    # Changed without the service, so the stemmed search text does not know the new words:
    # only PostgreSQL's full-text search over the title and summary finds them.
    Challenge.objects.filter(pk=board.young_staff.pk).update(
        public_summary="Fahrradwerkstatt für Lehrlinge: Fahrräder reparieren und Fahrräder bauen."
    )
    Challenge.objects.filter(pk=board.cycling.pk).update(title="Fahrräder am Bahnhof")
    found = search("Fahrräder")
    assert {c.title for c in found} == {"Nachwuchs für die Werkstatt", "Fahrräder am Bahnhof"}
    ranks = [c.search_rank for c in found]
    assert ranks == sorted(ranks, reverse=True)
    # The filters still apply.
    assert [c.title for c in search("Fahrräder", "&status=completed")] == ["Fahrräder am Bahnhof"]


def test_full_text_search_never_reads_confidential_texts(board):
    # Even text the index has not seen: the problem is not among the full-text fields.
    Challenge.objects.filter(pk=board.young_staff.pk).update(
        problem="Die Gießerei braucht einen Hochofen."
    )
    for word in (SECRET, CONFIDENTIAL_SECRET, "Hochofen", "Altersstruktur"):
        assert search(word) == []


def test_board_page_searches_with_postgres(client, board):
    response = client.get(reverse("challenges:board"), {"q": "Leerstände"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Leerstand in der Innenstadt" in content
    assert "Nachwuchs für die Werkstatt" not in content

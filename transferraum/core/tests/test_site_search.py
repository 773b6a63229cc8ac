"""The registries of the platform's search and of the connections between pages."""

from __future__ import annotations

import pytest

from transferraum.core import related, site_search
from transferraum.core.related import RelatedGroup, RelatedProvider, related_for, related_register
from transferraum.core.site_search import (
    SearchHit,
    SearchProvider,
    SiteSearchFilters,
    search_providers,
    search_register,
)


@pytest.fixture
def registries(monkeypatch):
    """Empty registries for the test; the apps' providers come back afterwards."""
    monkeypatch.setattr(site_search, "_PROVIDERS", {})
    monkeypatch.setattr(related, "_PROVIDERS", {})


def _finds(*titles: str):
    def search(query: str, viewer, limit: int):
        hits = [SearchHit(title, f"/{title}/") for title in titles if query.lower() in title]
        return hits[:limit], len(hits)

    return search


def test_every_app_registers_its_kinds():
    kinds = [provider.kind for provider in search_providers()]
    assert kinds == [
        "organisations",
        "people",
        "challenges",
        "opportunities",
        "projects",
        "recommendations",
        "ventures",
    ]


def test_kinds_are_grouped_in_their_order_without_the_empty_ones(registries):
    search_register(
        SearchProvider(
            "b", "B", _finds("leer1", "leer2", "leer3"), order=20, list_url=lambda q: f"/b?q={q}"
        ),
        SearchProvider("a", "A", _finds("leer0"), order=10),
        SearchProvider("c", "C", _finds("voll"), order=30),
    )
    groups = site_search.site_search("leer", None, limit=2)
    assert [(g.kind, g.total, len(g.hits), g.more) for g in groups] == [
        ("a", 1, 1, False),
        ("b", 3, 2, True),
    ]
    assert groups[1].list_url == "/b?q=leer"
    assert groups[0].list_url == ""


def test_registering_a_kind_again_replaces_it(registries):
    search_register(SearchProvider("a", "A", _finds("x"), order=10))
    search_register(SearchProvider("a", "A2", _finds("x"), order=10))
    assert [p.label for p in search_providers()] == ["A2"]


@pytest.mark.parametrize("query", ["", " ", "a", "?!", "\x00"])
def test_nothing_is_searched_without_a_word(registries, query):
    def refuse(query, viewer, limit):
        raise AssertionError("searched")

    search_register(SearchProvider("a", "A", refuse, order=10))
    assert site_search.site_search(query, None) == []


def test_the_query_is_cleaned_and_bounded():
    from django.http import QueryDict

    filters = SiteSearchFilters.from_query(QueryDict("q=%00Leer%00stand+++" + "x" * 300))
    assert filters.query.startswith("Leerstand x")
    assert len(filters.query) == site_search.QUERY_MAX_LENGTH


def test_connections_of_a_page_in_their_order(registries):
    def group(kind):
        return lambda obj, viewer, limit: RelatedGroup(kind, kind, [SearchHit(obj, "/")], 1)

    related_register(
        RelatedProvider("page", "second", group("second"), order=20),
        RelatedProvider("page", "first", group("first"), order=10),
        RelatedProvider("page", "nothing", lambda obj, viewer, limit: None, order=5),
        RelatedProvider("other", "elsewhere", group("elsewhere"), order=1),
    )
    assert [g.kind for g in related_for("page", "x", None)] == ["first", "second"]

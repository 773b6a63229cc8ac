"""German search that works the same on SQLite and PostgreSQL.

Every searchable object keeps a `search_text`: its words, lower-cased, umlauts folded and
reduced to their German stems, separated by single spaces and framed by spaces. A query word
matches when its stem begins a word ("eilenburger" → "eilenburg" matches "eilenburg") or ends
one, which finds the head of a German compound ("verwaltung" → "verwalt" matches
"stadtverwalt"). PostgreSQL adds its own German full-text search on top (see `search_queryset`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

import snowballstemmer
from django.db import connection, models
from django.db.models import Q, QuerySet

M = TypeVar("M", bound=models.Model)

_WORD = re.compile(r"[a-z0-9]+")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "á": "a"})
_stemmer = snowballstemmer.stemmer("german")


def normalise(text: str) -> str:
    """Lower-case, fold umlauts and transliterated umlauts ("Läden", "Laeden" → "laden")."""
    text = text.lower().translate(_FOLD)
    text = re.sub(r"([aou])e", r"\1", text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def stems(text: str) -> list[str]:
    return [stem(word) for word in _WORD.findall(normalise(text))]


# Short parts (competence terms, town names, labels) repeat across thousands of objects.
_SHORT_PART = 120


@lru_cache(maxsize=20_000)
def _short_part_stems(part: str) -> tuple[str, ...]:
    return tuple(stems(part))


def search_document(parts: Iterable[str]) -> str:
    """The `search_text` of an object made of these texts (names, descriptions, terms)."""
    words: list[str] = []
    seen: set[str] = set()
    for part in parts:
        part = part or ""
        for word in _short_part_stems(part) if len(part) <= _SHORT_PART else stems(part):
            if word not in seen:
                seen.add(word)
                words.append(word)
    return f" {' '.join(words)} " if words else ""


def query_stems(query: str) -> list[str]:
    """Stems of the query's words; words of one letter are dropped."""
    return [word for word in dict.fromkeys(stems(query)) if len(word) > 1]


def search_q(query: str, field: str = "search_text") -> Q:
    """Every query word must begin or end a word of `field` (AND of the words)."""
    condition = Q()
    for word in query_stems(query):
        condition &= Q(**{f"{field}__contains": f" {word}"}) | Q(
            **{f"{field}__contains": f"{word} "}
        )
    return condition


def search_queryset(
    queryset: QuerySet[M], query: str, *, fulltext_fields: Sequence[str]
) -> QuerySet[M]:
    """Filter `queryset` by the query, best matches first where the database can rank.

    On PostgreSQL a German full-text match of `fulltext_fields` counts as well, and results are
    ordered by its rank; elsewhere the stem match alone decides and the order stays as it was.
    """
    if not query_stems(query):
        return queryset
    condition = search_q(query)
    if connection.vendor != "postgresql":
        return queryset.filter(condition)
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector(*fulltext_fields, config="german")
    fulltext = SearchQuery(query, config="german", search_type="websearch")
    return (
        queryset.annotate(search_vector=vector, search_rank=SearchRank(vector, fulltext))
        .filter(condition | Q(search_vector=fulltext))
        .order_by("-search_rank", *queryset.query.order_by)
    )

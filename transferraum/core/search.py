"""German search that works the same on SQLite and PostgreSQL, served by an index on both.

Every searchable object keeps a `search_text`: its words, lower-cased, umlauts folded and
reduced to their German stems, followed by the folded whole word where the stem is shorter,
separated by single spaces and framed by spaces. A query word matches when its stem begins a
word ("eilenburger" → "eilenburg" matches "eilenburg") or ends one, which finds the head of a
German compound ("verwaltung" → "verwalt" matches "stadtverwalt"), or when the whole word ends
a whole word ("fertigung" ends "mobelfertigung", whose stem "mobelfert" lost the "ig"). A query
word that names a term of the vocabulary also matches the term's other names (`search_synonyms_
register`): "Geoinformatik" finds a text that says "GIS".

The database answers from an index (see `core.search_index`): on PostgreSQL a stored `tsvector`
of the words of `search_text`, forwards and reversed, serves the word matches as prefix queries
and a stored German `tsvector` the full-text match, which counts as well and ranks (both GIN);
on SQLite an FTS5 trigram table kept up to date by triggers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import snowballstemmer
from django.db import connection, models
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

M = TypeVar("M", bound=models.Model)

_WORD = re.compile(r"[a-z0-9]+")
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e", "è": "e", "á": "a"})
_stemmer = snowballstemmer.stemmer("german")
# A query is cut long before this by the filters; a longer one still costs bounded work.
MAX_QUERY_WORDS = 12
FULLTEXT_MAX_LENGTH = 500


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


def search_key(text: str) -> str:
    """The stems of a text as one string: two names are the same when their keys are equal
    ("Läden" and "laeden")."""
    return " ".join(dict.fromkeys(stems(text)))


def _part_words(part: str) -> list[str]:
    """Each word's stem and the whole folded word (equal ones collapse in the document)."""
    words: list[str] = []
    for word in _WORD.findall(normalise(part)):
        words.append(stem(word))
        words.append(word)
    return words


# Short parts (competence terms, town names, labels) repeat across thousands of objects.
_SHORT_PART = 120


@lru_cache(maxsize=20_000)
def _short_part_words(part: str) -> tuple[str, ...]:
    return tuple(_part_words(part))


def search_document(parts: Iterable[str]) -> str:
    """The `search_text` of an object made of these texts (names, descriptions, terms): each
    word's stem, and the whole folded word after it when the stem is shorter."""
    words: dict[str, None] = {}
    for part in parts:
        part = part or ""
        for word in _short_part_words(part) if len(part) <= _SHORT_PART else _part_words(part):
            words[word] = None
    return f" {' '.join(words)} " if words else ""


def query_stems(query: str) -> list[str]:
    """Stems of the query's words; words of one letter are dropped."""
    return [word for word in dict.fromkeys(stems(query)) if len(word) > 1]


# --- synonyms ---------------------------------------------------------------------------------

SynonymSource = Callable[[], Iterable[Sequence[str]]]
_SYNONYM_SOURCES: list[SynonymSource] = []


def search_synonyms_register(source: SynonymSource) -> None:
    """Add a source of synonym sets (each a term's names: label, other labels, synonyms).

    `core` knows no vocabulary: `actors` registers its competences in `ready()`. A query word
    that is one of a set's one-word names also matches every other name of the set.
    """
    if source not in _SYNONYM_SOURCES:
        _SYNONYM_SOURCES.append(source)


def _synonym_sets() -> list[list[tuple[str, ...]]]:
    """Every synonym set as the stems of each of its names (one query per source). A name with
    a word of one letter ("Industrie 4.0") is left out: no index finds such a word."""
    sets = []
    for source in _SYNONYM_SOURCES:
        for names in source():
            keys = [tuple(dict.fromkeys(stems(name))) for name in names]
            sets.append([key for key in dict.fromkeys(keys) if key and min(map(len, key)) > 1])
    return sets


# --- the query --------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    """One word of a query and what it matches: its stem, its whole folded form and the names
    (as stems; a name of several words needs all of them) of terms it is a synonym of."""

    stem: str
    whole: str
    synonyms: tuple[tuple[str, ...], ...] = ()

    def alternatives(self) -> list[list[str]]:
        """What may stand in the search text for this word: each alternative is a list of
        patterns that must all occur (`" s"` begins a word, `"s "` ends one)."""
        found: list[list[str]] = [[f" {self.stem}"], [f"{self.stem} "]]
        if self.whole != self.stem:
            found.append([f"{self.whole} "])
        for name in self.synonyms:
            if name == (self.stem,):
                continue
            if len(name) == 1:
                found += [[f" {name[0]}"], [f"{name[0]} "]]
            else:
                # The words of a name of several words must each begin a word.
                found.append([f" {word}" for word in name])
        return found


def query_words(query: str) -> list[QueryWord]:
    """The query's words (at most `MAX_QUERY_WORDS`, one letter dropped) with their synonyms."""
    words: dict[str, QueryWord] = {}
    for whole in _WORD.findall(normalise(query)):
        word_stem = stem(whole)
        if len(word_stem) > 1 and word_stem not in words:
            words[word_stem] = QueryWord(word_stem, whole)
        if len(words) == MAX_QUERY_WORDS:
            break
    if not words:
        return []
    sets = _synonym_sets()
    result = []
    for word in words.values():
        names: dict[tuple[str, ...], None] = {}
        for names_of_term in sets:
            if (word.stem,) in names_of_term:
                names.update(dict.fromkeys(names_of_term))
        result.append(QueryWord(word.stem, word.whole, tuple(names)))
    return result


def search_q(query: str, field: str = "search_text") -> Q:
    """Every query word must match a word of `field` (AND of the words, OR of their forms).

    The plain condition every database understands; `search_queryset` asks the index instead.
    """
    return _words_q(query_words(query), field)


def _words_q(words: Sequence[QueryWord], field: str = "search_text") -> Q:
    condition = Q()
    for word in words:
        either = Q()
        for patterns in word.alternatives():
            both = Q()
            for pattern in patterns:
                both &= Q(**{f"{field}__contains": pattern})
            either |= both
        condition &= either
    return condition


def fts5_query(words: Sequence[QueryWord]) -> str:
    """The same condition as `search_q` in FTS5's query language for a trigram table: each
    pattern a quoted phrase (letters, digits and spaces only, so nothing needs escaping)."""

    def phrase(pattern: str) -> str:
        return f'"{pattern}"'

    clauses = []
    for word in words:
        options = [" AND ".join(phrase(p) for p in patterns) for patterns in word.alternatives()]
        clauses.append("(" + " OR ".join(f"({option})" for option in options) + ")")
    return " AND ".join(clauses)


def tsquery_words(words: Sequence[QueryWord]) -> str:
    """The same condition as `search_q` as a PostgreSQL `tsquery` on the stored `search_words`
    (each word of `search_text` as it is and reversed behind a marker): a word's beginning is a
    prefix of a word, its end a prefix of a marked reversed word. Lexemes are letters and
    digits, so nothing needs escaping."""
    from transferraum.core.search_index import REVERSED

    def lexeme(pattern: str) -> str:
        word = pattern.strip()
        return f"{word}:*" if pattern.startswith(" ") else f"{REVERSED}{word[::-1]}:*"

    clauses = []
    for word in words:
        options = [" & ".join(lexeme(p) for p in patterns) for patterns in word.alternatives()]
        clauses.append("(" + " | ".join(f"({option})" for option in options) + ")")
    return " & ".join(clauses)


def search_queryset(queryset: QuerySet[M], query: str) -> QuerySet[M]:
    """Filter `queryset` by the query through the model's search index, best matches first
    where the database can rank.

    On PostgreSQL the word match is a `tsquery` on the stored `search_words` (GIN), a German
    full-text match of the stored `search_vector` (GIN) counts as well, and results are ordered
    by its rank (among the first 1,001 matches, see `COUNT_LIMIT`); on SQLite the FTS5 table
    answers the word match and the order stays as it was.
    """
    words = query_words(query)
    if not words:
        return queryset
    if connection.vendor != "postgresql":
        # The table name comes from the model; the words travel as a parameter.
        fts = f'"{queryset.model._meta.db_table}_search"'
        match = f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s"  # noqa: S608
        return queryset.filter(pk__in=RawSQL(match, (fts5_query(words),)))  # noqa: S611
    from django.contrib.postgres.search import SearchQuery, SearchRank

    from transferraum.core.pagination import COUNT_LIMIT
    from transferraum.core.search_index import StoredSearchVector

    vector = StoredSearchVector("search_vector")
    text = query.replace("\x00", " ")[:FULLTEXT_MAX_LENGTH]
    fulltext = SearchQuery(text, config="german", search_type="websearch")
    matched = SearchQuery(tsquery_words(words), config="simple", search_type="raw")
    # Ranking reads every candidate's vector: only the first COUNT_LIMIT + 1 matches are
    # ranked (a list says "more than 1000" beyond them), so a common word costs no more than
    # a rare one.
    matches = (
        queryset.annotate(search_words=StoredSearchVector("search_words"), search_vector=vector)
        .filter(Q(search_words=matched) | Q(search_vector=fulltext))
        .order_by()
        .values("pk")
    )
    # A materialised CTE is planned for all its rows, so the planner takes the GIN indexes
    # (with the LIMIT inside, it would read the table, expecting matches everywhere); rows
    # still flow on demand, and the LIMIT stops the scan after COUNT_LIMIT + 1 of them.
    sql, params = matches.query.sql_with_params()
    cte = f"WITH matches AS MATERIALIZED ({sql}) SELECT * FROM matches LIMIT %s"  # noqa: S608
    candidates = RawSQL(cte, (*params, COUNT_LIMIT + 1))  # noqa: S611 (Django's own SQL)
    return (
        queryset.filter(pk__in=candidates)
        .annotate(search_rank=SearchRank(vector, fulltext))
        .order_by("-search_rank", *queryset.query.order_by)
    )

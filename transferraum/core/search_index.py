"""The search index of a table, created by a migration and kept up to date by the database.

`SearchIndex(model_name, fulltext=(…))` is a migration operation that indexes a model's
`search_text` (see `core.search`) in the way each database can:

- **PostgreSQL**: two stored generated `tsvector` columns, each with a GIN index:
  `search_words`, the words of `search_text` as they are and reversed behind the marker
  `REVERSED`, so that a word's beginning and its end (the head of a compound) are prefix queries
  (`core.search.tsquery_words`); and `search_vector`, German, from the `fulltext` columns,
  for the full-text match and the rank. (A trigram index on `search_text` served the same
  `LIKE` patterns, but every hit was rechecked against the whole text: at 100,000 rows the
  planner read the table instead. No extension is needed.)
- **SQLite**: an FTS5 table `<table>_search` with the trigram tokenizer over `search_text`
  (external content, rowid = the primary key) and triggers that keep it in step on insert,
  update and delete; existing rows are indexed at once.

Both are kept up to date by the database itself, so `bulk_create` and `QuerySet.update` need
nothing extra: filling `search_text` is enough. The model does not declare the column or the
FTS table: neither exists on the other database, and Django has no field or index class that
is skipped per vendor.

Two things to know when changing a searchable model later:
- PostgreSQL refuses to change the type of a column a generated column reads: drop the index
  in the migration (reverse `SearchIndex`), change the column, add it again.
- On SQLite, Django rebuilds a table to alter most columns and the triggers are lost with the
  old table: add `SearchIndex` again after such an operation. `network/tests/
  test_search_index.py` fails while a searchable table has no triggers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib.postgres.search import SearchVectorField
from django.db.migrations.operations.base import Operation
from django.db.models import Expression

# Put before each reversed word in `search_words`: no word of a text begins with it.
REVERSED = "0rev0"

SEARCHABLE_TABLES = (
    "actors_organisation",
    "actors_personprofile",
    "challenges_challenge",
    "projects_project",
    "recommendations_recommendation",
    "ventures_venture",
)


class StoredSearchVector(Expression):
    """A stored `tsvector` column (`search_words`, `search_vector`) of the queryset's own
    table (PostgreSQL only)."""

    output_field = SearchVectorField()

    def __init__(self, column: str) -> None:
        super().__init__()
        self.column = column

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        # The first alias is the model's own table, also when Django renamed it in a subquery.
        alias = next(iter(compiler.query.alias_map))
        return f"{compiler.quote_name_unless_alias(alias)}.{self.column}", []


def _postgresql_forwards(table: str, fulltext: Sequence[str]) -> list[str]:
    text = " || ' ' || ".join(f"COALESCE({column}, '')" for column in fulltext)
    # Each word of `search_text` as it is and reversed behind a marker: a prefix query finds
    # a word's beginning, one on the marked reversed word its end (the head of a compound).
    # Stripped of positions, the vector is small and the GIN index answers without a recheck.
    words = (
        "strip(to_tsvector('simple'::regconfig, search_text || ' ' || "
        f"regexp_replace(reverse(search_text), '([a-z0-9]+)', '{REVERSED}\\1', 'g')))"
    )
    # Storage MAIN keeps the vectors in the row (compressed) instead of the TOAST table: the
    # planner counts the pages a table scan reads, so it sees what scanning costs and takes the
    # GIN index for a common word; rows it reads need no TOAST lookup. One statement, so that
    # the table is written once, already with that storage.
    return [
        f"ALTER TABLE {table} "
        f"ADD COLUMN search_words tsvector GENERATED ALWAYS AS ({words}) STORED, "
        "ALTER COLUMN search_words SET STORAGE MAIN, "
        "ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        f"(to_tsvector('german'::regconfig, {text})) STORED, "
        "ALTER COLUMN search_vector SET STORAGE MAIN",
        f"CREATE INDEX {table}_search_words ON {table} USING gin (search_words)",
        f"CREATE INDEX {table}_search_vector ON {table} USING gin (search_vector)",
    ]


def _postgresql_backwards(table: str) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {table}_search_vector",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector",
        f"DROP INDEX IF EXISTS {table}_search_words",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_words",
    ]


def _sqlite_forwards(table: str, pk: str) -> list[str]:
    # Names from the model in a migration, no input: f-strings build the statements.
    fts = f"{table}_search"
    delete_old = (
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES('delete', old.{pk}, old.search_text);"
    )
    insert_new = f"INSERT INTO {fts}(rowid, search_text) VALUES (new.{pk}, new.search_text);"  # noqa: S608
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, content='{table}', "
        f"content_rowid='{pk}', tokenize='trigram')",
        f"INSERT INTO {fts}({fts}) VALUES('rebuild')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {insert_new} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {delete_old} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF search_text, {pk} ON {table} "
        f"BEGIN {delete_old} {insert_new} END",
    ]


def _sqlite_backwards(table: str) -> list[str]:
    fts = f"{table}_search"
    return [
        f"DROP TRIGGER IF EXISTS {fts}_insert",
        f"DROP TRIGGER IF EXISTS {fts}_delete",
        f"DROP TRIGGER IF EXISTS {fts}_update",
        f"DROP TABLE IF EXISTS {fts}",
    ]


class SearchIndex(Operation):
    """Index the model's `search_text` (and on PostgreSQL the `fulltext` columns, by column
    name) in the database's own way; see the module docstring."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str, fulltext: Sequence[str]) -> None:
        self.model_name = model_name
        self.fulltext = tuple(fulltext)

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return self.__class__.__qualname__, [self.model_name, self.fulltext], {}

    def state_forwards(self, app_label: str, state: Any) -> None:
        """The column and the FTS table are not part of the model (see the module docstring)."""

    def _run(self, app_label: str, schema_editor: Any, state: Any, *, forwards: bool) -> None:
        model = state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        table, pk = model._meta.db_table, model._meta.pk.column
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            statements = (
                _postgresql_forwards(table, self.fulltext)
                if forwards
                else _postgresql_backwards(table)
            )
        elif vendor == "sqlite":
            statements = _sqlite_forwards(table, pk) if forwards else _sqlite_backwards(table)
        else:
            statements = []
        for statement in statements:
            schema_editor.execute(statement, params=None)

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        self._run(app_label, schema_editor, to_state, forwards=True)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        self._run(app_label, schema_editor, from_state, forwards=False)

    def describe(self) -> str:
        return f"Search index on {self.model_name}"

    @property
    def migration_name_fragment(self) -> str:
        return f"{self.model_name.lower()}_search_index"


class SearchTriggersRestored(Operation):
    """Put a searchable table's SQLite index back after an operation that rebuilt the table
    (most `AddField`/`AlterField` on SQLite), in both directions; nothing on PostgreSQL, where
    the generated columns survive. Place it right after the rebuilding operation."""

    reversible = True
    reduces_to_sql = True

    def __init__(self, model_name: str) -> None:
        self.model_name = model_name

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return self.__class__.__qualname__, [self.model_name], {}

    def state_forwards(self, app_label: str, state: Any) -> None:
        """Nothing in the model state: see SearchIndex."""

    def _run(self, app_label: str, schema_editor: Any, state: Any) -> None:
        model = state.apps.get_model(app_label, self.model_name)
        if schema_editor.connection.vendor != "sqlite" or not self.allow_migrate_model(
            schema_editor.connection.alias, model
        ):
            return
        table, pk = model._meta.db_table, model._meta.pk.column
        for statement in [*_sqlite_backwards(table), *_sqlite_forwards(table, pk)]:
            schema_editor.execute(statement, params=None)

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        self._run(app_label, schema_editor, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        self._run(app_label, schema_editor, from_state)

    def describe(self) -> str:
        return f"Search triggers restored on {self.model_name}"

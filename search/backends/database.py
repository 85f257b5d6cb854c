"""Wagtail's database search backend, folding Vietnamese on SQLite (FTS5) and PostgreSQL.

Used as `"BACKEND": "search.backends.database"`. Like Wagtail's own `database` backend it picks
the implementation for the default database; both store folded text in the index
(search.folding.fold_for_index) and fold every query (search.backends.FoldingQueryMixin):

- SQLite: FTS5's default `unicode61` tokenizer keeps the marks of letters that carry two (ờ, ệ)
  and never folds đ; it receives plain folded ASCII words instead, so it has nothing to undo.
- PostgreSQL: the text search configuration defaults to `simple` (lower case, no stemming, no
  stop words). An English configuration would stem "tot" and drop Vietnamese syllables such as
  "an" and "do" as stop words; `unaccent` is not needed because the text arrives folded.

The two `add_items` methods below follow modelsearch 1.3's, changed only to use the folding
indexers; tests/search/test_backends.py checks the stored entries on both databases, so an
upgrade that changes the upstream shape fails loudly.
"""

import logging

from django.db import connection
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.utils import get_content_type_pk

from search.backends import FoldingQueryMixin, fold_value

logger = logging.getLogger(__name__)


class FoldingSQLiteIndexer(lite.ObjectIndexer):
    def prepare_value(self, value):
        return fold_value(super().prepare_value(value))


class FoldingSQLiteIndex(lite.SQLiteIndex):
    indexer_class = FoldingSQLiteIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            [
                lite.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()


class FoldingSQLiteSearchBackend(FoldingQueryMixin, lite.SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex


class FoldingPostgresIndexer(pg.ObjectIndexer):
    def prepare_value(self, value):
        return fold_value(super().prepare_value(value))


class FoldingPostgresIndex(pg.PostgresIndex):
    indexer_class = FoldingPostgresIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(pg.IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {vectors_sql[0]}, {vectors_sql[1]}, {vectors_sql[2]}, 1.0, %s, %s)")
        table = pg.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # the table name is ours; every value is a parameter
                params,
            )
        self._refresh_title_norms()


class FoldingPostgresSearchBackend(FoldingQueryMixin, pg.PostgresSearchBackend):
    index_class = FoldingPostgresIndex

    def __init__(self, params):
        params = {"SEARCH_CONFIG": "simple", **params}
        super().__init__(params)


_SQLITE_FTS_READY: bool | None = None


def _sqlite_fts_ready() -> bool:
    """Whether SQLite has FTS5 and Wagtail's FTS table exists (checked once per process)."""
    global _SQLITE_FTS_READY
    if _SQLITE_FTS_READY is None:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _SQLITE_FTS_READY = fts5_available() and fts_table_exists()
    return _SQLITE_FTS_READY


def SearchBackend(params):  # Wagtail looks for this name in a backend module
    """The folding backend for the default database (SQLite or PostgreSQL)."""
    if connection.vendor == "postgresql":
        return FoldingPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_fts_ready():
        return FoldingSQLiteSearchBackend(params)
    # MySQL, or SQLite without FTS5: Wagtail's own backend, which matches marks exactly.
    logger.warning("No folding search backend for the %s database; searching with marks.", connection.vendor)
    from wagtail.search.backends.database import SearchBackend as WagtailDatabaseBackend

    return WagtailDatabaseBackend(params)

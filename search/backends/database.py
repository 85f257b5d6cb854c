"""Wagtail's database search backend, folding Vietnamese on SQLite (FTS5) and PostgreSQL.

Used as `"BACKEND": "search.backends.database"`. Like Wagtail's own `database` backend it picks
the implementation for the default database; both store folded text in the index
(search.folding.fold_for_index) and fold every query (search.backends.FoldingQueryMixin):

- SQLite: FTS5's default `unicode61` tokenizer keeps the marks of letters that carry two (ờ, ệ)
  and never folds đ; it receives plain folded ASCII words instead, so it has nothing to undo.
- PostgreSQL: the text search configuration defaults to `simple` (lower case, no stemming, no
  stop words). An English configuration would stem "tot" and drop Vietnamese syllables such as
  "an" and "do" as stop words; `unaccent` is not needed because the text arrives folded.

The `add_items` methods in search/backends/sqlite.py and postgres.py follow modelsearch 1.3's,
changed only to use the folding indexers; tests/search/test_backends.py checks the stored entries
on both databases, so an upgrade that changes the upstream shape fails loudly.
"""

import logging

from django.db import connection

logger = logging.getLogger(__name__)

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
        from search.backends.postgres import FoldingPostgresSearchBackend

        return FoldingPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_fts_ready():
        from search.backends.sqlite import FoldingSQLiteSearchBackend

        return FoldingSQLiteSearchBackend(params)
    # MySQL, or SQLite without FTS5: Wagtail's own backend, which matches marks exactly.
    logger.warning("No folding search backend for the %s database; searching with marks.", connection.vendor)
    from wagtail.search.backends.database import SearchBackend as WagtailDatabaseBackend

    return WagtailDatabaseBackend(params)

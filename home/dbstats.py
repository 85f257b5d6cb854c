"""Keep the database's query planner informed of how big each table is.

SQLite plans joins from statistics that only `ANALYZE` writes. Without them it guesses, and
with 10,000 pages it guessed wrong for Wagtail's multi-table pages: finding the one story
section scanned the whole page table (6 ms) instead of the two-row section table (under 1 ms).
PostgreSQL's autovacuum analyses on its own; running ANALYZE there after bulk loads is still
the documented advice. The statement is cheap: about 20 ms on the 10,000-story benchmark.

Two SQLite details, both measured on that benchmark:

- SQLite's sampling option (`PRAGMA analysis_limit`) is not used: its rough figures led the
  planner to join stories from the province table and sort all 10,000 (60 ms instead of 2 ms).
- ANALYZE writes nothing for an empty table, and the planner then assumes a million rows.
  Wagtail's `public()` joins the (usually empty) view-restriction table to the page table on
  every listing, and scanned all pages to do it (2.5 ms per call, six calls on the home page).
  Empty tables are therefore recorded as having one row, as SQLite's documentation allows;
  the next run replaces that with real figures once the table has rows.
"""

from django.db import connection


def update_statistics() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and connection.get_autocommit():
            # VACUUM also marks the pages' visibility, so listings read their keys from the
            # covering indexes alone (home/migrations/0010) right after a bulk load.
            cursor.execute("VACUUM (ANALYZE)")
            return
        cursor.execute("ANALYZE")
        if connection.vendor != "sqlite":
            return
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        analysed = {row[0] for row in cursor.fetchall()}
        empty = [t for t in connection.introspection.table_names(cursor) if t not in analysed]
        cursor.executemany(
            "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, NULL, '1')", [(t,) for t in empty]
        )
        cursor.execute("ANALYZE sqlite_schema")  # makes this connection reload the statistics

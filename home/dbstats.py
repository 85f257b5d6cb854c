"""Keep the database's query planner informed of how big each table is.

SQLite plans joins from statistics that only `ANALYZE` writes. Without them it guesses, and
with 10,000 pages it guessed wrong for Wagtail's multi-table pages: finding the one story
section scanned the whole page table (6 ms) instead of the two-row section table (under 1 ms).
PostgreSQL's autovacuum analyses on its own; running ANALYZE there after bulk loads is still
the documented advice. The statement is cheap: about 20 ms on the 10,000-story benchmark.

SQLite's sampling option (`PRAGMA analysis_limit`) is not used: its rough figures led the
planner to join stories from the province table and sort all 10,000 (60 ms instead of 2 ms).
"""

from django.db import connection


def update_statistics() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

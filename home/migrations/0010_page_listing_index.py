"""A covering index on Wagtail's page table for listings filtered by another table.

A filtered listing (stories of a province, showcases of a commune) finds its page numbers in
its kind's table, then checks each page for the visibility rule and sorts by publication date:
with this index those come from the index alone, not from each page's row (8,680 page rows
read for a province at 300,000 stories on PostgreSQL). PostgreSQL only: SQLite has no
`INCLUDE` and its listings stay within budget without it. Index-only scans need the table's
visibility map, which autovacuum keeps (`manage.py update_db_statistics` after a bulk load).
"""

from django.db import migrations

NAME = "home_page_listing_cover"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page (id) "
            "INCLUDE (first_published_at, live, expire_at, depth, path)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_collection_root_name"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]

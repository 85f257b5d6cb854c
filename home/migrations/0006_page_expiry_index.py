"""An index on the expiry times of pages, which Wagtail's page table lacks.

Feeds (their ETag) and `publish_scheduled` ask "which live pages are past their expiry?" on
every request or every minute. Without an index that is a scan of the whole page table
(3 ms at 10,000 pages on SQLite). Few pages ever have an expiry, so the index is partial and
tiny; the same statement works on SQLite and PostgreSQL.
"""

from django.db import migrations

INDEX = "home_page_expire_at_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_rename_root_page"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (expire_at) WHERE expire_at IS NOT NULL",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]

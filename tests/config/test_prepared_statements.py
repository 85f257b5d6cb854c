"""On PostgreSQL, a query the site sends again and again is planned once per connection."""

import pytest
from django.db import connection

from home.content_version import content_version

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"),
]


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_the_content_version_query_is_prepared_once_it_repeats():
    for _ in range(6):
        content_version()  # read on every request the page cache does not answer
    assert any("wagtailcore_pageviewrestriction" in text for text in prepared_statements())

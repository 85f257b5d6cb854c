"""One token for "has any published content changed?", read in one cheap query.

Everything a reader can see changes through something this token counts:

- every publish, unpublish, move, deletion and privacy change of a page is written to
  Wagtail's page log, and edits of images and snippets to its model log;
- pages created outside the admin (bulk loads) raise the highest page id;
- pages past their expiry time but not yet unpublished by `publish_scheduled` raise the
  latest expiry already passed;
- view restrictions are counted however they were made.

Each part is an index lookup (the expiry one needs `home.0006`), so the query costs well under
a millisecond at any size, and it is the same in every process. That makes the token a safe
key for caches kept in each process's own memory (`cached`), for feed ETags and for 304s.
Localities change only through migrations and `load_localities`, which restart the site.

A page-cache hit costs little more than this query, mostly the round trip to the database, so
the page cache may look entries up under a version this process read a moment ago
(`recent_content_version`, at most `PAGE_CACHE_VERSION_SECONDS` old). Any change this process
saves forgets it at once (`forget_recent_version`, connected to the rows the token counts), so
an editor's publish is seen from the next request in the process that made it, and from every
other worker process within that second.
"""

from __future__ import annotations

import datetime
import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import ModelLogEntry, Page, PageLogEntry, PageViewRestriction

REQUEST_ATTRIBUTE = "_content_version"
# The tables the token is read from, in the query's order; saving or deleting a row of any of
# them (a page of any kind) is what `home.signals` listens for.
VERSIONED_MODELS = (PageLogEntry, ModelLogEntry, Page, PageViewRestriction)


@dataclass(frozen=True)
class ContentVersion:
    token: str  # hexadecimal, safe in any cache key
    changed_at: datetime.datetime | None  # when the newest log entry was written


def content_version(request=None) -> ContentVersion:
    """The current version; read once per request when the request is given."""
    if request is not None and (known := getattr(request, REQUEST_ATTRIBUTE, None)) is not None:
        return known
    ops = connection.ops
    page_log, model_log, page, restriction = (
        ops.quote_name(model._meta.db_table) for model in VERSIONED_MODELS
    )
    newest = "SELECT {0} FROM {1} ORDER BY id DESC LIMIT 1"
    sql = (
        f"SELECT ({newest.format('id', page_log)}), ({newest.format('timestamp', page_log)}),"
        f" ({newest.format('id', model_log)}), ({newest.format('timestamp', model_log)}),"
        f" (SELECT MAX(id) FROM {page}),"
        f" (SELECT MAX(expire_at) FROM {page} WHERE expire_at IS NOT NULL AND expire_at <= %s),"
        f" (SELECT MAX(id) FROM {restriction}), (SELECT COUNT(*) FROM {restriction})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ops.adapt_datetimefield_value(timezone.now())])
        page_id, page_time, model_id, model_time, *rest = cursor.fetchone()
    times = [_as_datetime(t) for t in (page_time, model_time) if t is not None]
    version = ContentVersion(
        token=hashlib.sha256(repr((page_id, model_id, *rest)).encode()).hexdigest()[:24],
        changed_at=max(times).replace(microsecond=0) if times else None,
    )
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, version)
    return version


# (monotonic time of the read, the version): one per process, shared by its threads.
_recent: tuple[float, ContentVersion] | None = None
_clock = time.monotonic


def recent_content_version(max_age: float, request=None) -> ContentVersion:
    """A version this process read at most `max_age` seconds ago, else a fresh one.

    Only for looking cached answers up: a view builds with `content_version(request)`, read
    anew, so nothing is ever built from, or stored under, a version older than its content. A
    fresh read is that version (kept on `request`), so a miss reads it once, not twice.
    """
    global _recent
    now = _clock()
    known = _recent
    if known is not None and 0 <= now - known[0] < max_age:
        return known[1]
    version = content_version(request)
    _recent = (now, version)
    return version


def forget_recent_version(*, committed: bool = False):
    """Drop the version `recent_content_version` holds: now, and again when the transaction
    that made the change commits (a request in another thread may have read it before)."""
    global _recent
    _recent = None
    if not committed and connection.in_atomic_block:
        transaction.on_commit(lambda: forget_recent_version(committed=True))


def _as_datetime(value) -> datetime.datetime:
    """A timestamp read with raw SQL: SQLite gives text, PostgreSQL a datetime (both UTC)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=datetime.UTC)


# How long a kept value lives at most when nothing changes the content version.
KEPT_SECONDS = 3600


def cached(key: str, build, request=None, timeout: int = KEPT_SECONDS):
    """`build()`, kept in the cache until the content changes (or `timeout` seconds pass).

    None is never kept, so looking up something that does not exist stores nothing.
    """
    full_key = f"content:{content_version(request).token}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(full_key, value, timeout)
    return value

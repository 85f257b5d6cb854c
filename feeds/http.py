"""HTTP for everything other sites fetch: validators, 304s, CDN caching, CORS, framing, no cookies."""

from __future__ import annotations

import datetime
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date
from wagtail.models import ModelLogEntry, Page, PageLogEntry, PageViewRestriction

# Bumped when the output format changes, so clients and CDNs drop what they hold.
FORMAT_VERSION = "1"
CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=600"
# Rendered bodies are kept in the cache under their ETag; the benchmark switches this off.
BODY_CACHE_SECONDS = 600


def content_state() -> tuple[str, datetime.datetime | None]:
    """A token that changes whenever anything a feed shows may have changed, and its time.

    Every publish, unpublish, move, deletion and privacy change of a page is written to
    Wagtail's page log, and edits of images and snippets to its model log; pages that are past
    their expiry time but not yet unpublished by `publish_scheduled` are counted too, and so are
    view restrictions (however they were made). Four small queries, the same in every process
    (unlike a counter kept in a local cache).
    """
    page_log = PageLogEntry.objects.order_by("-pk").values_list("pk", "timestamp").first() or (0, None)
    model_log = ModelLogEntry.objects.order_by("-pk").values_list("pk", "timestamp").first() or (0, None)
    expired = Page.objects.filter(live=True, expire_at__lte=timezone.now()).count()
    restrictions = PageViewRestriction.objects.aggregate(last=Max("pk"), count=Count("pk"))
    token = f"{FORMAT_VERSION}:{page_log[0]}:{model_log[0]}:{expired}:{restrictions['last']}:{restrictions['count']}"
    times = [t for t in (page_log[1], model_log[1]) if t is not None]
    return token, (max(times).replace(microsecond=0) if times else None)


def make_etag(*parts) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return quote_etag(digest)


def conditional(request, etag: str, last_modified: datetime.datetime | None):
    """A 304 (with the same validators) when the client already has this version, else None."""
    timestamp = last_modified.timestamp() if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is not None:
        finish(response, etag, last_modified)
    return response


def finish(response, etag: str | None, last_modified, *, cors: bool = False, cache_control=CACHE_CONTROL):
    if etag:
        response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    if cache_control:
        response["Cache-Control"] = cache_control
    if cors:
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Link"
    return response


def cached_body(key: str, render):
    """(body, content_type) from the cache, or rendered now and kept."""
    if BODY_CACHE_SECONDS:
        hit = cache.get(f"feeds:body:{key}")
        if hit is not None:
            return hit
    value = render()
    if BODY_CACHE_SECONDS:
        cache.set(f"feeds:body:{key}", value, BODY_CACHE_SECONDS)
    return value


def text_error(message: str, status: int = 404) -> HttpResponse:
    response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=60"
    return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def embeddable(response):
    """Let any site frame this response (only the widget uses it); everything else stays DENY.

    The widget loads nothing from third parties: its own scripts, styles and images only.
    """
    static_origin, media_origin = _origin(settings.STATIC_URL), _origin(settings.MEDIA_URL)
    response.xframe_options_exempt = True
    response["Content-Security-Policy"] = "; ".join(
        [
            "default-src 'none'",
            f"img-src 'self' {media_origin}".strip(),
            "style-src 'unsafe-inline'",
            f"script-src 'self' {static_origin}".strip(),
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors *",
        ]
    )
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response

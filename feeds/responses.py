"""Responses of everything other sites fetch: validators, 304s, CDN caching, CORS, framing, errors."""

from __future__ import annotations

import datetime
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date

from home.content_version import content_version

# Bumped when the output format changes, so clients and CDNs drop what they hold.
FORMAT_VERSION = "1"
CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=600"
# Rendered bodies are kept in the cache under their ETag; `manage.py bench_feeds` (devtools) sets 0.
BODY_CACHE_SECONDS = 600


def content_state(request=None) -> tuple[str, datetime.datetime | None]:
    """The site's content version (see `home.content_version`) and when it last changed."""
    version = content_version(request)
    return f"{FORMAT_VERSION}:{version.token}", version.changed_at


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
    if not BODY_CACHE_SECONDS:
        return render()
    return cache.get_or_set(f"feeds:body:{key}", render, BODY_CACHE_SECONDS)


def text_error(message: str, status: int = 404) -> HttpResponse:
    """A plain-text Vietnamese answer for a feed reader or a posting tool (404: unknown value,
    400: unknown parameter)."""
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

"""HTTP for the API: CORS open for reading, ETags from the content version, public caching.

A response depends only on the URL and the published content, so its ETag is a digest of the
content version (`home.content_version`) and the full URL: a repeated request with
`If-None-Match` answers 304 after the one query of the version, and publishing anything
changes every ETag at once. Cache-Control follows the HTTP caching contract of public pages
(`PUBLIC_CACHE_MAX_AGE`, `PUBLIC_CACHE_S_MAXAGE`).
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, quote_etag

from home.content_version import content_version

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, Accept",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}


def etag_for(request) -> str:
    token = content_version(request).token
    digest = hashlib.sha256(f"{token}|{settings.WAGTAILADMIN_BASE_URL}|{request.get_full_path()}".encode())
    return quote_etag(digest.hexdigest()[:32])


def _cache_headers(response):
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_CACHE_MAX_AGE,
        s_maxage=settings.PUBLIC_CACHE_S_MAXAGE,
        stale_while_revalidate=60,
    )
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def not_modified(request) -> HttpResponseNotModified | None:
    """A 304 when the client's `If-None-Match` names the current ETag."""
    etag = etag_for(request)
    request._api_etag = etag
    given = request.headers.get("If-None-Match", "")
    # Weak comparison (RFC 9110 13.1.2): compressed answers carry the ETag as W/"…".
    if given and (given.strip() == "*" or etag in {tag.removeprefix("W/") for tag in parse_etags(given)}):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return _cache_headers(response)
    return None


def public(request, response):
    """A 200 that any cache may keep, with its ETag."""
    response["ETag"] = getattr(request, "_api_etag", None) or etag_for(request)
    return _cache_headers(response)


def cors(view):
    """Open for reading from any origin (apps, Mini Apps, fanpage tools); a preflight is a 204."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            response = view(request, *args, **kwargs)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    return wrapped

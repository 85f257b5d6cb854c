"""The page cache for anonymous readers, and compression of every text response.

A shared link sends a ward's whole readership to one URL within minutes; this answers them
from the Django cache (local memory by default, Redis with `CACHE_URL`) under the content
version (`home.content_version`), so no CDN is needed to survive it. A hit reads that version
at most once every `PAGE_CACHE_VERSION_SECONDS` per worker process (one query; a second by
default), otherwise it costs no query at all.

What enters the cache: a GET or HEAD without any cookie or Authorization header (so never a
signed-in editor, a preview or a form a reader has started), outside the admin, the media,
the documents and the health check, not a search with words, answered 200 with a public
Cache-Control (the contract of `home.middleware.PublicCacheMiddleware`: anything personal is
private and stays out), setting no cookie and holding no CSRF token. It is kept under the URL
(scheme, host, path and query) and the content version, so any publish, unpublish, move,
deletion, privacy change or bulk load serves the new pages from the next request in the process
that made it, and within `PAGE_CACHE_VERSION_SECONDS` in every other one; the
entry also expires after `PAGE_CACHE_SECONDS` (what a shared cache may keep it, `s-maxage`),
which bounds how stale a time-dependent text (a forum's "Sắp diễn ra") can get.

An entry holds the headers, an ETag (the view's own, as feeds set it, else a digest of the
body) and the body compressed twice, brotli and gzip: each reader gets the one their
`Accept-Encoding` takes (the rare client that takes neither gets it decompressed), and a
matching `If-None-Match` is a 304.

Everything else that is text and not compressed yet (pages, feeds, the widget, the API, a
search) is compressed on the way out too, with `Vary: Accept-Encoding`; not the admin, and not
a response that sets a cookie (a secret beside text a reader controls, BREACH).
"""

from __future__ import annotations

import gzip
import hashlib
import re

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, parse_http_date_safe

from home.content_version import recent_content_version

PRIVATE_PREFIXES = ("/admin/", "/django-admin/")
# Never kept: uploads and documents (large, and a document's privacy is checked per request),
# the health check (it must see the machine as it is now).
UNCACHED_PREFIXES = (*PRIVATE_PREFIXES, "/media/", "/documents/", "/suc-khoe/", "/healthz", "/static/")
SEARCH_PREFIX = "/tim-kiem/"
COMPRESSIBLE_RE = re.compile(
    r"^(text/|application/(json|javascript|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json|"
    r"ld\+json)|image/svg\+xml)"
)
MIN_COMPRESSED_SIZE = 200
MAX_CACHED_SIZE = 2 * 1024 * 1024
MAX_URL_LENGTH = 2000
# Headers a cached entry keeps; the rest (cookies, lengths, encodings) is made per answer.
DROPPED_HEADERS = {"set-cookie", "content-length", "content-encoding", "x-page-cache"}
HIT, MISS = "hit", "miss"


def accepted_encoding(request) -> str:
    """ "br", "gzip" or "" from the request's Accept-Encoding (an encoding with q=0 is refused)."""
    accepted = set()
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, parameters = part.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters else "1"
        try:
            if float(quality or "1") > 0:
                accepted.add(name.strip().lower())
        except ValueError:
            continue
    if "br" in accepted:
        return "br"
    if "gzip" in accepted or "*" in accepted:
        return "gzip"
    return ""


def compress(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=5)
    return gzip.compress(body, compresslevel=6, mtime=0)


def _cache_control(response) -> set[str]:
    return {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}


def _weak(etag: str) -> str:
    """A validator for a body sent in several encodings is weak (RFC 9110 8.8.1)."""
    return etag if etag.startswith("W/") else f"W/{etag}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.key(request) if self.may_read(request) else None
        if key is not None:
            entry = cache.get(key)
            if entry is not None:
                return self.answer(request, entry, HIT)
        response = self.get_response(request)
        if key is not None and self.may_store(request, response):
            entry = self.entry(response)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            return self.answer(request, entry, MISS)
        return self.compressed(request, response)

    # --- Which requests and responses -----------------------------------------------------

    @staticmethod
    def may_read(request) -> bool:
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return False
        if request.META.get("HTTP_COOKIE") or request.META.get("HTTP_AUTHORIZATION"):
            return False
        path = request.path
        if path.startswith(UNCACHED_PREFIXES):
            return False
        if path.startswith(SEARCH_PREFIX) and request.META.get("QUERY_STRING"):
            return False  # search with words, suggestions: never kept
        return len(request.get_full_path()) <= MAX_URL_LENGTH

    @staticmethod
    def key(request) -> str | None:
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: the view answers it, uncached
            return None
        # The language LocaleMiddleware will choose (`Vary: Accept-Language`): one, in practice.
        language = translation.get_language_from_request(request)
        url = f"{language} {request.scheme}://{host}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:40]
        version = recent_content_version(settings.PAGE_CACHE_VERSION_SECONDS, request)
        return f"page:{version.token}:{digest}"

    @staticmethod
    def may_store(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if response.has_header("Set-Cookie") or response.has_header("Content-Encoding"):
            return False
        directives = _cache_control(response)
        if "public" not in directives or directives & {"private", "no-store", "no-cache"}:
            return False
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or getattr(request, "is_preview", False):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        if vary - {"accept-encoding", "accept-language", "cookie"}:  # differs by what is not keyed
            return False
        if not COMPRESSIBLE_RE.match(response.get("Content-Type", "")):
            return False
        return len(response.content) <= MAX_CACHED_SIZE and b"csrfmiddlewaretoken" not in response.content

    # --- Entries and answers --------------------------------------------------------------

    @staticmethod
    def entry(response) -> dict:
        body = response.content
        etag = response.get("ETag") or f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        headers = [(name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS]
        return {
            "headers": headers,
            "etag": _weak(etag),
            "br": compress(body, "br"),
            "gzip": compress(body, "gzip"),
        }

    @staticmethod
    def answer(request, entry: dict, state: str):
        if _not_modified(request, entry):
            response = HttpResponseNotModified()
            for name, value in entry["headers"]:
                if name.lower() in (
                    "cache-control",
                    "vary",
                    "last-modified",
                    "expires",
                ) or name.lower().startswith("access-control-"):
                    response[name] = value
        else:
            encoding = accepted_encoding(request)
            body = entry[encoding] if encoding else gzip.decompress(entry["gzip"])
            response = HttpResponse(body)
            for name, value in entry["headers"]:
                response[name] = value
            if encoding:
                response["Content-Encoding"] = encoding
            response["Content-Length"] = str(len(body))
        response["ETag"] = entry["etag"]
        response["X-Page-Cache"] = state
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

    @staticmethod
    def compressed(request, response):
        """A text response not from the cache, compressed if the reader takes it."""
        if (
            response.streaming
            or response.has_header("Content-Encoding")
            or not COMPRESSIBLE_RE.match(response.get("Content-Type", ""))
            or request.path.startswith(PRIVATE_PREFIXES)
            or response.cookies
            or response.has_header("Set-Cookie")
        ):
            return response
        patch_vary_headers(response, ["Accept-Encoding"])
        encoding = accepted_encoding(request)
        if not encoding or len(response.content) < MIN_COMPRESSED_SIZE:
            return response
        response.content = compress(response.content, encoding)
        response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(response.content))
        if response.has_header("ETag"):
            response["ETag"] = _weak(response["ETag"])
        return response


def _not_modified(request, entry: dict) -> bool:
    """`If-None-Match` names the entry's ETag (weak comparison), or, without it,
    `If-Modified-Since` is not older than the entry's Last-Modified."""
    given = request.headers.get("If-None-Match", "")
    if given:
        return given.strip() == "*" or _strong(entry["etag"]) in {_strong(t) for t in parse_etags(given)}
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    modified = next(
        (parse_http_date_safe(v) for n, v in entry["headers"] if n.lower() == "last-modified"), None
    )
    return since is not None and modified is not None and modified <= since


def _strong(etag: str) -> str:
    return etag.removeprefix("W/")

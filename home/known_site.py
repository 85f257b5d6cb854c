"""The site a request is for, and its settings, kept under the content version.

Wagtail finds the site with a query on every request (`Site.find_for_request`, ~1.7 ms at
PostgreSQL's round trip) and the site's settings with another (`SiteSettings.for_request`,
~0.8 ms): a tenth of a story page. Both are edited only in the admin, which writes every edit
to Wagtail's model log, so the content version (`home.content_version`) changes with them and a
kept copy is never read after an edit. A page-cache hit never gets here (the middleware sits
inside it); a miss has read the version already.
"""

from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from wagtail.models import Site

from home.content_version import cached


def kept_site(request) -> Site | None:
    """`Site.find_for_request`, kept; None for a host Django refuses (it answers 400 later)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    hostname, port = split_domain_port(host)[0], request.get_port()
    try:
        return cached(f"site-for:{hostname}:{port}", lambda: Site.find_for_request(request), request)
    except Exception:  # a cache that is down: Wagtail's own query answers (the health check says 503)
        return None


class KnownSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site = kept_site(request)
        if site is not None:
            request._wagtail_site = site  # where Wagtail looks first
        return self.get_response(request)

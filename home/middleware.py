"""The HTTP caching contract of public pages.

Anonymous GETs of pages that answered 200 and set no cookie are public: browsers keep them a
minute, a CDN ten minutes (`s-maxage`), and publishing purges them (see home.signals). Anything
personal (a signed-in editor, a preview, a response with a cookie) is private and not stored.
Views that set their own Cache-Control (feeds, search with a query) keep theirs.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

PRIVATE_PREFIXES = ("/admin/", "/django-admin/")


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        personal = (
            (user is not None and user.is_authenticated)
            or getattr(request, "is_preview", False)
            or request.path.startswith(PRIVATE_PREFIXES)
            or bool(response.cookies)
        )
        if personal:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PUBLIC_CACHE_MAX_AGE,
                s_maxage=settings.PUBLIC_CACHE_S_MAXAGE,
                stale_while_revalidate=60,
            )
            patch_vary_headers(response, ["Accept-Encoding"])
        return response

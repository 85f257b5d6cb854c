"""Small site-wide endpoints: robots.txt, the web app manifest, the favicon, error pages."""

import posixpath
from urllib.parse import unquote

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home.models import SiteSettings


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=86400)
def manifest(request):
    site_settings = SiteSettings.for_request(request)
    data = {
        "name": site_settings.publisher_name,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "description": "Người tốt, việc tốt, mô hình an ninh trật tự và diễn đàn đối thoại.",
        "lang": "vi",
        "start_url": "/",
        "scope": "/",
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": "#a3201a",
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def favicon(request):
    return redirect(static("img/favicon.ico"), permanent=True)


def bad_request(request, exception=None):
    """400 without the request: it may be what is wrong (a Host header not in ALLOWED_HOSTS),
    and Django's own handler renders with it, which fails again and answers 500."""
    from django.core.exceptions import RequestDataTooBig

    if isinstance(exception, RequestDataTooBig):
        megabytes = settings.UPLOAD_MAX_REQUEST_BYTES // (1024 * 1024)
        context = {"too_big_mb": megabytes}
        return HttpResponseBadRequest(render_to_string("400.html", context), status=413)
    return HttpResponseBadRequest(render_to_string("400.html"))


# Folders of MEDIA_ROOT that are never served as plain files: documents go through Wagtail's
# document view, which checks privacy and collection restrictions (WAGTAILDOCS_SERVE_METHOD).
# Photos citizens send with a nomination are shown to the unit's moderators through the admin.
PRIVATE_MEDIA = ("documents", "citizen-photos")


def media(request, path):
    """An uploaded file for the embedded tier (SERVE_MEDIA): images and renditions; documents
    only through /documents/<id>/<name>, never by their storage path."""
    from django.http import Http404
    from django.views.static import serve

    first = posixpath.normpath(unquote(path)).lstrip("/").split("/", 1)[0]
    if first in PRIVATE_MEDIA:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)

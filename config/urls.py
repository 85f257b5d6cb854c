"""URL map. Wagtail serves every page; a few fixed routes sit in front of it."""

import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import page_password
from home import views as home_views
from home.health import health

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", home_views.manifest, name="manifest"),
    path("favicon.ico", home_views.favicon),
    path("suc-khoe/", health, name="health"),
    path("healthz", health),
    path("tim-kiem/", include("search.urls")),
    path("", include("models_showcase.urls")),  # the movement's statistics and open data
    path("", include("participation.urls")),
    path("api/v2/", include("api.urls")),
]

handler400 = "home.views.bad_request"

if settings.SERVE_MEDIA:
    # The embedded tier serves uploads itself; the scale tier puts them behind a CDN or S3.
    urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", home_views.media)]

urlpatterns += [path("", include("feeds.urls"))]  # feeds, widget, oEmbed, share cards (before pages)
urlpatterns += [
    # Wagtail's page-password form, with the sign-in's limit on wrong passwords (before its own).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
]

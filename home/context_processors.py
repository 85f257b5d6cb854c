"""Values every public template may print."""

from django.conf import settings


def site_name(request):
    """The product's name (`WAGTAIL_SITE_NAME`), for the brand in the header."""
    return {"site_name": settings.WAGTAIL_SITE_NAME}

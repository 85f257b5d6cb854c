"""The password form of a password-protected page, limited like the admin's sign-in.

Wagtail's form (`/_util/authenticate_with_password/…`) takes any number of tries; this view
wraps it: after `AXES_FAILURE_LIMIT` wrong passwords from one address (home.client_address)
within `AXES_COOLOFF_TIME`, that address gets the same form again with a Vietnamese message and
429 until the time has passed; the right password clears the count. The count lives in the
cache (shared with Redis; per worker process with the local default, which only loosens the
limit by the number of workers).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from home.client_address import client_address

LOCKED_MESSAGE = "Bạn đã nhập sai mật khẩu nhiều lần. Hãy thử lại sau 30 phút."


def _key(request) -> str:
    return f"page-password-failures:{client_address(request) or 'unknown'}"


def authenticate_with_password(request, page_view_restriction_id: int, page_id: int):
    key = _key(request)
    if request.method == "POST" and (cache.get(key) or 0) >= settings.AXES_FAILURE_LIMIT:
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm(
            instance=restriction, initial={"return_url": request.POST.get("return_url", "")}
        )
        form.full_clean()  # an unbound form: no errors of its own, room for the message
        form.errors[NON_FIELD_ERRORS] = form.error_class([LOCKED_MESSAGE])
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST":
        if response.status_code in (301, 302):
            cache.delete(key)
        else:
            timeout = int(settings.AXES_COOLOFF_TIME.total_seconds())
            cache.add(key, 0, timeout)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout)
    return response

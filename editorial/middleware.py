"""Admin behaviour for editorial work: Vietnamese for everyone, a plain 403 outside one's unit, a
plain 400 for a form posted without its fields."""

import logging
import time

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.template.loader import render_to_string
from django.utils.datastructures import MultiValueDictKeyError

from editorial.signals import normalise_profile

logger = logging.getLogger(__name__)

# Page admin views that need edit rights on the page (page_id) or on the parent (parent_page_id).
PAGE_VIEWS = {"edit", "delete", "unpublish", "move", "copy", "revisions_index", "revisions_revert", "history"}
PARENT_VIEWS = {"add", "add_subpage", "preview_on_add"}


class IdleSessionMiddleware:
    """A signed-in session lasts SESSION_COOKIE_AGE after the last request, renewed at most
    every SESSION_RENEW_SECONDS. Saving on every request (SESSION_SAVE_EVERY_REQUEST) would
    write the session row for each of the admin's parallel requests (icons, previews, chooser
    lists) and race with itself; a renewal every few minutes keeps the idle limit within that
    margin. Requests without a session cookie (readers) never touch the session."""

    KEY = "_renewed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if settings.SESSION_COOKIE_NAME in request.COOKIES and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - request.session.get(self.KEY, 0) >= settings.SESSION_RENEW_SECONDS:
                request.session[self.KEY] = now  # marks it modified: saved with a fresh expiry
        return self.get_response(request)


class EditorialAdminMiddleware:
    """Two things every admin request needs, before Wagtail's own view runs.

    1. Wagtail picks the admin language and time zone from the user's profile inside each view.
       A profile can hold another language (set before this site restricted the choice, or by a
       data import); it is corrected here, in memory and in the database.
    2. Wagtail answers a page the user has no rights on by redirecting to the dashboard with a
       message. For pages of another unit we answer 403 with a Vietnamese explanation instead,
       so the refusal is unambiguous (and testable) and nothing of the page is shown.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if request.path.startswith("/admin/") and user is not None and user.is_authenticated:
            profile = getattr(user, "wagtail_userprofile", None)
            if (
                profile is not None
                and settings.WAGTAILADMIN_PERMITTED_LANGUAGES
                and normalise_profile(profile)
            ):
                type(profile).objects.filter(pk=profile.pk).update(
                    preferred_language=profile.preferred_language,
                    current_time_zone=profile.current_time_zone,
                )
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if (
            match is None
            or match.namespace != "wagtailadmin_pages"
            or user is None
            or not user.is_authenticated
            or user.is_superuser
            or not user.has_perm("wagtailadmin.access_admin")
        ):
            return None
        from wagtail.models import Page

        if match.url_name in PAGE_VIEWS and "page_id" in view_kwargs:
            page = Page.objects.filter(pk=view_kwargs["page_id"]).first()
            # can_edit() already lets in a reviewer of the page's current workflow task.
            if page is None or page.permissions_for_user(user).can_edit():
                return None
            return self.forbidden(request, page)
        if match.url_name in PARENT_VIEWS and "parent_page_id" in view_kwargs:
            parent = Page.objects.filter(pk=view_kwargs["parent_page_id"]).first()
            if parent is None or parent.permissions_for_user(user).can_add_subpage():
                return None
            return self.forbidden(request, parent)
        return None

    def process_exception(self, request, exception):
        """A POST to an admin form without the keys its fields need (a StreamField's
        "body-count", a formset's management form) is a malformed request, not our error:
        400 with a Vietnamese explanation instead of a 500. Nothing was saved."""
        if (
            request.method == "POST"
            and request.path.startswith("/admin/")
            and isinstance(exception, MultiValueDictKeyError)
        ):
            logger.warning("Incomplete admin form posted to %s: missing %s", request.path, exception)
            html = render_to_string(
                "editorial/incomplete_form.html", {"back_url": request.path}, request=request
            )
            return HttpResponseBadRequest(html)
        return None

    def process_template_response(self, request, response):
        from editorial.admin_shell import offer_page_types

        return offer_page_types(request, response)

    @staticmethod
    def forbidden(request, page):
        html = render_to_string("editorial/permission_denied.html", {"page": page}, request=request)
        return HttpResponseForbidden(html)

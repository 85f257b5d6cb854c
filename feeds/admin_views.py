"""The fanpage caption in the admin, for editors who post to the ward's fanpage themselves."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from wagtail.models import Page

from feeds.caption import fanpage_caption
from home import kinds


def caption_view(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not (permissions.can_edit() or request.user.is_superuser):
        raise PermissionDenied
    if kinds.of_article(page) is None:
        raise Http404("Chỉ bài viết mới có chú thích fanpage.")
    url = page.get_full_url(request)
    return render(
        request,
        "feeds/admin/caption.html",
        {
            "page": page,
            "caption": fanpage_caption(page, url),
            "is_public": page.live and not page.get_view_restrictions().exists(),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )

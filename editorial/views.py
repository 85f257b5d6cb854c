from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from wagtail.models import Page

from editorial.models import publish_blockers


def approval_refused(request, page_id):
    """Where a refused approval lands: the reasons as messages, then the page's editor."""
    page = get_object_or_404(Page, pk=page_id).specific
    problems = publish_blockers(page)
    messages.error(
        request,
        f"Chưa duyệt được “{page.get_admin_display_title()}”: bài chưa đủ điều kiện đăng. Bài vẫn đang chờ duyệt; "
        "hãy yêu cầu biên tập viên sửa.",
    )
    for problem in problems:
        messages.error(request, problem)
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))

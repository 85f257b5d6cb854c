"""Admin and page hooks: the moderators' queue, the audit-log labels, a nomination's draft story,
and what forum pages and articles show at their end (Q&A, counts, the reporting panel, the vote)."""

from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from participation import nominations, reports, scope
from participation.admin import SubmissionViewSet
from participation.bulk_actions import ChangeStatusBulkAction
from participation.models import Submission
from participation.statuses import NotUsefulReason, Status, status_text
from participation.texts import closed_reason, forum_counts

register_snippet(SubmissionViewSet)


def nomination_story(request, pk: int):
    """First click opens this confirmation, the second creates the draft and opens its editor."""
    submission = get_object_or_404(Submission, pk=pk, kind="guong-tot")
    if not request.user.has_perm(scope.MODERATE) or not scope.in_scope(request.user, submission):
        return render(request, "participation/admin/not_yours.html", status=404)
    if request.method == "POST":
        story = nominations.draft_story(submission, request.user)
        messages.success(
            request, "Đã tạo bài nháp. Nhân vật chưa có sự đồng ý: ghi nhận trước khi gửi duyệt."
        )
        return redirect("wagtailadmin_pages:edit", story.pk)
    return render(request, "participation/admin/confirm_story.html", {"submission": submission})


def nomination_photo(request, pk: int):
    """The photo sent with a nomination, for the unit's moderators only (never a public file)."""
    submission = Submission.objects.filter(pk=pk).exclude(photo="").first()
    if (
        submission is None
        or not request.user.has_perm(scope.MODERATE)
        or not scope.in_scope(request.user, submission)
    ):
        return render(request, "participation/admin/not_yours.html", status=404)
    response = FileResponse(submission.photo.open("rb"))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("y-kien-nguoi-dan/<int:pk>/tao-bai/", nomination_story, name="participation_nomination_story"),
        path("y-kien-nguoi-dan/<int:pk>/anh/", nomination_photo, name="participation_nomination_photo"),
        path("bao-cao/danh-gia-bai-viet/", reports.page_votes, name="participation_page_votes"),
    ]


@hooks.register("register_reports_menu_item")
def page_votes_menu_item():
    return MenuItem("Đánh giá bài viết", reverse("participation_page_votes"), icon_name="help", order=900)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action("participation.status")
    class StatusChanged(LogFormatter):
        label = "Đổi tình trạng ý kiến"

        def format_message(self, log_entry):
            data = log_entry.data
            before = Status(data["from"]).label if data.get("from") in Status.values else ""
            return f"Tình trạng: {before} → {status_text(data.get('to', ''), data.get('note', ''))}"

    actions.register_action("participation.published", "Công khai hỏi đáp", "Đã công khai câu hỏi và trả lời")
    actions.register_action("participation.unpublished", "Gỡ hỏi đáp", "Đã gỡ câu hỏi và trả lời khỏi trang")
    actions.register_action(
        "participation.contact_withdrawn",
        "Người gửi xóa thông tin liên hệ",
        "Người gửi đã xóa thông tin liên hệ",
    )
    actions.register_action(
        "participation.contact_erased",
        "Xóa thông tin liên hệ hết hạn",
        "Đã xóa thông tin liên hệ hết thời hạn lưu",
    )
    actions.register_action(
        "participation.story_drafted", "Tạo bài nháp", "Đã tạo bài nháp từ lời giới thiệu"
    )


@hooks.register("site_article_end")
def forum_questions(context, page):
    """Under a forum: how to send a question (or why not), the counts, the published Q&A."""
    from forums.models import ForumAnnouncementPage
    from home.models import SiteSettings

    if not isinstance(page, ForumAnnouncementPage):
        return ""
    request = context.get("request")
    settings = SiteSettings.for_request(request) if request else None
    qas = (
        page.submissions.published().only("public_question", "answer", "answered_by").order_by("published_at")
    )
    return render_to_string(
        "participation/includes/forum_box.html",
        {
            "forum": page,
            "closed": closed_reason(page),
            "counts": forum_counts(page),
            "qas": list(qas),
            "hotlines": settings.hotlines if settings else [],
        },
        request=None,
    )


@hooks.register("site_article_end")
def page_vote(context, page):
    """ "Trang này có hữu ích không?" under every article: a plain form, no cookie."""
    return render_to_string(
        "participation/includes/vote.html", {"page": page, "reasons": NotUsefulReason.choices}, request=None
    )


hooks.register("register_bulk_action", ChangeStatusBulkAction)


@hooks.register("before_bulk_action")
def keep_bulk_actions_in_the_unit(request, action_type, objects, action_class_instance):
    """Wagtail's own bulk delete checks the model permission only: refuse another unit's rows."""
    if getattr(action_class_instance, "model", None) is not Submission:
        return None
    if any(not scope.in_scope(request.user, obj) for obj in objects):
        return render(request, "participation/admin/not_yours.html", status=404)
    return None

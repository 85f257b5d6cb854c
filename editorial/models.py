"""The approval step of the editorial workflow: a leader approves, unless the page may not go live."""

from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask


def publish_blockers(page) -> list[str]:
    """Why the latest version of a page may not be published, as Vietnamese sentences for the
    editor: what publishing (button, approval, bulk action) would put live is that version.

    Content models opt in with a `get_publish_blockers()` method (stories check the consent of
    the people they feature); anything else has no blockers.
    """
    page = getattr(page, "specific", page)
    revision = page.get_latest_revision() if hasattr(page, "get_latest_revision") else None
    version = revision.as_object() if revision else page
    check = getattr(version, "get_publish_blockers", None)
    return list(check()) if check else []


class LeaderApprovalTask(AbstractGroupApprovalTask):
    """Group approval that refuses to approve (and so publish) a version with publish blockers.

    Wagtail publishes the latest revision when the last task of a workflow is approved; checking
    here lets the leader see the reason in the admin instead of an error page, and leaves the page
    in moderation so the editor can fix it.
    """

    groups = models.ManyToManyField(
        Group,
        verbose_name="nhóm duyệt",
        help_text="Thành viên các nhóm này duyệt (hoặc yêu cầu sửa) bài ở bước này.",
    )

    def get_actions(self, obj, user):
        """Send back with a comment, or approve after a confirmation dialog (approving
        publishes at once, so a stray click on the dashboard must not)."""
        if user.is_superuser or self._user_in_groups(user):
            return [("reject", "Yêu cầu sửa", True), ("approve", "Duyệt và đăng", True)]
        return []

    def get_template_for_action(self, action):
        return "editorial/workflow/approve_modal.html" if action == "approve" else ""

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            obj = task_state.workflow_state.content_object
            problems = publish_blockers(obj)
            if problems:
                log(
                    instance=obj.specific,
                    action="binhyen.approval_refused",
                    user=user,
                    data={"reasons": problems},
                    revision=obj.get_latest_revision(),
                )
                return reverse("editorial_approval_refused", args=[obj.pk])
            super().on_action(task_state, user, action_name, **kwargs)
            # The confirmation with the live page's link (editorial.review.approved).
            return reverse("editorial_approved", args=[obj.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Thành viên các nhóm được chọn duyệt bài; bài chỉ được duyệt khi đủ điều kiện đăng "
            "(ví dụ: nhân vật đã đồng ý công khai tên và ảnh)."
        )

    class Meta:
        verbose_name = "bước lãnh đạo duyệt"
        verbose_name_plural = "bước lãnh đạo duyệt"

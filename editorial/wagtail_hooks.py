"""Admin hooks of the editorial workflow: nothing goes live with publish blockers; audit-log labels."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter, log

from editorial import admin_shell, lockout, review, two_factor, views  # noqa: F401  (admin_shell registers the shell's hooks)
from editorial.models import publish_blockers


@hooks.register("register_admin_urls")
def urls():
    return [
        path(
            "bien-tap/chua-duyet-duoc/<int:page_id>/",
            views.approval_refused,
            name="editorial_approval_refused",
        ),
        path("bien-tap/da-duyet/<int:page_id>/", review.approved, name="editorial_approved"),
        path("mo-khoa-dang-nhap/", lockout.locked_sign_ins, name="editorial_locked_sign_ins"),
        *two_factor.urls(),
    ]


hooks.register("register_account_menu_item", two_factor.account_menu_item)


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def locked_sign_ins_menu_item():
    return SuperuserMenuItem(
        "Mở khóa đăng nhập", reverse("editorial_locked_sign_ins"), icon_name="lock", order=900
    )


# The review loop (editorial/review.py): problems on every save, rejections where the editor
# works, the approver's list flagged, approvals confirmed with the live page's link.
hooks.register("after_create_page", review.after_save)
hooks.register("after_edit_page", review.after_save)
hooks.register("before_edit_page", review.show_rejection)
hooks.register("construct_homepage_panels", review.dashboard_panels)


def _refuse(request, page, problems, revision=None):
    log(
        instance=page,
        action="binhyen.publish_refused",
        user=request.user,
        data={"reasons": problems},
        revision=revision,
    )
    messages.error(
        request,
        f"Chưa đăng “{page.get_admin_display_title()}”: bài chưa đủ điều kiện đăng. Mọi thay đổi đã được lưu thành bản nháp.",
    )
    for problem in problems:
        messages.error(request, problem)


@hooks.register("before_publish_page")
def refuse_publishing_with_blockers(request, page):
    """The editor's Publish button (create and edit views): the draft is kept, publishing refused."""
    problems = publish_blockers(page)
    if problems:
        revision = page.get_latest_revision()
        if page.live and not page.live_revision_id:
            # The create view saves a new page row as live before publishing it: keep it a draft.
            type(page).objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)
        _refuse(request, page, problems, revision)
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_with_blockers(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refused = []
    for obj in objects:
        specific = getattr(obj, "specific", obj)
        problems = publish_blockers(specific)
        if problems:
            refused.append((specific, problems, specific.get_latest_revision()))
    if not refused:
        return None
    for page, problems, revision in refused:
        _refuse(request, page, problems, revision)
    return redirect(request.GET.get("next") or reverse("wagtailadmin_explore_root"))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    def _reasons(log_entry):
        return " ".join(log_entry.data.get("reasons", []))

    @actions.register_action("binhyen.publish_refused")
    class PublishRefused(LogFormatter):
        label = "Từ chối đăng bài"

        def format_message(self, log_entry):
            prefix = "Không đăng theo lịch" if log_entry.data.get("scheduled") else "Không đăng"
            return f"{prefix}: {_reasons(log_entry)}"

    @actions.register_action("binhyen.approval_refused")
    class ApprovalRefused(LogFormatter):
        label = "Chưa duyệt được bài"

        def format_message(self, log_entry):
            return f"Chưa duyệt được: {_reasons(log_entry)}"

    @actions.register_action("binhyen.consent_withdrawn")
    class ConsentWithdrawn(LogFormatter):
        label = "Nhân vật rút lại đồng ý"

        def format_message(self, log_entry):
            data = log_entry.data
            what = "thay họ tên bằng tên viết tắt, gỡ ảnh của nhân vật"
            if data.get("unpublished"):
                what += " và gỡ bài khỏi trang"
            reason = f" Lý do: {data['reason']}" if data.get("reason") else ""
            return f"Nhân vật {data.get('person', '')} rút lại đồng ý: {what}.{reason}"

    @actions.register_action("binhyen.consent_changed")
    class ConsentChanged(LogFormatter):
        label = "Thay đổi sự đồng ý của nhân vật"

        def format_message(self, log_entry):
            parts = [
                f"{item.get('person', '')} ({', '.join(item.get('changes', []))})"
                for item in log_entry.data.get("people", [])
            ]
            return "Thay đổi sự đồng ý: " + "; ".join(parts)


@hooks.register("construct_page_chooser_queryset")
def chooser_lists_what_the_user_may_see(pages, request):
    """The page chooser (links, related pages) lists what readers may see now plus the pages
    the user may edit: another unit's drafts, login-restricted and scheduled pages stay out of
    its lists and its search, as they stay out of the site (the one visibility rule)."""
    user = request.user
    if user.is_superuser:
        return pages
    from django.db.models import Q
    from wagtail.models import Page
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from home.models import visible

    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change", "publish"])
    return pages.filter(Q(pk__in=visible(Page.objects.all()).values("pk")) | Q(pk__in=editable.values("pk")))

"""The review loop as editors and approvers meet it in the admin.

- On every save the editor is told what still stops the page from going live (consent not
  recorded, a name that must not be printed), not only after "Gửi duyệt".
- The approver's list on the dashboard marks such pages "Cần kiểm tra đồng ý", with the reasons.
- A rejection's comment is shown to the editor on the dashboard and on top of the edit page
  (Wagtail shows it only in the page's history).
- Approving asks for confirmation (a dialog, with an optional comment) and then says so, with a
  link to the live page.

Pages are read through `publish_blockers` (a content model's `get_publish_blockers()`), so this
module names no content app.
"""

from django.contrib import messages as django_messages
from django.db.models import Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState, get_default_page_content_type

from editorial.models import publish_blockers

CONSENT_FLAG = "Cần kiểm tra đồng ý"


def moment(value) -> str:
    return date_format(timezone.localtime(value), "H:i, d/m/Y") if value else ""


def person_name(user) -> str:
    if user is None:
        return "Lãnh đạo"
    return user.get_full_name() or user.get_username()


# --- What the editor is told on saving ------------------------------------------------------


def _problems_message(request, lead: str, problems: list[str]) -> None:
    items = format_html_join("", "<li>{}</li>", ((problem,) for problem in problems))
    detail = format_html('<ul class="errorlist">{}</ul>', items)
    django_messages.warning(request, messages.render(lead, [], detail=detail))


def after_save(request, page) -> None:
    """After a save, a submission or an approval in the editor (`after_create_page`,
    `after_edit_page`): what still stops the page, or the live page that approval made."""
    if not request.accepts("text/html"):
        return  # autosave: the editor is told on the next save they make themselves
    if request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "approve":
        page = Page.objects.get(pk=page.pk).specific
        if page.live and not page.workflow_in_progress:
            approved_message(request, page)
            return
    problems = publish_blockers(page)
    if not problems:
        return
    if request.POST.get("action-submit") or request.POST.get("action-restart-workflow"):
        lead = "Bài đã gửi duyệt nhưng chưa thể được duyệt cho tới khi sửa:"
    else:
        lead = "Đã lưu bản nháp. Bài chưa thể đăng cho tới khi sửa:"
    _problems_message(request, lead, problems)


# --- Rejections: the approver's comment where the editor works -------------------------------


def rejection_of(page) -> TaskState | None:
    """The task state that sent the page back for changes, while it waits for them."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state


def rejection_text(task_state: TaskState) -> str:
    who = person_name(task_state.finished_by)
    when = moment(task_state.finished_at)
    comment = (task_state.comment or "").strip()
    said = f"“{comment}”" if comment else "(không kèm ý kiến)"
    return f"{who} yêu cầu sửa lúc {when}: {said}"


def show_rejection(request, page) -> None:
    """`before_edit_page`: the approver's comment on top of the edit page, while it applies."""
    if request.method != "GET":
        return
    task_state = rejection_of(page)
    if task_state is not None:
        messages.warning(
            request,
            f"Bài cần sửa theo ý kiến lãnh đạo. {rejection_text(task_state)}. Sửa xong, hãy gửi duyệt lại.",
        )


class ChangesRequestedPanel(Component):
    """The editor's pages sent back for changes, with what the approver said."""

    name = "changes_requested"
    template_name = "editorial/dashboard/changes_requested.html"
    order = 205

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        owned = Q(base_content_type_id=get_default_page_content_type().id) & Exists(
            Page.objects.filter(
                owner=request.user, id=Cast(OuterRef("object_id"), output_field=IntegerField())
            )
        )
        states = (
            WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
            .filter(owned | Q(requested_by=request.user))
            .select_related("current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")
        )
        rows = []
        for state in states:
            page = state.content_object
            task_state = state.current_task_state
            if page is None or task_state is None or task_state.status != TaskState.STATUS_REJECTED:
                continue
            rows.append(
                {
                    "page": page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "who": person_name(task_state.finished_by),
                    "when": moment(task_state.finished_at),
                    "comment": (task_state.comment or "").strip(),
                }
            )
        return {"rows": rows, "request": request}


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "awaiting your review" list, each page marked when it cannot go live yet."""

    template_name = "editorial/dashboard/workflow_objects_to_moderate.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            state["problems"] = publish_blockers(state["obj"])
        context["consent_flag"] = CONSENT_FLAG
        return context


def dashboard_panels(request, panels: list) -> None:
    """`construct_homepage_panels`: the flagged review list, and the editor's sent-back pages."""
    for index, panel in enumerate(panels):
        if isinstance(panel, WorkflowObjectsToModeratePanel) and not isinstance(panel, ReviewQueuePanel):
            panels[index] = ReviewQueuePanel()
    panels.append(ChangesRequestedPanel())


# --- Approval: confirmed, then linked to the live page ----------------------------------------


def approved_message(request, page) -> None:
    if page.live and page.url:
        messages.success(
            request,
            f"Đã duyệt và đăng “{page.get_admin_display_title()}”.",
            buttons=[messages.button(page.url, "Xem trang đã đăng")],
        )
    else:
        messages.success(
            request, f"Đã duyệt “{page.get_admin_display_title()}”; bài chờ bước duyệt tiếp theo."
        )


def approved(request, page_id):
    """Where an approval from the dashboard lands (`LeaderApprovalTask.on_action`): the
    confirmation with the live page's link, then back where the approver was."""
    page = get_object_or_404(Page, pk=page_id).specific
    last = (
        PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve")
        .order_by("-timestamp")
        .first()
    )
    if last is not None and last.user_id == request.user.pk:
        approved_message(request, page)
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) or "/da-duyet/" in back:
        back = reverse("wagtailadmin_home")
    return redirect(back)

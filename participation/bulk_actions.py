"""Bulk status change in the moderators' queue: the chosen status (and body or reason) for every
selected submission of the user's unit; each step is kept in its history and the audit log."""

from django import forms
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from participation import scope
from participation.models import Submission
from participation.statuses import Status


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Tình trạng mới", choices=Status.choices)
    note = forms.CharField(
        label="Cơ quan nhận / lý do",
        max_length=300,
        required=False,
        help_text="Bắt buộc khi chuyển cơ quan khác hoặc không thuộc phạm vi.",
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("status") in (Status.TRANSFERRED, Status.OUT_OF_SCOPE)
            and not data.get("note", "").strip()
        ):
            self.add_error("note", "Ghi cơ quan được chuyển đến, hoặc lý do không thuộc phạm vi.")
        return data


class ChangeStatusBulkAction(SnippetBulkAction):
    display_name = "Đổi tình trạng"
    action_type = "doi-tinh-trang"
    aria_label = "Đổi tình trạng các ý kiến đã chọn"
    template_name = "participation/admin/confirm_bulk_status.html"
    action_priority = 20
    form_class = StatusForm
    models = [Submission]

    def get_all_objects_in_listing_query(self, parent_id):
        return scope.scoped(self.request.user, Submission.objects.all()).values_list("pk", flat=True)

    def get_actionable_objects(self):
        objects, _ = super().get_actionable_objects()
        # Another unit's submissions are not listed at all, not even as "no access".
        return objects, {"items_with_no_access": []}

    def check_perm(self, obj):
        return self.request.user.has_perm(scope.MODERATE) and scope.in_scope(self.request.user, obj)

    @classmethod
    def execute_action(cls, objects, user=None, status=None, note="", **kwargs):
        for submission in objects:
            before = submission.status
            if (submission.status, submission.status_note) == (status, note):
                continue
            submission.set_status(status, note, user=user)
            log(
                submission,
                "participation.status",
                user=user,
                data={"from": before, "to": status, "note": note},
            )
        return len(objects), 0

    def get_execution_context(self):
        data = self.cleaned_form.cleaned_data
        return {"user": self.request.user, "status": data["status"], "note": data.get("note", "").strip()}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Đã đổi tình trạng {num_parent_objects} ý kiến."

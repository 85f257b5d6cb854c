"""The moderator's form: status, answer, "publish this Q&A"; every change kept in the history and
the audit log."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log

from participation import guards, notifications
from participation.models import StatusChange
from participation.statuses import ANSWERED, CLOSED, Status


class SubmissionAdminForm(WagtailAdminModelForm):
    publish = forms.BooleanField(
        label="Công khai câu hỏi và trả lời",
        required=False,
        help_text="Đăng câu hỏi công khai (không có thông tin cá nhân), trả lời và người trả lời lên trang diễn đàn.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish"].initial = self.instance.published_at is not None
        self._old = (self.instance.status, self.instance.status_note, self.instance.published_at is not None)

    def clean(self):
        data = super().clean()
        for name in ("answer", "public_question", "status_note", "answered_by"):
            if name in data:
                data[name] = guards.plain_text(data[name] or "")
        status = data.get("status")
        if status in (Status.TRANSFERRED, Status.OUT_OF_SCOPE) and not data.get("status_note"):
            self.add_error("status_note", "Ghi cơ quan được chuyển đến, hoặc lý do không thuộc phạm vi.")
        if data.get("publish"):
            if not data.get("public_question"):
                self.add_error(
                    "public_question", "Ghi câu hỏi công khai (đã bỏ thông tin cá nhân) trước khi công khai."
                )
            if not data.get("answer"):
                self.add_error("answer", "Chỉ công khai khi đã có trả lời.")
        return data

    def save(self, commit=True):
        submission = super().save(commit=False)
        user = getattr(self, "for_user", None)
        old_status, old_note, was_published = self._old
        now = timezone.now()
        status_changed = (submission.status, submission.status_note) != (old_status, old_note)
        publish = self.cleaned_data.get("publish")
        if publish and not was_published:
            submission.published_at = now
        elif not publish and was_published:
            submission.published_at = None
        if commit:
            submission.save()
            if status_changed:
                record_status(submission, user, now, old_status)
            if publish != was_published:
                log(
                    submission,
                    "participation.published" if publish else "participation.unpublished",
                    user=user,
                )
        return submission


def record_status(submission, user, now, old_status):
    """A new step of the history, its dates, the audit log; the citizen's mail on an answer."""
    if submission.status in ANSWERED and not submission.answered_at:
        submission.answered_at = now
    submission.closed_at = (submission.closed_at or now) if submission.status in CLOSED else None
    type(submission).objects.filter(pk=submission.pk).update(
        answered_at=submission.answered_at, closed_at=submission.closed_at
    )
    StatusChange.objects.create(
        submission=submission, status=submission.status, note=submission.status_note, at=now, by=user
    )
    log(
        submission,
        "participation.status",
        user=user,
        data={"from": old_status, "to": submission.status, "note": submission.status_note},
    )
    if submission.status in ANSWERED and submission.answer:
        path = reverse("participation:tracking", args=[submission.code])
        transaction.on_commit(
            lambda: notifications.answered(submission, settings.WAGTAILADMIN_BASE_URL + path)
        )

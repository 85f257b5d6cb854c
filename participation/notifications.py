"""E-mail: the unit's moderators hear of a new submission; a citizen who asked hears of the answer.

The moderators' mail names the code and the kind only: what was sent is read in the admin.
Messages are sent by a task (participation/tasks.py), off the request: a mail server outage
neither fails nor slows the submission, and the task is tried again later."""

from django.conf import settings
from django.urls import reverse

from participation.tasks import send_notification


def _send(subject, body, recipients):
    if not recipients:
        return
    send_notification.enqueue(subject, body, list(recipients))


def new_submission(submission):
    from participation.scope import moderators_of

    emails = sorted({user.email for user in moderators_of(submission.commune) if user.email})
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse("participation_admin:edit", args=[submission.pk])
    _send(
        f"[Bình Yên] {submission.get_kind_display()} mới: {submission.display_code}",
        f"{submission.get_kind_display()} mới gửi tới {submission.commune.name}.\n"
        f"Mã: {submission.display_code}\nXem và xử lý: {admin_url}\n",
        emails,
    )


def answered(submission, tracking_url: str):
    contact = getattr(submission, "contact", None)
    if contact is None or not contact.notify_by_email or not contact.email:
        return
    _send(
        f"[Bình Yên] Đã có trả lời cho ý kiến {submission.display_code}",
        "Ý kiến bạn gửi đã có trả lời. Xem tại:\n"
        f"{tracking_url}\n\nThư này được gửi vì bạn đã đề nghị nhận thư khi có trả lời.",
        [contact.email],
    )

"""Receiving a submission: the guards in order, then the rows (the submission, its first step,
the contact details apart), then the unit's moderators are told."""

import datetime

from django.db import transaction
from django.utils import timezone

from participation import guards, notifications
from participation.models import ContactDetails, StatusChange, Submission
from participation.statuses import Status

DUPLICATE = "Nội dung này đã được gửi trước đây. Bạn có thể theo dõi bằng mã tra cứu đã nhận."


def is_duplicate(fingerprint: str) -> bool:
    since = timezone.now() - datetime.timedelta(days=guards.setting("DUPLICATE_DAYS", 30))
    return Submission.objects.filter(fingerprint=fingerprint, created_at__gte=since).exists()


def fingerprint_of(kind, commune, forum, text) -> str:
    return guards.fingerprint(kind, commune.pk, forum.pk if forum else "-", text)


@transaction.atomic
def create(kind, form, commune, forum=None, **extra) -> Submission:
    data = form.cleaned_data
    submission = Submission.objects.create(
        kind=kind,
        forum=forum,
        commune=commune,
        topic=data.get("topic") or "khac",
        text=data["text"],
        fingerprint=fingerprint_of(kind, commune, forum, data["text"]),
        **extra,
    )
    StatusChange.objects.create(submission=submission, status=Status.RECEIVED, at=submission.created_at)
    if form.has_contact(data):
        ContactDetails.objects.create(
            submission=submission,
            name=data.get("name", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            notify_by_email=bool(data.get("notify_by_email") and data.get("email")),
        )
    transaction.on_commit(lambda: notifications.new_submission(submission))
    return submission

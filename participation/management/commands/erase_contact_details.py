"""Erase the contact details of submissions closed longer ago than the retention period.

Run it daily (cron or a systemd timer); `make run`'s worker does not need it more often.
The period is PARTICIPATION_RETENTION_DAYS (90 days by default)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.log_actions import log

from participation import guards
from participation.models import ContactDetails, Submission


class Command(BaseCommand):
    help = "Xóa thông tin liên hệ của các ý kiến đã xử lý xong quá thời hạn lưu."

    def handle(self, *args, **options):
        days = guards.setting("RETENTION_DAYS", 90)
        cutoff = timezone.now() - datetime.timedelta(days=days)
        expired = Submission.objects.filter(closed_at__lte=cutoff, contact__isnull=False)
        count = 0
        for submission in expired:
            ContactDetails.objects.filter(submission=submission).delete()
            log(submission, "participation.contact_erased", user=None, data={"days": days})
            count += 1
        self.stdout.write(f"Đã xóa thông tin liên hệ của {count} ý kiến (đã xử lý xong quá {days} ngày).")

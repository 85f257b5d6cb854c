"""A citizen's name and contact details, stored apart from what they sent.

Only the submission's unit's moderators with the permission "Xem thông tin liên hệ của người
gửi" see them; they are never in search, feeds, the tracking page or exports without that
permission. The row is deleted (not blanked) when the citizen withdraws or the retention period
of a closed submission ends (`erase_contact_details`).
"""

from django.db import models
from django.utils import timezone

from participation.models.submissions import Submission

# What the consent notice says, kept with each consent so it can be shown later what was agreed.
NOTICE_VERSION = "2026-12"


class ContactDetails(models.Model):
    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="contact")
    name = models.CharField("họ tên", max_length=100, blank=True, help_text="Để trống nếu người gửi ẩn danh.")
    phone = models.CharField("số điện thoại", max_length=20, blank=True, help_text="Để trả lời bằng văn bản.")
    email = models.EmailField("thư điện tử", blank=True, help_text="Để trả lời bằng văn bản.")
    notify_by_email = models.BooleanField(
        "báo khi có trả lời", default=False, help_text="Người gửi muốn nhận thư khi có trả lời."
    )
    consent_at = models.DateTimeField(
        "đồng ý xử lý dữ liệu lúc",
        default=timezone.now,
        help_text="Lúc người gửi đồng ý với thông báo xử lý dữ liệu cá nhân.",
    )
    notice_version = models.CharField(
        "phiên bản thông báo",
        max_length=20,
        default=NOTICE_VERSION,
        help_text="Thông báo mà người gửi đã đồng ý.",
    )

    class Meta:
        verbose_name = "thông tin liên hệ"
        verbose_name_plural = "thông tin liên hệ"

    def __str__(self):
        return "thông tin liên hệ"

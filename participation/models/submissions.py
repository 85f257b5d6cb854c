"""A citizen's submission (a forum question, a question or feedback, a nomination) and its history.

Nothing here is personal: name, phone and e-mail live in `ContactDetails`, so the queue's
columns, the tracking page, exports and the published Q&A cannot show them by mistake.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from participation import codes
from participation.statuses import ANSWERED, CLOSED, Kind, Status, Topic, status_text

TEXT_MAX = 2000
PHOTO_FOLDER = "citizen-photos"  # never served as a plain media file (home.views.PRIVATE_MEDIA)


def photo_path(instance, filename: str) -> str:
    """A random name: the citizen's file name is theirs, and nobody can guess the path."""
    import os
    import uuid

    extension = os.path.splitext(filename)[1].lower()[:5]
    return f"{PHOTO_FOLDER}/{uuid.uuid4().hex}{extension}"


class SubmissionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def for_communes(self, communes):
        """Those of the given communes (None: every commune)."""
        return self if communes is None else self.filter(commune__in=communes)


class Submission(models.Model):
    kind = models.CharField(
        "loại",
        max_length=20,
        choices=Kind.choices,
        help_text="Câu hỏi gửi diễn đàn, hỏi đáp – góp ý hoặc giới thiệu gương tốt.",
    )
    code = models.CharField(
        "mã tra cứu",
        max_length=codes.LENGTH,
        unique=True,
        editable=False,
        help_text="Người gửi dùng mã này để theo dõi kết quả xử lý.",
    )
    forum = models.ForeignKey(
        "forums.ForumAnnouncementPage",
        verbose_name="diễn đàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text="Diễn đàn mà câu hỏi được gửi tới (nếu có).",
    )
    commune = models.ForeignKey(
        "home.Commune",
        verbose_name="xã, phường, đặc khu",
        on_delete=models.PROTECT,
        related_name="submissions",
        help_text="Đơn vị nhận và xử lý; chỉ cán bộ tiếp nhận của đơn vị này thấy.",
    )
    topic = models.CharField(
        "lĩnh vực",
        max_length=30,
        choices=Topic.choices,
        default=Topic.OTHER,
        help_text="Lĩnh vực người gửi chọn.",
    )
    text = models.TextField(
        "nội dung", max_length=TEXT_MAX, help_text="Nguyên văn người dân gửi, chỉ là văn bản."
    )
    status = models.CharField(
        "tình trạng",
        max_length=30,
        choices=Status.choices,
        default=Status.RECEIVED,
        help_text="Hiện trên trang tra cứu.",
    )
    status_note = models.CharField(
        "cơ quan nhận / lý do",
        max_length=300,
        blank=True,
        help_text="Cơ quan được chuyển đến, hoặc lý do không thuộc phạm vi; hiện trên trang tra cứu.",
    )
    answer = models.TextField(
        "trả lời", blank=True, max_length=8000, help_text="Nội dung trả lời; hiện trên trang tra cứu."
    )
    answered_by = models.CharField(
        "người trả lời",
        max_length=200,
        blank=True,
        help_text="Chức danh người trả lời, ví dụ: Trưởng Công an phường.",
    )
    answered_at = models.DateTimeField(
        "ngày trả lời", null=True, blank=True, help_text="Tự điền khi có trả lời."
    )
    report_channel = models.BooleanField(
        "chuyển kênh báo tin",
        default=False,
        help_text="Nội dung là tin báo tội phạm hoặc việc khẩn cấp: đã hướng dẫn người gửi báo 113, "
        "đường dây nóng hoặc VNeID.",
    )
    public_question = models.TextField(
        "câu hỏi công khai",
        blank=True,
        max_length=TEXT_MAX,
        help_text="Câu hỏi như sẽ đăng trên trang: bỏ tên, số điện thoại, địa chỉ và mọi thông tin cá nhân.",
    )
    published_at = models.DateTimeField(
        "ngày công khai",
        null=True,
        blank=True,
        help_text="Câu hỏi và trả lời hiện trên trang diễn đàn từ lúc này.",
    )
    fingerprint = models.CharField(
        max_length=64, db_index=True, editable=False, help_text="Để nhận ra nội dung gửi lặp lại."
    )
    created_at = models.DateTimeField(
        "ngày gửi", default=timezone.now, db_index=True, help_text="Lúc hệ thống nhận."
    )
    closed_at = models.DateTimeField(
        "ngày kết thúc xử lý",
        null=True,
        blank=True,
        editable=False,
        help_text="Lúc tình trạng thành trả lời, chuyển hoặc không thuộc phạm vi.",
    )
    # Nominations ("Giới thiệu gương người tốt, việc tốt").
    happened_on = models.DateField(
        "ngày xảy ra", null=True, blank=True, help_text="Việc tốt xảy ra ngày nào."
    )
    place = models.CharField("nơi xảy ra", max_length=300, blank=True, help_text="Địa điểm cụ thể.")
    featured_person = models.CharField(
        "người được giới thiệu",
        max_length=200,
        blank=True,
        help_text="Không bắt buộc; chỉ công bố khi người đó đồng ý.",
    )
    photo = models.FileField(
        "ảnh",
        upload_to=photo_path,
        blank=True,
        max_length=200,
        help_text="Ảnh người gửi kèm lời giới thiệu; chỉ cán bộ tiếp nhận của đơn vị xem được.",
    )
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name="bài viết",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
        help_text="Bài nháp được tạo từ lời giới thiệu này.",
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = "ý kiến người dân"
        verbose_name_plural = "ý kiến người dân"
        ordering = ["-created_at"]
        permissions = [("view_contact_details", "Xem thông tin liên hệ của người gửi")]

    def __str__(self):
        return f"{codes.display(self.code)} · {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = codes.new_code()
            while type(self).objects.filter(code=self.code).exists():
                self.code = codes.new_code()
        return super().save(*args, **kwargs)

    @property
    def display_code(self) -> str:
        return codes.display(self.code)

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    @property
    def is_answered(self) -> bool:
        return self.status in ANSWERED

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.status_note)

    @property
    def short_text(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @property
    def published_label(self) -> str:
        return "Đã công khai" if self.published_at else ""

    def _contact(self, name: str) -> str:
        """For the export of a moderator who may see contact details (`admin.ScopedIndexView`)."""
        contact = getattr(self, "contact", None) if hasattr(self, "contact") else None
        return getattr(contact, name, "") if contact else ""

    @property
    def contact_name(self) -> str:
        return self._contact("name")

    @property
    def contact_phone(self) -> str:
        return self._contact("phone")

    @property
    def contact_email(self) -> str:
        return self._contact("email")

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def set_status(self, status: str, note: str = "", user=None):
        """Change the status, keep it in the history, and stamp answer and closing dates."""
        now = timezone.now()
        self.status, self.status_note = status, note
        if status in ANSWERED and not self.answered_at:
            self.answered_at = now
        self.closed_at = (self.closed_at or now) if status in CLOSED else None
        self.save()
        StatusChange.objects.create(submission=self, status=status, note=note, at=now, by=user)


class StatusChange(models.Model):
    """One step of a submission's history, as the tracking page lists it (who made it is kept
    for the audit, never shown to the public)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(
        "tình trạng", max_length=30, choices=Status.choices, help_text="Tình trạng mới."
    )
    note = models.CharField("ghi chú", max_length=300, blank=True, help_text="Cơ quan nhận hoặc lý do.")
    at = models.DateTimeField("lúc", default=timezone.now, help_text="Giờ Việt Nam khi hiển thị.")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Cán bộ đã đổi.",
    )

    class Meta:
        verbose_name = "bước xử lý"
        verbose_name_plural = "các bước xử lý"
        ordering = ["at", "pk"]

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        return status_text(self.status, self.note)

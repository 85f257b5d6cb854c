"""Anonymous answers to "Trang này có hữu ích không?": no cookie, no address, no personal data."""

from django.db import models
from django.utils import timezone

from participation.statuses import NotUsefulReason


class PageVote(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", help_text="Bài được đánh giá."
    )
    useful = models.BooleanField("hữu ích", help_text="Có hay không.")
    reason = models.CharField(
        "lý do",
        max_length=20,
        choices=NotUsefulReason.choices,
        blank=True,
        help_text="Lý do ngắn khi trả lời “Không”.",
    )
    day = models.DateField("ngày", default=timezone.localdate, help_text="Chỉ ghi ngày, không ghi giờ.")

    class Meta:
        verbose_name = "đánh giá bài viết"
        verbose_name_plural = "đánh giá bài viết"
        indexes = [models.Index(fields=["page", "useful"])]

    def __str__(self):
        return "có" if self.useful else "không"

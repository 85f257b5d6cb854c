"""Criteria sets ("Bộ tiêu chí") as versioned data: the documents a model's dossier must hold and
the scored criteria of an evaluation, with the date a version applies from.

A new version is a new set with a later effective date; evaluations keep the set they were
scored against. Nothing of a set's content is written in Python: the default set is data,
loaded by a migration (0006), and edited in the admin (snippet "Bộ tiêu chí").
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class CriteriaSetQuerySet(models.QuerySet):
    def for_date(self, date: datetime.date) -> CriteriaSet | None:
        """The version in force on `date`: the latest effective on or before it."""
        return self.filter(effective_from__lte=date).order_by("-effective_from", "-version").first()


class CriteriaSet(ClusterableModel):
    name = models.CharField(
        "tên bộ tiêu chí",
        max_length=200,
        help_text="Ví dụ: Tiêu chí đánh giá, phân loại mô hình bảo đảm ANTT ở cơ sở.",
    )
    version = models.PositiveSmallIntegerField(
        "phiên bản", help_text="Số phiên bản; bản mới nhận số lớn hơn và ngày áp dụng muộn hơn."
    )
    effective_from = models.DateField(
        "áp dụng từ ngày", help_text="Các lần đánh giá từ ngày này dùng phiên bản này."
    )
    basis = models.CharField(
        "căn cứ",
        max_length=300,
        blank=True,
        help_text="Văn bản hướng dẫn làm căn cứ, ví dụ Hướng dẫn của Bộ Công an về xây dựng, đánh giá mô hình.",
    )
    excellent_from = models.DecimalField(
        "điểm tối thiểu loại tiêu biểu",
        max_digits=6,
        decimal_places=2,
        help_text="Tổng điểm từ mức này: tiêu biểu.",
    )
    good_from = models.DecimalField(
        "điểm tối thiểu loại hiệu quả",
        max_digits=6,
        decimal_places=2,
        help_text="Tổng điểm từ mức này: hiệu quả.",
    )
    pass_from = models.DecimalField(
        "điểm tối thiểu loại đạt", max_digits=6, decimal_places=2, help_text="Dưới mức này: chưa hiệu quả."
    )

    objects = CriteriaSetQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("version"), FieldPanel("effective_from")]),
        FieldPanel("basis"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("excellent_from"), FieldPanel("good_from"), FieldPanel("pass_from")])],
            heading="Xếp loại theo tổng điểm",
        ),
        InlinePanel("required_documents", heading="Hồ sơ bắt buộc", label="văn bản"),
        InlinePanel("criteria", heading="Tiêu chí chấm điểm", label="tiêu chí"),
    ]

    class Meta:
        verbose_name = "bộ tiêu chí"
        verbose_name_plural = "bộ tiêu chí"
        ordering = ["-effective_from", "-version"]
        constraints = [models.UniqueConstraint(fields=["version"], name="criteria_set_unique_version")]

    def __str__(self):
        return f"{self.name} (phiên bản {self.version}, từ {self.effective_from:%d/%m/%Y})"

    @property
    def max_total(self) -> Decimal:
        return sum((c.max_points for c in self.criteria.all()), Decimal(0))

    def classify(self, total: Decimal) -> str:
        if total >= self.excellent_from:
            return "Tiêu biểu"
        if total >= self.good_from:
            return "Hiệu quả"
        if total >= self.pass_from:
            return "Đạt"
        return "Chưa hiệu quả"


class RequiredDocument(Orderable):
    """A document a dossier must hold. Its code ties uploaded documents to the requirement
    across versions, so a new version does not make a complete dossier incomplete by renaming."""

    criteria_set = ParentalKey(
        CriteriaSet, verbose_name="bộ tiêu chí", related_name="required_documents", on_delete=models.CASCADE
    )
    code = models.SlugField(
        "mã", max_length=60, help_text="Mã ngắn, giữ nguyên giữa các phiên bản, ví dụ quyet-dinh-thanh-lap."
    )
    name = models.CharField("tên văn bản", max_length=200, help_text="Ví dụ: Quyết định thành lập.")

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("code")])]

    class Meta(Orderable.Meta):
        verbose_name = "văn bản bắt buộc"
        verbose_name_plural = "văn bản bắt buộc"

    def __str__(self):
        return self.name


class Criterion(Orderable):
    criteria_set = ParentalKey(
        CriteriaSet, verbose_name="bộ tiêu chí", related_name="criteria", on_delete=models.CASCADE
    )
    name = models.CharField("tiêu chí", max_length=300, help_text="Điều được chấm, viết thành một câu ngắn.")
    max_points = models.DecimalField(
        "điểm tối đa",
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text="Ví dụ: 20.",
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("max_points")])]

    class Meta(Orderable.Meta):
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"

    def __str__(self):
        return self.name

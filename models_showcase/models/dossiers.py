"""A model's dossier: its documents against the required list of the criteria set in force, and
its evaluations per period. Admin only, scoped like the showcase page (whoever may edit the page
may work on its dossier); the page shows only what the unit chose to make public.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone

from models_showcase.models.criteria import CriteriaSet


@dataclass
class Completeness:
    held: int
    required: int
    missing: list[str] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(100 * self.held / self.required) if self.required else 100

    @property
    def complete(self) -> bool:
        return self.held >= self.required

    def __str__(self):
        text = f"{self.held}/{self.required} hồ sơ"
        return f"{text}, thiếu: {', '.join(self.missing)}" if self.missing else f"{text}, đầy đủ"


class Dossier(models.Model):
    page = models.OneToOneField(
        "models_showcase.ModelShowcasePage",
        verbose_name="mô hình",
        on_delete=models.CASCADE,
        related_name="dossier",
    )
    show_completeness = models.BooleanField(
        "công khai mức đầy đủ của hồ sơ", default=False, help_text="Trang mô hình ghi “Hồ sơ đầy đủ” khi đủ."
    )
    show_classification = models.BooleanField(
        "công khai xếp loại gần nhất",
        default=False,
        help_text="Trang mô hình ghi xếp loại của lần đánh giá gần nhất.",
    )

    class Meta:
        verbose_name = "hồ sơ mô hình"
        verbose_name_plural = "hồ sơ mô hình"

    def __str__(self):
        return f"Hồ sơ: {self.page.title}"

    @classmethod
    def of(cls, page) -> Dossier:
        dossier, _ = cls.objects.get_or_create(page=page)
        return dossier

    def completeness(self, criteria_set: CriteriaSet | None = None, documents=None) -> Completeness:
        """Held against the list of `criteria_set` (the one in force today by default)."""
        criteria_set = criteria_set or CriteriaSet.objects.for_date(timezone.localdate())
        if criteria_set is None:
            return Completeness(0, 0)
        codes = {d.code for d in (self.documents.all() if documents is None else documents)}
        required = list(criteria_set.required_documents.all())
        missing = [r.name[:1].lower() + r.name[1:] for r in required if r.code not in codes]
        return Completeness(len(required) - len(missing), len(required), missing)

    def latest_evaluation(self) -> Evaluation | None:
        return self.evaluations.order_by("-evaluated_on", "-pk").first()


class DossierDocument(models.Model):
    """A document held in the dossier, for one required item (by its code)."""

    dossier = models.ForeignKey(
        Dossier, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="documents"
    )
    code = models.SlugField("văn bản bắt buộc", max_length=60, help_text="Mã của văn bản trong bộ tiêu chí.")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="tài liệu", on_delete=models.PROTECT, related_name="+"
    )
    is_public = models.BooleanField(
        "công khai",
        default=False,
        help_text="Chỉ tài liệu được đánh dấu công khai mới hiện trên trang mô hình.",
    )
    added_at = models.DateTimeField("ngày thêm", default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thêm",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "tài liệu trong hồ sơ"
        verbose_name_plural = "tài liệu trong hồ sơ"
        ordering = ["code", "-added_at"]

    def __str__(self):
        return f"{self.code}: {self.document_id}"


class Evaluation(models.Model):
    """One evaluation of a period, scored against the criteria set in force on its date; the
    set is stored with it, so a later version never changes a past evaluation."""

    dossier = models.ForeignKey(
        Dossier, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="evaluations"
    )
    period = models.PositiveSmallIntegerField("năm đánh giá", help_text="Năm của kỳ đánh giá, ví dụ 2026.")
    evaluated_on = models.DateField("ngày đánh giá", help_text="Ngày họp đánh giá.")
    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name="bộ tiêu chí", on_delete=models.PROTECT, related_name="evaluations"
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đánh giá",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evaluator_unit = models.CharField(
        "hội đồng, đơn vị đánh giá", max_length=200, help_text="Ví dụ: Hội đồng thi đua phường."
    )
    total = models.DecimalField("tổng điểm", max_digits=7, decimal_places=2, default=Decimal(0))
    classification = models.CharField("xếp loại", max_length=40, blank=True)
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="biên bản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Biên bản họp đánh giá.",
    )

    class Meta:
        verbose_name = "lần đánh giá"
        verbose_name_plural = "lần đánh giá"
        ordering = ["-evaluated_on", "-pk"]

    def __str__(self):
        return f"Đánh giá năm {self.period}: {self.classification}"

    @classmethod
    def record(cls, dossier, evaluated_on: datetime.date, points: dict, **fields) -> Evaluation:
        """Score `points` ({criterion id: points}) against the set in force on `evaluated_on`."""
        criteria_set = CriteriaSet.objects.for_date(evaluated_on)
        if criteria_set is None:
            raise ValueError("Chưa có bộ tiêu chí áp dụng cho ngày này.")
        evaluation = cls(dossier=dossier, evaluated_on=evaluated_on, criteria_set=criteria_set, **fields)
        evaluation.save()
        total = Decimal(0)
        for criterion in criteria_set.criteria.all():
            value = min(Decimal(points.get(criterion.pk, 0) or 0), criterion.max_points)
            EvaluationScore.objects.create(evaluation=evaluation, criterion=criterion, points=value)
            total += value
        evaluation.total = total
        evaluation.classification = criteria_set.classify(total)
        evaluation.save(update_fields=["total", "classification"])
        return evaluation


class EvaluationScore(models.Model):
    evaluation = models.ForeignKey(
        Evaluation, verbose_name="lần đánh giá", on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        "models_showcase.Criterion", verbose_name="tiêu chí", on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField("điểm", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "điểm theo tiêu chí"
        verbose_name_plural = "điểm theo tiêu chí"

    def __str__(self):
        return f"{self.criterion_id}: {self.points}"

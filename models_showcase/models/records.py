"""What a showcase records over time, as rows of the page (Wagtail orderables, edited in
InlinePanels and kept in the page's revisions):

- `LifecycleEvent`: the model's steps, đề xuất → công nhận → nhân rộng → sơ kết / tổng kết →
  tạm dừng → thanh loại, each with its date and who decided it;
- `ReplicationPoint`: a place where the model runs (commune, address or residential group, start
  date, households or members, status), so "331 điểm" is a count of rows;
- `FigureValue`: one dated value of a key figure; the values of one figure are its series.

The movement's statistics (`models_showcase.statistics`) are sums over these rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class LifecycleStage(models.TextChoices):
    PROPOSED = "de-xuat", "Đề xuất"
    RECOGNISED = "cong-nhan", "Công nhận"
    REPLICATED = "nhan-rong", "Nhân rộng"
    INTERIM_REVIEW = "so-ket", "Sơ kết"
    FINAL_REVIEW = "tong-ket", "Tổng kết"
    PAUSED = "tam-dung", "Tạm dừng"
    RETIRED = "thanh-loai", "Thanh loại"


class LifecycleEvent(Orderable):
    """One step of a model's lifecycle. The latest step by date is its current stage; a model
    whose current stage is "thanh loại" leaves the live totals and keeps its page as history."""

    page = ParentalKey(
        "models_showcase.ModelShowcasePage", related_name="lifecycle", on_delete=models.CASCADE
    )
    stage = models.CharField("giai đoạn", max_length=20, choices=LifecycleStage.choices)
    date = models.DateField("ngày", help_text="Ngày quyết định hoặc ngày tổ chức sơ kết, tổng kết.")
    decided_by = models.CharField(
        "cơ quan, người quyết định",
        max_length=200,
        help_text="Ví dụ: Chủ tịch UBND phường (Quyết định số 12/QĐ-UBND). Được công khai trên trang.",
    )
    note = models.CharField("ghi chú", max_length=300, blank=True, help_text="Một câu về kết quả, lý do.")

    panels = [
        FieldRowPanel([FieldPanel("stage"), FieldPanel("date")]),
        FieldPanel("decided_by"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "bước trong vòng đời"
        verbose_name_plural = "vòng đời mô hình"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "Ngày không thể ở tương lai."})

    def __str__(self):
        return f"{self.get_stage_display()} ({self.date:%d/%m/%Y})"


class PointStatus(models.TextChoices):
    ACTIVE = "hoat-dong", "Đang hoạt động"
    PAUSED = "tam-dung", "Tạm dừng"
    ENDED = "da-dung", "Đã dừng"


# Points that count in the live totals.
LIVE_POINT_STATUSES = (PointStatus.ACTIVE, PointStatus.PAUSED)


class ReplicationPoint(Orderable):
    """A place where the model runs: a residential group, a street, a village, a boarding house."""

    page = ParentalKey(
        "models_showcase.ModelShowcasePage", related_name="replication_points", on_delete=models.CASCADE
    )
    commune = models.ForeignKey(
        "home.Commune",
        verbose_name="xã, phường, đặc khu",
        on_delete=models.PROTECT,
        related_name="replication_points",
        help_text="Xã, phường nơi có điểm này, thuộc tỉnh của mô hình.",
    )
    place = models.CharField(
        "địa chỉ, tổ dân phố",
        max_length=200,
        help_text="Ví dụ: Tổ dân phố số 5, hoặc Ngã ba thôn Đông. Không ghi tên người.",
    )
    started_on = models.DateField("ngày bắt đầu", help_text="Ngày điểm bắt đầu hoạt động.")
    households = models.PositiveIntegerField(
        "số hộ", null=True, blank=True, help_text="Số hộ tham gia, nếu có."
    )
    members = models.PositiveIntegerField(
        "số thành viên", null=True, blank=True, help_text="Số người tham gia, nếu tính theo người."
    )
    status = models.CharField(
        "tình trạng", max_length=20, choices=PointStatus.choices, default=PointStatus.ACTIVE
    )

    panels = [
        FieldPanel("commune"),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("started_on"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("households"), FieldPanel("members")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "điểm nhân rộng"
        verbose_name_plural = "điểm nhân rộng"

    def clean(self):
        super().clean()
        if self.started_on and self.started_on > timezone.localdate():
            raise ValidationError({"started_on": "Ngày bắt đầu không thể ở tương lai."})

    def __str__(self):
        return self.place


class Metric(models.TextChoices):
    """What a figure counts. The first ones are summed across models in the statistics."""

    CAMERAS = "camera", "Camera"
    RECORDERS = "dau-ghi", "Đầu ghi hình"
    HOUSEHOLDS = "ho", "Hộ tham gia"
    MEMBERS = "thanh-vien", "Thành viên"
    CASES = "vu-viec", "Vụ việc được phát hiện, làm rõ"
    OTHER = "khac", "Chỉ số khác"


SUMMED_METRICS = (Metric.CAMERAS, Metric.RECORDERS, Metric.CASES)


class FigureValue(Orderable):
    """One value of a key figure on a date. Values with the same figure name form a series,
    drawn as a chart on the page; the latest one is the figure "as of today"."""

    page = ParentalKey("models_showcase.ModelShowcasePage", related_name="figures", on_delete=models.CASCADE)
    metric = models.CharField(
        "loại chỉ số",
        max_length=20,
        choices=Metric.choices,
        default=Metric.OTHER,
        help_text="Camera, đầu ghi, vụ việc… được cộng vào số liệu phong trào.",
    )
    label = models.CharField(
        "tên chỉ số",
        max_length=80,
        help_text="Ví dụ: Camera đã lắp. Các giá trị cùng tên tạo thành một chuỗi số liệu.",
    )
    value = models.DecimalField(
        "giá trị", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)], help_text="Không âm."
    )
    unit = models.CharField("đơn vị", max_length=30, blank=True, help_text="Ví dụ: chiếc, hộ, lượt.")
    as_of = models.DateField("tính đến ngày", help_text="Ngày số liệu được thống kê.")

    panels = [
        FieldRowPanel([FieldPanel("metric"), FieldPanel("label")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("unit"), FieldPanel("as_of")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "số liệu theo thời gian"
        verbose_name_plural = "số liệu theo thời gian"

    def clean(self):
        super().clean()
        if self.as_of and self.as_of > timezone.localdate():
            raise ValidationError({"as_of": "Ngày thống kê không thể ở tương lai."})

    def __str__(self):
        return f"{self.label}: {self.value} ({self.as_of:%d/%m/%Y})"


@dataclass
class Series:
    """The dated values of one figure, oldest first."""

    label: str
    unit: str
    metric: str
    values: list  # of FigureValue

    @property
    def latest(self):
        return self.values[-1]


def series_of(figures) -> list[Series]:
    """Figure values grouped by name, in the order the editor first listed each figure."""
    groups: dict[str, Series] = {}
    for figure in figures:
        key = figure.label.strip().casefold()
        if key not in groups:
            groups[key] = Series(figure.label.strip(), figure.unit, figure.metric, [])
        groups[key].values.append(figure)
    for series in groups.values():
        series.values.sort(key=lambda f: f.as_of)
        series.unit = series.latest.unit or series.unit
    return list(groups.values())


def current_stage(events) -> LifecycleEvent | None:
    """The latest lifecycle step by date (the later row on the same day)."""
    ordered = sorted(events, key=lambda e: (e.date, e.sort_order or 0))
    return ordered[-1] if ordered else None


_METRIC_WORDS = (
    (r"camera", Metric.CAMERAS),
    (r"đầu ghi", Metric.RECORDERS),
    (r"(^|\s)hộ(\s|$)", Metric.HOUSEHOLDS),
    (r"thành viên", Metric.MEMBERS),
    (r"(^|\s)vụ(\s|$)", Metric.CASES),
)


def guess_metric(label: str) -> str:
    """The metric a figure's name suggests ("Camera đã lắp" → cameras), else "other"."""
    import re

    text = label.lower()
    return next((metric for pattern, metric in _METRIC_WORDS if re.search(pattern, text)), Metric.OTHER)

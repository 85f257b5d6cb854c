"""Community security models ("mô hình bảo đảm ANTT") and the pages that show them off; what a page
records over time lives in `records.py`, its dossier in `dossiers.py`."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home import api_fields
from home.blocks import BODY_FEATURES, CaptionedImageBlock, DocumentBlock, phone_validator
from home.models import ArticlePage, Commune, SectionIndexPage
from home.slugs import ascii_slugify
from home.widgets import CommuneMultipleChooser, VietnameseOrderedSelect
from models_showcase.models.records import LIVE_POINT_STATUSES, LifecycleStage, current_stage, series_of


@register_snippet
class ModelType(index.Indexed, ClusterableModel):
    """A kind of model (Camera an ninh, Nhà trọ tự quản…), shared by showcases across the country."""

    name = models.CharField("tên loại mô hình", max_length=120, unique=True)
    slug = models.SlugField(
        "đường dẫn", max_length=120, unique=True, blank=True, help_text="Để trống để tạo từ tên."
    )
    description = models.TextField("mô tả", blank=True, help_text="Mô hình này làm gì, ai tham gia.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "loại mô hình"
        verbose_name_plural = "loại mô hình"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = ascii_slugify(self.name, max_length=120)
        super().save(*args, **kwargs)


class ShowcaseStatus(models.TextChoices):
    EFFECTIVE = "hieu-qua", "Hoạt động hiệu quả"
    ACTIVE = "dang-hoat-dong", "Đang hoạt động"
    PAUSED = "tam-dung", "Tạm dừng"


class Funding(models.TextChoices):
    BUDGET = "ngan-sach", "Ngân sách nhà nước"
    SOCIAL = "xa-hoi-hoa", "Xã hội hóa"
    MIXED = "ket-hop", "Ngân sách và xã hội hóa"


API_TYPE_SCHEMA = {
    "type": "object",
    "description": "Loại mô hình; slug là giá trị của tham số mo-hinh.",
    "required": ["slug", "name"],
    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
    "additionalProperties": False,
}

# The records of a model (models/records.py) as the API prints them.
API_FIGURES_SCHEMA = {
    "type": "array",
    "description": "Số liệu theo thời gian: mỗi số liệu là một dãy giá trị có ngày, cũ trước mới sau.",
    "items": {
        "type": "object",
        "required": ["label", "unit", "values"],
        "properties": {
            "label": {"type": "string"},
            "unit": {"type": "string"},
            "values": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["value", "as_of"],
                    "properties": {
                        "value": {"type": "number"},
                        "as_of": {"type": "string", "format": "date"},
                    },
                },
            },
        },
    },
}
API_RECORD_SCHEMA = {
    "type": "object",
    "description": "Giai đoạn hiện tại và các điểm nhân rộng đang hoạt động.",
    "required": ["stage", "stage_date", "retired", "points", "households", "members"],
    "properties": {
        "stage": {"type": ["string", "null"]},
        "stage_date": {"type": ["string", "null"], "format": "date"},
        "retired": {"type": "boolean"},
        "points": {"type": "integer"},
        "households": {"type": "integer"},
        "members": {"type": "integer"},
    },
}


class ShowcaseIndexPage(SectionIndexPage):
    """The model showcases section, or one unit's part of it."""

    parent_page_types = ["home.HomePage", "models_showcase.ShowcaseIndexPage"]
    subpage_types = ["models_showcase.ModelShowcasePage", "models_showcase.ShowcaseIndexPage"]

    class Meta:
        verbose_name = "chuyên mục mô hình"
        verbose_name_plural = "chuyên mục mô hình"


class ModelShowcasePage(ArticlePage):
    model_type = models.ForeignKey(
        ModelType, verbose_name="loại mô hình", on_delete=models.PROTECT, related_name="showcases"
    )
    province = models.ForeignKey(
        "home.Province", verbose_name="tỉnh, thành phố", on_delete=models.PROTECT, related_name="showcases"
    )
    communes = ParentalManyToManyField(
        "home.Commune",
        verbose_name="xã, phường, đặc khu",
        related_name="showcases",
        help_text="Một hoặc nhiều xã, phường nơi mô hình hoạt động, thuộc tỉnh đã chọn.",
    )
    coordinating_unit = models.CharField(
        "đơn vị chủ trì", max_length=200, help_text="Ví dụ: Công an phường phối hợp Ủy ban MTTQ phường."
    )
    year_started = models.PositiveSmallIntegerField(
        "năm thành lập",
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
        help_text="Năm mô hình bắt đầu hoạt động.",
    )
    status = models.CharField("tình trạng", max_length=20, choices=ShowcaseStatus.choices)
    how_it_works = RichTextField("cách vận hành", features=BODY_FEATURES)
    join_text = RichTextField(
        "cách tham gia", features=BODY_FEATURES, blank=True, help_text="Người dân muốn tham gia cần làm gì."
    )
    join_hotline = models.CharField(
        "điện thoại liên hệ", max_length=20, blank=True, validators=[phone_validator]
    )
    join_zalo_url = models.URLField(
        "nhóm Zalo",
        blank=True,
        help_text="Đường dẫn mời vào nhóm Zalo của mô hình, ví dụ https://zalo.me/g/…",
    )
    funding = models.CharField("nguồn kinh phí", max_length=20, choices=Funding.choices)
    funding_note = models.CharField(
        "ghi chú kinh phí", max_length=300, blank=True, help_text="Ví dụ: 90% camera do người dân đóng góp."
    )
    documents = StreamField(
        [("document", DocumentBlock())],
        verbose_name="hồ sơ mô hình",
        blank=True,
        help_text="Quyết định thành lập, quy chế hoạt động, báo cáo sơ kết…",
    )
    gallery = StreamField([("image", CaptionedImageBlock())], verbose_name="thư viện ảnh", blank=True)

    listing_select_related = ("model_type", "province")
    # Cards and search hits print the place, which names the communes (one query per list).
    place_prefetch_related = listing_prefetch_related = ("communes",)
    listing_order = ("title",)

    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("how_it_works"),
        index.SearchField("coordinating_unit"),
        index.FilterField("status"),
        index.FilterField("province"),
        index.FilterField("model_type"),
        index.RelatedFields("model_type", [index.SearchField("name")]),
        index.RelatedFields("province", [index.SearchField("name")]),
    ]

    # The headless API (`api/`).
    api_fields = [
        *ArticlePage.api_fields,
        APIField("model_type", serializer=api_fields.SchemaField(API_TYPE_SCHEMA, source="api_model_type")),
        APIField("coordinating_unit"),
        APIField("year_started"),
        APIField("status"),
        APIField("figures", serializer=api_fields.SchemaField(API_FIGURES_SCHEMA, source="api_figures")),
        APIField("record", serializer=api_fields.SchemaField(API_RECORD_SCHEMA, source="api_record")),
        APIField("how_it_works", serializer=api_fields.RichTextHTMLField()),
        APIField("join_text", serializer=api_fields.RichTextHTMLField()),
        APIField("join_hotline"),
        APIField("join_zalo_url"),
        APIField("funding"),
        APIField("funding_note"),
        APIField("documents", serializer=api_fields.StreamRowsField(api_fields.DOCUMENT_ROW)),
        APIField("gallery", serializer=api_fields.StreamRowsField(api_fields.CAPTIONED_IMAGE_ROW)),
    ]
    api_listing_fields = (*ArticlePage.api_listing_fields, "model_type", "status", "year_started")

    content_panels = [
        *ArticlePage.content_panels,
        *ArticlePage.lead_panels,
        MultiFieldPanel(
            [
                FieldPanel("model_type", widget=VietnameseOrderedSelect),
                FieldPanel("province"),
                # Several communes through the searchable chooser, narrowed to the chosen province.
                FieldPanel(
                    "communes", widget=CommuneMultipleChooser(linked_fields={"province": "#id_province"})
                ),
                FieldPanel("coordinating_unit"),
                FieldRowPanel([FieldPanel("year_started"), FieldPanel("status")]),
            ],
            heading="Thông tin mô hình",
        ),
        InlinePanel(
            "lifecycle",
            heading="Vòng đời mô hình",
            label="bước",
            help_text="Đề xuất, công nhận, nhân rộng, sơ kết, tổng kết, tạm dừng, thanh loại: mỗi bước một dòng có ngày.",
        ),
        InlinePanel(
            "figures",
            heading="Số liệu theo thời gian",
            label="giá trị",
            help_text="Mỗi dòng một giá trị có ngày; các dòng cùng tên chỉ số tạo thành biểu đồ trên trang.",
        ),
        InlinePanel(
            "replication_points",
            heading="Điểm nhân rộng",
            label="điểm",
            help_text="Mỗi nơi mô hình hoạt động một dòng; số điểm trên trang và trong số liệu phong trào là số dòng.",
        ),
        FieldPanel("how_it_works"),
        MultiFieldPanel(
            [FieldPanel("join_text"), FieldPanel("join_hotline"), FieldPanel("join_zalo_url")],
            heading="Cách tham gia",
        ),
        MultiFieldPanel([FieldPanel("funding"), FieldPanel("funding_note")], heading="Kinh phí"),
        FieldPanel("documents"),
        FieldPanel("gallery"),
    ]

    parent_page_types = ["models_showcase.ShowcaseIndexPage"]
    subpage_types = []
    # Its communes print on the page, in the share card, the caption and the feed links.
    page_prefetch_related = (
        Prefetch("communes", queryset=Commune.objects.select_related("province")),
        "lifecycle",
        "figures",
    )

    class Meta:
        verbose_name = "mô hình bảo đảm ANTT"
        verbose_name_plural = "mô hình bảo đảm ANTT"

    def clean(self):
        super().clean()
        errors = {}
        if self.year_started and self.year_started > timezone.localdate().year:
            errors["year_started"] = "Năm thành lập không thể ở tương lai."
        if self.province_id:
            communes = list(self.communes.all())
            if not communes:
                errors["communes"] = "Hãy chọn ít nhất một xã, phường nơi mô hình hoạt động."
            outside = [c.name for c in communes if c.province_id != self.province_id]
            if outside:
                errors["communes"] = "Không thuộc tỉnh, thành phố đã chọn: " + ", ".join(outside) + "."
        if errors:
            raise ValidationError(errors)

    # --- The card interface of ArticlePage (columns named in models_showcase/kinds.py) -----

    @property
    def api_model_type(self) -> dict:
        return {"slug": self.model_type.slug, "name": self.model_type.name}

    @property
    def kicker(self) -> str:
        return self.model_type.name

    def place_communes(self) -> list:
        return list(self.communes.all())

    @property
    def unit(self) -> str:
        return self.coordinating_unit.strip()

    @property
    def card_date(self):
        return None

    # --- Records (models_showcase/models/records.py) -------------------------------------

    def figure_series(self) -> list:
        return series_of(self.figures.all())

    @property
    def api_figures(self) -> list:
        return [
            {
                "label": series.label,
                "unit": series.unit,
                "values": [{"value": float(v.value), "as_of": v.as_of.isoformat()} for v in series.values],
            }
            for series in self.figure_series()
        ]

    @property
    def api_record(self) -> dict:
        step, points = self.current_step, self.point_summary()
        return {
            "stage": step.get_stage_display() if step else None,
            "stage_date": step.date.isoformat() if step else None,
            "retired": self.is_retired,
            "points": int(points["count"]),
            "households": int(points["households"]),
            "members": int(points["members"]),
        }

    @property
    def top_figures(self) -> list:
        """The latest value of the first three figures, for cards (prefetch `figures`)."""
        return [series.latest for series in self.figure_series()[:3]]

    @cached_property
    def current_step(self):
        return current_stage(self.lifecycle.all())

    @property
    def is_retired(self) -> bool:
        step = self.current_step
        return step is not None and step.stage == LifecycleStage.RETIRED

    def lifecycle_steps(self) -> list:
        return sorted(self.lifecycle.all(), key=lambda e: (e.date, e.sort_order or 0))

    def point_summary(self) -> dict:
        """Live points (active or paused) with their households and members: one aggregate
        query, or summed in memory in a preview (rows held by the revision)."""
        rows = self.replication_points.all()
        if isinstance(rows, models.QuerySet):
            from django.db.models import Count, Sum

            found = rows.filter(status__in=LIVE_POINT_STATUSES).aggregate(
                count=Count("pk"), households=Sum("households"), members=Sum("members")
            )
            return {key: value or 0 for key, value in found.items()}
        points = [p for p in rows if p.status in LIVE_POINT_STATUSES]
        return {
            "count": len(points),
            "households": sum(p.households or 0 for p in points),
            "members": sum(p.members or 0 for p in points),
        }

    def public_dossier(self) -> dict | None:
        """What the unit chose to show of the dossier: completeness, latest classification, and
        the documents marked public. None when nothing is public."""
        from models_showcase.models.dossiers import Dossier

        if not self.pk:
            return None  # a preview of a page not saved yet
        dossier = Dossier.objects.filter(page=self).first()
        if dossier is None:
            return None
        shown = {"documents": list(dossier.documents.filter(is_public=True).select_related("document"))}
        if dossier.show_completeness:
            shown["completeness"] = dossier.completeness()
        if dossier.show_classification:
            shown["evaluation"] = dossier.latest_evaluation()
        return shown if any(shown.values()) else None

    def live_related_stories(self):
        """Stories that point at this showcase, for its 'related stories' list."""
        return self.related_stories.listing()

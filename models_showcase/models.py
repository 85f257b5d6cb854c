"""Community security models ("mô hình bảo đảm ANTT") and the pages that show them off."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home import api_fields
from home.blocks import BODY_FEATURES, CaptionedImageBlock, DocumentBlock, KeyFigureBlock, phone_validator
from home.models import ArticlePage, Commune, SectionIndexPage
from home.slugs import ascii_slugify
from home.widgets import CommuneMultipleChooser, VietnameseOrderedSelect


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
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name="số liệu nổi bật",
        blank=True,
        help_text="Mỗi dòng một chỉ số: camera, hộ tham gia, lượt tuần tra, người được giúp…",
    )
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
        APIField("key_figures", serializer=api_fields.StreamRowsField(api_fields.KEY_FIGURE_ROW)),
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
        FieldPanel("key_figures"),
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
    page_prefetch_related = (Prefetch("communes", queryset=Commune.objects.select_related("province")),)

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

    @property
    def top_figures(self) -> list:
        """The first three key figures, for cards; list from `listing(keep_streamfields=…)`."""
        return [block.value for block in self.key_figures[:3]]

    def live_related_stories(self):
        """Stories that point at this showcase, for its 'related stories' list."""
        return self.related_stories.listing()

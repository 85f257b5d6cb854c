"""'Người tốt, việc tốt' stories: an exemplary person or deed, told with structured facts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import ArticlePage, SectionIndexPage


class DeedType(models.TextChoices):
    CATCH_THIEF = "bat-trom", "Bắt giữ kẻ trộm, cướp"
    RESCUE = "cuu-nguoi", "Cứu người gặp nạn"
    RETURN_PROPERTY = "tra-lai-tai-san", "Trả lại tài sản đánh rơi"
    FIREFIGHTING = "chua-chay", "Tham gia chữa cháy"
    REPORT_CRIME = "to-giac-toi-pham", "Tố giác tội phạm"
    RECONCILE = "hoa-giai", "Hòa giải mâu thuẫn"
    OTHER = "khac", "Việc tốt khác"


class CommendationKind(models.TextChoices):
    CERTIFICATE = "giay-khen", "Giấy khen"
    MERIT = "bang-khen", "Bằng khen"
    LETTER = "thu-khen", "Thư khen"
    OTHER = "khac", "Hình thức khác"


class StoryIndexPage(SectionIndexPage):
    """The stories section, or a unit's part of it (a province's or a ward's stories)."""

    parent_page_types = ["home.HomePage", "stories.StoryIndexPage"]
    subpage_types = ["stories.StoryPage", "stories.StoryIndexPage"]
    item_model_label = "stories.StoryPage"
    filter_fields = ("tinh", "xa", "chude", "nam")

    class Meta:
        verbose_name = "chuyên mục người tốt, việc tốt"
        verbose_name_plural = "chuyên mục người tốt, việc tốt"


class StoryTag(TaggedItemBase):
    content_object = ParentalKey("stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class StoryPage(ArticlePage):
    body = StreamField(BodyBlock(), verbose_name="nội dung", help_text="Diễn biến câu chuyện.")
    deed_type = models.CharField("loại việc tốt", max_length=30, choices=DeedType.choices)
    deed_date = models.DateField("ngày diễn ra", help_text="Ngày sự việc xảy ra (không phải ngày đăng bài).")
    commune = models.ForeignKey(
        "home.Commune",
        verbose_name="xã, phường, đặc khu",
        on_delete=models.PROTECT,
        related_name="stories",
        help_text="Nơi sự việc diễn ra; tỉnh, thành phố được suy ra từ đây.",
    )
    commendation_by = models.CharField(
        "đơn vị khen thưởng",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Chủ tịch UBND Thành phố Hà Nội. Để trống nếu chưa được khen thưởng.",
    )
    commendation_kind = models.CharField(
        "hình thức khen thưởng", max_length=20, choices=CommendationKind.choices, blank=True
    )
    commendation_date = models.DateField("ngày khen thưởng", null=True, blank=True)
    byline = models.CharField("tác giả", max_length=200, help_text="Ví dụ: Minh Anh – Công an phường Láng.")
    source_url = models.URLField(
        "nguồn", blank=True, help_text="Đường dẫn bài gốc nếu câu chuyện đã đăng ở nơi khác."
    )
    related_showcase = models.ForeignKey(
        "models_showcase.ModelShowcasePage",
        verbose_name="mô hình liên quan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_stories",
        help_text="Mô hình an ninh trật tự mà nhân vật tham gia, nếu có.",
    )
    tags = ClusterTaggableManager(
        "chủ đề", through=StoryTag, blank=True, help_text="Các chủ đề, cách nhau bằng dấu phẩy."
    )

    listing_select_related = ("commune__province",)
    province_lookup, commune_lookup, year_lookup = "commune__province", "commune", "deed_date__year"

    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("deed_type"),
        index.FilterField("deed_date"),
        index.FilterField("commune"),
        index.RelatedFields("commune", [index.SearchField("name")]),
    ]

    content_panels = [
        *ArticlePage.content_panels,
        *ArticlePage.lead_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("deed_type"), FieldPanel("deed_date")]),
                FieldPanel("commune"),
            ],
            heading="Sự việc",
        ),
        InlinePanel("people", heading="Nhân vật", label="nhân vật"),
        MultiFieldPanel(
            [
                FieldPanel("commendation_by"),
                FieldRowPanel([FieldPanel("commendation_kind"), FieldPanel("commendation_date")]),
            ],
            heading="Khen thưởng",
        ),
        MultiFieldPanel(
            [
                FieldPanel("byline"),
                FieldPanel("source_url"),
                FieldPanel("related_showcase"),
                FieldPanel("tags"),
            ],
            heading="Tác giả và liên kết",
        ),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "câu chuyện người tốt, việc tốt"
        verbose_name_plural = "câu chuyện người tốt, việc tốt"

    @property
    def province(self):
        return self.commune.province

    schema_org_type = "NewsArticle"

    def structured_data(self, request, site_settings) -> dict:
        data = super().structured_data(request, site_settings)
        data["author"] = {"@type": "Person", "name": self.byline}
        data["contentLocation"] = {"@type": "Place", "name": self.place_name}
        data["articleSection"] = "Người tốt, việc tốt"
        return data

    @property
    def kicker(self) -> str:
        return self.get_deed_type_display()

    @property
    def card_date(self):
        return self.deed_date

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.deed_date and self.deed_date > today:
            errors["deed_date"] = "Ngày diễn ra không thể ở tương lai."
        has_commendation = any([self.commendation_by, self.commendation_kind, self.commendation_date])
        if has_commendation:
            if not self.commendation_by:
                errors["commendation_by"] = "Hãy ghi đơn vị khen thưởng."
            if not self.commendation_kind:
                errors["commendation_kind"] = "Hãy chọn hình thức khen thưởng."
            if not self.commendation_date:
                errors["commendation_date"] = "Hãy ghi ngày khen thưởng."
            elif self.deed_date and self.commendation_date < self.deed_date:
                errors["commendation_date"] = "Ngày khen thưởng không thể trước ngày diễn ra sự việc."
            elif self.commendation_date > today:
                errors["commendation_date"] = "Ngày khen thưởng không thể ở tương lai."
        if errors:
            raise ValidationError(errors)


class StoryPerson(Orderable):
    """A person featured in a story. Their name shows only with recorded consent."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="people")
    full_name = models.CharField("họ và tên", max_length=120)
    age = models.PositiveSmallIntegerField("tuổi", null=True, blank=True)
    role = models.CharField(
        "vai trò",
        max_length=200,
        blank=True,
        help_text="Ví dụ: tài xế xe ôm, học sinh lớp 9, tổ trưởng dân phố.",
    )
    consent_given = models.BooleanField(
        "đã đồng ý công khai tên và ảnh",
        default=False,
        help_text="Chỉ đánh dấu khi đã có sự đồng ý (bằng văn bản hoặc ghi âm) của nhân vật.",
    )
    consent_date = models.DateField("ngày đồng ý", null=True, blank=True)
    initials_only = models.BooleanField(
        "chỉ hiện tên viết tắt",
        default=False,
        help_text="Hiện tên viết tắt (ví dụ N.V.H.) thay cho họ tên đầy đủ.",
    )

    panels = [
        FieldPanel("full_name"),
        FieldRowPanel([FieldPanel("age"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("consent_given"), FieldPanel("consent_date")]),
        FieldPanel("initials_only"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "nhân vật"
        verbose_name_plural = "nhân vật"

    def __str__(self):
        return self.display_name

    @property
    def initials(self) -> str:
        return ".".join(part[0].upper() for part in self.full_name.split() if part) + "."

    @property
    def display_name(self) -> str:
        """The name readers see: full only with consent and without the initials-only option."""
        if self.consent_given and not self.initials_only:
            return self.full_name
        return self.initials

    def clean(self):
        super().clean()
        if self.consent_given and not self.consent_date:
            raise ValidationError({"consent_date": "Hãy ghi ngày nhân vật đồng ý."})
        if self.consent_date and self.consent_date > timezone.localdate():
            raise ValidationError({"consent_date": "Ngày đồng ý không thể ở tương lai."})
        if self.age is not None and self.age > 120:
            raise ValidationError({"age": "Tuổi không hợp lệ."})

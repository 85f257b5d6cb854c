"""'Người tốt, việc tốt' stories: an exemplary person or deed, told with structured facts."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.search import index

from home import api_fields
from home.blocks import BodyBlock
from home.collation import sorted_vi
from home.models import ArticlePage, SectionIndexPage, visible
from stories.admin_forms import StoryPageForm
from stories.models.people import StoryPerson
from stories.names import find_withheld_names

# The page's texts a reader sees (page, cards, feeds, link previews, widget, oEmbed, fanpage
# caption, search), with the words an editor knows them by, in the order of the editor.
PUBLIC_TEXTS = {
    "title": "Tiêu đề",
    "sapo": "Sapo",
    "hero_caption": "Chú thích ảnh đại diện",
    "hero_credit": "Nguồn ảnh đại diện",
    "body": "Nội dung",
    "tags": "Chủ đề",
    "slug": "Đường dẫn (slug)",
    "seo_title": "Tiêu đề trên công cụ tìm kiếm",
    "search_description": "Mô tả trên công cụ tìm kiếm",
}


class DeedType(models.TextChoices):
    CATCH_THIEF = "bat-trom", "Bắt giữ kẻ trộm, cướp"
    RESCUE = "cuu-nguoi", "Cứu người gặp nạn"
    RETURN_PROPERTY = "tra-lai-tai-san", "Trả lại tài sản đánh rơi"
    FIREFIGHTING = "chua-chay", "Tham gia chữa cháy"
    REPORT_CRIME = "to-giac-toi-pham", "Tố giác tội phạm"
    RECONCILE = "hoa-giai", "Hòa giải mâu thuẫn"
    OTHER = "khac", "Việc tốt khác"


logger = logging.getLogger(__name__)


class ConsentMissing(PermissionDenied):
    """Publishing refused: a featured person's consent is not recorded as the rules require."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


class CommendationKind(models.TextChoices):
    CERTIFICATE = "giay-khen", "Giấy khen"
    MERIT = "bang-khen", "Bằng khen"
    LETTER = "thu-khen", "Thư khen"
    OTHER = "khac", "Hình thức khác"


class StoryIndexPage(SectionIndexPage):
    """The stories section, or a unit's part of it (a province's or a ward's stories)."""

    parent_page_types = ["home.HomePage", "stories.StoryIndexPage"]
    subpage_types = ["stories.StoryPage", "stories.StoryIndexPage"]

    class Meta:
        verbose_name = "chuyên mục người tốt, việc tốt"
        verbose_name_plural = "chuyên mục người tốt, việc tốt"


class StoryTag(TaggedItemBase):
    content_object = ParentalKey("stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "chủ đề của câu chuyện"
        verbose_name_plural = "chủ đề của câu chuyện"


API_PEOPLE_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "age", "role"],
        "properties": {
            "name": {"type": "string", "description": "Tên như nhân vật đồng ý (có thể là tên viết tắt)"},
            "age": {"type": "integer", "nullable": True},
            "role": {"type": "string"},
        },
        "additionalProperties": False,
    },
}
API_COMMENDATION_SCHEMA = {
    "type": "object",
    "nullable": True,
    "required": ["by", "kind", "label", "date"],
    "properties": {
        "by": {"type": "string"},
        "kind": {"type": "string", "enum": list(CommendationKind.values)},
        "label": {"type": "string"},
        "date": {"type": "string", "format": "date", "nullable": True},
    },
    "additionalProperties": False,
}


# The people of many stories in one query, as a plain list on each (`to_attr`): Django then
# skips building a queryset per story, which cost more than the query itself on a 50-item feed.
PEOPLE = Prefetch("people", to_attr="prefetched_people")
# On the story's own page the people's photos print too, and the topics as links.
PEOPLE_WITH_PHOTOS = Prefetch(
    "people", queryset=StoryPerson.objects.select_related("photo"), to_attr=PEOPLE.to_attr
)
TOPICS = Prefetch("tagged_items", queryset=StoryTag.objects.select_related("tag"))


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
    # Cards decide whether the lead image may show from the people's consent (one query per list).
    listing_prefetch_related = (PEOPLE,)
    # The people decide what the page may show (names; photos in the lead, the body and the
    # share card); the topics print as links and in the fanpage caption.
    page_prefetch_related = (PEOPLE_WITH_PHOTOS, TOPICS)

    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("deed_type"),
        index.FilterField("deed_date"),
        index.FilterField("commune"),
        index.RelatedFields("commune", [index.SearchField("name")]),
    ]

    # The headless API (`api/`): the page's facts, its body as the page shows it (consent
    # applied), people by the name they agreed to; never full names, consent records or photos.
    api_fields = [
        *ArticlePage.api_fields,
        APIField("deed_type"),
        APIField("deed_date"),
        APIField("body", serializer=api_fields.StreamHTMLField(source="visible_body")),
        APIField("people", serializer=api_fields.SchemaField(API_PEOPLE_SCHEMA, source="api_people")),
        APIField(
            "commendation",
            serializer=api_fields.SchemaField(API_COMMENDATION_SCHEMA, source="api_commendation"),
        ),
        APIField("byline"),
        APIField("source_url"),
        APIField(
            "related_showcase",
            serializer=api_fields.SchemaField(api_fields.PAGE_LINK_SCHEMA, source="api_related_showcase"),
        ),
    ]
    api_listing_fields = (*ArticlePage.api_listing_fields, "deed_type", "deed_date")

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
    # Refuses to submit or publish a story that names a person who must not be named.
    base_form_class = StoryPageForm

    class Meta:
        verbose_name = "câu chuyện người tốt, việc tốt"
        verbose_name_plural = "câu chuyện người tốt, việc tốt"
        indexes = [
            # A place filter (a province is ~100 communes) reads the stories' page numbers from
            # this index alone, never their rows (with home's covering page index: 50 -> 21 ms
            # for a province of 8,680 of 300,000 stories on PostgreSQL).
            models.Index(fields=["commune", "page_ptr"], name="story_commune_page"),
            # A feed of a province walks the newest pages and checks each story's commune here,
            # not in its row (Hà Nội's JSON Feed: its keys query 38 -> 20 ms at 300,000).
            models.Index(fields=["page_ptr", "commune"], name="story_page_commune"),
            # A section's year filter asks, year by year, whether any story is dated in it
            # (`home.listing`): a range of this index each, not every story (220 -> 1 ms).
            models.Index(fields=["deed_date"], name="story_deed_date"),
        ]

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

    # --- The card interface of ArticlePage (columns named in stories/kinds.py) -------------

    @property
    def kicker(self) -> str:
        return self.get_deed_type_display()

    @property
    def card_date(self):
        return self.deed_date

    def place_communes(self) -> list:
        return [self.commune]

    @property
    def unit(self) -> str:
        return self.byline.strip()

    @property
    def visible_related_showcase(self):
        """The related showcase, when readers may see it (`home.models.visible`: live, public,
        not expired); None otherwise, so a restricted model's title never shows here."""
        if not self.related_showcase_id:
            return None
        model = self._meta.get_field("related_showcase").related_model
        return visible(model.objects.filter(pk=self.related_showcase_id)).first()

    @property
    def api_people(self) -> list[dict]:
        """The people as the page names them (`display_name`), for the API."""
        return [
            {"name": person.display_name, "age": person.age, "role": person.role}
            for person in self.featured_people()
        ]

    @property
    def api_commendation(self) -> dict | None:
        if not self.commendation_kind:
            return None
        return {
            "by": self.commendation_by,
            "kind": self.commendation_kind,
            "label": self.get_commendation_kind_display(),
            "date": self.commendation_date.isoformat() if self.commendation_date else None,
        }

    @property
    def api_related_showcase(self) -> dict | None:
        showcase = self.visible_related_showcase
        return api_fields.page_link(showcase) if showcase is not None else None

    @property
    def topic_names(self) -> list[str]:
        if "tagged_items" in getattr(self, "_prefetched_objects_cache", {}):
            tagged_items = self.tagged_items.all()
        else:
            tagged_items = self.tagged_items.select_related("tag")
        return sorted_vi({tagged.tag.name for tagged in tagged_items})

    # --- Consent: the small interface templates, feeds, search and share previews read ---------

    def featured_people(self) -> list["StoryPerson"]:
        """The people featured, in order. Print them with `display_name`, never `full_name`."""
        prefetched = getattr(self, PEOPLE.to_attr, None)
        return list(prefetched) if prefetched is not None else list(self.people.all())

    def hidden_image_ids(self) -> set[int]:
        """Images that depict a person whose consent does not cover showing their picture."""
        return {p.photo_id for p in self.featured_people() if p.photo_id and not p.photo_visible}

    @property
    def visible_hero_image(self):
        """The lead image, unless it is the photo of a person who has not agreed to be shown."""
        if self.hero_image_id and self.hero_image_id in self.hidden_image_ids():
            return None
        return self.hero_image

    @classmethod
    def hiding_lead_image(cls, page_ids) -> set[int]:
        """The stories whose lead image is the photo of a person who has not agreed to be shown:
        the rule of `visible_hero_image`, reading only the people whose photo is the lead image."""
        lead_photo = models.F("page__hero_image_id")
        people = StoryPerson.objects.filter(page_id__in=page_ids, photo_id=lead_photo).order_by()
        return {person.page_id for person in people if not person.photo_visible}

    @property
    def visible_body(self):
        """The body without image and gallery items that show a person without consent."""
        hidden = self.hidden_image_ids()
        if not hidden:
            return self.body
        children = []
        for child in self.body:
            if child.block_type == "image":
                if child.value["image"] and child.value["image"].pk in hidden:
                    continue
            elif child.block_type == "gallery":
                images = [i for i in child.value["images"] if not (i["image"] and i["image"].pk in hidden)]
                if not images:
                    continue
                value = type(child.value)(child.block, list(child.value.items()))
                value["images"] = images
                children.append((child.block_type, value, child.id))
                continue
            children.append((child.block_type, child.value, child.id))
        return StreamValue(self.body.stream_block, children, is_lazy=False)

    def withheld_names(self, values=None, people=None):
        """Where this version names a person it must not name (`stories.names.Finding`s).

        `values` (field name -> value) and `people` stand in for the page's own when a form
        checks what it is about to save."""
        if values is None:
            values = {name: getattr(self, name, None) for name in PUBLIC_TEXTS}
            values["tags"] = [tag.name for tag in self.tags.all()]
        people = self.featured_people() if people is None else people
        fields = [(name, label, values.get(name)) for name, label in PUBLIC_TEXTS.items()]
        return find_withheld_names(fields, people)

    def get_publish_blockers(self) -> list[str]:
        """Why this version may not go live (Vietnamese, for the editor); empty when it may:
        consent that is not recorded, and names of people who must not be named."""
        people = self.featured_people()
        problems = [problem for person in people if (problem := person.publish_problem())]
        return problems + [finding.message for finding in self.withheld_names(people=people)]

    def publish(self, revision, user=None, changed=True, log_action=True, previous_revision=None, **kwargs):
        """Refuse to publish a version that names or shows a person without the required consent.

        Every way of publishing goes through here (the editor's Publish button via a hook first,
        workflow approval, bulk publishing, `publish_scheduled`). A scheduled publication that is
        refused is unscheduled and written to the audit log instead of failing the whole run.
        """
        problems = revision.as_object().get_publish_blockers()
        if problems:
            if log_action == "wagtail.publish.scheduled":
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                log(
                    instance=self,
                    action="binhyen.publish_refused",
                    data={"reasons": problems, "scheduled": True},
                    revision=revision,
                )
                logger.warning("Scheduled publishing refused for page %s: %s", self.pk, problems)
                return None
            raise ConsentMissing(problems)
        return super().publish(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
            **kwargs,
        )

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

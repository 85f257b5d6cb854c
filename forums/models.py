"""Dialogue forums between police, the Fatherland Front and residents, announced and reported."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from forums.blocks import AgendaItemBlock, ChairBlock
from home.blocks import BODY_FEATURES, DocumentBlock
from home.models import ArticlePage, SectionIndexPage


@register_snippet
class ForumSeries(index.Indexed, models.Model):
    """A recurring series of forums, e.g. "Công an lắng nghe ý kiến nhân dân"."""

    name = models.CharField("tên chuỗi diễn đàn", max_length=200, unique=True)
    description = models.TextField("mô tả", blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "chuỗi diễn đàn"
        verbose_name_plural = "chuỗi diễn đàn"
        ordering = ["name"]

    def __str__(self):
        return self.name


class ForumStatus(models.TextChoices):
    UPCOMING = "sap-dien-ra", "Sắp diễn ra"
    ONGOING = "dang-dien-ra", "Đang diễn ra"
    ENDED = "da-ket-thuc", "Đã kết thúc"
    POSTPONED = "hoan", "Tạm hoãn"
    CANCELLED = "huy", "Đã hủy"


class ForumIndexPage(SectionIndexPage):
    """The forums section, or one unit's part of it: upcoming forums first, then past ones."""

    parent_page_types = ["home.HomePage", "forums.ForumIndexPage"]
    subpage_types = ["forums.ForumAnnouncementPage", "forums.ForumIndexPage"]

    class Meta:
        verbose_name = "chuyên mục diễn đàn"
        verbose_name_plural = "chuyên mục diễn đàn"

    def listing_context(self, request, items) -> dict:
        """Forums still to come on top (soonest first); past ones below, paged."""
        from home.listing import paginate

        return {
            "upcoming": ForumAnnouncementPage.upcoming(items),
            "page_obj": paginate(request, items.filter(ends_at__lt=timezone.now()), self.page_size),
        }


class ForumAnnouncementPage(RoutablePageMixin, ArticlePage):
    topic = models.CharField(
        "chủ đề", max_length=300, help_text="Vấn đề chính sẽ đối thoại, ví dụ: an ninh trật tự khu nhà trọ."
    )
    series = models.ForeignKey(
        ForumSeries,
        verbose_name="chuỗi diễn đàn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forums",
    )
    starts_at = models.DateTimeField("bắt đầu", help_text="Giờ Việt Nam (GMT+7).")
    ends_at = models.DateTimeField("kết thúc", help_text="Giờ Việt Nam (GMT+7); phải sau giờ bắt đầu.")
    venue = models.CharField("địa điểm", max_length=200, help_text="Ví dụ: Hội trường UBND phường.")
    address = models.CharField("địa chỉ", max_length=300, help_text="Số nhà, đường, tổ dân phố.")
    commune = models.ForeignKey(
        "home.Commune",
        verbose_name="xã, phường, đặc khu",
        on_delete=models.PROTECT,
        related_name="forums",
        help_text="Nơi tổ chức; tỉnh, thành phố được suy ra từ đây.",
    )
    hosting_units = models.CharField(
        "đơn vị tổ chức",
        max_length=400,
        help_text="Ví dụ: Công an phường và Ủy ban MTTQ Việt Nam phường.",
    )
    chairs = StreamField([("chair", ChairBlock())], verbose_name="chủ trì", blank=True)
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name="chương trình", blank=True)
    how_to_take_part = RichTextField(
        "cách tham gia",
        features=BODY_FEATURES,
        help_text="Ai được mời, cách đăng ký phát biểu hoặc gửi câu hỏi trước.",
    )
    questions_deadline = models.DateTimeField(
        "hạn gửi câu hỏi", null=True, blank=True, help_text="Phải trước giờ bắt đầu diễn đàn."
    )
    livestream_url = models.URLField(
        "phát trực tiếp", blank=True, help_text="Đường dẫn livestream trên fanpage hoặc YouTube, nếu có."
    )
    is_postponed = models.BooleanField("tạm hoãn", default=False, help_text="Đánh dấu khi diễn đàn bị hoãn.")
    is_cancelled = models.BooleanField("đã hủy", default=False, help_text="Đánh dấu khi diễn đàn bị hủy.")
    summary = RichTextField(
        "tóm tắt diễn đàn", features=BODY_FEATURES, blank=True, help_text="Viết sau khi diễn đàn kết thúc."
    )
    outcomes = RichTextField(
        "kết quả, kiến nghị đã giải quyết",
        features=BODY_FEATURES,
        blank=True,
        help_text="Những ý kiến đã được trả lời, việc sẽ làm và thời hạn.",
    )
    documents = StreamField([("document", DocumentBlock())], verbose_name="tài liệu", blank=True)

    listing_select_related = ("commune__province", "series")
    listing_order = ("-starts_at",)

    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("topic"),
        index.SearchField("venue"),
        index.SearchField("summary"),
        index.FilterField("starts_at"),
        index.FilterField("commune"),
        index.RelatedFields("commune", [index.SearchField("name")]),
    ]

    content_panels = [
        *ArticlePage.content_panels,
        *ArticlePage.lead_panels,
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("series"), FieldPanel("hosting_units")], heading="Diễn đàn"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("is_postponed"), FieldPanel("is_cancelled")]),
            ],
            heading="Thời gian",
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("commune")], heading="Địa điểm"
        ),
        FieldPanel("chairs"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [FieldPanel("how_to_take_part"), FieldPanel("questions_deadline"), FieldPanel("livestream_url")],
            heading="Tham gia",
        ),
        MultiFieldPanel([FieldPanel("summary"), FieldPanel("outcomes")], heading="Sau diễn đàn"),
        FieldPanel("documents"),
    ]

    parent_page_types = ["forums.ForumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "thông báo diễn đàn"
        verbose_name_plural = "thông báo diễn đàn"

    @property
    def province(self):
        return self.commune.province

    def structured_data(self, request, site_settings) -> dict:
        """A schema.org Event: when, where, its status, and who organises it."""
        article = super().structured_data(request, site_settings)
        status = {
            ForumStatus.CANCELLED: "EventCancelled",
            ForumStatus.POSTPONED: "EventPostponed",
        }.get(self.status, "EventScheduled")
        data = {
            "@type": "Event",
            "name": self.title,
            "description": self.sapo,
            "url": self.full_url,
            "startDate": timezone.localtime(self.starts_at).isoformat(),
            "endDate": timezone.localtime(self.ends_at).isoformat(),
            "eventStatus": f"https://schema.org/{status}",
            "eventAttendanceMode": "https://schema.org/"
            + ("MixedEventAttendanceMode" if self.livestream_url else "OfflineEventAttendanceMode"),
            "location": {
                "@type": "Place",
                "name": self.venue,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.address,
                    "addressLocality": self.commune.name,
                    "addressRegion": self.commune.province.name,
                    "addressCountry": "VN",
                },
            },
            "organizer": {
                "@type": "Organization",
                "name": self.hosting_units,
                "url": request.build_absolute_uri("/"),
            },
            "isAccessibleForFree": True,
            "inLanguage": "vi",
        }
        if "image" in article:
            data["image"] = article["image"]
        return data

    @staticmethod
    def upcoming(forums):
        """The forums of a queryset that have not ended yet, soonest first."""
        return forums.filter(ends_at__gte=timezone.now()).order_by("starts_at")

    # --- The card interface of ArticlePage (columns named in forums/kinds.py) --------------

    @property
    def kicker(self) -> str:
        return self.status_label

    @property
    def card_date(self):
        return timezone.localtime(self.starts_at)

    def place_communes(self) -> list:
        return [self.commune]

    @property
    def unit(self) -> str:
        return self.hosting_units.strip()

    @property
    def status(self) -> str:
        """Derived from the dates, unless the forum was cancelled or postponed."""
        if self.is_cancelled:
            return ForumStatus.CANCELLED
        if self.is_postponed:
            return ForumStatus.POSTPONED
        now = timezone.now()
        if now < self.starts_at:
            return ForumStatus.UPCOMING
        if now <= self.ends_at:
            return ForumStatus.ONGOING
        return ForumStatus.ENDED

    @property
    def status_label(self) -> str:
        return ForumStatus(self.status).label

    @property
    def accepts_questions(self) -> bool:
        deadline = self.questions_deadline or self.starts_at
        return self.status == ForumStatus.UPCOMING and timezone.now() < deadline

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "Giờ kết thúc phải sau giờ bắt đầu."
        if self.starts_at and self.ends_at and (self.ends_at - self.starts_at).days >= 7:
            errors["ends_at"] = "Một diễn đàn không kéo dài quá 7 ngày; hãy kiểm tra lại ngày kết thúc."
        if self.questions_deadline and self.starts_at and self.questions_deadline > self.starts_at:
            errors["questions_deadline"] = "Hạn gửi câu hỏi phải trước giờ bắt đầu diễn đàn."
        if self.is_cancelled and self.is_postponed:
            errors["is_postponed"] = "Diễn đàn chỉ có thể tạm hoãn hoặc đã hủy, không thể cả hai."
        if errors:
            raise ValidationError(errors)

    @path("lich/", name="ical")
    def ical(self, request):
        """The forum as an iCalendar event, so a reader can add it to their phone's calendar."""
        calendar = Calendar()
        calendar.add("prodid", "-//Binh Yen//dien-dan//VI")
        calendar.add("version", "2.0")
        event = Event()
        event.add("uid", f"forum-{self.pk}@{request.get_host()}")
        event.add("summary", self.title)
        event.add("dtstart", timezone.localtime(self.starts_at))
        event.add("dtend", timezone.localtime(self.ends_at))
        event.add("dtstamp", self.last_published_at or timezone.now())
        event.add("location", f"{self.venue}, {self.address}, {self.commune}")
        event.add("description", f"{self.sapo}\n\n{self.full_url}")
        event.add("url", self.full_url)
        event.add("status", "CANCELLED" if self.is_cancelled else "CONFIRMED")
        calendar.add_component(event)
        calendar.add_missing_timezones()
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

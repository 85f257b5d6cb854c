"""A forum announcement: when and where, who chairs it, how to take part, and afterwards what
it decided; its status follows its schedule (`forums.schedule`)."""

import html
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, When
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from forums.blocks import AgendaItemBlock, ChairBlock
from forums.models.series import ForumSeries
from forums.schedule import (
    CALENDAR_FIELDS,
    NOTICE_WORDS,
    ForumSchedule,
    ForumStatus,
    forum_status,
    when_text,
)
from home import api_fields
from home.blocks import BODY_FEATURES, DocumentBlock
from home.models import ArticlePage

API_CHAIR_ROW = {
    "type": "object",
    "required": ["name", "position"],
    "properties": {"name": {"type": "string"}, "position": {"type": "string"}},
}
API_AGENDA_ROW = {
    "type": "object",
    "required": ["time", "item"],
    "properties": {"time": {"type": "string", "nullable": True}, "item": {"type": "string"}},
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
    schedule = models.CharField(
        "tình trạng",
        max_length=20,
        choices=ForumSchedule.choices,
        default=ForumSchedule.PLANNED,
        help_text="Hoãn sang ngày mới: chọn “Hoãn” và sửa giờ bắt đầu, kết thúc thành ngày giờ mới "
        "(ngày giờ cũ được giữ lại). Hoãn chưa có ngày mới: chọn “Hoãn”, để nguyên giờ.",
    )
    previous_starts_at = models.DateTimeField(
        "ngày giờ dự kiến trước khi dời",
        null=True,
        blank=True,
        help_text="Tự điền khi diễn đàn được hoãn sang ngày giờ mới; để trống nếu chưa có ngày mới.",
    )
    schedule_notice = models.TextField(
        "thông báo cho người dân",
        blank=True,
        help_text="Lý do hoãn hoặc hủy và điều người dân cần biết; hiện ở đầu bài.",
    )
    # Raised whenever what a calendar shows changes (CALENDAR_FIELDS), for the .ics SEQUENCE.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
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

    # The headless API (`api/`): the forum's facts, its status as readers are told it.
    api_fields = [
        *ArticlePage.api_fields,
        APIField("topic"),
        APIField(
            "series",
            serializer=api_fields.SchemaField({"type": "string", "nullable": True}, source="series.name"),
        ),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("previous_starts_at"),
        APIField(
            "status", serializer=api_fields.SchemaField({"type": "string", "enum": list(ForumStatus.values)})
        ),
        APIField("status_label", serializer=api_fields.text()),
        APIField("schedule_notice"),
        APIField("venue"),
        APIField("address"),
        APIField("hosting_units"),
        APIField("chairs", serializer=api_fields.StreamRowsField(API_CHAIR_ROW)),
        APIField("agenda", serializer=api_fields.StreamRowsField(API_AGENDA_ROW)),
        APIField("how_to_take_part", serializer=api_fields.RichTextHTMLField()),
        APIField("questions_deadline"),
        APIField("livestream_url"),
        APIField("summary", serializer=api_fields.RichTextHTMLField()),
        APIField("outcomes", serializer=api_fields.RichTextHTMLField()),
        APIField("documents", serializer=api_fields.StreamRowsField(api_fields.DOCUMENT_ROW)),
    ]
    api_listing_fields = (*ArticlePage.api_listing_fields, "starts_at", "ends_at", "status", "venue")

    content_panels = [
        *ArticlePage.content_panels,
        *ArticlePage.lead_panels,
        MultiFieldPanel(
            [FieldPanel("topic"), FieldPanel("series"), FieldPanel("hosting_units")], heading="Diễn đàn"
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("schedule"), FieldPanel("previous_starts_at")]),
                FieldPanel("schedule_notice"),
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
        indexes = [
            # The past forums of a section, latest first (`listing_order`): read along this
            # index, a page of 12 out of 20,000 forums takes 15 ms instead of sorting them all
            # (140 ms, PostgreSQL, bench data).
            models.Index(fields=["starts_at"], name="forum_starts_at"),
            # The forums to come (`upcoming`: not over yet, or postponed without a new date),
            # found through these two at once rather than by reading every forum: 37 -> 18 ms.
            models.Index(fields=["ends_at"], name="forum_ends_at"),
            models.Index(
                fields=["starts_at"],
                condition=models.Q(
                    schedule=ForumSchedule.POSTPONED, previous_starts_at__isnull=True
                ),  # `_undated`
                name="forum_undated",
            ),
        ]

    @property
    def province(self):
        return self.commune.province

    def structured_data(self, request, site_settings) -> dict:
        """A schema.org Event: when, where, its status, and who organises it."""
        article = super().structured_data(request, site_settings)
        status = {
            ForumStatus.CANCELLED: "EventCancelled",
            ForumStatus.POSTPONED: "EventPostponed",
        }.get(self.status, "EventRescheduled" if self.is_rescheduled else "EventScheduled")
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
        if self.is_rescheduled:
            data["previousStartDate"] = timezone.localtime(self.previous_starts_at).isoformat()
        if "image" in article:
            data["image"] = article["image"]
        return data

    # --- Listings: what is still to come, what was cancelled, what is over -----------------

    @staticmethod
    def _undated():
        return Q(schedule=ForumSchedule.POSTPONED, previous_starts_at__isnull=True)

    @classmethod
    def upcoming(cls, forums, now=None):
        """The forums still to come (at `now`, by default this instant), soonest first;
        postponed ones without a new date last (they keep being announced, as "Tạm hoãn",
        until the editors give a date or cancel them)."""
        return (
            forums.exclude(schedule=ForumSchedule.CANCELLED)
            .filter(Q(ends_at__gte=now or timezone.now()) | cls._undated())
            .order_by(Case(When(cls._undated(), then=1), default=0), "starts_at")
        )

    @staticmethod
    def recently_cancelled(forums, now=None):
        """Cancelled forums whose planned date has not passed yet: readers may still look for them."""
        return forums.filter(schedule=ForumSchedule.CANCELLED, ends_at__gte=now or timezone.now()).order_by(
            "starts_at"
        )

    @classmethod
    def past(cls, forums, now=None):
        """The forums that took place, latest first (never a cancelled or undated one)."""
        return (
            forums.filter(ends_at__lt=now or timezone.now())
            .exclude(schedule=ForumSchedule.CANCELLED)
            .exclude(cls._undated())
        )

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

    # Read by feeds.rows with the page's other columns, for `reuse_facts_of` and
    # `reuse_outcome_of`.
    reuse_columns = ("schedule", "starts_at", "ends_at", "previous_starts_at", "venue", "address", "outcomes")
    # How much of the outcomes a feed item or a fanpage caption carries (the page has them all).
    OUTCOME_LIMIT = 280

    @classmethod
    def reuse_facts_of(cls, values: dict) -> tuple[str, str, str]:
        status = forum_status(
            values["schedule"], values["starts_at"], values["ends_at"], values["previous_starts_at"]
        )
        when = when_text(
            values["schedule"], values["starts_at"], values["ends_at"], values["previous_starts_at"]
        )
        return NOTICE_WORDS.get(status, ""), when, f"{values['venue']}, {values['address']}"

    @classmethod
    def reuse_outcome_of(cls, values: dict) -> str:
        """Once the forum has been held: its outcomes as plain text, cut at a word."""
        status = forum_status(
            values["schedule"], values["starts_at"], values["ends_at"], values["previous_starts_at"]
        )
        if status != ForumStatus.ENDED:
            return ""
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", values.get("outcomes") or "")).split())
        return Truncator(text).chars(cls.OUTCOME_LIMIT)

    @property
    def notice_words(self) -> str:
        return self.reuse_facts_of(self._reuse_values())[0]

    @property
    def when_where(self) -> tuple[str, str]:
        return self.reuse_facts_of(self._reuse_values())[1:]

    def _reuse_values(self) -> dict:
        return {name: getattr(self, name) for name in self.reuse_columns}

    # --- Status -------------------------------------------------------------------------

    @property
    def status(self) -> str:
        """Derived from the dates, unless the forum was cancelled or postponed."""
        return forum_status(self.schedule, self.starts_at, self.ends_at, self.previous_starts_at)

    @property
    def status_label(self) -> str:
        return ForumStatus(self.status).label

    @property
    def is_rescheduled(self) -> bool:
        """Postponed to a new date (which is in starts_at/ends_at; the old one in previous_starts_at)."""
        return self.schedule == ForumSchedule.POSTPONED and self.previous_starts_at is not None

    @property
    def will_take_place(self) -> bool:
        return self.status in (ForumStatus.UPCOMING, ForumStatus.RESCHEDULED, ForumStatus.ONGOING)

    @property
    def accepts_questions(self) -> bool:
        deadline = self.questions_deadline or self.starts_at
        return self.status in (ForumStatus.UPCOMING, ForumStatus.RESCHEDULED) and timezone.now() < deadline

    def _saved_values(self) -> dict | None:
        """The calendar fields as last saved (the live version), or None for a new page."""
        if not self.pk:
            return None
        return type(self).objects.filter(pk=self.pk).values(*CALENDAR_FIELDS, "calendar_sequence").first()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        saved = self._saved_values() if update_fields is None else None
        if saved is not None:
            changed = any(getattr(self, name) != saved[name] for name in CALENDAR_FIELDS)
            self.calendar_sequence = saved["calendar_sequence"] + (1 if changed else 0)
        return super().save(*args, **kwargs)

    def _previous_start(self):
        """The start before the forum was postponed to a new date: kept if known, else the saved
        start when the editor postponed it and typed a new one; None unless postponed."""
        if self.schedule != ForumSchedule.POSTPONED:
            return None
        if self.previous_starts_at is not None or not self.starts_at:
            return self.previous_starts_at
        saved = self._saved_values()
        return saved["starts_at"] if saved and saved["starts_at"] != self.starts_at else None

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "Giờ kết thúc phải sau giờ bắt đầu."
        if self.starts_at and self.ends_at and (self.ends_at - self.starts_at).days >= 7:
            errors["ends_at"] = "Một diễn đàn không kéo dài quá 7 ngày; hãy kiểm tra lại ngày kết thúc."
        if self.questions_deadline and self.starts_at and self.questions_deadline > self.starts_at:
            errors["questions_deadline"] = "Hạn gửi câu hỏi phải trước giờ bắt đầu diễn đàn."
        self.previous_starts_at = self._previous_start()
        if self.previous_starts_at and self.starts_at and self.previous_starts_at == self.starts_at:
            errors["starts_at"] = "Diễn đàn được hoãn sang ngày mới: hãy ghi ngày giờ mới vào đây."
        if self.schedule != ForumSchedule.PLANNED and not self.schedule_notice.strip():
            errors["schedule_notice"] = (
                "Hãy ghi lý do hoãn hoặc hủy và điều người dân cần biết; thông báo này hiện ở đầu bài."
            )
        if errors:
            raise ValidationError(errors)

    @path("lich/", name="ical")
    def ical(self, request):
        """The forum as an iCalendar event, so a reader can add it to their phone's calendar."""
        from forums.calendar import ics_response

        return ics_response(self, request)

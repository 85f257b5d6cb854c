"""What feeds read from the content apps, and how a slice of the site is named in a URL.

The content apps know nothing of feeds. This module names, once, the few columns of each
content type a feed needs (where it happened, who wrote it, its kicker, date and topics);
lists of items read them as plain values (`feeds.rows`), through the visibility rule of
`home.models.visible` (live, public, unexpired) and the consent rule of the model
(`hiding_lead_image`). A single page (share card, caption) is read through the shared card
interface of `ArticlePage` (title, sapo, hero_image, kicker, place_name, card_date).

A slice is chosen with four query parameters, all optional and combinable:

    tinh=<province slug>   xa=<commune slug>   loai=<type slug>   chu-de=<topic slug>

plus `trang=<n>` for the page. An unknown value is an error (`SliceNotFound`), never an
empty feed that looks valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from feeds.rows import Row, read_rows
from home.content_version import cached
from home.models import Commune, Province, visible
from home.slugs import ascii_slugify

# Items per feed page; RFC 5005 links lead to the next ones. Tests lower it to test paging.
PAGE_SIZE = 50
# Deeper than this nobody pages by hand, and the merge of three sections stays bounded.
MAX_PAGE = 400
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")


class SliceNotFound(Exception):
    """An unknown province, commune, type, topic or page; the message is for readers."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FeedType:
    """One content type, as feeds see it."""

    slug: str  # the value of `loai=`; the section's own URL slug
    label: str  # Vietnamese name of the section
    hashtag: str
    model_label: str
    index_model_label: str
    unit_attr: str  # the column of the author or unit shown with an item
    # The column behind the model's `kicker` (its label, for a field with choices); "" when
    # the kicker changes with time (a forum's status), so feeds and share cards leave it out.
    kicker_field: str = ""
    card_date_field: str = ""  # the column behind the model's `card_date`
    topic_through: str = ""  # the tag through-model, for types that have topics

    @property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def commune_lookup(self) -> str:
        """How to filter by one commune: the model's own lookup, as listings and search use it."""
        return self.model.commune_lookup

    @property
    def province_lookup(self) -> str:
        return self.model.province_lookup

    def kicker_of(self, page) -> str:
        """The page's kicker if it stays true over time, else ""."""
        return page.kicker if self.kicker_field else ""

    @property
    def index_model(self):
        return apps.get_model(self.index_model_label)

    @property
    def has_topics(self) -> bool:
        return bool(self.topic_through)

    def topics_of(self, page) -> list[str]:
        if not self.has_topics:
            return []
        if "tagged_items" in getattr(page, "_prefetched_objects_cache", {}):
            tagged_items = page.tagged_items.all()
        else:
            tagged_items = page.tagged_items.select_related("tag")
        return sorted({tagged.tag.name for tagged in tagged_items})

    def communes_of(self, page) -> list:
        if self.commune_lookup == "communes":
            return list(page.communes.all())
        commune = getattr(page, self.commune_lookup)
        return [commune] if commune else []

    def unit_of(self, page) -> str:
        return (getattr(page, self.unit_attr, "") or "").strip()


FEED_TYPES: tuple[FeedType, ...] = (
    FeedType(
        slug="nguoi-tot-viec-tot",
        label="Người tốt, việc tốt",
        hashtag="NgườiTốtViệcTốt",
        model_label="stories.StoryPage",
        index_model_label="stories.StoryIndexPage",
        unit_attr="byline",
        kicker_field="deed_type",
        card_date_field="deed_date",
        topic_through="stories.StoryTag",
    ),
    FeedType(
        slug="mo-hinh",
        label="Mô hình bảo đảm an ninh trật tự",
        hashtag="MôHìnhANTT",
        model_label="models_showcase.ModelShowcasePage",
        index_model_label="models_showcase.ShowcaseIndexPage",
        unit_attr="coordinating_unit",
        kicker_field="model_type__name",
    ),
    FeedType(
        slug="dien-dan",
        label="Diễn đàn đối thoại",
        hashtag="DiễnĐànĐốiThoại",
        model_label="forums.ForumAnnouncementPage",
        index_model_label="forums.ForumIndexPage",
        unit_attr="hosting_units",
        card_date_field="starts_at",
    ),
)
TYPES_BY_SLUG = {t.slug: t for t in FEED_TYPES}


def type_for_page(page) -> FeedType | None:
    """The feed type of a content page or of a section index page, if it has one."""
    for feed_type in FEED_TYPES:
        if isinstance(page, feed_type.model | feed_type.index_model):
            return feed_type
    return None


def article_type(page) -> FeedType | None:
    """The feed type of a content page (a story, showcase or forum), None for any other page."""
    feed_type = type_for_page(page)
    return feed_type if feed_type is not None and isinstance(page, feed_type.model) else None


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    tag_ids: tuple[int, ...]


def available_topics() -> dict[str, Topic]:
    """Topics of live content, keyed by ASCII slug ("cướp giật" -> "cuop-giat").

    Tags that fold to the same slug ("hòa giải", "hoà giải") are one topic. One query.
    """
    topics: dict[str, Topic] = {}
    for feed_type in FEED_TYPES:
        if not feed_type.has_topics:
            continue
        through = apps.get_model(feed_type.topic_through)
        rows = (
            through.objects.filter(content_object__live=True)
            .values_list("tag_id", "tag__name")
            .distinct()
            .order_by("tag__name")
        )
        for tag_id, name in rows:
            slug = ascii_slugify(name, max_length=100)
            if not slug:
                continue
            known = topics.get(slug)
            topics[slug] = (
                Topic(slug, known.name, (*known.tag_ids, tag_id)) if known else Topic(slug, name, (tag_id,))
            )
    return topics


def _province(slug: str, request=None) -> Province | None:
    return cached(f"feeds:province:{slug}", lambda: Province.objects.filter(slug=slug).first(), request)


def _communes(slug: str, province: Province | None, request=None) -> list[Commune]:
    """Up to two communes with this slug (in the province, if given); a few names repeat."""

    def build():
        communes = Commune.objects.select_related("province").filter(slug=slug)
        if province is not None:
            communes = communes.filter(province=province)
        return list(communes[:2]) or None

    return cached(f"feeds:communes:{slug}:{province.pk if province else ''}", build, request) or []


def _shown(value: str) -> str:
    """A value echoed in an error message: only if it looks like a slug, never raw input."""
    return f"“{value}”" if SLUG_RE.match(value) else "(giá trị không hợp lệ)"


def _one(params, name: str) -> str:
    value = params.get(name, "")
    return value.strip() if isinstance(value, str) else ""


@dataclass
class FeedSlice:
    """A part of the site a fanpage follows: its ward or province, one type, one topic."""

    province: Province | None = None
    commune: Commune | None = None
    feed_type: FeedType | None = None
    topic: Topic | None = None
    page: int = 1
    page_size: int = field(default_factory=lambda: PAGE_SIZE)

    # --- Reading a slice from a URL ------------------------------------------------------

    @classmethod
    def from_params(cls, params, *, paged: bool = True, request=None) -> FeedSlice:
        """The slice a query string names; `request` lets known localities come from the cache."""
        province_slug, commune_slug = _one(params, "tinh"), _one(params, "xa")
        type_slug, topic_slug = _one(params, "loai"), _one(params, "chu-de")
        found = cls()
        if type_slug:
            found.feed_type = TYPES_BY_SLUG.get(type_slug)
            if found.feed_type is None:
                names = ", ".join(t.slug for t in FEED_TYPES)
                raise SliceNotFound(f"Không có loại tin {_shown(type_slug)}. Các loại tin: {names}.")
        if province_slug:
            province = _province(province_slug, request) if SLUG_RE.match(province_slug) else None
            if province is None:
                raise SliceNotFound(f"Không tìm thấy tỉnh, thành phố {_shown(province_slug)}.")
            found.province = province
        if commune_slug:
            matches = _communes(commune_slug, found.province, request) if SLUG_RE.match(commune_slug) else []
            if not matches:
                where = f" thuộc {found.province.name}" if found.province else ""
                raise SliceNotFound(f"Không tìm thấy xã, phường, đặc khu {_shown(commune_slug)}{where}.")
            if len(matches) > 1:
                raise SliceNotFound(
                    f"Có nhiều xã, phường tên {_shown(commune_slug)}; hãy ghi thêm tỉnh, thành phố (tham số tinh)."
                )
            found.commune = matches[0]
            found.province = found.commune.province
        if topic_slug:
            if found.feed_type and not found.feed_type.has_topics:
                raise SliceNotFound(f"Loại tin “{found.feed_type.label}” không chia theo chủ đề.")
            topics = cached("feeds:topics", available_topics, request) if SLUG_RE.match(topic_slug) else {}
            topic = topics.get(topic_slug)
            if topic is None:
                raise SliceNotFound(f"Không có chủ đề {_shown(topic_slug)}.")
            found.topic = topic
        if paged:
            raw_page = _one(params, "trang") or "1"
            if not raw_page.isdigit() or not 1 <= int(raw_page) <= MAX_PAGE:
                raise SliceNotFound(f"Trang {_shown(raw_page[:20])} không có; số trang từ 1 đến {MAX_PAGE}.")
            found.page = int(raw_page)
        return found

    @classmethod
    def for_page(cls, page) -> list[FeedSlice]:
        """The slices that fit a page, broadest first: its section, then its province and communes."""
        feed_type = type_for_page(page)
        slices = [cls()]
        if feed_type is None:
            return slices
        slices.append(cls(feed_type=feed_type))
        if isinstance(page, feed_type.model):
            communes = feed_type.communes_of(page)
            province = getattr(page, "province", None)
            if province is not None:
                slices.append(cls(province=province))
            slices.extend(cls(province=c.province, commune=c) for c in communes[:3])
        return slices

    # --- Naming it ---------------------------------------------------------------------

    def params(self, page: int | None = None) -> dict[str, str]:
        """The canonical query parameters, always in the same order."""
        values = {}
        if self.province:
            values["tinh"] = self.province.slug
        if self.commune:
            values["xa"] = self.commune.slug
        if self.feed_type:
            values["loai"] = self.feed_type.slug
        if self.topic:
            values["chu-de"] = self.topic.slug
        if page and page > 1:
            values["trang"] = str(page)
        return values

    def querystring(self, page: int | None = None) -> str:
        params = self.params(page)
        return f"?{urlencode(params)}" if params else ""

    @property
    def place_label(self) -> str:
        if self.commune:
            return f"{self.commune.name}, {self.commune.province.short_name}"
        if self.province:
            return self.province.name
        return ""

    @property
    def label(self) -> str:
        """What this slice is, in a few words: "Người tốt, việc tốt · Phường Láng, Hà Nội"."""
        parts = [self.feed_type.label if self.feed_type else "Tất cả tin"]
        if self.place_label:
            parts.append(self.place_label)
        if self.topic:
            parts.append(f"Chủ đề: {self.topic.name}")
        return " · ".join(parts)

    # --- Querying it -------------------------------------------------------------------

    @cached_property
    def types(self) -> list[FeedType]:
        if self.feed_type:
            return [self.feed_type]
        return [t for t in FEED_TYPES if t.has_topics or not self.topic]

    def _narrow(self, qs, feed_type: FeedType):
        """Only the pages of this slice's commune or province and topic."""
        if self.commune:
            qs = qs.filter(**{feed_type.commune_lookup: self.commune})
        elif self.province:
            qs = qs.filter(**{feed_type.province_lookup: self.province})
        if self.topic:
            through = apps.get_model(feed_type.topic_through)
            tagged = through.objects.filter(tag_id__in=self.topic.tag_ids).values("content_object_id")
            qs = qs.filter(pk__in=tagged)
        return qs

    def queryset(self, feed_type: FeedType):
        """Live, public, unexpired pages of one type in this slice, newest first."""
        qs = visible(feed_type.model.objects.all())
        return self._narrow(qs, feed_type).order_by("-first_published_at", "-pk")

    def fetch(
        self, limit: int | None = None, page: int | None = None
    ) -> tuple[list[tuple[FeedType, Row]], bool]:
        """One page of (feed_type, row) pairs, newest first, and whether more follow.

        The query count does not depend on the page size. One type: its rows query and the few
        of `read_rows`. Several: one query for the keys of this page across all of them, then
        `read_rows` for each type present on the page.
        """
        size = limit or self.page_size
        offset = ((page or self.page) - 1) * size
        if len(self.types) == 1:
            feed_type = self.types[0]
            rows = read_rows(feed_type, self.queryset(feed_type)[offset : offset + size + 1])
            return [(feed_type, row) for row in rows[:size]], len(rows) > size

        by_content_type = {ContentType.objects.get_for_model(t.model).pk: t for t in self.types}
        of_slice = Q()
        for content_type_id, feed_type in by_content_type.items():
            narrowed = self._narrow(feed_type.model.objects.all(), feed_type)
            if narrowed.query.where:
                of_slice |= Q(pk__in=narrowed.values("pk"))
            else:
                of_slice |= Q(content_type_id=content_type_id)
        keys = list(
            visible(Page.objects.all())
            .filter(of_slice)
            .order_by("-first_published_at", "-pk")
            .values_list("pk", "content_type_id")[offset : offset + size + 1]
        )
        wanted: dict[int, list[int]] = {}
        for pk, content_type_id in keys[:size]:
            wanted.setdefault(content_type_id, []).append(pk)
        rows = {}
        for content_type_id, pks in wanted.items():
            feed_type = by_content_type[content_type_id]
            # The keys query above already applied the visibility rules.
            found = read_rows(feed_type, feed_type.model.objects.filter(pk__in=pks))
            rows.update({row.pk: (feed_type, row) for row in found})
        return [rows[pk] for pk, _ in keys[:size] if pk in rows], len(keys) > size

"""A slice of the site, as a fanpage follows it: named in a URL, read from the content kinds.

A slice is chosen with the public parameters of `home.params`, all optional and combinable:

    tinh=<province slug>  xa=<commune slug>  loai=<kind slug>  chu-de=<topic slug>
    mo-hinh=<model type slug>  nam=<year>

plus `trang=<n>` for the page of a feed (`so=` for the widget). An unknown value is an error
(`SliceNotFound`, 404), never an empty feed that looks valid; an unknown parameter name is one
too (`UnknownParameter`, 400), so `?chude=` (a section's old spelling) does not silently give
the whole feed. Parameters named `utm_*` (campaign tracking added by posting tools) are let by.

Which pages a slice holds is each kind's own `narrow` rule (`home.kinds`), the same one
sections and search use; lists of items read plain values (`feeds.rows`).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from feeds.rows import Row, read_rows
from home import kinds, params, places
from home.kinds import ContentKind
from home.models import Commune, Province, private_sections, visible
from home.topics import Topic, known_topics

# Items per feed page; RFC 5005 links lead to the next ones. Tests lower it to test paging.
PAGE_SIZE = 50
# Deeper than this nobody pages by hand, and the merge of the sections stays bounded.
MAX_PAGE = 400
# Where a page with no publication date sorts among the newest first (last, as on SQLite).
OLDEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
YEAR_RE = re.compile(r"^(19[4-9][0-9]|20[0-9][0-9]|2100)$")


class SliceNotFound(Exception):
    """An unknown province, commune, kind, topic, type, year or page; the message is for readers."""

    status = 404

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UnknownParameter(SliceNotFound):
    status = 400


def shown(value: str) -> str:
    """A value echoed in an error message: only if it looks like a slug, never raw input."""
    return f"“{value}”" if SLUG_RE.match(value) else "(giá trị không hợp lệ)"


def _one(query, name: str) -> str:
    value = query.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def check_names(query, allowed: tuple[str, ...]) -> None:
    """Refuse a parameter this surface does not know, naming it (and the ones it knows)."""
    for name in query:
        if name not in allowed and not name.startswith("utm_"):
            known = ", ".join(allowed)
            hint = f" Hãy dùng “{params.OLD_NAMES[name]}”." if params.OLD_NAMES.get(name) in allowed else ""
            raise UnknownParameter(f"Không có tham số {shown(name)}.{hint} Các tham số dùng được: {known}.")


@dataclass
class FeedSlice:
    """A part of the site a fanpage follows: its ward or province, one kind, topic, type, year."""

    province: Province | None = None
    commune: Commune | None = None
    kind: ContentKind | None = None
    topic: Topic | None = None
    model_type: object = None
    year: int | None = None
    page: int = 1
    page_size: int = field(default_factory=lambda: PAGE_SIZE)

    # --- Reading a slice from a URL ------------------------------------------------------

    @classmethod
    def from_params(cls, query, *, paged: bool = True, request=None) -> FeedSlice:
        """The slice a query string names; `request` lets known localities come from the cache."""
        province_slug, commune_slug = _one(query, params.PROVINCE), _one(query, params.COMMUNE)
        kind_slug, topic_slug = _one(query, params.KIND), _one(query, params.TOPIC)
        type_slug, year = _one(query, params.MODEL_TYPE), _one(query, params.YEAR)
        found = cls()
        if kind_slug:
            found.kind = kinds.get(kind_slug)
            if found.kind is None:
                names = ", ".join(kind.slug for kind in kinds.all_kinds())
                raise SliceNotFound(f"Không có loại tin {shown(kind_slug)}. Các loại tin: {names}.")
        if province_slug:
            province = (
                places.province_by_slug(province_slug, request) if SLUG_RE.match(province_slug) else None
            )
            if province is None:
                raise SliceNotFound(f"Không tìm thấy tỉnh, thành phố {shown(province_slug)}.")
            found.province = province
        if commune_slug:
            ok = SLUG_RE.match(commune_slug)
            matches = places.communes_by_slug(commune_slug, found.province, request) if ok else []
            if not matches:
                where = f" thuộc {found.province.name}" if found.province else ""
                raise SliceNotFound(f"Không tìm thấy xã, phường, đặc khu {shown(commune_slug)}{where}.")
            if len(matches) > 1:
                raise SliceNotFound(
                    f"Có nhiều xã, phường tên {shown(commune_slug)}; hãy ghi thêm tỉnh, thành phố (tham số tinh)."
                )
            found.commune = matches[0]
            found.province = found.commune.province
        if topic_slug:
            if found.kind and not found.kind.has_topics:
                raise SliceNotFound(f"Loại tin “{found.kind.label}” không chia theo chủ đề.")
            topic = known_topics(request).get(topic_slug) if SLUG_RE.match(topic_slug) else None
            if topic is None:
                raise SliceNotFound(f"Không có chủ đề {shown(topic_slug)}.")
            found.topic = topic
        if type_slug:
            if found.kind and not found.kind.has_types:
                raise SliceNotFound(f"Loại tin “{found.kind.label}” không chia theo loại mô hình.")
            found.model_type = (
                kinds.model_type_by_slug(type_slug, request) if SLUG_RE.match(type_slug) else None
            )
            if found.model_type is None:
                raise SliceNotFound(f"Không có loại mô hình {shown(type_slug)}.")
        if not found.slice_kinds:
            raise SliceNotFound(
                "Không loại tin nào vừa chia theo chủ đề vừa chia theo loại mô hình; hãy bỏ một trong hai."
            )
        if year:
            if not YEAR_RE.match(year):
                raise SliceNotFound(
                    f"Năm {shown(year[:20])} không hợp lệ; hãy ghi năm bốn chữ số, ví dụ 2025."
                )
            found.year = int(year)
        if paged:
            raw_page = _one(query, params.PAGE) or "1"
            if not raw_page.isdigit() or not 1 <= int(raw_page) <= MAX_PAGE:
                raise SliceNotFound(f"Trang {shown(raw_page[:20])} không có; số trang từ 1 đến {MAX_PAGE}.")
            found.page = int(raw_page)
        return found

    @classmethod
    def for_page(cls, page) -> list[FeedSlice]:
        """The slices that fit a page, broadest first: its kind, then its province and communes."""
        kind = kinds.for_page(page)
        slices = [cls()]
        if kind is None:
            return slices
        slices.append(cls(kind=kind))
        if isinstance(page, kind.model):
            province = getattr(page, "province", None)
            if province is not None:
                slices.append(cls(province=province))
            slices.extend(cls(province=c.province, commune=c) for c in page.place_communes()[:3])
        return slices

    # --- Naming it ---------------------------------------------------------------------

    def params(self, page: int | None = None) -> dict[str, str]:
        """The canonical query parameters, always in the same order."""
        values = {}
        if self.province:
            values[params.PROVINCE] = self.province.slug
        if self.commune:
            values[params.COMMUNE] = self.commune.slug
        if self.kind:
            values[params.KIND] = self.kind.slug
        if self.topic:
            values[params.TOPIC] = self.topic.slug
        if self.model_type:
            values[params.MODEL_TYPE] = self.model_type.slug
        if self.year:
            values[params.YEAR] = str(self.year)
        if page and page > 1:
            values[params.PAGE] = str(page)
        return values

    def querystring(self, page: int | None = None) -> str:
        values = self.params(page)
        return f"?{urlencode(values)}" if values else ""

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
        parts = [self.kind.label if self.kind else "Tất cả tin"]
        if self.place_label:
            parts.append(self.place_label)
        if self.topic:
            parts.append(f"Chủ đề: {self.topic.name}")
        if self.model_type:
            parts.append(f"Loại mô hình: {self.model_type.name}")
        if self.year:
            parts.append(f"Năm {self.year}")
        return " · ".join(parts)

    # --- Querying it -------------------------------------------------------------------

    @cached_property
    def slice_kinds(self) -> list[ContentKind]:
        """The kinds that can have pages in this slice."""
        if self.kind:
            return [self.kind]
        return [
            kind for kind in kinds.all_kinds() if kind.applies(topic=self.topic, model_type=self.model_type)
        ]

    def narrow(self, pages, kind: ContentKind):
        """Only the pages of this slice's place, topic, type and year (the kind's own rule)."""
        return kind.narrow(
            pages,
            province=self.province,
            commune=self.commune,
            topic=self.topic,
            model_type=self.model_type,
            year=self.year,
        )

    def queryset(self, kind: ContentKind, private_q=None, since: datetime.datetime | None = None):
        """Live, public, unexpired pages of one kind in this slice, newest first (`private_q`:
        the view restrictions read once for several kinds, `home.models.private_sections`;
        `since`: only those published or updated from that moment on, the API's parameter)."""
        # Each kind walks its own newest pages (home.0013), not every page newer than its newest.
        own = kind.model.objects.own_kind()
        pages = self.narrow(visible(own, private_q), kind)
        if since is not None:
            pages = pages.filter(last_published_at__gte=since)
        return pages.order_by("-first_published_at", "-pk")

    def count(self, private_q=None, since: datetime.datetime | None = None) -> int:
        """How many pages this slice holds: one count a kind, each on that kind's own rows."""
        return sum(self.queryset(kind, private_q, since).count() for kind in self.slice_kinds)

    def newest_keys(
        self, stop: int, private_q=None, since: datetime.datetime | None = None
    ) -> list[tuple[datetime.datetime, int, ContentKind]]:
        """The (published, pk, kind) keys of this slice's `stop` newest pages, newest first.

        One query a kind for its own newest keys, merged here: one query over all pages with
        "in this kind's slice or in that one" cannot use any kind's index, and walked every page
        newest first (240 ms for one ward at 330,000 stories on PostgreSQL).
        """
        keys = []
        for kind in self.slice_kinds:
            newest = self.queryset(kind, private_q, since).values_list("first_published_at", "pk")
            keys.extend((published or OLDEST, pk, kind) for published, pk in newest[:stop])
        return sorted(keys, key=lambda key: key[:2], reverse=True)[:stop]

    def fetch(
        self, limit: int | None = None, page: int | None = None, request=None
    ) -> tuple[list[tuple[ContentKind, Row]], bool]:
        """One page of (kind, row) pairs, newest first, and whether more follow.

        The query count does not depend on the page size. One kind: its rows query and the few
        of `read_rows`. Several: one query a kind for its newest keys down to this page, merged,
        then `read_rows` for each kind present on the page. With `request`, the view
        restrictions come from the cache while the content is unchanged (`private_sections`).
        """
        size = limit or self.page_size
        offset = ((page or self.page) - 1) * size
        private = private_sections(request)
        if len(self.slice_kinds) == 1:
            kind = self.slice_kinds[0]
            rows = read_rows(kind, self.queryset(kind, private)[offset : offset + size + 1])
            return [(kind, row) for row in rows[:size]], len(rows) > size

        keys = self.newest_keys(offset + size + 1, private)[offset:]
        rows = {}
        for kind, pks in by_kind(keys[:size]).items():
            # The keys queries above already applied the visibility rules.
            found = read_rows(kind, kind.model.objects.filter(pk__in=pks))
            rows.update({row.pk: (kind, row) for row in found})
        return [rows[pk] for _published, pk, _kind in keys[:size] if pk in rows], len(keys) > size


def by_kind(keys) -> dict[ContentKind, list[int]]:
    """The page numbers among `newest_keys`, grouped by kind (each kind loads its own)."""
    wanted: dict[ContentKind, list[int]] = {}
    for _published, pk, kind in keys:
        wanted.setdefault(kind, []).append(pk)
    return wanted

"""The reader's search request, read and validated: words, kind, place, topic, type, year, dates.

Nothing in here raises on bad input. A query string or a filter value that makes no sense is
dropped with a Vietnamese notice for the reader, and the search runs on what is left. The
filter names are the site's one set (`home.params`); `loai` takes a kind's slug from the
registry, as on sections and feeds.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from home import kinds, params, places
from home.kinds import ContentKind
from home.topics import Topic, known_topics
from search.folding import query_terms

MAX_TERMS = 12  # words searched; more are ignored (with a notice)
MAX_QUERY_CHARS = 200  # characters of the query kept and shown back
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
EARLIEST, LATEST = datetime.date(1945, 1, 1), datetime.date(2100, 12, 31)

ORDERS = {"lien-quan": "Liên quan nhất", "moi-nhat": "Mới nhất"}
DEFAULT_ORDER = "lien-quan"


def clean_text(raw: str, limit: int = MAX_QUERY_CHARS) -> str:
    """What the reader typed, safe to echo: NFC, no control or format characters, single spaces.

    Unicode-only whitespace (no-break space, line and paragraph separators, ideographic space)
    becomes a plain space; NUL and other control characters disappear.
    """
    text = unicodedata.normalize("NFC", str(raw or ""))
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace() or category in {"Zs", "Zl", "Zp"}:
            kept.append(" ")
        elif category[0] != "C":
            kept.append(char)
    return " ".join("".join(kept).split())[:limit].strip()


def _parse_date(raw: str):
    raw = clean_text(raw, 20)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            value = datetime.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        return value if EARLIEST <= value <= LATEST else None
    return None


@dataclass
class SearchParams:
    """The reader's request, validated. `notices` explains anything that was ignored."""

    query: str = ""
    terms: list[str] = field(default_factory=list)
    kind: ContentKind | None = None
    province: object = None
    commune: object = None
    topic: Topic | None = None
    model_type: object = None
    year: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    order: str = DEFAULT_ORDER
    page_number: str = "1"
    notices: list[str] = field(default_factory=list)
    truncated: bool = False

    @classmethod
    def from_querydict(cls, data, request=None) -> SearchParams:
        found = cls()
        found.query = clean_text(data.get("q", ""))
        all_terms = query_terms(found.query, MAX_TERMS + 1)
        found.truncated = len(all_terms) > MAX_TERMS
        found.terms = all_terms[:MAX_TERMS]
        if found.truncated:
            found.notices.append(f"Từ khóa quá dài: chỉ tìm theo {MAX_TERMS} từ đầu tiên.")
        found.page_number = clean_text(data.get(params.PAGE, "1"), 20) or "1"

        kind = clean_text(data.get(params.KIND, ""), 40)
        if kind:
            found.kind = kinds.get(kind)
            if found.kind is None:
                found.notices.append("Loại nội dung không hợp lệ nên đã được bỏ qua.")

        order = clean_text(data.get("sap-xep", ""), 40)
        if order in ORDERS:
            found.order = order
        elif order:
            found.notices.append("Cách sắp xếp không hợp lệ; kết quả được xếp theo mức độ liên quan.")

        found._read_places(data, request)
        found._read_facets(data, request)
        found._read_dates(data)
        return found

    def _read_places(self, data, request):
        province = clean_text(data.get(params.PROVINCE, ""), 130)
        if province:
            if SLUG_RE.match(province):
                self.province = places.province_by_slug(province, request)
            if self.province is None:
                self.notices.append("Không có tỉnh, thành phố này nên bộ lọc đã được bỏ qua.")
        commune = clean_text(data.get(params.COMMUNE, ""), 130)
        if commune:
            if self.province is not None and SLUG_RE.match(commune):
                self.commune = next(iter(places.communes_by_slug(commune, self.province, request)), None)
            if self.commune is None:
                self.notices.append(
                    "Không tìm thấy xã, phường này trong tỉnh, thành phố đã chọn nên bộ lọc đã được bỏ qua."
                )

    def _read_facets(self, data, request):
        topic = clean_text(data.get(params.TOPIC, ""), 130)
        if topic:
            self.topic = known_topics(request).get(topic) if SLUG_RE.match(topic) else None
            if self.topic is None:
                self.notices.append("Không có chủ đề này nên bộ lọc chủ đề đã được bỏ qua.")
        model_type = clean_text(data.get(params.MODEL_TYPE, ""), 130)
        if model_type:
            if SLUG_RE.match(model_type):
                self.model_type = kinds.model_type_by_slug(model_type, request)
            if self.model_type is None:
                self.notices.append("Không có loại mô hình này nên bộ lọc đã được bỏ qua.")
        year = clean_text(data.get(params.YEAR, ""), 20)
        if year:
            if year.isdigit() and EARLIEST.year <= int(year) <= LATEST.year:
                self.year = int(year)
            else:
                self.notices.append("Năm không hợp lệ (cần bốn chữ số, ví dụ 2025) nên đã được bỏ qua.")

    def _read_dates(self, data):
        for name, attr in (("tu", "date_from"), ("den", "date_to")):
            raw = data.get(name, "")
            if not clean_text(raw, 20):
                continue
            value = _parse_date(raw)
            if value is None:
                self.notices.append("Ngày không hợp lệ (cần dạng ngày/tháng/năm) nên đã được bỏ qua.")
            setattr(self, attr, value)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            self.date_from, self.date_to = self.date_to, self.date_from
            self.notices.append("Khoảng ngày bị ngược nên đã được đảo lại.")

    @property
    def folded_query(self) -> str:
        return " ".join(self.terms)

    @property
    def has_slice_filters(self) -> bool:
        """Any filter other than the kind: a place, topic, type, year or dates."""
        return bool(
            self.province
            or self.commune
            or self.topic
            or self.model_type
            or self.year
            or self.date_from
            or self.date_to
        )

    @property
    def has_filters(self) -> bool:
        return bool(self.kind or self.has_slice_filters)

    def searched_kinds(self) -> list[ContentKind]:
        """The kinds whose pages can match these filters."""
        if self.kind is not None:
            return [self.kind]
        return [
            kind for kind in kinds.all_kinds() if kind.applies(topic=self.topic, model_type=self.model_type)
        ]

    def url_params(self, **overrides) -> dict:
        """The request as query parameters, e.g. for pagination links and "remove filters"."""
        values = {
            "q": self.query,
            params.KIND: self.kind.slug if self.kind else "",
            params.PROVINCE: self.province.slug if self.province else "",
            params.COMMUNE: self.commune.slug if self.commune else "",
            params.TOPIC: self.topic.slug if self.topic else "",
            params.MODEL_TYPE: self.model_type.slug if self.model_type else "",
            params.YEAR: str(self.year) if self.year else "",
            "tu": self.date_from.isoformat() if self.date_from else "",
            "den": self.date_to.isoformat() if self.date_to else "",
            "sap-xep": self.order if self.order != DEFAULT_ORDER else "",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value}

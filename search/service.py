"""The search page's logic: read the request, search, promote, log, explain.

Nothing in here raises on bad input. A query string or a filter value that makes no sense is
dropped with a Vietnamese notice for the reader, and the search runs on what is left.
"""

import datetime
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.apps import apps
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FieldError, FilterError
from wagtail.search.query import Or, Phrase, PlainText

from search.folding import query_terms
from search.highlight import highlight, restore_marks

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
MAX_TERMS = 12  # words searched; more are ignored (with a notice)
MAX_QUERY_CHARS = 200  # characters of the query kept and shown back
SUGGESTION_COUNT = 6
POPULAR_COUNT = 8
POPULAR_DAYS = 30
POPULAR_CACHE_SECONDS = 600
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,119}$")
EARLIEST, LATEST = datetime.date(1945, 1, 1), datetime.date(2100, 12, 31)

# Shown in the empty state until readers have searched enough for a popular list of their own.
STARTER_SEARCHES = (
    "người tốt việc tốt",
    "camera an ninh",
    "trả lại tài sản",
    "chữa cháy",
    "nhà trọ tự quản",
    "diễn đàn đối thoại",
)


@dataclass(frozen=True)
class Kind:
    """A content type the search page can filter on, and where each filter looks in it."""

    slug: str
    label: str
    model_label: str
    province_lookup: str
    commune_lookup: str
    date_lookup: str

    @property
    def model(self):
        return apps.get_model(self.model_label)


KINDS = (
    Kind(
        "cau-chuyen", "Người tốt, việc tốt", "stories.StoryPage", "commune__province", "commune", "deed_date"
    ),
    Kind(
        "mo-hinh",
        "Mô hình ANTT",
        "models_showcase.ModelShowcasePage",
        "province",
        "communes",
        "first_published_at__date",
    ),
    Kind(
        "dien-dan",
        "Diễn đàn đối thoại",
        "forums.ForumAnnouncementPage",
        "commune__province",
        "commune",
        "starts_at__date",
    ),
)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}

# What a failed search raises when it is our bug or a broken database, never the reader's input.
SEARCH_ERRORS = (DatabaseError, FieldError, FilterError)

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
    kind: Kind | None = None
    province: object = None
    commune: object = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    order: str = DEFAULT_ORDER
    page_number: str = "1"
    notices: list[str] = field(default_factory=list)
    truncated: bool = False

    @classmethod
    def from_querydict(cls, data) -> "SearchParams":
        params = cls()
        params.query = clean_text(data.get("q", ""))
        all_terms = query_terms(params.query, MAX_TERMS + 1)
        params.truncated = len(all_terms) > MAX_TERMS
        params.terms = all_terms[:MAX_TERMS]
        if params.truncated:
            params.notices.append(f"Từ khóa quá dài: chỉ tìm theo {MAX_TERMS} từ đầu tiên.")
        params.page_number = clean_text(data.get("trang", "1"), 20) or "1"

        kind = clean_text(data.get("loai", ""), 40)
        if kind:
            params.kind = KINDS_BY_SLUG.get(kind)
            if params.kind is None:
                params.notices.append("Loại nội dung không hợp lệ nên đã được bỏ qua.")

        order = clean_text(data.get("sap-xep", ""), 40)
        if order in ORDERS:
            params.order = order
        elif order:
            params.notices.append("Cách sắp xếp không hợp lệ; kết quả được xếp theo mức độ liên quan.")

        params._read_places(data)
        params._read_dates(data)
        return params

    def _read_places(self, data):
        Province = apps.get_model("home", "Province")
        Commune = apps.get_model("home", "Commune")
        province = clean_text(data.get("tinh", ""), 130)
        if province:
            if SLUG_RE.match(province):
                self.province = Province.objects.filter(slug=province).first()
            if self.province is None:
                self.notices.append("Không có tỉnh, thành phố này nên bộ lọc đã được bỏ qua.")
        commune = clean_text(data.get("xa", ""), 130)
        if commune:
            if self.province is not None and SLUG_RE.match(commune):
                self.commune = (
                    Commune.objects.select_related("province")
                    .filter(province=self.province, slug=commune)
                    .first()
                )
            if self.commune is None:
                self.notices.append(
                    "Không tìm thấy xã, phường này trong tỉnh, thành phố đã chọn nên bộ lọc đã được bỏ qua."
                )

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
    def has_place_or_date(self) -> bool:
        return bool(self.province or self.commune or self.date_from or self.date_to)

    @property
    def has_filters(self) -> bool:
        return bool(self.kind or self.has_place_or_date)

    def url_params(self, **overrides) -> dict:
        """The request as query parameters, e.g. for pagination links and "remove filters"."""
        values = {
            "q": self.query,
            "loai": self.kind.slug if self.kind else "",
            "tinh": self.province.slug if self.province else "",
            "xa": self.commune.slug if self.commune else "",
            "tu": self.date_from.isoformat() if self.date_from else "",
            "den": self.date_to.isoformat() if self.date_to else "",
            "sap-xep": self.order if self.order != DEFAULT_ORDER else "",
        }
        values.update(overrides)
        return {key: value for key, value in values.items() if value}


def searchable_pages(request):
    """Every page a reader may find: live, public, not past its expiry, on this site.

    The rule of `home.models.visible`, written for search backends: they filter only on
    indexed fields, and `expire_at` is not one, so expired pages are excluded by id (a lookup
    on the partial expiry index of `home.0006`).
    """
    site = Site.find_for_request(request) if request is not None else None
    pages = Page.objects.live().public()
    pages = pages.descendant_of(site.root_page, inclusive=True) if site else pages.filter(depth__gt=1)
    expired = list(
        Page.objects.live()
        .filter(expire_at__isnull=False, expire_at__lte=timezone.now())
        .values_list("pk", flat=True)
    )
    if expired:
        pages = pages.exclude(pk__in=expired)
    return pages


def _kind_ids(kind: Kind, params: SearchParams):
    pages = kind.model.objects.all()
    if params.commune is not None:
        pages = pages.filter(**{kind.commune_lookup: params.commune})
    elif params.province is not None:
        pages = pages.filter(**{kind.province_lookup: params.province})
    if params.date_from:
        pages = pages.filter(**{f"{kind.date_lookup}__gte": params.date_from})
    if params.date_to:
        pages = pages.filter(**{f"{kind.date_lookup}__lte": params.date_to})
    return pages.order_by().values("pk")


def filtered_pages(request, params: SearchParams):
    pages = searchable_pages(request)
    if params.kind is not None:
        pages = pages.type(params.kind.model)
    if params.has_place_or_date:
        kinds = [params.kind] if params.kind else KINDS
        pages = pages.filter(reduce(or_, (Q(pk__in=_kind_ids(kind, params)) for kind in kinds)))
    return pages


@dataclass
class Hit:
    page: Page
    url: str
    title_html: str
    snippet_html: str
    type_label: str
    kicker: str
    place: str
    date: object
    promoted: bool = False


def type_label(page) -> str:
    for kind in KINDS:
        if isinstance(page, kind.model):
            return kind.label
    if page.depth <= 2:
        return "Trang chủ"
    return "Chuyên mục"


def snippet_source(page) -> str:
    return (getattr(page, "sapo", "") or page.search_description or getattr(page, "intro", "") or "").strip()


def specific_pages(pages) -> list:
    """The specific pages for a page of results, in order, with what a result prints preloaded."""
    by_type: dict[int, list[int]] = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    found = {}
    for content_type_id, ids in by_type.items():
        model = pages_model(content_type_id)
        queryset = model.objects.filter(pk__in=ids)
        related = getattr(model, "listing_select_related", ())
        if related:
            queryset = queryset.select_related(*related)
        if hasattr(queryset, "defer_streamfields"):
            queryset = queryset.defer_streamfields()
        found.update({page.pk: page for page in queryset})
    return [found.get(page.pk, page) for page in pages]


def pages_model(content_type_id):
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model or Page


def make_hit(page, request, terms, promoted=False) -> Hit:
    is_article = hasattr(page, "sapo")
    date = (getattr(page, "card_date", None) or page.first_published_at) if is_article else None
    return Hit(
        page=page,
        url=page.get_url(request) or "",
        title_html=highlight(page.title, terms),
        snippet_html=highlight(snippet_source(page), terms, limit=260),
        type_label=type_label(page),
        kicker=getattr(page, "kicker", "") if is_article else "",
        place=getattr(page, "place_name", "") if is_article else "",
        date=date,
        promoted=promoted,
    )


@dataclass
class PromotedLink:
    """A promotion pointing outside the site."""

    url: str
    title_html: str
    snippet_html: str
    promoted: bool = True
    type_label: str = "Liên kết"
    kicker: str = ""
    place: str = ""
    date: object = None


def promotions(request, params: SearchParams, pages) -> list:
    """Editors' picks for this query (Wagtail search promotions), matched without marks."""
    if not params.terms:
        return []
    matching = [
        pk
        for pk, query_string in SearchPromotion.objects.values_list("pk", "query__query_string")
        if query_terms(query_string, MAX_TERMS) == params.terms
    ]
    if not matching:
        return []
    picks = SearchPromotion.objects.filter(pk__in=matching).order_by("sort_order", "pk")
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    allowed = {page.pk: page for page in specific_pages(list(pages.filter(pk__in=page_ids)))}
    hits = []
    for pick in picks:
        if pick.page_id:
            if pick.page_id in allowed:
                hit = make_hit(allowed[pick.page_id], request, params.terms, promoted=True)
                if pick.description:
                    hit.snippet_html = highlight(pick.description, params.terms)
                hits.append(hit)
        elif pick.external_link_url and not params.has_filters:
            hits.append(
                PromotedLink(
                    url=pick.external_link_url,
                    title_html=highlight(pick.external_link_text or pick.external_link_url, params.terms),
                    snippet_html=highlight(pick.description or "", params.terms),
                )
            )
    return hits


def run_search(pages, params: SearchParams, operator: str = "and"):
    """Search `pages` for the folded words: all of them (or any, with operator="or").

    By relevance, pages where the words stand together as typed rank first: the query is "the
    exact phrase, or all the words", which finds the same pages as "all the words".
    """
    backend = get_search_backend()
    text = params.folded_query
    if params.order == "moi-nhat":
        return backend.search(
            text, pages.order_by("-first_published_at"), operator=operator, order_by_relevance=False
        )
    query = PlainText(text, operator=operator)
    if operator == "and" and len(params.terms) > 1:
        query = Or([Phrase(text), query])
    return backend.search(query, pages)


def log_query(params: SearchParams):
    """Count this query (folded) for the popular-searches list. Never fails the request."""
    try:
        with transaction.atomic():
            Query.get(params.folded_query).add_hit()
    except DatabaseError:
        logger.warning("Could not log search query %r", params.folded_query, exc_info=True)


@dataclass
class Outcome:
    page_obj: object = None
    hits: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    total: int = 0
    any_word: bool = False  # results contain some, not all, of the words
    failed: bool = False


def search(request, params: SearchParams) -> Outcome:
    outcome = Outcome()
    if not params.terms:
        return outcome
    try:
        pages = filtered_pages(request, params)
        # Promoted results come first, on the first page, and are not repeated further down.
        promoted = promotions(request, params, pages)
        promoted_ids = [hit.page.pk for hit in promoted if isinstance(hit, Hit)]
        if promoted_ids:
            pages = pages.exclude(pk__in=promoted_ids)
        results = run_search(pages, params)
        outcome.total = results.count()
        if outcome.total == 0 and len(params.terms) > 1:
            results = run_search(pages, params, operator="or")
            outcome.total = results.count()
            outcome.any_word = outcome.total > 0
        outcome.page_obj = Paginator(results, PAGE_SIZE).get_page(params.page_number)
        outcome.hits = [
            make_hit(page, request, params.terms) for page in specific_pages(list(outcome.page_obj))
        ]
        first_page = outcome.page_obj.number == 1
        outcome.promoted = promoted if first_page else []
        outcome.total += len(promoted)
    except SEARCH_ERRORS:
        # A bug or a broken database, never the reader's fault: log it, answer politely.
        logger.exception("Search failed for %r", params.query)
        return Outcome(failed=True)
    if first_page and outcome.total and not outcome.any_word:
        log_query(params)
    return outcome


def suggestions(request, raw_query: str) -> list[dict]:
    """The best few page titles for a partial query, for the search box."""
    terms = query_terms(clean_text(raw_query), MAX_TERMS)
    if not terms:
        return []
    pages = searchable_pages(request)
    results = get_search_backend().autocomplete(" ".join(terms), pages, operator="and")
    found = specific_pages(list(results[:SUGGESTION_COUNT]))
    return [
        {"title": page.title, "url": page.get_url(request) or "", "type": type_label(page)} for page in found
    ]


def popular_searches(request) -> list[dict]:
    """Popular searches of the last weeks, written with their marks where the content has them."""
    site = Site.find_for_request(request) if request is not None else None
    key = f"site_search:popular:{site.pk if site else 0}"
    popular = cache.get(key)
    if popular is None:
        popular = _popular_searches(request)
        cache.set(key, popular, POPULAR_CACHE_SECONDS)
    return popular


def _popular_searches(request) -> list[dict]:
    since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
    seen, items = set(), []
    try:
        logged = [q.query_string for q in Query.get_most_popular(date_since=since)[: POPULAR_COUNT * 2]]
    except DatabaseError:
        logged = []
    backend = get_search_backend()
    pages = searchable_pages(request)
    for folded in logged:
        terms = query_terms(folded, MAX_TERMS)
        key = " ".join(terms)
        if not terms or key in seen:
            continue
        top = list(backend.search(key, pages, operator="and")[:1])
        if not top:
            continue  # nothing to find any more: not worth suggesting
        page = top[0].specific
        label = restore_marks(key, page.title) or restore_marks(key, snippet_source(page)) or key
        seen.add(key)
        items.append({"label": label, "query": label})
        if len(items) >= POPULAR_COUNT:
            return items
    for label in STARTER_SEARCHES:
        key = " ".join(query_terms(label, MAX_TERMS))
        if key not in seen:
            seen.add(key)
            items.append({"label": label, "query": label})
        if len(items) >= POPULAR_COUNT:
            break
    return items

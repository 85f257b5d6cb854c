"""Public views of the reuse surface: feeds, the widget and its loader, oEmbed, the builder page."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import condition, require_safe
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from feeds import http, sharecard
from feeds.items import FeedItem, feed_items
from feeds.rows import read_rows
from feeds.sources import FEED_TYPES, FeedSlice, SliceNotFound, article_type, available_topics, type_for_page
from feeds.syndication import FORMATS, JSON_FEED_CONTENT_TYPE, AtomSliceFeed, SliceFeed, json_feed
from home.content_version import cached
from home.models import Commune, Province, visible

SITE_NAME = settings.WAGTAIL_SITE_NAME
COPYRIGHT = f"Nội dung của {SITE_NAME}. Khi đăng lại xin ghi rõ nguồn và dẫn đường link về bài gốc."
LOADER_JS = (Path(__file__).parent / "assets" / "loader.js").read_text(encoding="utf-8")
LOADER_ETAG = http.make_etag(LOADER_JS)
WIDGET_DEFAULT_COUNT, WIDGET_MAX_COUNT = 5, 20
CARD_HEIGHT, CARD_WIDTH = 132, 480


# --- Feeds ---------------------------------------------------------------------------------


@dataclass
class FeedPage:
    """One page of one slice, with the URLs a feed document prints."""

    slice: FeedSlice
    items: list[FeedItem]
    title: str
    description: str
    html_url: str
    self_url: str
    feed_id: str
    site_url: str
    paging: dict[str, str] = field(default_factory=dict)
    site_name: str = SITE_NAME
    copyright: str = COPYRIGHT


def section_url(feed_type, request) -> str:
    """The address of the type's (first) section page; kept until the content changes."""

    def build():
        section = feed_type.index_model.objects.live().public().order_by("depth", "path").first()
        return section.get_full_url(request) if section else request.build_absolute_uri("/")

    return cached(f"feeds:section-url:{feed_type.slug}:{request.build_absolute_uri('/')}", build, request)


def feed_page(request, feed_slice: FeedSlice) -> FeedPage:
    pairs, has_next = feed_slice.fetch()
    if feed_slice.page > 1 and not pairs:
        raise SliceNotFound(f"Trang {feed_slice.page} không có tin nào.")
    base = request.build_absolute_uri(request.path)
    paging = {"first": base + feed_slice.querystring(1)}
    if feed_slice.page > 1:
        paging["previous"] = base + feed_slice.querystring(feed_slice.page - 1)
    if has_next:
        paging["next"] = base + feed_slice.querystring(feed_slice.page + 1)
    label = feed_slice.label
    return FeedPage(
        slice=feed_slice,
        items=feed_items(pairs, request),
        title=f"{SITE_NAME} – {label}",
        description=(
            f"Tin mới trên {SITE_NAME} ({label}): người tốt, việc tốt; mô hình bảo đảm an ninh trật tự; "
            "diễn đàn đối thoại giữa công an và nhân dân."
        ),
        html_url=section_url(feed_slice.feed_type, request)
        if feed_slice.feed_type
        else request.build_absolute_uri("/"),
        self_url=request.build_absolute_uri(),
        feed_id=base + feed_slice.querystring(),
        site_url=request.build_absolute_uri("/"),
        paging=paging,
    )


def _render_feed(request, feed_slice: FeedSlice, fmt: str) -> tuple[bytes, str]:
    obj = feed_page(request, feed_slice)
    if fmt == "json":
        return json_feed(obj).encode(), JSON_FEED_CONTENT_TYPE
    feed = (AtomSliceFeed if fmt == "atom" else SliceFeed)()
    generator = feed.get_feed(obj, request)
    return generator.writeString("utf-8").encode(), feed.feed_type.content_type


@require_safe
def feed_view(request, fmt: str):
    try:
        feed_slice = FeedSlice.from_params(request.GET, request=request)
    except SliceNotFound as error:
        return http.text_error(error.message)
    token, last_modified = http.content_state(request)
    etag = http.make_etag(token, fmt, request.build_absolute_uri())
    if (not_modified := http.conditional(request, etag, last_modified)) is not None:
        return not_modified
    try:
        body, content_type = http.cached_body(etag, lambda: _render_feed(request, feed_slice, fmt))
    except SliceNotFound as error:
        return http.text_error(error.message)
    return http.finish(HttpResponse(body, content_type=content_type), etag, last_modified, cors=True)


# --- The widget ----------------------------------------------------------------------------


WIDGET_IMAGE_SPEC = "fill-192x144|format-webp"  # the same spec as in feeds/widget.html


def with_pictures(items: list[FeedItem]) -> list[FeedItem]:
    """The items with their images as Wagtail images, for the widget's thumbnails: the images
    and their thumbnail renditions in two queries, whatever the number of cards."""
    ids = {item.image_id for item in items if item.image_id}
    if not ids:
        return items
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=WIDGET_IMAGE_SPEC)
    images = (
        get_image_model()
        .objects.filter(pk__in=ids)
        .prefetch_related(Prefetch("renditions", queryset=renditions))
    )
    by_id = {image.pk: image for image in images}
    return [replace(item, picture=by_id.get(item.image_id)) for item in items]


def _widget_count(params) -> int:
    raw = (params.get("so") or "").strip()
    if not raw:
        return WIDGET_DEFAULT_COUNT
    if not raw.isdigit() or not 1 <= int(raw) <= WIDGET_MAX_COUNT:
        raise SliceNotFound(f"Số tin hiển thị phải từ 1 đến {WIDGET_MAX_COUNT}.")
    return int(raw)


def _widget_error(request, message: str):
    response = render(request, "feeds/widget_error.html", {"message": message}, status=404)
    return http.embeddable(response)


@require_safe
def widget_view(request):
    """The embeddable list of the latest items of a slice (an iframe on other sites)."""
    try:
        feed_slice = FeedSlice.from_params(request.GET, paged=False, request=request)
        count = _widget_count(request.GET)
    except SliceNotFound as error:
        return _widget_error(request, error.message)
    token, last_modified = http.content_state(request)
    etag = http.make_etag(token, "widget", request.build_absolute_uri())
    if (not_modified := http.conditional(request, etag, last_modified)) is not None:
        return http.embeddable(not_modified)

    def render_widget():
        pairs, _ = feed_slice.fetch(limit=count, page=1)
        items = with_pictures(feed_items(pairs, request))
        more_url = section_url(feed_slice.feed_type, request) if feed_slice.feed_type else "/"
        html = render_to_string(
            "feeds/widget.html",
            {"items": items, "slice": feed_slice, "site_name": SITE_NAME, "more_url": more_url},
            request=request,
        )
        return html.encode(), "text/html; charset=utf-8"

    body, content_type = http.cached_body(etag, render_widget)
    response = HttpResponse(body, content_type=content_type)
    return http.embeddable(http.finish(response, etag, last_modified))


def public_article(page_id: int):
    """(feed type, row) for a live, public, unexpired content page, read as feeds read their
    items; None for any other page."""
    page = visible(Page.objects.all()).filter(pk=page_id).first()
    feed_type = next((t for t in FEED_TYPES if page is not None and t.model is page.specific_class), None)
    if feed_type is None:
        return None
    rows = read_rows(feed_type, feed_type.model.objects.filter(pk=page_id))
    return (feed_type, rows[0]) if rows else None


@require_safe
def widget_page_view(request, page_id: int):
    """One page's card, for oEmbed."""
    article = public_article(page_id)
    if article is None:
        return _widget_error(request, "Không tìm thấy bài viết này, hoặc bài chưa được công khai.")
    token, last_modified = http.content_state(request)
    etag = http.make_etag(token, "widget-page", request.build_absolute_uri())
    if (not_modified := http.conditional(request, etag, last_modified)) is not None:
        return http.embeddable(not_modified)
    item = with_pictures(feed_items([article], request))[0]
    response = render(
        request,
        "feeds/widget.html",
        {"items": [item], "single": True, "site_name": SITE_NAME, "more_url": item.url},
    )
    return http.embeddable(http.finish(response, etag, last_modified))


@require_safe
@condition(etag_func=lambda request: LOADER_ETAG)
def loader_view(request):
    """The tiny script embedding sites load: it resizes our iframes when they report a height."""
    response = HttpResponse(LOADER_JS, content_type="text/javascript; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=86400"
    return response


def embed_code(request, src: str, title: str, height: int, width: int | None = None) -> str:
    """The HTML a ward website pastes: a lazy iframe and the loader that resizes it."""
    width_attr = str(width) if width else "100%"
    style = "border:0;width:100%;max-width:560px" if not width else "border:0"
    loader = request.build_absolute_uri(reverse("feeds:loader"))
    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width_attr}" height="{height}" '
        f'loading="lazy" style="{style}" data-binh-yen></iframe>\n'
        f'<script src="{escape(loader)}" async></script>'
    )


# --- oEmbed --------------------------------------------------------------------------------


def resolve_public_page(request, url: str):
    """The live, public page a URL of this site points at, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    site = Site.objects.select_related("root_page").filter(hostname=parts.hostname).first()
    if site is None and parts.hostname == request.get_host().rsplit(":", 1)[0]:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    url_path = site.root_page.url_path + path.lstrip("/")
    page = visible(Page.objects.all()).filter(url_path=url_path).first()
    return page.specific if page is not None else None


def _positive(params, name: str) -> int | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1 or len(raw) > 5:
        raise ValueError(name)
    return int(raw)


@require_safe
def oembed_view(request):
    params = request.GET
    fmt = (params.get("format") or "json").strip().lower()
    if fmt != "json":
        return http.text_error("Chỉ hỗ trợ định dạng json (format=json).", status=501)
    url = (params.get("url") or "").strip()
    if not url or len(url) > 2000:
        return http.text_error("Thiếu tham số url, hoặc url quá dài.", status=400)
    try:
        maxwidth, maxheight = _positive(params, "maxwidth"), _positive(params, "maxheight")
    except ValueError as error:
        return http.text_error(f"Tham số {error} phải là số nguyên dương.", status=400)
    page = resolve_public_page(request, url)
    if page is None:
        return http.text_error("Không tìm thấy trang công khai nào ở địa chỉ này.")

    feed_type = article_type(page)
    is_article = feed_type is not None
    if is_article:
        src = request.build_absolute_uri(reverse("feeds:widget_page", args=[page.pk]))
        height = CARD_HEIGHT
    else:
        feed_slice = FeedSlice(feed_type=type_for_page(page))
        src = request.build_absolute_uri(reverse("feeds:widget")) + feed_slice.querystring()
        height = 600
    width = min(maxwidth or CARD_WIDTH, CARD_WIDTH)
    height = min(maxheight or height, height)
    data = {
        "version": "1.0",
        "type": "rich",
        "title": page.title,
        "provider_name": SITE_NAME,
        "provider_url": request.build_absolute_uri("/"),
        "html": embed_code(request, src, page.title, height, width),
        "width": width,
        "height": height,
        "cache_age": 3600,
    }
    if is_article:
        unit = feed_type.unit_of(page)
        if unit:
            data["author_name"] = unit
        if (maxwidth or sharecard.WIDTH) >= sharecard.WIDTH and (
            maxheight or sharecard.HEIGHT
        ) >= sharecard.HEIGHT:
            data.update(
                thumbnail_url=request.build_absolute_uri(sharecard.card_url(page)),
                thumbnail_width=sharecard.WIDTH,
                thumbnail_height=sharecard.HEIGHT,
            )
    response = HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json")
    return http.finish(response, None, None, cors=True, cache_control="public, max-age=3600")


# --- Share cards ---------------------------------------------------------------------------


@require_safe
def share_card_view(request, page_id: int, digest: str):
    page = visible(Page.objects.all()).filter(pk=page_id).first()
    if page is None:
        raise Http404("Không tìm thấy trang.")
    page = page.specific
    current = sharecard.card_digest(page)
    if digest != current:
        # The title or image changed since this URL was shared; send the crawler to the new card.
        return HttpResponseRedirect(sharecard.card_url(page))
    data = sharecard.stored_card(page)
    response = HttpResponse(data, content_type="image/jpeg")
    return http.finish(response, f'"{current}"', None, cache_control="public, max-age=31536000, immutable")


# --- The builder page ----------------------------------------------------------------------


@require_safe
def builder_view(request):
    """ "Lấy tin cho fanpage": choose a slice, preview it, copy its feed URLs and embed code."""
    error = ""
    try:
        feed_slice = FeedSlice.from_params(request.GET, paged=False, request=request)
    except SliceNotFound as exc:
        error, feed_slice = exc.message, FeedSlice()
    provinces = Province.objects.only("code", "name", "slug")
    province = feed_slice.province
    if province is None and not error:
        slug = (request.GET.get("tinh") or "").strip()
        province = Province.objects.filter(slug=slug).first() if slug else None
    communes = Commune.objects.filter(province=province).only("code", "name", "slug") if province else []
    topics = sorted(available_topics().values(), key=lambda t: t.name)
    query = feed_slice.querystring()
    feed_urls = [(f.label, request.build_absolute_uri(reverse(f"feeds:{f.slug}")) + query) for f in FORMATS]
    widget_src = request.build_absolute_uri(reverse("feeds:widget")) + query
    context = {
        "error": error,
        "slice": feed_slice,
        "provinces": provinces,
        "communes": communes,
        "selected_province": province,
        "types": FEED_TYPES,
        "topics": topics,
        "feed_urls": feed_urls,
        "widget_src": widget_src,
        "embed_code": embed_code(request, widget_src, f"Tin từ {SITE_NAME}: {feed_slice.label}", 600),
        "query": urlencode(feed_slice.params()),
    }
    return render(request, "feeds/builder.html", context, status=400 if error else 200)

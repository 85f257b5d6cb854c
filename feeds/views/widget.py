"""The embeddable widget: the latest items of a slice, one page's card (for oEmbed), the loader."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path

from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import condition, require_safe
from wagtail.images import get_image_model
from wagtail.models import Page

from feeds import responses
from feeds.items import FeedItem, feed_items
from feeds.rows import read_rows
from feeds.slices import FeedSlice, SliceNotFound, check_names
from feeds.views.documents import SITE_NAME, more_links, slice_page_url
from home import kinds, params
from home.models import visible

LOADER_JS = (Path(__file__).parent.parent / "assets" / "loader.js").read_text(encoding="utf-8")
LOADER_ETAG = responses.make_etag(LOADER_JS)
WIDGET_DEFAULT_COUNT, WIDGET_MAX_COUNT = 5, 20
# What a widget URL may carry: the slice and the number of cards.
WIDGET_PARAMS = (*params.SLICE, "so")
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


def _widget_count(query) -> int:
    raw = (query.get("so") or "").strip()
    if not raw:
        return WIDGET_DEFAULT_COUNT
    if not raw.isdigit() or not 1 <= int(raw) <= WIDGET_MAX_COUNT:
        raise SliceNotFound(f"Số tin hiển thị phải từ 1 đến {WIDGET_MAX_COUNT}.")
    return int(raw)


def _widget_error(request, message: str, status: int = 404):
    response = render(request, "feeds/widget_error.html", {"message": message}, status=status)
    return responses.embeddable(response)


@require_safe
def widget_view(request):
    """The embeddable list of the latest items of a slice (an iframe on other sites)."""
    try:
        check_names(request.GET, WIDGET_PARAMS)
        feed_slice = FeedSlice.from_params(request.GET, paged=False, request=request)
        count = _widget_count(request.GET)
    except SliceNotFound as error:
        return _widget_error(request, error.message, error.status)
    token, last_modified = responses.content_state(request)
    etag = responses.make_etag(token, "widget", request.build_absolute_uri())
    if (not_modified := responses.conditional(request, etag, last_modified)) is not None:
        return responses.embeddable(not_modified)

    def render_widget():
        pairs, _ = feed_slice.fetch(limit=count, page=1, request=request)
        items = with_pictures(feed_items(pairs, request))
        links = more_links(feed_slice, request)
        html = render_to_string(
            "feeds/widget.html",
            {
                "items": items,
                "slice": feed_slice,
                "site_name": SITE_NAME,
                "more_url": slice_page_url(feed_slice, request, links),
                "more_links": links if len(links) > 1 else [],
            },
            request=request,
        )
        return html.encode(), "text/html; charset=utf-8"

    body, content_type = responses.cached_body(etag, render_widget)
    response = HttpResponse(body, content_type=content_type)
    return responses.embeddable(responses.finish(response, etag, last_modified))


def public_article(page_id: int):
    """(kind, row) for a live, public, unexpired content page, read as feeds read their
    items; None for any other page."""
    page = visible(Page.objects.all()).filter(pk=page_id).first()
    kind = kinds.for_model(page.specific_class) if page is not None and page.specific_class else None
    if kind is None or kind.model is not page.specific_class:
        return None
    rows = read_rows(kind, kind.model.objects.filter(pk=page_id))
    return (kind, rows[0]) if rows else None


@require_safe
def widget_page_view(request, page_id: int):
    """One page's card, for oEmbed."""
    article = public_article(page_id)
    if article is None:
        return _widget_error(request, "Không tìm thấy bài viết này, hoặc bài chưa được công khai.")
    token, last_modified = responses.content_state(request)
    etag = responses.make_etag(token, "widget-page", request.build_absolute_uri())
    if (not_modified := responses.conditional(request, etag, last_modified)) is not None:
        return responses.embeddable(not_modified)
    item = with_pictures(feed_items([article], request))[0]
    response = render(
        request,
        "feeds/widget.html",
        {"items": [item], "single": True, "site_name": SITE_NAME, "more_url": item.url},
    )
    return responses.embeddable(responses.finish(response, etag, last_modified))


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

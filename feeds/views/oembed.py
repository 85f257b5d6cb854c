"""oEmbed provider: any public page of the site as an embeddable card or widget."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from feeds import responses, sharecard
from feeds.slices import FeedSlice
from feeds.views.documents import SITE_NAME
from feeds.views.widget import embed_code
from home import kinds
from home.models import visible

CARD_HEIGHT, CARD_WIDTH = 132, 480


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


def _positive(query, name: str) -> int | None:
    raw = (query.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1 or len(raw) > 5:
        raise ValueError(name)
    return int(raw)


@require_safe
def oembed_view(request):
    query = request.GET
    fmt = (query.get("format") or "json").strip().lower()
    if fmt != "json":
        return responses.text_error("Chỉ hỗ trợ định dạng json (format=json).", status=501)
    url = (query.get("url") or "").strip()
    if not url or len(url) > 2000:
        return responses.text_error("Thiếu tham số url, hoặc url quá dài.", status=400)
    try:
        maxwidth, maxheight = _positive(query, "maxwidth"), _positive(query, "maxheight")
    except ValueError as error:
        return responses.text_error(f"Tham số {error} phải là số nguyên dương.", status=400)
    page = resolve_public_page(request, url)
    if page is None:
        return responses.text_error("Không tìm thấy trang công khai nào ở địa chỉ này.")

    is_article = kinds.of_article(page) is not None
    if is_article:
        src = request.build_absolute_uri(reverse("feeds:widget_page", args=[page.pk]))
        height = CARD_HEIGHT
    else:
        feed_slice = FeedSlice(kind=kinds.for_page(page))
        src = request.build_absolute_uri(reverse("feeds:widget")) + feed_slice.querystring()
        height = 600
    width = min(maxwidth or CARD_WIDTH, CARD_WIDTH)
    height = min(maxheight or height, height)
    notice = page.notice_words if is_article else ""
    title = f"[{notice}] {page.title}" if notice else page.title
    data = {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": SITE_NAME,
        "provider_url": request.build_absolute_uri("/"),
        "html": embed_code(request, src, page.title, height, width),
        "width": width,
        "height": height,
        "cache_age": 3600,
    }
    if is_article:
        if page.unit:
            data["author_name"] = page.unit
        if (maxwidth or sharecard.WIDTH) >= sharecard.WIDTH and (
            maxheight or sharecard.HEIGHT
        ) >= sharecard.HEIGHT:
            data.update(
                thumbnail_url=request.build_absolute_uri(sharecard.card_url(page)),
                thumbnail_width=sharecard.WIDTH,
                thumbnail_height=sharecard.HEIGHT,
            )
    response = HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json")
    return responses.finish(response, None, None, cors=True, cache_control="public, max-age=3600")

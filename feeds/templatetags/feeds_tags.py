"""Template tags other templates use: feed discovery, share-card URLs, the fanpage caption."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from wagtail.models import Page

from feeds import sharecard
from feeds.caption import fanpage_caption
from feeds.sources import FeedSlice, type_for_page
from feeds.syndication import FORMATS
from feeds.views import SITE_NAME

register = template.Library()


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


@register.inclusion_tag("feeds/includes/head_tags.html", takes_context=True)
def feed_head_links(context):
    """<link rel="alternate"> for the feeds that fit the page, and oEmbed discovery.

    og:image (the share card) is written by site/templates/includes/meta.html with `share_card_url`.
    """
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    slices = FeedSlice.for_page(page) if page is not None else [FeedSlice()]
    feeds = [
        {
            "href": _absolute(request, reverse(f"feeds:{fmt.slug}") + feed_slice.querystring()),
            "type": fmt.mime,
            "title": f"{SITE_NAME} – {feed_slice.label} ({fmt.label})",
        }
        for feed_slice in slices
        for fmt in FORMATS
    ]
    result = {"feeds": feeds, "oembed": ""}
    if page is not None and request is not None:
        page_url = page.get_full_url(request)
        result["oembed"] = (
            _absolute(request, reverse("feeds:oembed")) + "?" + urlencode({"url": page_url, "format": "json"})
        )
        result["oembed_title"] = page.title
    return result


@register.simple_tag(takes_context=True)
def share_card_url(context, page) -> str:
    """The absolute URL of the page's 1200x630 share card; it changes with the title or image."""
    return _absolute(context.get("request"), sharecard.card_url(page))


@register.simple_tag(takes_context=True)
def fanpage_caption_text(context, page) -> str:
    request = context.get("request")
    url = page.get_full_url(request) if request is not None else page.full_url
    return fanpage_caption(page, url)


@register.inclusion_tag("feeds/includes/caption_box.html", takes_context=True)
def fanpage_caption_box(context, page):
    """The caption with a copy button, for the bottom of a content page."""
    feed_type = type_for_page(page)
    builder_query = ""
    if feed_type is not None:
        communes = feed_type.communes_of(page)
        params = {"tinh": communes[0].province.slug, "xa": communes[0].slug} if communes else {}
        builder_query = urlencode(params)
    return {
        "page": page,
        "caption": fanpage_caption_text(context, page),
        "builder_url": reverse("feeds:builder") + (f"?{builder_query}" if builder_query else ""),
    }

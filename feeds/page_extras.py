"""What the reuse surface adds to the site's pages, through the shell's page hooks
(`home.templatetags.site_tags.page_extras`; registered in feeds/wagtail_hooks.py): feed
discovery and oEmbed links in the head, the share card as `og:image`, and the fanpage caption
box under every article. The site shell and the content apps name none of this."""

from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page

from feeds import sharecard
from feeds.caption import fanpage_caption
from feeds.slices import FeedSlice
from feeds.syndication import FORMATS
from home import kinds, params


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def head_links(context) -> str:
    """<link rel="alternate"> for the feeds that fit the page, and oEmbed discovery."""
    request = context.get("request")
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    slices = FeedSlice.for_page(page) if page is not None else [FeedSlice()]
    feeds = [
        {
            "href": _absolute(request, reverse(f"feeds:{fmt.slug}") + feed_slice.querystring()),
            "type": fmt.mime,
            "title": f"{settings.WAGTAIL_SITE_NAME} – {feed_slice.label} ({fmt.label})",
        }
        for feed_slice in slices
        for fmt in FORMATS
    ]
    extra = {"feeds": feeds, "oembed": ""}
    if page is not None and request is not None:
        page_url = page.get_full_url(request)
        oembed = reverse("feeds:oembed") + "?" + urlencode({"url": page_url, "format": "json"})
        extra.update(oembed=_absolute(request, oembed), oembed_title=page.title)
    return render_to_string("feeds/includes/head_tags.html", extra)


def share_card_url(request, page) -> str:
    """The absolute URL of an article's 1200x630 share card; it changes with the title or image."""
    if kinds.of_article(page) is None:
        return ""
    return _absolute(request, sharecard.card_url(page))


def caption_box(context, page) -> str:
    """The ready-to-post caption with a copy button, for the bottom of an article."""
    if kinds.of_article(page) is None:
        return ""
    request = context.get("request")
    url = page.get_full_url(request) if request is not None else page.full_url
    communes = page.place_communes()
    query = (
        urlencode({params.PROVINCE: communes[0].province.slug, params.COMMUNE: communes[0].slug})
        if communes
        else ""
    )
    return render_to_string(
        "feeds/includes/caption_box.html",
        {
            "page": page,
            "caption": fanpage_caption(page, url),
            "builder_url": reverse("feeds:builder") + (f"?{query}" if query else ""),
        },
        request=request,
    )

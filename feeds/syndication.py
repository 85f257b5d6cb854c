"""RSS 2.0 and Atom 1.0 on Django's syndication framework, plus JSON Feed 1.1.

Django's generators are extended only where the formats need more than it writes:
Media RSS (`media:content`), an update date for RSS items, and RFC 5005 paging links.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.utils import feedgenerator
from django.utils.feedgenerator import Enclosure, rfc3339_date

MEDIA_NS = "http://search.yahoo.com/mrss/"


class MediaRssFeed(feedgenerator.Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # includes <atom:link rel="self">
        for rel, href in self.feed.get("paging", {}).items():
            handler.addQuickElement("atom:link", None, {"rel": rel, "href": href})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("updateddate"):
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        image = item.get("image")
        if image:
            handler.addQuickElement(
                "media:content",
                None,
                {
                    "url": image.url,
                    "type": image.mime_type,
                    "medium": "image",
                    "fileSize": str(image.length),
                    "width": str(image.width),
                    "height": str(image.height),
                },
            )


class PagedAtomFeed(feedgenerator.Atom1Feed):
    content_type = "application/atom+xml; charset=utf-8"

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        for rel, href in self.feed.get("paging", {}).items():
            handler.addQuickElement("link", "", {"rel": rel, "href": href})


class SliceFeed(Feed):
    """Django's Feed over a `feeds.views.FeedPage` (a slice, one page of its items, its URLs)."""

    feed_type = MediaRssFeed
    language = "vi"
    item_guid_is_permalink = False

    def title(self, obj):
        return obj.title

    def description(self, obj):
        return obj.description

    subtitle = description

    def link(self, obj):
        return obj.html_url

    def feed_url(self, obj):
        return obj.self_url

    def feed_guid(self, obj):
        return obj.feed_id

    def author_name(self, obj):
        return obj.site_name

    def feed_copyright(self, obj):
        return obj.copyright

    def feed_extra_kwargs(self, obj):
        return {"paging": obj.paging}

    def items(self, obj):
        return obj.items

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.html

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.id

    def item_pubdate(self, item):
        return item.published

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        return item.unit or None

    def item_categories(self, item):
        return item.categories

    def item_enclosures(self, item):
        if not item.image:
            return []
        return [Enclosure(item.image.url, str(item.image.length), item.image.mime_type)]

    def item_extra_kwargs(self, item):
        return {"image": item.image}


class AtomSliceFeed(SliceFeed):
    feed_type = PagedAtomFeed


JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
JSON_FEED_CONTENT_TYPE = "application/feed+json"


@dataclass(frozen=True)
class Format:
    """A feed format as URLs, discovery links and the builder page name it."""

    slug: str  # /nguon-tin/<slug>/ and the URL name feeds:<slug>
    mime: str  # for <link rel="alternate" type=…>
    label: str
    content_type: str


FORMATS = (
    Format("rss", "application/rss+xml", "RSS 2.0", MediaRssFeed.content_type),
    Format("atom", "application/atom+xml", "Atom 1.0", PagedAtomFeed.content_type),
    Format("json", JSON_FEED_CONTENT_TYPE, "JSON Feed 1.1", JSON_FEED_CONTENT_TYPE),
)


def json_feed(obj) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) for a `FeedPage`."""
    feed = {
        "version": JSON_FEED_VERSION,
        "title": obj.title,
        "home_page_url": obj.html_url,
        "feed_url": obj.self_url,
        "description": obj.description,
        "language": "vi",
        "authors": [{"name": obj.site_name, "url": obj.site_url}],
        "items": [
            {
                "id": item.id,
                "url": item.url,
                "title": item.headline,
                "summary": item.summary,
                "content_text": item.text,
                **({"image": item.image.url} if item.image else {}),
                "date_published": rfc3339_date(item.published),
                "date_modified": rfc3339_date(item.updated),
                **({"authors": [{"name": item.unit}]} if item.unit else {}),
                "tags": list(item.categories),
                "language": "vi",
            }
            for item in obj.items
        ],
    }
    if "next" in obj.paging:
        feed["next_url"] = obj.paging["next"]
    # Not indented: Python's C encoder serves only unindented output (indenting cost 2 ms of a
    # 50-item feed), and the answer is compressed anyway.
    return json.dumps(feed, ensure_ascii=False)

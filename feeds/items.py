"""A page's feed item: everything RSS, Atom, JSON Feed, the widget and oEmbed print about it.

No person's name is read here: items carry the title, the sapo and the unit that wrote them,
never the people a story features (their names show only on the page, through `display_name`).
"""

from __future__ import annotations

import datetime
import mimetypes
from dataclasses import dataclass
from urllib.parse import urljoin

from django.utils import timezone

from feeds.sources import FeedType


@dataclass(frozen=True)
class ItemImage:
    url: str
    length: int
    mime_type: str
    width: int
    height: int


@dataclass(frozen=True)
class FeedItem:
    page: object
    feed_type: FeedType
    id: str
    url: str
    title: str
    summary: str
    published: datetime.datetime
    updated: datetime.datetime
    categories: tuple[str, ...]
    topics: tuple[str, ...]
    unit: str
    place: str
    card_date: object
    image: ItemImage | None


def item_image(image, base_url: str) -> ItemImage | None:
    """The page's own image file, with its real byte length (stored by Wagtail at upload)."""
    if image is None:
        return None
    length = image.file_size
    if not length:
        try:
            length = image.get_file_size()
        except OSError:
            return None
    mime_type = mimetypes.guess_type(image.file.name)[0] or "image/jpeg"
    url = urljoin(base_url, image.file.url)
    return ItemImage(url, int(length), mime_type, image.width, image.height)


def place_of(feed_type: FeedType, page) -> str:
    """Where it happened: the commune(s) and province, as readers say it."""
    communes = feed_type.communes_of(page)
    province = getattr(page, "province", None)
    if not communes:
        return page.place_name
    names = [c.name for c in communes[:2]] + (["…"] if len(communes) > 2 else [])
    return f"{', '.join(names)}, {province.short_name}" if province else ", ".join(names)


def feed_item(feed_type: FeedType, page, request) -> FeedItem:
    url = page.get_full_url(request)
    published = page.first_published_at or page.last_published_at or timezone.now()
    updated = max(page.last_published_at or published, published)
    topics = tuple(feed_type.topics_of(page))
    place = place_of(feed_type, page)
    categories = tuple(dict.fromkeys([feed_type.label, page.kicker, *topics]))
    if feed_type.slug == "dien-dan":
        # A forum's kicker is its status, which changes with time; feeds keep what stays true.
        categories = tuple(dict.fromkeys([feed_type.label, *topics]))
    return FeedItem(
        page=page,
        feed_type=feed_type,
        id=f"urn:uuid:{page.translation_key}",
        url=url,
        title=page.title,
        summary=page.sapo,
        published=published,
        updated=updated,
        categories=categories,
        topics=topics,
        unit=feed_type.unit_of(page),
        place=place,
        card_date=page.card_date,
        image=item_image(page.hero_image, url),
    )

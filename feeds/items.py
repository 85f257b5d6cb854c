"""A page's feed item: everything RSS, Atom, JSON Feed, the widget and oEmbed print about it.

No person's name is read here: items carry the title, the sapo and the unit that wrote them,
never the people a story features (their names show only on the page, through `display_name`).
"""

from __future__ import annotations

import datetime
import mimetypes
from dataclasses import dataclass
from urllib.parse import urljoin

from django.core.cache import cache
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
    feed_type: FeedType
    id: str
    url: str
    title: str
    summary: str
    published: datetime.datetime
    updated: datetime.datetime
    categories: tuple[str, ...]
    unit: str
    place: str
    card_date: object
    image: ItemImage | None  # the file itself, for enclosures
    picture: object = None  # the same image as a Wagtail image, for thumbnails; None when hidden


def _size_key(image) -> str:
    return f"feeds:image-size:{image.pk}:{image.file.name}"


def image_sizes(images) -> dict[int, int]:
    """Byte lengths of image files, by image id, without writing anything on a GET.

    Wagtail stores `file_size` when an editor uploads through the admin; images made in code
    may lack it. Those are measured once in storage (a stat, or a HEAD on S3) and remembered
    in the cache under the file's name, in one round trip for the whole page of items.
    """
    sizes = {image.pk: image.file_size for image in images if image.file_size}
    missing = {_size_key(image): image for image in images if not image.file_size}
    if not missing:
        return sizes
    cached = cache.get_many(list(missing))
    fresh = {}
    for key, image in missing.items():
        if key in cached:
            sizes[image.pk] = cached[key]
            continue
        try:
            fresh[key] = sizes[image.pk] = image.file.size
        except (OSError, ValueError):
            continue
    if fresh:
        cache.set_many(fresh, 7 * 24 * 3600)
    return sizes


def item_image(image, base_url: str, sizes: dict[int, int]) -> ItemImage | None:
    """The page's own image file, with its real byte length and type."""
    if image is None or image.pk not in sizes:
        return None
    mime_type = mimetypes.guess_type(image.file.name)[0] or "image/jpeg"
    url = urljoin(base_url, image.file.url)
    return ItemImage(url, int(sizes[image.pk]), mime_type, image.width, image.height)


def place_of(feed_type: FeedType, page) -> str:
    """Where it happened: the commune(s) and province, as readers say it."""
    communes = feed_type.communes_of(page)
    province = getattr(page, "province", None)
    if not communes:
        return page.place_name
    names = [c.name for c in communes[:2]] + (["…"] if len(communes) > 2 else [])
    return f"{', '.join(names)}, {province.short_name}" if province else ", ".join(names)


def feed_item(feed_type: FeedType, page, request, sizes: dict[int, int], image) -> FeedItem:
    """One item; `image` is the page's `visible_hero_image`, read once by `feed_items`."""
    url = page.get_full_url(request)
    published = page.first_published_at or page.last_published_at or timezone.now()
    updated = max(page.last_published_at or published, published)
    topics = tuple(feed_type.topics_of(page))
    categories = [feed_type.label, feed_type.kicker_of(page), *topics]
    return FeedItem(
        feed_type=feed_type,
        id=f"urn:uuid:{page.translation_key}",
        url=url,
        title=page.title,
        summary=page.sapo,
        published=published,
        updated=updated,
        categories=tuple(dict.fromkeys(c for c in categories if c)),
        unit=feed_type.unit_of(page),
        place=place_of(feed_type, page),
        card_date=page.card_date,
        image=item_image(image, url, sizes),
        picture=image,
    )


def feed_items(pairs, request) -> list[FeedItem]:
    """Feed items for (feed_type, page) pairs from `FeedSlice.fetch`, image sizes in one go."""
    images = [page.visible_hero_image for _, page in pairs]
    sizes = image_sizes([image for image in images if image])
    return [
        feed_item(feed_type, page, request, sizes, image)
        for (feed_type, page), image in zip(pairs, images, strict=True)
    ]

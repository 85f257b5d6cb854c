"""A page's feed item: everything RSS, Atom, JSON Feed, the widget and oEmbed print about it.

Items are built from `feeds.rows.Row` values. No person's name is read here: items carry the
title, the sapo and the unit that wrote them, never the people a story features (their names
show only on the page, through `display_name`).
"""

from __future__ import annotations

import datetime
import mimetypes
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin

from django.core.cache import cache
from django.utils import timezone
from wagtail.images import get_image_model

from feeds.rows import Row, RowImage, page_url
from home.kinds import ContentKind


@dataclass(frozen=True)
class ItemImage:
    url: str
    length: int
    mime_type: str
    width: int
    height: int


@dataclass(frozen=True)
class FeedItem:
    kind: ContentKind
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
    image: ItemImage | None  # the file itself, for enclosures; None when absent or hidden
    image_id: int | None = None  # the same image, for thumbnails (`with_pictures`)
    picture: object = None  # that Wagtail image, once `with_pictures` has loaded it
    notice: str = ""  # "ĐÃ HỦY", "TẠM HOÃN"…: put in front of the title wherever it is reused
    when: str = ""  # an event's time, as readers are told it ("08:00–11:00, Thứ Bảy 20/12/2026")
    where: str = ""  # and its venue and address
    outcome: str = ""  # once held, what came of it (plain text)

    @property
    def headline(self) -> str:
        """The title as feeds and the widget print it, status words in front."""
        return f"[{self.notice}] {self.title}" if self.notice else self.title

    @property
    def facts(self) -> tuple[str, ...]:
        """An event's time and place, the point of a forum post, and once it has been held what
        came of it; empty for other kinds."""
        if not self.when:
            return ()
        place = f"Địa điểm: {', '.join(p for p in (self.where, self.place) if p)}"
        return (f"Thời gian: {self.when}", place, *((f"Kết quả: {self.outcome}",) if self.outcome else ()))

    @property
    def text(self) -> str:
        """The item's description as plain text (JSON Feed)."""
        return "\n".join((*self.facts, self.summary)).strip()

    @property
    def html(self) -> str:
        """The description as HTML (RSS <description>, Atom type="html"): readers parse it as
        HTML, so each line of text is escaped."""
        return "<br>\n".join(escape(line) for line in (*self.facts, self.summary) if line)


def _size_key(image: RowImage) -> str:
    return f"feeds:image-size:{image.id}:{image.name}"


def image_sizes(images: list[RowImage]) -> dict[int, int]:
    """Byte lengths of image files, by image id, without writing anything on a GET.

    Wagtail stores `file_size` when an editor uploads through the admin; images made in code
    may lack it. Those are measured once in storage (a stat, or a HEAD on S3) and remembered
    in the cache under the file's name, in one round trip for the whole page of items.
    """
    sizes = {image.id: image.file_size for image in images if image.file_size}
    missing = {_size_key(image): image for image in images if not image.file_size}
    if not missing:
        return sizes
    storage = image_storage()
    cached = cache.get_many(list(missing))
    fresh = {}
    for key, image in missing.items():
        if key in cached:
            sizes[image.id] = cached[key]
            continue
        try:
            fresh[key] = sizes[image.id] = storage.size(image.name)
        except (OSError, ValueError):
            continue
    if fresh:
        cache.set_many(fresh, 7 * 24 * 3600)
    return sizes


def image_storage():
    return get_image_model()._meta.get_field("file").storage


# What feeds link for a page's image: a rendition, never the uploaded original (whatever the
# original still holds stays on the server; originals are not linked from any public place).
FEED_RENDITION = "width-1200|format-jpeg"


def feed_renditions(images: list[RowImage]) -> dict[int, RowImage]:
    """The feed rendition of each image, by image id, as RowImage values: one query for the
    renditions already made; those missing are made once (as a page template would) and kept
    by Wagtail. An image whose file cannot be read is left out (the item has no image)."""
    if not images:
        return {}
    Image = get_image_model()
    ids = {image.id for image in images}
    rows = (
        Image.get_rendition_model()
        .objects.filter(image_id__in=ids, filter_spec=FEED_RENDITION, focal_point_key="")
        .values_list("image_id", "file", "width", "height")
    )
    found = {pk: RowImage(pk, name, width, height, None) for pk, name, width, height in rows}
    missing = ids - found.keys()
    if missing:
        for image in Image.objects.filter(pk__in=missing):
            try:
                rendition = image.get_rendition(FEED_RENDITION)
            except (OSError, ValueError):  # Wagtail's SourceImageIOError is an OSError
                continue
            found[image.id] = RowImage(image.id, rendition.file.name, rendition.width, rendition.height, None)
    return found


def item_image(image: RowImage | None, base_url: str, sizes: dict[int, int], storage) -> ItemImage | None:
    """The feed rendition of the page's image (`feed_renditions`), with its real byte length
    and type."""
    if image is None or image.id not in sizes:
        return None
    mime_type = mimetypes.guess_type(image.name)[0] or "image/jpeg"
    url = urljoin(base_url, storage.url(image.name))
    return ItemImage(url, int(sizes[image.id]), mime_type, image.width, image.height)


def feed_item(
    kind: ContentKind, row: Row, request, sizes: dict[int, int], storage, renditions: dict[int, RowImage]
) -> FeedItem:
    url = page_url(row.url_path, request)
    published = row.first_published_at or row.last_published_at or timezone.now()
    updated = max(row.last_published_at or published, published)
    categories = [kind.label, row.kicker, *row.topics]
    return FeedItem(
        kind=kind,
        id=f"urn:uuid:{row.translation_key}",
        url=url,
        title=row.title,
        summary=row.sapo,
        published=published,
        updated=updated,
        categories=tuple(dict.fromkeys(c for c in categories if c)),
        unit=row.unit,
        place=row.place,
        card_date=row.card_date,
        image=item_image(renditions.get(row.image.id) if row.image else None, url, sizes, storage),
        image_id=row.image.id if row.image else None,
        notice=row.notice,
        when=row.when,
        where=row.where,
        outcome=row.outcome,
    )


def feed_items(pairs, request) -> list[FeedItem]:
    """Feed items for (kind, row) pairs from `FeedSlice.fetch`, renditions and their sizes in
    one go."""
    renditions = feed_renditions([row.image for _, row in pairs if row.image])
    sizes = image_sizes(list(renditions.values()))
    storage = image_storage()
    return [feed_item(kind, row, request, sizes, storage, renditions) for kind, row in pairs]

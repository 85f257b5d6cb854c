"""The feed documents: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of any slice, paged, with validators."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from feeds import responses
from feeds.items import FeedItem, feed_items
from feeds.slices import FeedSlice, SliceNotFound, check_names
from feeds.syndication import JSON_FEED_CONTENT_TYPE, AtomSliceFeed, SliceFeed, json_feed
from home import params
from home.content_version import cached

SITE_NAME = settings.WAGTAIL_SITE_NAME
COPYRIGHT = f"Nội dung của {SITE_NAME}. Khi đăng lại xin ghi rõ nguồn và dẫn đường link về bài gốc."
# What a feed URL may carry: the slice and its page.
FEED_PARAMS = (*params.SLICE, params.PAGE)


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


def section_url(kind, request) -> str:
    """The address of the kind's (first) section page; kept until the content changes."""

    def build():
        section = kind.index_model.objects.live().public().order_by("depth", "path").first()
        return section.get_full_url(request) if section else request.build_absolute_uri("/")

    return cached(f"feeds:section-url:{kind.slug}:{request.build_absolute_uri('/')}", build, request)


def kind_section_url(feed_slice: FeedSlice, kind, request) -> str | None:
    """The kind's section filtered by the slice's parameters, when the section offers them all
    (a section page is where readers see the same pages as the slice); None otherwise."""
    rest = {name: value for name, value in feed_slice.params().items() if name != params.KIND}
    section = section_url(kind, request)
    if not set(rest) <= set(kind.section_filters) or section == request.build_absolute_uri("/"):
        return None
    return section + (f"?{urlencode(rest)}" if rest else "")


def more_links(feed_slice: FeedSlice, request, *, check_pages: bool = True) -> list[tuple[str, str]]:
    """Where a reader sees more of a slice on the site, as (label, URL): the section of its one
    kind, filtered the same way; one such section a kind when the slice holds several (no page
    of the site lists every kind of a place), for the kinds that have pages in it (a section
    refuses a filter value it has nothing for); the home page for the whole site. At most one
    query a kind (none without `check_pages`)."""
    home = request.build_absolute_uri("/")
    if not feed_slice.params():
        return [(SITE_NAME, home)]
    kinds_here = feed_slice.slice_kinds
    links = [(kind.label, kind_section_url(feed_slice, kind, request)) for kind in kinds_here]
    links = [(label, url) for (label, url), kind in zip(links, kinds_here, strict=True) if url]
    if check_pages:
        with_pages = {kind.label for kind in kinds_here if feed_slice.queryset(kind).exists()}
        links = [(label, url) for label, url in links if label in with_pages]
    if len(links) == 1:
        return [(SITE_NAME, links[0][1])]
    if not links and feed_slice.kind is not None:  # nothing there yet: the whole section
        return [(SITE_NAME, section_url(feed_slice.kind, request))]
    return links or [(SITE_NAME, home)]


def slice_page_url(feed_slice: FeedSlice, request, links=None) -> str:
    """The one page of the site for a slice (a feed's <link>): its section, else the home page;
    without a query beyond the cached section address, unless `links` were read already."""
    links = more_links(feed_slice, request, check_pages=False) if links is None else links
    return links[0][1] if len(links) == 1 else request.build_absolute_uri("/")


def feed_page(request, feed_slice: FeedSlice) -> FeedPage:
    pairs, has_next = feed_slice.fetch(request=request)
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
        html_url=slice_page_url(feed_slice, request),
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
        check_names(request.GET, FEED_PARAMS)
        feed_slice = FeedSlice.from_params(request.GET, request=request)
    except SliceNotFound as error:
        return responses.text_error(error.message, error.status)
    token, last_modified = responses.content_state(request)
    etag = responses.make_etag(token, fmt, request.build_absolute_uri())
    if (not_modified := responses.conditional(request, etag, last_modified)) is not None:
        return not_modified
    try:
        body, content_type = responses.cached_body(etag, lambda: _render_feed(request, feed_slice, fmt))
    except SliceNotFound as error:
        return responses.text_error(error.message, error.status)
    return responses.finish(HttpResponse(body, content_type=content_type), etag, last_modified, cors=True)

"""What a search result prints: the page's specific data loaded in a few queries, as a `Hit`."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from wagtail.models import Page

from home import kinds
from search.highlight import highlight


@dataclass
class Hit:
    page: Page
    url: str
    title_html: str
    snippet_html: str
    type_label: str
    kicker: str
    place: str
    date: object
    promoted: bool = False
    partial: bool = False  # has most of the words, not all


@dataclass
class PromotedLink:
    """A promotion pointing outside the site."""

    url: str
    title_html: str
    snippet_html: str
    promoted: bool = True
    type_label: str = "Liên kết"
    kicker: str = ""
    place: str = ""
    date: object = None
    partial: bool = False


def type_label(page) -> str:
    kind = kinds.of_article(page)
    if kind is not None:
        return kind.short_label
    if page.depth <= 2:
        return "Trang chủ"
    return "Chuyên mục"


def snippet_source(page) -> str:
    return (getattr(page, "sapo", "") or page.search_description or getattr(page, "intro", "") or "").strip()


def pages_model(content_type_id):
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model or Page


def specific_pages(pages) -> list:
    """The specific pages for a page of results, in order, with what a result prints preloaded
    (its card's relations and the communes of its place)."""
    by_type: dict[int, list[int]] = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, []).append(page.pk)
    found = {}
    for content_type_id, ids in by_type.items():
        model = pages_model(content_type_id)
        queryset = model.objects.filter(pk__in=ids)
        related = getattr(model, "listing_select_related", ())
        if related:
            queryset = queryset.select_related(*related)
        if hasattr(queryset, "defer_streamfields"):
            queryset = queryset.defer_streamfields()
        loaded = list(queryset)
        prefetch = getattr(model, "place_prefetch_related", ())
        if prefetch:
            prefetch_related_objects(loaded, *prefetch)
        found.update({page.pk: page for page in loaded})
    return [found.get(page.pk, page) for page in pages]


def make_hit(page, request, terms, promoted=False, partial=False) -> Hit:
    is_article = kinds.of_article(page) is not None
    date = (page.card_date or page.first_published_at) if is_article else None
    return Hit(
        page=page,
        url=page.get_url(request) or "",
        title_html=highlight(page.title, terms),
        snippet_html=highlight(snippet_source(page), terms, limit=260),
        type_label=type_label(page),
        kicker=page.kicker if is_article else "",
        place=page.place_name if is_article else "",
        date=date,
        promoted=promoted,
        partial=partial,
    )

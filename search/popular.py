"""Popular searches of the last weeks, for the empty state, written with their marks."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from search.folding import query_terms
from search.highlight import restore_marks
from search.params import MAX_TERMS
from search.queries import searchable_pages
from search.results import snippet_source

POPULAR_COUNT = 8
POPULAR_DAYS = 30
POPULAR_CACHE_SECONDS = 600

# Shown in the empty state until readers have searched enough for a popular list of their own.
STARTER_SEARCHES = (
    "người tốt việc tốt",
    "camera an ninh",
    "trả lại tài sản",
    "chữa cháy",
    "nhà trọ tự quản",
    "diễn đàn đối thoại",
)


def popular_searches(request) -> list[dict]:
    """Popular searches of the last weeks, written with their marks where the content has them."""
    site = Site.find_for_request(request) if request is not None else None
    key = f"site_search:popular:{site.pk if site else 0}"
    popular = cache.get(key)
    if popular is None:
        popular = _popular_searches(request)
        cache.set(key, popular, POPULAR_CACHE_SECONDS)
    return popular


def _popular_searches(request) -> list[dict]:
    since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
    seen, items = set(), []
    try:
        logged = [q.query_string for q in Query.get_most_popular(date_since=since)[: POPULAR_COUNT * 2]]
    except DatabaseError:
        logged = []
    backend = get_search_backend()
    pages = searchable_pages(request)
    for folded in logged:
        terms = query_terms(folded, MAX_TERMS)
        key = " ".join(terms)
        if not terms or key in seen:
            continue
        top = list(backend.search(key, pages, operator="and")[:1])
        if not top:
            continue  # nothing to find any more: not worth suggesting
        page = top[0].specific
        label = restore_marks(key, page.title) or restore_marks(key, snippet_source(page)) or key
        seen.add(key)
        items.append({"label": label, "query": label})
        if len(items) >= POPULAR_COUNT:
            return items
    for label in STARTER_SEARCHES:
        key = " ".join(query_terms(label, MAX_TERMS))
        if key not in seen:
            seen.add(key)
            items.append({"label": label, "query": label})
        if len(items) >= POPULAR_COUNT:
            break
    return items

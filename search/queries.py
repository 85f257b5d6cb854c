"""Searching: which pages a reader may find, the filters, editors' promotions, the query itself,
and suggestions for the search box. Failures of our own (a bug, a broken database) are logged
and answered politely; the reader's input never makes a search fail."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FieldError, FilterError
from wagtail.search.query import Or, Phrase, PlainText

from search.folding import query_terms
from search.highlight import highlight
from search.params import MAX_TERMS, SearchParams, clean_text
from search.results import Hit, PromotedLink, make_hit, specific_pages, type_label

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
SUGGESTION_COUNT = 6

# What a failed search raises when it is our bug or a broken database, never the reader's input.
SEARCH_ERRORS = (DatabaseError, FieldError, FilterError)


def searchable_pages(request):
    """Every page a reader may find: live, public, not past its expiry, on this site.

    The rule of `home.models.visible`, written for search backends: they filter only on
    indexed fields, and `expire_at` is not one, so expired pages are excluded by id (a lookup
    on the partial expiry index of `home.0006`).
    """
    site = Site.find_for_request(request) if request is not None else None
    pages = Page.objects.live().public()
    pages = pages.descendant_of(site.root_page, inclusive=True) if site else pages.filter(depth__gt=1)
    expired = list(
        Page.objects.live()
        .filter(expire_at__isnull=False, expire_at__lte=timezone.now())
        .values_list("pk", flat=True)
    )
    if expired:
        pages = pages.exclude(pk__in=expired)
    return pages


def _kind_ids(kind, params: SearchParams):
    """The pages of one kind in the reader's slice (the kind's own `narrow` rule) and dates."""
    pages = kind.narrow(
        kind.model.objects.all(),
        province=params.province,
        commune=params.commune,
        topic=params.topic,
        model_type=params.model_type,
        year=params.year,
    )
    if params.date_from:
        pages = pages.filter(**{f"{kind.date_lookup}__gte": params.date_from})
    if params.date_to:
        pages = pages.filter(**{f"{kind.date_lookup}__lte": params.date_to})
    return pages.order_by().values("pk")


def filtered_pages(request, params: SearchParams):
    pages = searchable_pages(request)
    if params.kind is not None:
        pages = pages.type(params.kind.model)
    if params.has_slice_filters:
        searched = params.searched_kinds()
        if not searched:
            return pages.none()
        pages = pages.filter(reduce(or_, (Q(pk__in=_kind_ids(kind, params)) for kind in searched)))
    return pages


def promotions(request, params: SearchParams, pages) -> list:
    """Editors' picks for this query (Wagtail search promotions), matched without marks."""
    if not params.terms:
        return []
    matching = [
        pk
        for pk, query_string in SearchPromotion.objects.values_list("pk", "query__query_string")
        if query_terms(query_string, MAX_TERMS) == params.terms
    ]
    if not matching:
        return []
    picks = SearchPromotion.objects.filter(pk__in=matching).order_by("sort_order", "pk")
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    allowed = {page.pk: page for page in specific_pages(list(pages.filter(pk__in=page_ids)))}
    hits = []
    for pick in picks:
        if pick.page_id:
            if pick.page_id in allowed:
                hit = make_hit(allowed[pick.page_id], request, params.terms, promoted=True)
                if pick.description:
                    hit.snippet_html = highlight(pick.description, params.terms)
                hits.append(hit)
        elif pick.external_link_url and not params.has_filters:
            hits.append(
                PromotedLink(
                    url=pick.external_link_url,
                    title_html=highlight(pick.external_link_text or pick.external_link_url, params.terms),
                    snippet_html=highlight(pick.description or "", params.terms),
                )
            )
    return hits


def run_search(pages, params: SearchParams, operator: str = "and"):
    """Search `pages` for the folded words: all of them (or any, with operator="or").

    By relevance, pages where the words stand together as typed rank first: the query is "the
    exact phrase, or all the words", which finds the same pages as "all the words".
    """
    backend = get_search_backend()
    text = params.folded_query
    if params.order == "moi-nhat":
        return backend.search(
            text, pages.order_by("-first_published_at"), operator=operator, order_by_relevance=False
        )
    query = PlainText(text, operator=operator)
    if operator == "and" and len(params.terms) > 1:
        query = Or([Phrase(text), query])
    return backend.search(query, pages)


def log_query(params: SearchParams):
    """Count this query (folded) for the popular-searches list. Never fails the request."""
    try:
        with transaction.atomic():
            Query.get(params.folded_query).add_hit()
    except DatabaseError:
        logger.warning("Could not log search query %r", params.folded_query, exc_info=True)


@dataclass
class Outcome:
    page_obj: object = None
    hits: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    total: int = 0
    any_word: bool = False  # results contain some, not all, of the words
    failed: bool = False


def search(request, params: SearchParams) -> Outcome:
    outcome = Outcome()
    if not params.terms:
        return outcome
    try:
        pages = filtered_pages(request, params)
        # Promoted results come first, on the first page, and are not repeated further down.
        promoted = promotions(request, params, pages)
        promoted_ids = [hit.page.pk for hit in promoted if isinstance(hit, Hit)]
        if promoted_ids:
            pages = pages.exclude(pk__in=promoted_ids)
        results = run_search(pages, params)
        outcome.total = results.count()
        if outcome.total == 0 and len(params.terms) > 1:
            results = run_search(pages, params, operator="or")
            outcome.total = results.count()
            outcome.any_word = outcome.total > 0
        outcome.page_obj = Paginator(results, PAGE_SIZE).get_page(params.page_number)
        outcome.hits = [
            make_hit(page, request, params.terms) for page in specific_pages(list(outcome.page_obj))
        ]
        first_page = outcome.page_obj.number == 1
        outcome.promoted = promoted if first_page else []
        outcome.total += len(promoted)
    except SEARCH_ERRORS:
        # A bug or a broken database, never the reader's fault: log it, answer politely.
        logger.exception("Search failed for %r", params.query)
        return Outcome(failed=True)
    if first_page and outcome.total and not outcome.any_word:
        log_query(params)
    return outcome


def suggestions(request, raw_query: str) -> list[dict]:
    """The best few page titles for a partial query, for the search box."""
    terms = query_terms(clean_text(raw_query), MAX_TERMS)
    if not terms:
        return []
    pages = searchable_pages(request)
    results = get_search_backend().autocomplete(" ".join(terms), pages, operator="and")
    found = specific_pages(list(results[:SUGGESTION_COUNT]))
    return [
        {"title": page.title, "url": page.get_url(request) or "", "type": type_label(page)} for page in found
    ]

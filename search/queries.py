"""Searching: which pages a reader may find, the filters, editors' promotions and the query
itself (the search box's suggestions are in search/suggestions.py). Failures of our own (a bug, a broken database) are logged
and answered politely; the reader's input never makes a search fail."""

from __future__ import annotations

import dataclasses
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FieldError, FilterError
from wagtail.search.query import And, Or, Phrase, PlainText

from home import kinds
from home.content_version import cached
from home.listing import CappedPaginator
from home.models import private_sections
from search import synonyms
from search.folding import query_terms
from search.highlight import highlight
from search.params import MAX_TERMS, SearchParams
from search.results import Hit, PromotedLink, make_hit, specific_pages

logger = logging.getLogger(__name__)

PAGE_SIZE = 10
# A search lists at most this many results (20 pages), the best of the newest matches on
# PostgreSQL (search.backends.postgres.RANK_CANDIDATES); more words or a filter narrow it.
MAX_RESULTS = 200
# Pages with most, not all, of the words are listed after those with all of them when these
# do not fill the first page of results, at most PARTIAL_LIMIT of them.
PARTIAL_WHEN_FEWER_THAN = PAGE_SIZE
PARTIAL_LIMIT = 50

# What a failed search raises when it is our bug or a broken database, never the reader's input.
SEARCH_ERRORS = (DatabaseError, FieldError, FilterError)


def searchable_pages(request):
    """Every page a reader may find: live, public, not past its expiry, on this site.

    The rule of `home.models.visible`, written for search backends: they filter only on
    indexed fields, and `expire_at` is not one, so expired pages are excluded by id (a lookup
    on the partial expiry index of `home.0006`).

    Both the view restrictions and the expired pages are kept under the content version, which
    counts restrictions and the latest expiry already passed (`home.content_version`).
    """
    site = Site.find_for_request(request) if request is not None else None
    pages = Page.objects.live().exclude(private_sections(request))
    pages = pages.descendant_of(site.root_page, inclusive=True) if site else pages.filter(depth__gt=1)

    def read_expired():
        now = timezone.now()
        return list(
            Page.objects.live()
            .filter(expire_at__isnull=False, expire_at__lte=now)
            .values_list("pk", flat=True)
        )

    expired = read_expired() if request is None else cached("search:expired", read_expired, request)
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


def filtered_pages(request, params: SearchParams, pages=None):
    pages = searchable_pages(request) if pages is None else pages
    if params.kind is not None:
        pages = pages.type(params.kind.model)
    if params.has_slice_filters:
        searched = params.searched_kinds()
        if not searched:
            return pages.none()
        # One list of ids (a UNION): "in this kind's slice OR in that one" made PostgreSQL test
        # every page against each kind's list in turn (0.16 s for one province at 330,000 stories).
        first, *others = (_kind_ids(kind, params) for kind in searched)
        pages = pages.filter(pk__in=first.union(*others, all=True) if others else first)
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


def group_query(group):
    """One word of the query with its synonyms: any of them ("pccc" or "phòng cháy chữa cháy")."""
    parts = [PlainText(phrase[0]) if len(phrase) == 1 else Phrase(" ".join(phrase)) for phrase in group]
    return parts[0] if len(parts) == 1 else Or(parts)


def all_words_query(params: SearchParams, groups):
    """Every word (each with its synonyms); pages where the words stand together as typed rank
    first: "the exact phrase, or all the words" finds the same pages as "all the words"."""
    parts = [group_query(group) for group in groups]
    query = parts[0] if len(parts) == 1 else And(parts)
    if len(params.terms) > 1:
        query = Or([Phrase(params.folded_query), query])
    return query


def any_word_query(groups):
    parts = [group_query(group) for group in groups]
    return parts[0] if len(parts) == 1 else Or(parts)


def run_search(pages, params: SearchParams, groups=None, operator: str = "and"):
    """Search `pages` for the reader's words: all of them (or any, with operator="or"), each
    with its synonyms; by relevance, or newest first."""
    backend = get_search_backend()
    groups = groups if groups is not None else synonyms.expand(params.terms)
    query = all_words_query(params, groups) if operator == "and" else any_word_query(groups)
    if params.order == "moi-nhat":
        return backend.search(query, pages.order_by("-first_published_at"), order_by_relevance=False)
    return backend.search(query, pages)


def most_words_needed(groups) -> int:
    """How many of the query's words a page needs to be listed after those with all of them:
    more than half (so none for one or two words)."""
    return len(groups) // 2 + 1


def partial_matches(request, pages, groups, need: int, limit: int = PARTIAL_LIMIT) -> list:
    """Pages with at least `need` of the words but not all of them, those with more words first,
    then by relevance.

    A page with `need` of the N words has one of any N - need + 1 of them, so the candidates are
    the best `limit` pages with any of the rarest N - need + 1 words (rare words have short lists
    in the index: a query of common words does not rank the whole site), counted word by word."""
    from search import spelling

    vocab = spelling.vocabulary(request, searchable_pages(request))

    def pages_with(group) -> int:
        return sum(min(vocab.get(word, 0) for word in phrase) for phrase in group)

    rarest = sorted(groups, key=pages_with)[: len(groups) - need + 1]
    backend = get_search_backend()
    # With their type: the results page loads each shown one as its own class by it.
    candidates = list(backend.search(any_word_query(rarest), pages.only("pk", "content_type_id"))[:limit])
    if not candidates:
        return []
    among = Page.objects.filter(pk__in=[page.pk for page in candidates]).only("pk")
    found = [
        {page.pk for page in backend.search(group_query(group), among, order_by_relevance=False)}
        for group in groups
    ]
    words = {page.pk: sum(page.pk in ids for ids in found) for page in candidates}
    kept = [page for page in candidates if need <= words[page.pk] < len(groups)]
    return sorted(kept, key=lambda page: -words[page.pk])  # stable: relevance within a count


class Concatenated:
    """Results in a row, for the paginator: the pages with every word (a lazy search result),
    then those with most of them (a list)."""

    def __init__(self, *parts):
        self.parts = parts
        self._counts = None

    def counts(self) -> list[int]:
        if self._counts is None:
            self._counts = [
                part.count() if hasattr(part, "count") and not isinstance(part, list) else len(part)
                for part in self.parts
            ]
        return self._counts

    def count(self) -> int:
        return sum(self.counts())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        items, offset = [], 0
        for part, size in zip(self.parts, self.counts(), strict=True):
            low, high = max(start - offset, 0), min(stop - offset, size)
            if low < high:
                items.extend(part[low:high])
            offset += size
        return items


def log_query(params: SearchParams):
    """Count this query (folded) for the popular-searches list. Never fails the request."""
    try:
        with transaction.atomic():
            Query.get(params.folded_query).add_hit()
    except DatabaseError:
        logger.warning("Could not log search query %r", params.folded_query, exc_info=True)


@dataclass
class Correction:
    """A spelling the index knows better: "camra" -> "camera"."""

    query: str  # the corrected words, folded ("camera an ninh")
    words: list[tuple[str, bool]]  # (words, changed) in order, to show the changed ones in bold
    total: int  # what the corrected search finds


@dataclass
class Outcome:
    page_obj: object = None
    hits: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    total: int = 0
    capped: bool = False  # more results than `total`, which is all a reader can page through
    full_total: int = 0  # results with every word (the others have most of them)
    any_word: bool = False  # no page has every word: results contain some of them
    correction: Correction | None = None
    kind_named: object = None  # the content kind the words named, searched as its filter
    kind_section_url: str = ""  # that kind's main section
    total_without_filters: int = 0  # when filters left nothing: what the words find without them
    failed: bool = False

    @property
    def full_hits(self) -> list:
        return [hit for hit in self.hits if not hit.partial]

    @property
    def partial_hits(self) -> list:
        return [hit for hit in self.hits if hit.partial]

    @property
    def partial_start(self) -> int:
        """The number of the first result with most, not all, of the words on this page."""
        return self.page_obj.start_index() + len(self.full_hits) if self.page_obj else 1


def _results(request, pages, params: SearchParams, groups, outcome: Outcome):
    """The ranked results: every word first, then most of the words (see `partial_matches`);
    when no page has every word, the pages with any of them."""
    results = run_search(pages, params, groups)
    outcome.full_total = results.count()
    if outcome.full_total == 0 and len(groups) > 1:
        outcome.any_word = True
        if params.order == "moi-nhat" or len(groups) < 3:
            return run_search(pages, params, groups, operator="or")
        # Those with two words or more first (sorted by how many), then any of them.
        head = partial_matches(request, pages, groups, need=2)
        rest = run_search(pages.exclude(pk__in=[page.pk for page in head]), params, groups, operator="or")
        return Concatenated(head, rest)
    need = most_words_needed(groups)
    if params.order != "moi-nhat" and need < len(groups) and outcome.full_total < PARTIAL_WHEN_FEWER_THAN:
        tail = partial_matches(request, pages, groups, need)
        if tail:
            return Concatenated(results, tail)
    return results


def kind_named(terms: list[str]):
    """The content kind the words name ("nguoi tot viec tot", "dien dan", "mo hinh"), as the
    longest run of them, and the other words; (None, terms) when none is named."""
    best, best_span = None, None
    for kind in kinds.all_kinds():
        for name in kind.names_searched:
            words = query_terms(name, MAX_TERMS)
            size = len(words)
            for start in range(len(terms) - size + 1):
                if (
                    size
                    and terms[start : start + size] == words
                    and (best_span is None or size > best_span[1] - best_span[0])
                ):
                    best, best_span = kind, (start, start + size)
    if best is None:
        return None, terms
    return best, terms[: best_span[0]] + terms[best_span[1] :]


def read_kind_from_words(params: SearchParams):
    """The request with the kind the words name read as the kind filter: "dien dan hai chau"
    searches "hai chau" among forums. The slogan alone lists the stories. Not when another
    kind is chosen in the filter."""
    kind, rest = kind_named(params.terms)
    if kind is None or (params.kind is not None and params.kind != kind):
        return params, None
    return dataclasses.replace(params, kind=kind, terms=rest), kind


@contextmanager
def custom_plans():
    """On PostgreSQL, plan every statement of the block for its own values.

    The site's statements are prepared on the server (config.environment), and after five runs
    PostgreSQL may keep one generic plan for a statement whatever its values. That suits a feed's
    rows; it does not suit a search, whose cost depends on the words: the same statement is a
    few index lookups for a rare word and a walk through half the index for a common one. A
    generic plan made "cuu nguoi duoi nuoc" read each candidate's words in 16-29 ms instead of
    1 ms at 300,000 stories. `SET LOCAL` ends with the block's transaction; the block only reads."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        yield


def search(request, params: SearchParams, log: bool = True, spelling: bool = True) -> Outcome:
    outcome = Outcome()
    if not params.terms:
        return outcome
    try:
        with custom_plans():
            _search(request, params, outcome, spelling)
    except SEARCH_ERRORS:
        # A bug or a broken database, never the reader's fault: log it, answer politely.
        logger.exception("Search failed for %r", params.query)
        return Outcome(failed=True)
    first_page = outcome.page_obj is not None and outcome.page_obj.number == 1
    if log and first_page and outcome.total and not outcome.any_word:
        log_query(params)
    return outcome


def _search(request, typed: SearchParams, outcome: Outcome, spelling: bool) -> None:
    """Fill `outcome` for the reader's words (`typed`, as the search box sent them)."""
    all_pages = searchable_pages(request)
    # Promoted results come first, on the first page, and are not repeated further down.
    promoted = promotions(request, typed, filtered_pages(request, typed, all_pages))
    params, outcome.kind_named = read_kind_from_words(typed)
    if outcome.kind_named is not None:
        section = all_pages.type(outcome.kind_named.index_model).order_by("depth", "path").first()
        outcome.kind_section_url = section.get_url(request) if section else ""
    pages = filtered_pages(request, params, all_pages)
    groups = synonyms.expand(params.terms)
    words = synonyms.words_of(groups) or typed.terms
    promoted_ids = [hit.page.pk for hit in promoted if isinstance(hit, Hit)]
    if promoted_ids:
        pages = pages.exclude(pk__in=promoted_ids)
    if groups:
        results = _results(request, pages, params, groups, outcome)
    else:  # the words name a kind and nothing more: its pages, newest first
        results = pages.order_by("-first_published_at", "-pk")
    # Counted up to what a reader can page through (home.listing.CappedPaginator).
    paginator = CappedPaginator(results, PAGE_SIZE, max_pages=MAX_RESULTS // PAGE_SIZE)
    outcome.total, outcome.capped = paginator.count, paginator.capped
    if not groups:
        outcome.full_total = outcome.total
    outcome.page_obj = paginator.get_page(params.page_number)
    shown = list(outcome.page_obj)
    first_shown = outcome.page_obj.start_index() - 1 if shown else 0
    outcome.hits = [
        make_hit(page, request, words, partial=first_shown + index >= outcome.full_total > 0)
        for index, page in enumerate(specific_pages(shown))
    ]
    first_page = outcome.page_obj.number == 1
    outcome.promoted = promoted if first_page else []
    outcome.total += len(promoted)
    if spelling and groups and outcome.full_total == 0:
        outcome.correction = spelling_correction(request, all_pages, typed)
    if outcome.total == 0 and typed.has_filters and groups:
        outcome.total_without_filters = run_search(all_pages, params, groups).count()


def spelling_correction(request, pages, typed: SearchParams) -> Correction | None:
    """A corrected spelling of the query when some word of it is not in the index but a close
    one is, and the corrected words find something (with the same filters)."""
    from search import spelling

    words = spelling.correct(synonyms.expand(typed.terms), spelling.vocabulary(request, pages))
    if not words:
        return None
    query = " ".join(text for text, _changed in words)
    corrected, _kind = read_kind_from_words(
        dataclasses.replace(typed, query=query, terms=query_terms(query, MAX_TERMS))
    )
    corrected_pages = filtered_pages(request, corrected, pages)
    total = run_search(corrected_pages, corrected).count() if corrected.terms else corrected_pages.count()
    return Correction(query=query, words=words, total=total) if total else None

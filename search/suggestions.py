"""What the search box offers under a partial query: the words it completes to and the top of
the results page for them (`search.queries.search`), so no suggestion is a page that page would
not list."""

from __future__ import annotations

import hashlib
import html
import re

from wagtail.search.backends import get_search_backend

from home import content_version
from search.folding import query_terms
from search.params import MAX_TERMS, SearchParams, clean_text
from search.queries import search, searchable_pages

SUGGESTION_COUNT = 6


def completed_words(request, raw_query: str, terms: list[str]) -> list[str]:
    """The words of a partial query with its last word completed as the reader is probably
    typing it: the word starting so in the titles the search box would offer ("nha tr" ->
    "nha tro"), else the commonest such word of the index. A query ending with a space, or
    whose last word is complete in those titles, is left alone."""
    if raw_query.endswith(" "):
        return terms
    last = terms[-1]
    pages = searchable_pages(request)
    titles = get_search_backend().autocomplete(" ".join(terms), pages.only("pk", "title"), operator="and")
    counts: dict[str, int] = {}
    for page in titles[:SUGGESTION_COUNT]:
        for word in query_terms(page.title, 64):
            if word.startswith(last):
                counts[word] = counts.get(word, 0) + 1
    if not counts:
        from search import spelling

        vocab = spelling.vocabulary(request, pages)
        counts = {word: count for word, count in vocab.items() if word.startswith(last)}
    if not counts or last in counts:
        return terms
    return [*terms[:-1], max(counts, key=lambda word: (counts[word], -len(word)))]


def suggestions(request, raw_query: str) -> dict:
    """What the search box offers under a partial query: the query it completes to and the top
    of the results page for it, so no suggestion is a page that page would not list.

    The same for every reader (only public pages are suggested), so kept in the cache under the
    content version: the next reader typing the same letters gets them without a search."""
    terms = query_terms(clean_text(raw_query), MAX_TERMS)
    if not terms:
        return {"query": "", "results": []}
    typed = " ".join(terms) + (" " if raw_query.endswith(" ") else "")
    key = "search:suggest:" + hashlib.sha256(typed.encode()).hexdigest()[:32]
    return content_version.cached(key, lambda: _suggestions(request, raw_query, terms), request, timeout=600)


def _suggestions(request, raw_query: str, terms: list[str]) -> dict:
    words = completed_words(request, raw_query, terms)
    params = SearchParams.from_querydict({"q": " ".join(words)}, request)
    outcome = search(request, params, log=False, spelling=False)
    results = []
    for hit in [*outcome.promoted, *outcome.hits][:SUGGESTION_COUNT]:
        results.append(
            {
                "title": plain_title(hit.title_html),
                "title_parts": title_parts(hit.title_html),
                "url": hit.url,
                "type": hit.type_label,
            }
        )
    return {"query": " ".join(words), "results": results}


def title_parts(title_html) -> list[list]:
    """A highlighted title as [[text, marked], …], for the search box script to build without
    parsing HTML."""
    parts = []
    for index, piece in enumerate(re.split(r"</?mark>", str(title_html))):
        if piece:
            parts.append([html.unescape(piece), index % 2 == 1])
    return parts


def plain_title(title_html) -> str:
    return "".join(text for text, _marked in title_parts(title_html))

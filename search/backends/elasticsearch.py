"""Wagtail's Elasticsearch 8 backend, folding Vietnamese, with the database as a safety net.

Used as `"BACKEND": "search.backends.elasticsearch"` when ELASTICSEARCH_URL is set.

Folding happens twice, on purpose. Documents and queries are folded in Python with the same
function as the database backend (search.folding), so both engines compare the same words; and
the index settings fold again (lower case, ASCII folding, đ -> d) in every analyzer, at index and
at query time, so text that reaches Elasticsearch some other way still matches. Wagtail's stock
settings fold only in autocomplete, and search autocomplete with the unfolding `standard`
analyzer.

If Elasticsearch cannot be reached, searches are answered by the backend named in FALLBACK
(the database backend, kept up to date alongside Elasticsearch; see config/settings.py) and
Elasticsearch is left alone for RETRY_AFTER seconds. Indexing errors are logged, never raised,
so editors can publish during an outage; `manage.py reindex_search` catches up afterwards.
"""

import logging
import threading
import time
from copy import deepcopy

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearchbase import ElasticsearchAutocompleteQueryCompilerImpl
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
    Elasticsearch8SearchResults,
)
from wagtail.search.index import AutocompleteField, SearchField

from search.backends import FoldingQueryMixin, fold_value

logger = logging.getLogger(__name__)

# Errors that mean "Elasticsearch is not answering properly", as opposed to a bug in a query.
OUTAGE_ERRORS = (TransportError, ApiError)

FOLDING_FILTERS = ["lowercase", "asciifolding"]
BARRED_D = "vietnamese_barred_d"

# Merged over Wagtail's own index settings.
ANALYSIS = {
    "char_filter": {
        # asciifolding maps đ to d already; the explicit rule keeps that true for "Ð"/"ð" too
        # and documents the intent next to the rule in search.folding.
        BARRED_D: {"type": "mapping", "mappings": ["đ => d", "Đ => d", "ð => d", "Ð => d"]},
    },
    "analyzer": {
        # "default" applies to every text field without an analyzer of its own, at index and at
        # search time. No stemmer and no stop words: Vietnamese syllables such as "an", "do" or
        # "the" are words here.
        "default": {
            "type": "custom",
            "char_filter": [BARRED_D],
            "tokenizer": "standard",
            "filter": FOLDING_FILTERS,
        },
        "vietnamese_folded": {
            "type": "custom",
            "char_filter": [BARRED_D],
            "tokenizer": "standard",
            "filter": FOLDING_FILTERS,
        },
        "ngram_analyzer": {
            "type": "custom",
            "char_filter": [BARRED_D],
            "tokenizer": "standard",
            "filter": [*FOLDING_FILTERS, "ngram"],
        },
        "edgengram_analyzer": {
            "type": "custom",
            "char_filter": [BARRED_D],
            "tokenizer": "standard",
            "filter": [*FOLDING_FILTERS, "edgengram"],
        },
    },
}


SYNONYMS = "vietnamese_synonyms"


def synonym_lines() -> list[str]:
    """The synonym list in Elasticsearch's Solr format, folded: "pccc, phong chay chua chay"."""
    from search.synonyms import synonym_sets

    return [
        ", ".join(" ".join(phrase) for phrase in phrases) for phrases in synonym_sets() if len(phrases) > 1
    ]


def with_synonyms(settings: dict, lines: list[str]) -> dict:
    """`settings` plus a search-time analyzer that applies the synonyms (none if the list is empty)."""
    settings = deepcopy(settings)
    if not lines:
        return settings
    analysis = settings["settings"]["analysis"]
    analysis.setdefault("filter", {})[SYNONYMS] = {
        "type": "synonym_graph",
        "synonyms": lines,
        "lenient": True,
    }
    analysis["analyzer"]["default_search"] = {
        "type": "custom",
        "char_filter": [BARRED_D],
        "tokenizer": "standard",
        "filter": [*FOLDING_FILTERS, SYNONYMS],
    }
    return settings


class FoldingMapping(Elasticsearch8Mapping):
    # Autocomplete fields are searched with the folding analyzer, not Wagtail's `standard`.
    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "vietnamese_folded"}

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, (SearchField, AutocompleteField)):
            value = fold_value(value)
            edgengrams = fold_value(edgengrams)
        return name, value, edgengrams


class FoldingSearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = FoldingMapping


class FoldingAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = FoldingMapping


class CircuitBreaker:
    """Remembers, for this process, that Elasticsearch failed, so later requests skip it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self, seconds: float, error: Exception):
        with self._lock:
            already_open = self.is_open()
            self._open_until = time.monotonic() + seconds
        if not already_open:
            logger.warning(
                "Elasticsearch unreachable (%s: %s); searching the database for %ss. "
                "Run `manage.py reindex_search` once it is back.",
                type(error).__name__,
                error,
                seconds,
            )

    def reset(self):
        with self._lock:
            self._open_until = 0.0


breaker = CircuitBreaker()


class FallbackSearchResults(Elasticsearch8SearchResults):
    """Results from Elasticsearch, or from the fallback backend when Elasticsearch is down."""

    def _fallback_results(self):
        compiler = self.query_compiler
        backend = self.backend.get_fallback_backend()
        method = (
            backend.autocomplete
            if isinstance(compiler, ElasticsearchAutocompleteQueryCompilerImpl)
            else backend.search
        )
        results = method(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        results = results[self.start : self.stop]
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results

    def _with_fallback(self, from_elasticsearch, from_database):
        if breaker.is_open():
            return from_database(self._fallback_results())
        try:
            return from_elasticsearch()
        except OUTAGE_ERRORS as error:
            breaker.trip(self.backend.retry_after, error)
            return from_database(self._fallback_results())

    def _do_search(self):
        return self._with_fallback(lambda: list(super(FallbackSearchResults, self)._do_search()), list)

    def _do_count(self):
        return self._with_fallback(lambda: super(FallbackSearchResults, self)._do_count(), _count)

    def facet(self, field_name):
        return self._with_fallback(
            lambda: super(FallbackSearchResults, self).facet(field_name),
            lambda results: results.facet(field_name),
        )


def _count(results):
    return results.count()


class FoldingElasticsearchBackend(FoldingQueryMixin, Elasticsearch8SearchBackend):
    mapping_class = FoldingMapping
    query_compiler_class = FoldingSearchQueryCompiler
    autocomplete_query_compiler_class = FoldingAutocompleteQueryCompiler
    results_class = FallbackSearchResults

    _settings = deepcopy(Elasticsearch8SearchBackend.settings)
    _settings["settings"]["analysis"]["char_filter"] = deepcopy(ANALYSIS["char_filter"])
    _settings["settings"]["analysis"]["analyzer"].update(deepcopy(ANALYSIS["analyzer"]))

    # The index settings carry the editors' synonym list (search.synonyms) as a search-time
    # synonym filter, read when an index is created (`update_index`): queries from anywhere
    # (the admin's search too) then match "pccc" and "phòng cháy chữa cháy" alike. The search
    # page expands the same list itself, so it does not wait for a reindex.

    @property
    def settings(self):
        return with_synonyms(self._settings, synonym_lines())

    @settings.setter
    def settings(self, value):
        self._settings = value

    def __init__(self, params):
        params = dict(params)
        self.fallback_name = params.pop("FALLBACK", None)
        self.retry_after = float(params.pop("RETRY_AFTER", 30))
        # Fail over quickly: one retry, not three, before the database answers instead.
        params["OPTIONS"] = {"max_retries": 1, **params.get("OPTIONS", {})}
        super().__init__(params)

    def get_fallback_backend(self):
        if self.fallback_name:
            return get_search_backend(self.fallback_name)
        from search.backends.database import SearchBackend as DatabaseBackend

        return DatabaseBackend({})

    # Indexing: during an outage, publishing must go on. Errors are logged (once per outage),
    # never raised, and Elasticsearch is not retried until the breaker closes.

    def _index_safely(self, action, *args):
        if breaker.is_open():
            return
        try:
            action(*args)
        except OUTAGE_ERRORS as error:
            breaker.trip(self.retry_after, error)

    def add(self, obj):
        self._index_safely(super().add, obj)

    def add_bulk(self, model, obj_list):
        self._index_safely(super().add_bulk, model, obj_list)

    def delete(self, obj):
        self._index_safely(super().delete, obj)


SearchBackend = FoldingElasticsearchBackend

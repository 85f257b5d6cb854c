"""Search backends that fold Vietnamese the same way at index time and at query time.

Content apps only declare `search_fields`; the backends configured in config/settings.py
(`search.backends.database` by default, `search.backends.elasticsearch` when ELASTICSEARCH_URL
is set) fold every indexed text with search.folding and fold every query before it reaches the
engine, so "nguoi tot viec tot" and "Người tốt, việc tốt" are the same search everywhere,
including in the Wagtail admin.
"""

from modelsearch.utils import get_content_type_pk
from wagtail.search.backends.base import EmptySearchResults
from wagtail.search.query import MATCH_ALL, And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from search.folding import fold_for_index, query_terms

# More words than this in one query are ignored: a search for 500 words is not a search, and
# SQLite's FTS5 rejects expressions that deep. The search page asks for fewer (see search.params.MAX_TERMS).
MAX_QUERY_TERMS = 32


def fold_value(value):
    """Fold a value about to be indexed: strings and (nested) lists of strings; others unchanged."""
    if isinstance(value, str):
        return fold_for_index(value)
    if isinstance(value, (list, tuple)):
        return [fold_value(item) for item in value]
    return value


def fold_query(query):
    """The query with every text in it folded, or None when nothing searchable is left.

    Accepts what Wagtail's `search()` accepts: a string or a tree of query objects.
    """
    if query is None or isinstance(query, MatchAll):
        return query
    if isinstance(query, str):
        return " ".join(query_terms(query, MAX_QUERY_TERMS)) or None
    if isinstance(query, PlainText):
        text = " ".join(query_terms(query.query_string, MAX_QUERY_TERMS))
        return PlainText(text, operator=query.operator, boost=query.boost) if text else None
    if isinstance(query, Phrase):
        text = " ".join(query_terms(query.query_string, MAX_QUERY_TERMS))
        return Phrase(text) if text else None
    if isinstance(query, Fuzzy):
        text = " ".join(query_terms(query.query_string, MAX_QUERY_TERMS))
        return Fuzzy(text, operator=query.operator, unaccent=query.unaccent) if text else None
    if isinstance(query, Boost):
        inner = fold_query(query.subquery)
        return Boost(inner, query.boost) if inner is not None else None
    if isinstance(query, Not):
        inner = fold_query(query.subquery)
        return Not(inner) if inner is not None else None
    if isinstance(query, (And, Or)):
        parts = [part for part in map(fold_query, query.subqueries) if part is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else type(query)(parts)
    return query


class FoldingQueryMixin:
    """Fold the query of every `search()` and `autocomplete()` call of a backend."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if query is None:
            query = MATCH_ALL  # what Wagtail does with a None query, minus its warning
        folded = fold_query(query)
        if folded is None:
            return EmptySearchResults()
        return super()._search(query_compiler_class, folded, model_or_queryset, **kwargs)


class FoldingIndexerMixin:
    """An object indexer (modelsearch's, per database) that stores every value folded."""

    def prepare_value(self, value):
        return fold_value(super().prepare_value(value))

    def prepare_field(self, obj, field):
        # modelsearch asks for every field five times per object (title, body, autocomplete and
        # their plain texts); reading and folding it once halves the cost of indexing a page.
        # Keyed by the object's identity: the indexer lives only as long as one write.
        memo = self.__dict__.setdefault("_prepared_fields", {})
        key = (id(obj), id(field))
        if key not in memo:
            memo[key] = (obj, list(super().prepare_field(obj, field)))
        return iter(memo[key][1])


class FoldingIndexMixin:
    """What both database indexes do before writing: fold every object through `indexer_class`.

    modelsearch's own `add_items` builds its stock indexer, so each vendor's index overrides it;
    this is the part they share.
    """

    def folded_indexers(self, model, objs) -> tuple[list, int | None]:
        """The indexers of `objs` and the model's content type id, or ([], None) if none."""
        if not model.get_search_fields():
            return [], None
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        return indexers, (get_content_type_pk(model) if indexers else None)

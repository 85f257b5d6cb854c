"""The folding database backend on PostgreSQL; chosen by search.backends.database.

Ranking by relevance: see search.backends.ranked.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce

from django.contrib.postgres.search import SearchVectorField
from django.db.models import ExpressionWrapper, F, IntegerField, Q
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from search.backends import FoldingIndexerMixin, FoldingIndexMixin, FoldingQueryMixin
from search.backends.ranked import RankedCompilerMixin, RankedResultsMixin

# modelsearch recomputes the title norms (the average title length over the whole index) after
# every write, a scan of the table; a bulk load does it once at its end instead.
_title_norms_deferred = ContextVar("title_norms_deferred", default=False)


@contextmanager
def title_norms_deferred():
    """Within this block, writes leave their entries' title norm at 1.0 for a later refresh."""
    token = _title_norms_deferred.set(True)
    try:
        yield
    finally:
        _title_norms_deferred.reset(token)


class FoldingPostgresIndexer(FoldingIndexerMixin, pg.ObjectIndexer):
    def as_vector(self, texts, for_autocomplete=False):
        """The vector as SQL and its parameters, what modelsearch's expressions compile to.

        Built as text because compiling one expression tree per vector per page was a third
        of the time of a bulk load; only `add_items` below reads these.
        """
        config = self.autocomplete_config if for_autocomplete else self.config
        parts, params = [], []
        for text, weight in texts:
            text = text.strip()
            if text:
                parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
                params.extend((config, text, weight))
        return (" || ".join(parts) or "''::tsvector"), params


class FoldingPostgresIndex(FoldingIndexMixin, pg.PostgresIndex):
    indexer_class = FoldingPostgresIndexer

    def add_items(self, model, objs):
        indexers, content_type_pk = self.folded_indexers(model, objs)
        if not indexers:
            return
        rows_sql = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for name in ("title", "autocomplete", "body"):
                sql, value_params = getattr(indexer, name)
                vectors_sql.append(f"({sql})")
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows_sql.append(f"(%s, %s, {vectors_sql[0]}, {vectors_sql[1]}, {vectors_sql[2]}, 1.0, %s, %s)")
        table = pg.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows_sql)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # the table name is ours; every value is a parameter
                params,
            )
        if not _title_norms_deferred.get():
            self._refresh_title_norms()

    def refresh_title_norms(self):
        """Set the title norm of every entry written while they were deferred."""
        self._refresh_title_norms()


class PostgresRankingMixin(RankedCompilerMixin):
    # The index entry's vectors this compiler matches, with their weights in the score. Their
    # concatenation is indexed by search/migrations/0001 (autocomplete has its own GIN index).
    INDEX_VECTORS = (("title", "title_norm"), ("body", 1.0))
    # At most this many matches are scored, the most recently indexed first (the newest pages,
    # and pages just edited). Scoring reads every candidate's vectors: a common word ("da", as
    # in "đã") matches half of 300,000 stories, and scoring them all took over a second. The
    # database takes the newest matches by walking the index entries backwards when a word is
    # common, and from the word's own index when it is rare, so both stay fast; with a narrow
    # filter (one province) it walks further back for as many, so the bound stays small. One
    # more than the results a reader can page through (search.queries.MAX_RESULTS), so the
    # page can say "more than 200 results" and the reader narrows with words or filters.
    RANK_CANDIDATES = 201

    def matching_entries(self, config):
        """The index entries that match the query, of the queryset's models (not yet its rows)."""
        columns = [F(column) for column, _weight in self.INDEX_VECTORS]
        document = reduce(lambda left, right: CombinedExpression(left, "||", right), columns)
        return pg.IndexEntry.objects.annotate(
            _document=ExpressionWrapper(document, output_field=SearchVectorField()),
            _object_pk=Cast("object_id", IntegerField()),
        ).filter(
            _document=self.build_tsquery(self.query, config=config),
            content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )

    # A queryset of at most this many rows (a filter, the candidates of search.queries'
    # partial matches) is read first and looked up in the index entry by entry.
    FEW_ROWS = 1000

    def allowed_entries(self) -> Q:
        """The entries of the queryset's rows. A few rows are listed, so the database finds
        their entries through the (content type, object id) index instead of walking the
        whole index backwards in search of them (0.8 s for 50 pages at 300,000 stories)."""
        few = list(self.queryset.order_by().values_list("pk", flat=True)[: self.FEW_ROWS + 1])
        if len(few) <= self.FEW_ROWS:
            return Q(object_id__in=[str(pk) for pk in few])
        return Q(_object_pk__in=self.queryset.order_by().values("pk"))

    def candidates(self, config):
        """The ids of the RANK_CANDIDATES most recently indexed matching entries of the
        queryset's rows, as a subquery."""
        return (
            self.matching_entries(config)
            .filter(self.allowed_entries())
            .order_by("-id")
            .values("id")[: self.RANK_CANDIDATES]
        )

    def newest_ids(self, config):
        """The same candidates in the queryset's own order (newest first on the search page).
        Wagtail's own path sorted every match: 3.5 s for a common word at 300,000
        stories; the newest of the most recently indexed matches are, but for pages edited
        long after they were published, the newest matches."""
        entries = pg.IndexEntry.objects.filter(id__in=self.candidates(config))
        rows = self.queryset.filter(
            pk__in=entries.annotate(_pk=Cast("object_id", IntegerField())).values("_pk")
        )
        return [
            (str(pk), None, content_type) for pk, content_type in rows.values_list("pk", "content_type_id")
        ]

    def compute_ranked_ids(self, config):
        if self.fields is not None or isinstance(self.query, (MatchAll, Not, Fuzzy)):
            return None
        if not self.order_by_relevance:
            return self.newest_ids(config) if issubclass(self.queryset.model, Page) else None
        vectors = [
            (F(column), F(weight) if isinstance(weight, str) else weight)
            for column, weight in self.INDEX_VECTORS
        ]
        entries = (
            pg.IndexEntry.objects.filter(id__in=self.candidates(config))
            .annotate(score=self._build_rank_expression(vectors, config))
            .order_by("-score", "-id")
        )
        return list(entries.values_list("object_id", "score", "content_type_id"))


class FoldingPostgresSearchQueryCompiler(PostgresRankingMixin, pg.PostgresSearchQueryCompiler):
    pass


class FoldingPostgresAutocompleteQueryCompiler(PostgresRankingMixin, pg.PostgresAutocompleteQueryCompiler):
    INDEX_VECTORS = (("autocomplete", 1.0),)


class FoldingPostgresSearchResults(RankedResultsMixin, pg.PostgresSearchResults):
    pass


class FoldingPostgresSearchBackend(FoldingQueryMixin, pg.PostgresSearchBackend):
    index_class = FoldingPostgresIndex
    query_compiler_class = FoldingPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = FoldingPostgresAutocompleteQueryCompiler
    results_class = FoldingPostgresSearchResults

    def __init__(self, params):
        params = {"SEARCH_CONFIG": "simple", **params}
        super().__init__(params)

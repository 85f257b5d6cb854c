"""The folding database backend on PostgreSQL; chosen by search.backends.database.

Ranking by relevance: see search.backends.ranked.
"""

from functools import reduce

from django.contrib.postgres.search import SearchVectorField
from django.db.models import ExpressionWrapper, F
from django.db.models.expressions import CombinedExpression
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from search.backends import FoldingIndexerMixin, FoldingIndexMixin, FoldingQueryMixin
from search.backends.ranked import RankedCompilerMixin, RankedResultsMixin


class FoldingPostgresIndexer(FoldingIndexerMixin, pg.ObjectIndexer):
    pass


class FoldingPostgresIndex(FoldingIndexMixin, pg.PostgresIndex):
    indexer_class = FoldingPostgresIndexer

    def add_items(self, model, objs):
        indexers, content_type_pk = self.folded_indexers(model, objs)
        if not indexers:
            return
        compiler = InsertQuery(pg.IndexEntry).get_compiler(connection=self.write_connection)
        rows_sql = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(pg.IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
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
        self._refresh_title_norms()


class PostgresRankingMixin(RankedCompilerMixin):
    # The index entry's vectors this compiler matches, with their weights in the score. Their
    # concatenation is indexed by search/migrations/0001 (autocomplete has its own GIN index).
    INDEX_VECTORS = (("title", "title_norm"), ("body", 1.0))

    def compute_ranked_ids(self, config):
        if (
            not self.order_by_relevance
            or self.fields is not None
            or isinstance(self.query, (MatchAll, Not, Fuzzy))
        ):
            return None
        columns = [F(column) for column, _weight in self.INDEX_VECTORS]
        document = reduce(lambda left, right: CombinedExpression(left, "||", right), columns)
        vectors = [
            (F(column), F(weight) if isinstance(weight, str) else weight)
            for column, weight in self.INDEX_VECTORS
        ]
        entries = (
            pg.IndexEntry.objects.annotate(
                _document=ExpressionWrapper(document, output_field=SearchVectorField())
            )
            .filter(
                _document=self.build_tsquery(self.query, config=config),
                content_type__in=get_descendants_content_types_pks(self.queryset.model),
                object_id__in=self.allowed_object_ids(),
            )
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

"""The folding database backend on SQLite (FTS5); chosen by search.backends.database.

Imported only when the database is SQLite: modelsearch's SQLite module needs the FTS model, which
exists only there. Ranking by relevance: see search.backends.ranked.
"""

from django.db.models import FloatField
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from search.backends import FoldingIndexerMixin, FoldingIndexMixin, FoldingQueryMixin
from search.backends.ranked import RankedCompilerMixin, RankedResultsMixin


class FoldingSQLiteIndexer(FoldingIndexerMixin, lite.ObjectIndexer):
    pass


class FoldingSQLiteIndex(FoldingIndexMixin, lite.SQLiteIndex):
    indexer_class = FoldingSQLiteIndexer

    def add_items(self, model, objs):
        indexers, content_type_pk = self.folded_indexers(model, objs)
        if not indexers:
            return
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = frozenset(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            [
                lite.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()


class SQLiteRankingMixin(RankedCompilerMixin):
    # bm25 weights for the FTS5 columns (autocomplete, body, title): a word in the title counts
    # twice, as Page's `SearchField("title", boost=2)` asks. One bm25() call per row; Wagtail's
    # expression calls it once per field and per query part.
    BM25_WEIGHTS = (0.0, 1.0, 2.0)

    def compute_ranked_ids(self, config):
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        table = lite.SQLiteFTSIndexEntry._meta.db_table
        weights = ", ".join(str(weight) for weight in self.BM25_WEIGHTS)
        score = RawSQL(f"bm25({table}, {weights})", [], output_field=FloatField())  # constants only
        entries = (
            lite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=self.allowed_object_ids(),
            )
            .annotate(score=score)
            .order_by("score", "-index_entry_id")  # bm25: lower is better
        )
        return list(entries.values_list("index_entry__object_id", "score", "index_entry__content_type_id"))


class FoldingSQLiteSearchQueryCompiler(SQLiteRankingMixin, lite.SQLiteSearchQueryCompiler):
    pass


class FoldingSQLiteAutocompleteQueryCompiler(SQLiteRankingMixin, lite.SQLiteAutocompleteQueryCompiler):
    BM25_WEIGHTS = (1.0, 0.0, 0.0)


class FoldingSQLiteSearchResults(RankedResultsMixin, lite.SQLiteSearchResults):
    pass


class FoldingSQLiteSearchBackend(FoldingQueryMixin, lite.SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex
    query_compiler_class = FoldingSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FoldingSQLiteAutocompleteQueryCompiler
    results_class = FoldingSQLiteSearchResults

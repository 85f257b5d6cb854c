"""The folding database backend on SQLite (FTS5); chosen by search.backends.database.

Imported only when the database is SQLite: modelsearch's SQLite module needs the FTS model, which
exists only there.

Besides folding, it ranks differently. Wagtail's SQLite backend orders by relevance with a
correlated subquery that runs the whole full-text match again for every matching page, which
takes seconds once a common word matches thousands of stories. Here the full-text table is the
base of one query: matched, restricted to the pages of the queryset (a subquery run once),
scored with one bm25() call per row and ordered; the ids are kept for counting and slicing, and
only the pages shown are fetched.
"""

from django.db.models import FloatField, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.backends import FoldingQueryMixin, fold_value


class FoldingSQLiteIndexer(lite.ObjectIndexer):
    def prepare_value(self, value):
        return fold_value(super().prepare_value(value))


class FoldingSQLiteIndex(lite.SQLiteIndex):
    indexer_class = FoldingSQLiteIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
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


class RankedEntriesMixin:
    """Relevance-ordered search as one full-text query (see the module docstring)."""

    # bm25 weights for the FTS5 columns (autocomplete, body, title): a word in the title counts
    # twice, as Page's `SearchField("title", boost=2)` asks. One bm25() call per row; Wagtail's
    # expression calls it once per field and per query part.
    BM25_WEIGHTS = (0.0, 1.0, 2.0)

    def ranked_ids(self, config):
        """Object ids of the queryset's matching pages, best first, or None for the stock path.

        Computed once per query compiler, so counting and slicing the results (as a paginator
        does) run the full-text match once.
        """
        if not hasattr(self, "_ranked_ids"):
            self._ranked_ids = self._compute_ranked_ids(config)
        return self._ranked_ids

    def _compute_ranked_ids(self, config):
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        allowed = self.queryset.order_by().annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
        table = lite.SQLiteFTSIndexEntry._meta.db_table
        weights = ", ".join(str(weight) for weight in self.BM25_WEIGHTS)
        score = RawSQL(f"bm25({table}, {weights})", [], output_field=FloatField())  # constants only
        entries = (
            lite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=allowed,
            )
            .annotate(score=score)
            .order_by("score", "-index_entry_id")
        )
        return list(entries.values_list("index_entry__object_id", "score"))

    def ranked_page(self, config, start, stop, score_field=None):
        rows = self.ranked_ids(config)[start:stop]
        to_python = self.queryset.model._meta.pk.to_python
        objects = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=[to_python(pk) for pk, _ in rows])}
        results = []
        for object_id, score in rows:
            obj = objects.get(object_id)
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, score)
                results.append(obj)
        return results


class FoldingSQLiteSearchQueryCompiler(RankedEntriesMixin, lite.SQLiteSearchQueryCompiler):
    pass


class FoldingSQLiteAutocompleteQueryCompiler(RankedEntriesMixin, lite.SQLiteAutocompleteQueryCompiler):
    BM25_WEIGHTS = (1.0, 0.0, 0.0)


class FoldingSQLiteSearchResults(lite.SQLiteSearchResults):
    def _do_search(self):
        config = self.query_compiler.get_config(self.backend)
        if self.query_compiler.ranked_ids(config) is None:
            return super()._do_search()
        return self.query_compiler.ranked_page(config, self.start, self.stop, self._score_field)

    def _do_count(self):
        config = self.query_compiler.get_config(self.backend)
        ranked = self.query_compiler.ranked_ids(config)
        if ranked is None:
            return super()._do_count()
        return len(ranked[self.start : self.stop])


class FoldingSQLiteSearchBackend(FoldingQueryMixin, lite.SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex
    query_compiler_class = FoldingSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = FoldingSQLiteAutocompleteQueryCompiler
    results_class = FoldingSQLiteSearchResults

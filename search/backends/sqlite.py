"""The folding database backend on SQLite (FTS5); chosen by search.backends.database.

Imported only when the database is SQLite: modelsearch's SQLite module needs the FTS model, which
exists only there.
"""

from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.utils import get_content_type_pk

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


class FoldingSQLiteSearchBackend(FoldingQueryMixin, lite.SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex

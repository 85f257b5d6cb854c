"""The folding database backend on PostgreSQL; chosen by search.backends.database."""

from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.utils import get_content_type_pk

from search.backends import FoldingQueryMixin, fold_value


class FoldingPostgresIndexer(pg.ObjectIndexer):
    def prepare_value(self, value):
        return fold_value(super().prepare_value(value))


class FoldingPostgresIndex(pg.PostgresIndex):
    indexer_class = FoldingPostgresIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
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


class FoldingPostgresSearchBackend(FoldingQueryMixin, pg.PostgresSearchBackend):
    index_class = FoldingPostgresIndex

    def __init__(self, params):
        params = {"SEARCH_CONFIG": "simple", **params}
        super().__init__(params)

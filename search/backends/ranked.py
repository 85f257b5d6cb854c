"""Relevance ranking in one query on the index table, shared by the SQLite and PostgreSQL backends.

Wagtail's database backends order by relevance in ways that get slow as content grows: on
SQLite a correlated subquery runs the whole full-text match again for every matching page; on
PostgreSQL the match is made on the concatenation of the title and body vectors of a join, which
no index can serve. Here the index table is the base of one query: matched (through its own
indexes), restricted to the pages of the queryset (a subquery run once), scored, and ordered.
The ordered ids are kept for counting and slicing (as a paginator does), and only the results
shown are fetched. Other searches (newest first, negated, fuzzy) take Wagtail's own path.

Content pages (the kinds of `home.kinds`) come before other pages (sections, the home page):
a section titled "Phường Hoàn Kiếm" matches "hoan kiem" better than any story, but a reader
looks for the stories (the section lists them, and the menu leads there anyway).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField
from django.db.models.functions import Cast

from home import kinds


def content_first(rows):
    """[(object_id, score)] from [(object_id, score, content_type_id)], best first, with the
    pages of a content kind before the others (their order otherwise kept)."""
    content_types = {ContentType.objects.get_for_model(kind.model).pk for kind in kinds.all_kinds()}
    ordered = sorted(rows, key=lambda row: row[2] not in content_types)  # stable
    return [(object_id, score) for object_id, score, _content_type in ordered]


class RankedCompilerMixin:
    def allowed_object_ids(self):
        """The queryset's primary keys as index object ids (text), as a subquery."""
        return self.queryset.order_by().annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")

    def compute_ranked_ids(self, config):
        """[(object_id, score, content_type_id)] best first, or None when Wagtail's own path
        applies."""
        raise NotImplementedError

    def ranked_ids(self, config):
        if not hasattr(self, "_ranked_ids"):
            rows = self.compute_ranked_ids(config)
            if rows is None:
                self._ranked_ids = None
            elif self.order_by_relevance:
                self._ranked_ids = content_first(rows)
            else:  # the queryset's own order, as given
                self._ranked_ids = [(object_id, score) for object_id, score, _content_type in rows]
        return self._ranked_ids

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


class RankedResultsMixin:
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

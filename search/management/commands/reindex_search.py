"""Rebuild the search indexes: `manage.py reindex_search [--backend NAME]`.

Run it once after upgrading to folding search (entries stored before were not folded), after
setting ELASTICSEARCH_URL, and after an Elasticsearch outage (pages published meanwhile were
indexed only in the database). Each configured backend is rebuilt in turn; an unreachable one is
reported and skipped, and the command then exits with an error so a deploy script notices.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models
from wagtail.search.models import IndexEntry

from search.backends.elasticsearch import OUTAGE_ERRORS, breaker


class Command(BaseCommand):
    help = "Xây lại chỉ mục tìm kiếm (cơ sở dữ liệu và Elasticsearch nếu có), ví dụ sau khi Elasticsearch gián đoạn."

    def add_arguments(self, parser):
        parser.add_argument("--backend", help="Chỉ xây lại một backend (tên trong WAGTAILSEARCH_BACKENDS).")

    def handle(self, *args, backend=None, **options):
        from django.conf import settings

        names = [backend] if backend else list(settings.WAGTAILSEARCH_BACKENDS)
        unknown = [name for name in names if name not in settings.WAGTAILSEARCH_BACKENDS]
        if unknown:
            raise CommandError(f"Không có backend tìm kiếm tên {unknown[0]!r}.")
        failed = []
        for name in names:
            try:
                call_command("update_index", backend_name=name, verbosity=0)
            except OUTAGE_ERRORS as error:
                failed.append(name)
                self.stderr.write(f"{name}: chưa kết nối được ({type(error).__name__}: {error}).")
                continue
            self.stdout.write(f"{name}: đã xây lại chỉ mục ({self.describe(name)}).")
        if failed:
            raise CommandError(
                "Chưa xây lại được chỉ mục: "
                + ", ".join(failed)
                + ". Hãy chạy lại lệnh khi dịch vụ hoạt động."
            )
        breaker.reset()

    @staticmethod
    def describe(name):
        backend = get_search_backend(name)
        if hasattr(backend, "es"):
            return f"Elasticsearch, {len(list(get_indexed_models()))} loại nội dung"
        return f"{IndexEntry.objects.count()} mục"

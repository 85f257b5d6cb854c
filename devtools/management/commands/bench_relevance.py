"""Search relevance on the judged query set: `manage.py bench_relevance [--all]`.

Prints precision@5, recall@10 and MRR for the configured database and search backend, and the
queries that miss (every query with --all). Meant for the demo site (`load_demo`); `make bench`
runs it on the benchmark database too, where bulk stories compete with the judged pages.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from devtools.relevance import QUERIES_FILE, score_all, summary


class Command(BaseCommand):
    help = "Đo độ liên quan của tìm kiếm trên bộ truy vấn đã chấm (precision@5, recall@10, MRR)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="In mọi truy vấn, không chỉ truy vấn chưa đạt."
        )
        parser.add_argument(
            "--min-mrr", type=float, default=None, help="Thoát với mã lỗi nếu MRR thấp hơn ngưỡng này."
        )

    def handle(self, *args, all, min_mrr, **options):
        backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
        scored = score_all()
        self.stdout.write(
            f"Bộ truy vấn: {QUERIES_FILE.name}, {len(scored)} truy vấn; "
            f"cơ sở dữ liệu {connection.vendor}, máy tìm kiếm {backend}"
        )
        self.stdout.write(f"{'truy vấn':<34} {'P@5':>5} {'R@10':>5} {'RR':>5}  năm kết quả đầu")
        for item in scored:
            perfect = item.precision_at_5 == 1 and item.reciprocal_rank == 1
            if all or not perfect:
                label = item.judged.q + (f" → {item.followed}" if item.followed else "")
                top = ", ".join(slug[:28] for slug in item.found[:5]) or "(không có)"
                self.stdout.write(
                    f"{label[:34]:<34} {item.precision_at_5:>5.2f} {item.recall_at_10:>5.2f} "
                    f"{item.reciprocal_rank:>5.2f}  {top}"
                )
        figures = summary(scored)
        self.stdout.write("Tổng: " + ", ".join(f"{name} {value:.3f}" for name, value in figures.items()))
        if min_mrr is not None and figures["MRR"] < min_mrr:
            raise CommandError(f"MRR {figures['MRR']:.3f} thấp hơn ngưỡng {min_mrr}.")

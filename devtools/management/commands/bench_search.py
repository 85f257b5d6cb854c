"""Server time of the search page and suggestions: `manage.py bench_search`.

Runs realistic queries, written with and without marks, through Django's test client (the whole
request: middleware, search, templates) against the configured database and search backend, and
prints the median and 95th percentile per query and overall, with the number of SQL queries.
Meant for `make bench`, on a database filled by `add_bulk_stories`; budgets on the embedded
default with 10,000 stories: median under 50 ms, p95 under 150 ms.
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from devtools.benchmark import cpu_reference_line, verdict
from search.folding import fold

# (label, query parameters). Folded and accented forms of the same words on purpose.
CASES = [
    ("nguoi tot viec tot", {"q": "nguoi tot viec tot"}),
    ("Người tốt, việc tốt", {"q": "Người tốt, việc tốt"}),
    ("dong da", {"q": "dong da"}),
    ("Đống Đa", {"q": "Đống Đa"}),
    ("tra lai tai san", {"q": "tra lai tai san"}),
    ("trả lại tài sản", {"q": "trả lại tài sản"}),
    ("cuu nguoi duoi nuoc", {"q": "cuu nguoi duoi nuoc"}),
    ("camera an ninh", {"q": "camera an ninh"}),
    ("chữa cháy", {"q": "chữa cháy"}),
    ("nha tro tu quan", {"q": "nha tro tu quan"}),
    ("công an lắng nghe ý kiến nhân dân", {"q": "công an lắng nghe ý kiến nhân dân"}),
    ("hoan kiem", {"q": "hoan kiem"}),
    ("an ninh + Hà Nội", {"q": "an ninh", "tinh": "ha-noi"}),
    (
        "cuu nguoi, câu chuyện, mới nhất",
        {"q": "cuu nguoi", "loai": "nguoi-tot-viec-tot", "sap-xep": "moi-nhat"},
    ),
    ("an ninh, trang 3", {"q": "an ninh", "trang": "3"}),
    ("không có kết quả", {"q": "khong co gi o day xyzzy"}),
]
SUGGEST_CASES = ["nguoi to", "dong d", "camera", "tra lai"]
BUDGET_MEDIAN_MS, BUDGET_P95_MS = 50.0, 150.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


class QueryCounter:
    """Counts SQL statements (works across the connection closes between requests)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Đo thời gian máy chủ của trang tìm kiếm và gợi ý (trung vị, p95, số truy vấn SQL)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=15, help="Số lần đo mỗi truy vấn (mặc định 15).")
        parser.add_argument("--host", default="127.0.0.1", help="Tên máy chủ gửi kèm yêu cầu.")
        parser.add_argument(
            "--check", action="store_true", help="Thoát với mã lỗi nếu vượt ngân sách (50 ms / 150 ms)."
        )

    def handle(self, *args, repeat, host, check, **options):
        if repeat < 1:
            raise CommandError("--repeat phải lớn hơn 0.")
        storages = {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            # No collectstatic manifest needed to render pages here.
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        self.stdout.write(cpu_reference_line())
        with override_settings(STORAGES=storages):
            client = Client(HTTP_HOST=host)
            search_times = self.run_cases(
                client, "/tim-kiem/", [(label, params) for label, params in CASES], repeat
            )
            suggest_times = self.run_cases(
                client, "/tim-kiem/goi-y/", [(q, {"q": q}) for q in SUGGEST_CASES], repeat
            )
        self.summary("Tìm kiếm /tim-kiem/", search_times)
        self.summary("Gợi ý /tim-kiem/goi-y/", suggest_times)
        median, p95 = statistics.median(search_times), percentile(search_times, 0.95)
        ok = median < BUDGET_MEDIAN_MS and p95 < BUDGET_P95_MS
        self.stdout.write(
            verdict(f"tìm kiếm (trung vị < {BUDGET_MEDIAN_MS:.0f} ms, p95 < {BUDGET_P95_MS:.0f} ms)", ok)
        )
        if check and not ok:
            raise CommandError("Tìm kiếm vượt ngân sách thời gian.")

    def run_cases(self, client, path, cases, repeat) -> list[float]:
        self.stdout.write(f"\n{path} ({connection.vendor}, {repeat} lần mỗi truy vấn)")
        self.stdout.write(f"{'truy vấn':<38} {'trung vị':>9} {'p95':>9} {'SQL':>4} {'mã':>4}")
        everything = []
        for label, params in cases:
            response = client.get(path, params)  # warm-up: caches, first connection
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                client.get(path, params)
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(path, params)
                times.append((time.perf_counter() - start) * 1000)
            everything.extend(times)
            self.stdout.write(
                f"{label[:38]:<38} {statistics.median(times):>7.1f}ms {percentile(times, 0.95):>7.1f}ms "
                f"{counter.count:>4} {response.status_code:>4}"
            )
            if response.status_code != 200:
                raise CommandError(f"{path} trả lời {response.status_code} cho {fold(label)!r}.")
        return everything

    def summary(self, title, times):
        self.stdout.write(
            f"{title}: trung vị {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
            f"{len(times)} yêu cầu"
        )

from django.core.management.base import BaseCommand, CommandError
from django.templatetags.static import static

from devtools.benchmark import cpu_reference_line, verdict
from devtools.loadtest import HEADER, Server, wrk, wrk_available
from stories.models import StoryIndexPage, StoryPage


class Command(BaseCommand):
    help = (
        "Kiểm thử tải qua máy chủ của dự án (gunicorn) bằng wrk: số yêu cầu mỗi giây, p50/p99 và lỗi "
        "của từng đường dẫn, so với một tệp tĩnh trong cùng lần chạy."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=5, help="Thời gian mỗi lần đo (giây).")
        parser.add_argument("--connections", type=int, default=8, help="Số kết nối đồng thời.")

    def handle(self, *args, seconds, connections, **options):
        if not wrk_available():
            raise CommandError("Cần chương trình wrk (Debian: apt-get install wrk).")
        story = StoryPage.objects.live().public().order_by("-first_published_at").first()
        section = StoryIndexPage.objects.live().first()
        if story is None or section is None:
            raise CommandError("Chưa có câu chuyện nào: chạy manage.py load_demo trước.")
        cases = [
            ("tệp tĩnh (site.css)", static("css/site.css")),
            ("trang chủ /", "/"),
            ("trang câu chuyện", story.url),
            ("chuyên mục", section.url),
            ("chuyên mục, lọc theo tỉnh", f"{section.url}?tinh=ha-noi"),
            ("tìm kiếm (không cache)", "/tim-kiem/?q=camera+an+ninh"),
            ("nguồn tin RSS", "/nguon-tin/rss/"),
            ("tiện ích nhúng", "/nhung/"),
        ]
        paths = [path for _, path in cases]
        self.stdout.write(cpu_reference_line())
        self.stdout.write(
            f"wrk: {connections} kết nối, {seconds} giây mỗi lần đo; gunicorn 2 tiến trình × 4 luồng"
        )
        self.stdout.write(HEADER)
        runs = {}
        with Server(page_cache=True) as server:
            server.warm(paths)
            for name, path in cases:
                runs[name] = wrk(name, server.url, [path], seconds, connections)
                self.stdout.write(runs[name].line())
            mixed = wrk("tất cả trộn lẫn (trừ tệp tĩnh)", server.url, paths[1:], seconds, connections)
            self.stdout.write(mixed.line())
            served = sum(run.requests for run in [*runs.values(), mixed]) // server.workers
            memory = server.worker_memory_mb()
        with Server(page_cache=False) as server:
            server.warm([story.url])
            uncached = wrk("trang câu chuyện, tắt cache trang", server.url, [story.url], seconds, connections)
            self.stdout.write(uncached.line())
        static_rate = runs["tệp tĩnh (site.css)"].requests_per_second
        cached_ratio = runs["trang câu chuyện"].requests_per_second / static_rate
        uncached_ratio = uncached.requests_per_second / static_rate
        self.stdout.write(f"Trang câu chuyện có cache / tệp tĩnh: {cached_ratio:.2f}×")
        self.stdout.write(f"Trang câu chuyện tắt cache / tệp tĩnh: {uncached_ratio:.2f}×")
        largest = max(memory, default=0.0)
        sizes = ", ".join(f"{size:.0f} MB" for size in memory) or "không đọc được (cần /proc)"
        self.stdout.write(
            f"Bộ nhớ thường trú mỗi tiến trình gunicorn sau ~{served} yêu cầu mỗi tiến trình: {sizes}"
        )
        failures = sum(run.errors + run.non_2xx for run in [*runs.values(), mixed, uncached])
        self.stdout.write(f"Lỗi và câu trả lời không 2xx/3xx: {failures}")
        self.stdout.write(verdict("tải, trang có cache (≥ 0,5× tệp tĩnh)", cached_ratio >= 0.5))
        self.stdout.write(verdict("tải, trang tắt cache (≥ 0,1× tệp tĩnh)", uncached_ratio >= 0.1))
        self.stdout.write(verdict("tải, không lỗi", failures == 0))
        self.stdout.write(
            verdict("bộ nhớ tiến trình (< 300 MB sau 10.000 yêu cầu)", served >= 10_000 and 0 < largest < 300)
        )

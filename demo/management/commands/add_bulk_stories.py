import time

from django.core.management.base import BaseCommand, CommandError

from demo.bulk import add_bulk_stories
from demo.bulk.engine import MAX_COUNT, MAX_COUNT_TEXT, MAX_JOBS
from home.dbstats import update_statistics
from stories.models import StoryPage


class Command(BaseCommand):
    help = "Thêm N câu chuyện tổng hợp (dữ liệu giả) rải khắp các xã, phường, dùng cho đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Số câu chuyện cần thêm.")
        parser.add_argument(
            "--total",
            action="store_true",
            help="Hiểu N là tổng số câu chuyện cần có; chỉ thêm phần còn thiếu (chạy lại không thêm nữa).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=2,
            help="Số tiến trình ghi cùng lúc trên PostgreSQL (SQLite luôn ghi bằng một tiến trình).",
        )

    def handle(self, *args, count, total, jobs, **options):
        if not 0 <= count <= MAX_COUNT:
            raise CommandError(f"N phải từ 0 đến {MAX_COUNT_TEXT}.")
        if not 1 <= jobs <= MAX_JOBS:
            raise CommandError(f"Số tiến trình phải từ 1 đến {MAX_JOBS}.")
        if total:
            count = max(0, count - StoryPage.objects.count())
        started = time.perf_counter()
        created = add_bulk_stories(count, jobs=jobs, stdout=self.stdout)
        update_statistics()  # the page table just grew by `count` rows
        self.stdout.write(f"Đã thêm {created} câu chuyện trong {time.perf_counter() - started:.1f} giây.")

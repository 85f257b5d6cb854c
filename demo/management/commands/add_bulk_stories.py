import time

from django.core.management.base import BaseCommand

from demo.bulk import add_bulk_stories
from demo.management.bulk_options import add_common_arguments, check_count, check_jobs
from home.dbstats import update_statistics
from stories.models import StoryPage


class Command(BaseCommand):
    help = "Thêm N câu chuyện tổng hợp (dữ liệu giả) rải khắp các xã, phường, dùng cho đo hiệu năng."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Số câu chuyện cần thêm.")
        add_common_arguments(
            parser, "Hiểu N là tổng số câu chuyện cần có; chỉ thêm phần còn thiếu (chạy lại không thêm nữa)."
        )

    def handle(self, *args, count, total, jobs, **options):
        check_count(count, "N")
        check_jobs(jobs)
        if total:
            count = max(0, count - StoryPage.objects.count())
        started = time.perf_counter()
        created = add_bulk_stories(count, jobs=jobs, stdout=self.stdout)
        update_statistics()  # the page table just grew by `count` rows
        self.stdout.write(f"Đã thêm {created} câu chuyện trong {time.perf_counter() - started:.1f} giây.")

import time

from django.core.management.base import BaseCommand, CommandError

from demo.bulk import add_bulk_forums, add_bulk_showcases
from demo.management.bulk_options import add_common_arguments, check_count, check_jobs
from forums.models import ForumAnnouncementPage
from home.dbstats import update_statistics
from models_showcase.models import ModelShowcasePage


class Command(BaseCommand):
    help = (
        "Thêm mô hình bảo đảm an ninh trật tự và thông báo diễn đàn đối thoại tổng hợp (dữ liệu giả) "
        "rải khắp các xã, phường, dùng cho đo hiệu năng. Câu chuyện người tốt, việc tốt: dùng `add_bulk_stories`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--showcases", type=int, default=0, help="Số mô hình cần thêm.")
        parser.add_argument("--forums", type=int, default=0, help="Số thông báo diễn đàn cần thêm.")
        add_common_arguments(
            parser,
            "Hiểu mỗi số là tổng số trang loại đó cần có; chỉ thêm phần còn thiếu (chạy lại không thêm nữa).",
        )

    def handle(self, *args, showcases, forums, total, jobs, **options):
        check_count(showcases, "Số mô hình")
        check_count(forums, "Số diễn đàn")
        check_jobs(jobs)
        if not showcases and not forums and not total:
            raise CommandError("Hãy cho biết số mô hình (--showcases) hoặc số diễn đàn (--forums) cần thêm.")
        if total:
            showcases = max(0, showcases - ModelShowcasePage.objects.count())
            forums = max(0, forums - ForumAnnouncementPage.objects.count())
        created = 0
        for label, count, add in (
            ("mô hình", showcases, add_bulk_showcases),
            ("diễn đàn", forums, add_bulk_forums),
        ):
            if not count:
                continue
            started = time.perf_counter()
            n = add(count, jobs=jobs, stdout=self.stdout)
            created += n
            self.stdout.write(f"Đã thêm {n} {label} trong {time.perf_counter() - started:.1f} giây.")
        if created:
            update_statistics()  # the page table just grew
        else:
            self.stdout.write("Không có gì cần thêm.")

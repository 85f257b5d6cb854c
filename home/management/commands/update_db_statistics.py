from django.core.management.base import BaseCommand

from home.dbstats import update_statistics


class Command(BaseCommand):
    help = (
        "Cập nhật thống kê để cơ sở dữ liệu chọn cách truy vấn nhanh (ANALYZE). "
        "`make run` chạy lệnh này mỗi giờ; chạy thêm sau khi nhập nhiều dữ liệu."
    )

    def handle(self, *args, **options):
        update_statistics()
        self.stdout.write("Đã cập nhật thống kê cơ sở dữ liệu.")

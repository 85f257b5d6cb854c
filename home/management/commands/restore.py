"""manage.py restore ARCHIVE: bring a backup back into an empty database and media folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu và thư mục tệp tải lên còn trống."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp binhyen-….tar.gz do lệnh backup tạo.")

    def handle(self, *args, **options):
        try:
            manifest = restore_backup(Path(options["archive"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(
            f"Đã khôi phục bản sao lưu lúc {manifest['created_at']}: {counts['pages']} trang, "
            f"{counts['revisions']} phiên bản, {counts['images']} ảnh. Chạy `manage.py migrate` nếu mã mới hơn."
        )

"""manage.py backup: a consistent snapshot of the database and the media files (home/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu (ảnh chụp nhất quán khi trang vẫn chạy) và tệp tải lên vào một tệp nén."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=None,
            help="Thư mục chứa bản sao lưu (mặc định: BACKUP_DIR hoặc DATA_DIR/backups).",
        )
        parser.add_argument(
            "--keep", type=int, default=14, help="Giữ lại bao nhiêu bản mới nhất (0: giữ tất cả)."
        )

    def handle(self, *args, **options):
        directory = Path(options["dir"] or settings.BACKUP_DIR)
        try:
            archive = create_backup(directory, keep=options["keep"] or None)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = archive.stat().st_size / (1024 * 1024)
        self.stdout.write(f"Đã sao lưu: {archive} ({size:.1f} MB)")

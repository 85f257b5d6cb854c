"""`manage.py repair_slugs [--dry-run]`: readable slugs for pages Wagtail's JavaScript garbled."""

from django.core.management.base import BaseCommand

from home.slug_repair import garbled_pages, repair


class Command(BaseCommand):
    help = (
        "Sửa đường dẫn (slug) bị trình soạn thảo cũ làm hỏng (“ngi-dan-djng-dja”) thành dạng đọc được "
        "(“nguoi-dan-dong-da”); địa chỉ cũ chuyển hướng vĩnh viễn sang địa chỉ mới."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không sửa.")

    def handle(self, *args, dry_run=False, **options):
        found = garbled_pages()
        for item in found:
            self.stdout.write(f"#{item.page_id} {item.old_slug} -> {item.new_slug}  ({item.title})")
            if not dry_run:
                repair(item)
        verb = "Sẽ sửa" if dry_run else "Đã sửa"
        self.stdout.write(f"{verb} {len(found)} đường dẫn.")

from django.core.management.base import BaseCommand

from home.localities import load_localities


class Command(BaseCommand):
    help = "Nạp hoặc cập nhật 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu (chạy lại nhiều lần không tạo trùng)."

    def handle(self, *args, **options):
        result = load_localities()
        for name, (created, updated) in result.items():
            self.stdout.write(f"{name}: {created} mới, {updated} cập nhật")

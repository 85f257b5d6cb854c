from django.core.management.base import BaseCommand

from demo.builder import DemoBuilder
from home.dbstats import update_statistics


class Command(BaseCommand):
    help = "Tạo nội dung trình diễn (câu chuyện, mô hình, diễn đàn). Chạy lại không tạo trùng."

    def handle(self, *args, **options):
        DemoBuilder(stdout=self.stdout).build()
        update_statistics()

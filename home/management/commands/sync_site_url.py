from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Đặt tên miền và cổng của site mặc định theo WAGTAILADMIN_BASE_URL, để đường dẫn tuyệt đối "
        "(chia sẻ, lịch .ics, nguồn tin) trỏ đúng địa chỉ đang chạy."
    )

    def handle(self, *args, **options):
        url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = url.port or (443 if url.scheme == "https" else 80)
        site = Site.objects.get(is_default_site=True)
        if (site.hostname, site.port) != (url.hostname, port):
            site.hostname, site.port = url.hostname, port
            site.save()
        self.stdout.write(f"Site mặc định: {site.root_url}")

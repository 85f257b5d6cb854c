import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Tạo tài khoản quản trị cục bộ nếu chưa có tài khoản quản trị nào, rồi in cách đăng nhập. "
        "Mật khẩu được sinh ngẫu nhiên và lưu trong var/admin-password (không đưa vào git)."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        password_file = settings.DATA_DIR / "admin-password"
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.vn", password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        if password_file.exists():
            self.stdout.write(
                f"Đăng nhập trang quản trị: {base}/admin/  tài khoản: admin  "
                f"mật khẩu: {password_file.read_text().strip()}"
            )
        else:
            self.stdout.write(f"Đăng nhập trang quản trị: {base}/admin/ bằng tài khoản quản trị sẵn có.")

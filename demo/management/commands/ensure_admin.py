import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo import accounts, content


class Command(BaseCommand):
    help = (
        "Tạo tài khoản quản trị cục bộ nếu chưa có tài khoản quản trị nào, rồi in cách đăng nhập. "
        "Mật khẩu được sinh ngẫu nhiên và lưu trong var/admin-password (không đưa vào git). "
        "In cả các tài khoản trình diễn theo vai trò nếu đã có (var/demo-accounts.json)."
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
        self._demo_accounts(User)

    def _demo_accounts(self, User):
        passwords = accounts.stored_passwords()
        rows = [
            (spec, passwords[spec["username"]])
            for spec in content.DEMO_ACCOUNTS
            if spec["username"] in passwords and User.objects.filter(username=spec["username"]).exists()
        ]
        if not rows:
            return
        self.stdout.write("Tài khoản trình diễn (chỉ dùng trên máy này):")
        for spec, password in rows:
            self.stdout.write(
                f"  {spec['username']:<18} mật khẩu: {password:<18} nhóm “{spec['group']}”: {spec['role']}"
            )

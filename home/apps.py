from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Home page, site settings, localities (provinces and communes) and shared blocks."""

    name = "home"
    verbose_name = "Trang chủ và dùng chung"

    def ready(self):
        from home import signals

        signals.connect()

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content, demo accounts and the bulk story generator, with their commands.

    The top floor: it may import every other app, and nothing imports it, so the site runs the
    same without it.
    """

    name = "demo"
    verbose_name = "Nội dung trình diễn"

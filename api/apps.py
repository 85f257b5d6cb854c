from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The headless API for ward apps and Zalo Mini Apps (Wagtail's API v2, /api/v2/)."""

    name = "api"
    verbose_name = "API cho ứng dụng phường"

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search page, suggestions, the Vietnamese folding function and backend fallback."""

    name = "search"
    label = "site_search"
    verbose_name = "Tìm kiếm"

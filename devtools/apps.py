from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Developer tools: the server-time benchmarks (`bench`, `bench_search`, `bench_feeds`).

    The top floor, next to demo: it may import every other app (and Django's test client), and
    nothing imports it, so no runtime app depends on django.test.
    """

    name = "devtools"
    verbose_name = "Công cụ phát triển"

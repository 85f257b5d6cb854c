from django.apps import AppConfig


class FeedsConfig(AppConfig):
    """Feeds, widget, oEmbed and share cards. Reads content apps; they never import it."""

    name = "feeds"
    verbose_name = "Nguồn tin và nhúng"

    def ready(self):
        from feeds import signals

        signals.connect()

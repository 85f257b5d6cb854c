from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Editorial work: roles, the approval workflow, the Vietnamese admin, audit-log actions."""

    name = "editorial"
    verbose_name = "Biên tập và duyệt bài"

    def ready(self):
        from editorial import signals  # noqa: F401

from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Editorial work: roles, the approval workflow, the Vietnamese admin, audit-log actions."""

    name = "editorial"
    verbose_name = "Biên tập và duyệt bài"

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from editorial import signals  # noqa: F401
        from editorial.widgets import VietnameseSlugInput

        # Every slug field of the admin (pages, model types) transliterates Vietnamese.
        register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})

from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Home page, site settings, localities (provinces and communes) and shared blocks."""

    name = "home"
    verbose_name = "Trang chủ và dùng chung"

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from home import signals
        from home.choosers import commune_chooser_viewset
        from home.models import Commune

        signals.connect()
        # Every ForeignKey to a commune (stories, forums, any later kind) gets the searchable
        # chooser instead of a <select> of 3,321 options; content models need no change.
        register_form_field_override(
            models.ForeignKey, to=Commune, override={"widget": commune_chooser_viewset.widget_class}
        )

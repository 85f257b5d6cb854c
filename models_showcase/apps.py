from django.apps import AppConfig


class ModelsShowcaseConfig(AppConfig):
    """Community security model showcases: ShowcaseIndexPage, ModelShowcasePage, ModelType."""

    name = "models_showcase"
    verbose_name = "Mô hình bảo đảm ANTT"

    def ready(self):
        from home.kinds import register
        from models_showcase.kinds import KIND

        register(KIND)

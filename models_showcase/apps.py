from django.apps import AppConfig


class ModelsShowcaseConfig(AppConfig):
    """Community security model showcases: ShowcaseIndexPage, ModelShowcasePage, ModelType."""

    name = "models_showcase"
    verbose_name = "Mô hình bảo đảm ANTT"

from home.models.base import ArticlePage, AsciiSlugMixin, BasePage
from home.models.listings import private_sections, visible
from home.models.localities import Commune, DivisionType, Province
from home.models.pages import HomePage
from home.models.sections import SectionIndexPage
from home.models.site_settings import SiteSettings

__all__ = [
    "ArticlePage",
    "AsciiSlugMixin",
    "BasePage",
    "Commune",
    "DivisionType",
    "HomePage",
    "Province",
    "SectionIndexPage",
    "SiteSettings",
    "private_sections",
    "visible",
]

"""Ward notices: a fourth content kind, for the registry test only."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from home.models import ArticlePage, SectionIndexPage


class NoticeIndexPage(SectionIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["kindsample.NoticePage"]


class NoticePage(ArticlePage):
    commune = models.ForeignKey("home.Commune", on_delete=models.PROTECT, related_name="+")
    signed_by = models.CharField(max_length=200)

    content_panels = [*ArticlePage.content_panels, *ArticlePage.lead_panels, FieldPanel("commune")]
    parent_page_types = ["kindsample.NoticeIndexPage"]
    listing_select_related = ("commune__province",)

    @property
    def province(self):
        return self.commune.province

    def place_communes(self) -> list:
        return [self.commune]

    @property
    def unit(self) -> str:
        return self.signed_by.strip()

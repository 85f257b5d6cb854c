"""A recurring series of forums, chosen on each announcement."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class ForumSeries(index.Indexed, models.Model):
    """A recurring series of forums, e.g. "Công an lắng nghe ý kiến nhân dân"."""

    name = models.CharField("tên chuỗi diễn đàn", max_length=200, unique=True)
    description = models.TextField("mô tả", blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "chuỗi diễn đàn"
        verbose_name_plural = "chuỗi diễn đàn"
        ordering = ["name"]

    def __str__(self):
        return self.name

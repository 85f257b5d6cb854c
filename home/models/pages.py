"""The home page: the front door to the sections, one block per content kind (`home.kinds`)."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from home import kinds
from home.content_version import cached
from home.models.base import BasePage
from home.models.listings import load_lead_images, private_sections, visible


def featured_kinds() -> list:
    return [kind for kind in kinds.all_kinds() if kind.home and kind.home.featured]


class FeaturedPageChooserPanel(PageChooserPanel):
    """A page chooser limited to the kinds the home page features, read from the registry when
    the admin form is built (the registry is filled once the apps are ready)."""

    def get_form_options(self):
        self.page_type = [kind.model for kind in featured_kinds()] or None
        return super().get_form_options()


class HomePage(BasePage):
    intro = models.TextField(
        "lời giới thiệu",
        max_length=500,
        blank=True,
        help_text="Một đến hai câu giới thiệu trang, hiện dưới tên trang.",
    )
    featured_story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="câu chuyện nổi bật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Câu chuyện hiện lớn đầu trang. Để trống để dùng câu chuyện mới nhất.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FeaturedPageChooserPanel("featured_story"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "trang chủ"
        verbose_name_plural = "trang chủ"

    @classmethod
    def clean_subpage_models(cls):
        """The sections of the registered kinds (Wagtail's `subpage_types`, from the registry)."""
        return [kind.index_model for kind in kinds.all_kinds()]

    def sections(self, request=None) -> dict:
        """The first live section of each kind directly below this page, by kind slug."""

        def build():
            found = {}
            for kind in kinds.all_kinds():
                section = visible(kind.index_model.objects.all()).child_of(self).first()
                if section is not None:
                    found[kind.slug] = section
            return found

        return cached(f"home-sections:{self.pk}", build, request)

    def routed_child(self, request, slug: str):
        """A section of a kind straight from `sections()`, kept until the content changes: no
        query to find it. Any other child (a private section, a second one) goes Wagtail's way."""
        return next((section for section in self.sections(request).values() if section.slug == slug), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections(request)
        featured, chosen = cached(
            f"home-blocks:{self.pk}",
            lambda: self._blocks(request),
            request,
            timeout=settings.PUBLIC_CACHE_MAX_AGE,
        )
        blocks = [
            {"kind": kind, "items": items, "section": sections.get(kind.slug)}
            for kind, items in ((kinds.get(slug), items) for slug, items in chosen)
            if kind is not None
        ]
        context.update(featured=featured, home_blocks=blocks, sections=sections)
        return context

    def _blocks(self, request=None):
        """The featured page and each kind's cards, loaded with their lead images: (featured,
        [(kind slug, pages)]).

        Kept under the content version (`get_context`): building them is a dozen queries and as
        many Wagtail page querysets (~40 ms at 300,000 stories), reading them back ~3 ms. They
        are kept at most `PUBLIC_CACHE_MAX_AGE` seconds, what a browser may keep the page itself,
        because the forums' block changes with the clock (a forum that ended leaves it) and the
        content version does not."""
        featured, blocks = None, []
        private = private_sections(request)  # once for all the blocks
        for kind in kinds.all_kinds():
            if kind.home is None:
                continue
            items = kind.model.objects.listing(kind.home.keep_streamfields, private, images=False)
            items = items.descendant_of(self)
            if kind.home.featured and featured is None:
                # The chosen page only while readers may see it (live, public, unexpired), like any card.
                if self.featured_story_id:
                    featured = items.filter(pk=self.featured_story_id).first()
                featured = featured or items.first()
                if featured is not None:
                    items = items.exclude(pk=featured.pk)
            if kind.home.select is not None:
                items = kind.home.select(items)
            blocks.append((kind.slug, list(items[: kind.home.count])))
        # The lead images of every block at once: two queries, not two a block.
        load_lead_images([featured, *(page for _slug, items in blocks for page in items)])
        return featured, blocks

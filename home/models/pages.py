"""The home page: the front door to the three sections."""

from django.apps import apps
from django.db import models
from wagtail.admin.panels import FieldPanel

from home.content_version import cached
from home.models.base import BasePage, visible


class HomePage(BasePage):
    intro = models.TextField(
        "lời giới thiệu",
        max_length=500,
        blank=True,
        help_text="Một đến hai câu giới thiệu trang, hiện dưới tên trang.",
    )
    featured_story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name="câu chuyện nổi bật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Câu chuyện hiện lớn đầu trang. Để trống để dùng câu chuyện mới nhất.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("featured_story")]

    subpage_types = ["stories.StoryIndexPage", "models_showcase.ShowcaseIndexPage", "forums.ForumIndexPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "trang chủ"
        verbose_name_plural = "trang chủ"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        StoryPage = apps.get_model("stories", "StoryPage")
        ShowcasePage = apps.get_model("models_showcase", "ModelShowcasePage")
        ForumPage = apps.get_model("forums", "ForumAnnouncementPage")
        StoryIndexPage = apps.get_model("stories", "StoryIndexPage")
        ShowcaseIndexPage = apps.get_model("models_showcase", "ShowcaseIndexPage")
        ForumIndexPage = apps.get_model("forums", "ForumIndexPage")

        stories = StoryPage.objects.listing().descendant_of(self)
        # The chosen story only while readers may see it (live, public, unexpired), like any card.
        featured = stories.filter(pk=self.featured_story_id).first() if self.featured_story_id else None
        featured = featured or stories.first()
        if featured:
            stories = stories.exclude(pk=featured.pk)
        context.update(
            featured=featured,
            latest_stories=stories[:6],
            showcases=ShowcasePage.objects.listing(keep_streamfields=("key_figures",)).descendant_of(self)[
                :4
            ],
            upcoming_forums=ForumPage.upcoming(ForumPage.objects.listing().descendant_of(self))[:3],
            sections=cached(
                f"home-sections:{self.pk}",
                lambda: [
                    visible(idx.objects.all()).child_of(self).first()
                    for idx in (StoryIndexPage, ShowcaseIndexPage, ForumIndexPage)
                ],
                request,
            ),
        )
        return context

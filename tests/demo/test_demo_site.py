"""The demo site: realistic, complete, valid, idempotent, and every page answers."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page

from forums.models import ForumAnnouncementPage
from home.models import Commune
from models_showcase.models import ModelShowcasePage, ModelType
from stories.models import StoryPage
from tests.helpers import a_forum, a_showcase, a_story

pytestmark = pytest.mark.django_db


def test_demo_pages_are_valid_as_they_are():
    a_story().full_clean()
    a_forum().full_clean()
    a_showcase().full_clean()


def test_demo_has_the_promised_breadth():
    stories = StoryPage.objects.live()
    showcases = ModelShowcasePage.objects.live()
    forums = ForumAnnouncementPage.objects.live()
    assert stories.count() >= 12
    assert showcases.count() >= 6
    assert showcases.values("model_type").distinct().count() >= 6
    assert forums.count() >= 4
    now = timezone.now()
    assert forums.filter(ends_at__lt=now).count() >= 2
    assert forums.filter(starts_at__gt=now).count() >= 2
    codes = {*stories.values_list("commune", flat=True), *forums.values_list("commune", flat=True)}
    used = Commune.objects.filter(pk__in=codes)
    assert used.count() >= 8
    assert used.values("province").distinct().count() >= 3
    assert all(s.hero_image_id for s in stories)


def test_running_the_demo_command_again_duplicates_nothing():
    counts = (Page.objects.count(), Image.objects.count(), ModelType.objects.count())
    call_command("load_demo")
    assert (Page.objects.count(), Image.objects.count(), ModelType.objects.count()) == counts


def test_every_demo_page_answers(client):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert pages.count() >= 25
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.title in html, page.url
        # No template syntax leaks to readers (a multi-line {# … #} comment renders as text).
        assert not any(token in html for token in ("{#", "#}", "{%", "%}")), page.url
        assert "/original_images/" not in html, page.url  # renditions only (see below)


def test_no_public_page_feed_or_embed_links_an_uploaded_original(client):
    """Originals keep whatever the camera wrote before the upload rules existed; readers (the
    pages: test above), feed readers and embeds get renditions only."""
    story = StoryPage.objects.live().filter(hero_image__isnull=False).first()
    urls = [
        "/nguon-tin/rss/",
        "/nguon-tin/atom/",
        "/nguon-tin/json/",
        "/nhung/",
        f"/nhung/trang/{story.pk}/",
        f"/oembed/?url={story.full_url}&format=json",
        "/sitemap.xml",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"/original_images/" not in response.content, url

"""A page past its expiry time is gone for readers within a second, not at the next
`publish_scheduled` run: its address answers 404 and the sitemap leaves it out, as listings and feeds already do."""

import datetime

import pytest
from django.utils import timezone

from forums.models import ForumAnnouncementPage
from home.content_version import forget_recent_version
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def expire(page):
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    # A second later, when the page cache reads the content version again
    # (PAGE_CACHE_VERSION_SECONDS): an expiry is a moment passing, not a change any process saves.
    forget_recent_version()


def test_an_expired_story_answers_404_and_leaves_the_sitemap(client):
    story = StoryPage.objects.live().first()
    assert client.get(story.url).status_code == 200
    assert story.url in client.get("/sitemap.xml").content.decode()
    expire(story)
    assert client.get(story.url).status_code == 404
    assert story.url not in client.get("/sitemap.xml").content.decode()
    assert StoryPage.objects.get(pk=story.pk).live  # not unpublished yet: publish_scheduled does that


def test_an_expired_forum_and_its_calendar_answer_404(client):
    forum = ForumAnnouncementPage.objects.live().first()
    assert client.get(f"{forum.url}lich/").status_code == 200
    expire(forum)
    assert client.get(forum.url).status_code == 404
    assert client.get(f"{forum.url}lich/").status_code == 404


def test_a_page_expiring_later_is_served(client):
    story = StoryPage.objects.live().first()
    StoryPage.objects.filter(pk=story.pk).update(expire_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(story.url).status_code == 200

"""With CACHE_URL pointing at a Redis that does not answer, readers still get every public page,
feed and search (built from the database), and the outage is logged once, not per request."""

import logging

import pytest
from django.test import override_settings

from forums.models import ForumAnnouncementPage
from home.cache_backends import breaker
from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

_DEAD = {"BACKEND": "home.cache_backends.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
# As config.settings builds it for CACHE_URL=redis://…: renditions share the server.
DEAD_REDIS = {"default": _DEAD, "renditions": {**_DEAD, "KEY_PREFIX": "renditions"}}


@pytest.fixture
def dead_redis():
    breaker.reset()
    with override_settings(CACHES=DEAD_REDIS):
        yield
    breaker.reset()


def test_public_pages_feeds_and_search_work_while_redis_is_down(client, dead_redis, caplog):
    story = StoryPage.objects.live().first()
    urls = [
        "/",
        story.url,
        "/nguoi-tot-viec-tot/",
        "/nguoi-tot-viec-tot/?tinh=ha-noi",
        ModelShowcasePage.objects.live().first().url,
        ForumAnnouncementPage.objects.live().first().url,
        "/tim-kiem/?q=camera",
        "/tim-kiem/?q=camra",
        "/tim-kiem/goi-y/?q=nha+tr",
        "/nguon-tin/rss/",
        "/nguon-tin/atom/",
        "/nguon-tin/json/",
        "/nhung/",
        "/lay-tin/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    with caplog.at_level(logging.WARNING, logger="home.cache_backends"):
        for url in urls:
            assert client.get(url).status_code == 200, url
    outage_lines = [record for record in caplog.records if "Redis cache unreachable" in record.getMessage()]
    assert len(outage_lines) == 1

"""Helpers shared by the tests of several apps: reading pages, their meta tags and structured data, counting queries, and model validation."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from forums.models import ForumAnnouncementPage
from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def meta(html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def query_count(client, url) -> int:
    """What rendering the page costs, the page cache aside (a hit costs no query:
    tests/home/test_page_cache.py)."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(url)  # renditions and caches are made on the first view
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
    return len(queries)


def errors_of(page) -> dict:
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    return info.value.message_dict


def a_story() -> StoryPage:
    return StoryPage.objects.live().get(title__startswith="Tài xế xe ôm")


def a_forum() -> ForumAnnouncementPage:
    return ForumAnnouncementPage.objects.live().filter(schedule="theo-ke-hoach").first()


def a_showcase() -> ModelShowcasePage:
    return ModelShowcasePage.objects.live().get(slug="camera-an-ninh-xa-soc-son")

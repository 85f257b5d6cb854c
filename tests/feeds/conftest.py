"""Fixtures for the reuse surface: a clean cache per test, and the slices the demo site has."""

import pytest
from django.core.cache import cache

from home.models import Commune
from stories.models import StoryPage


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rendered feeds are cached under their ETag; tests roll back, so start each one clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hoan_kiem():
    return Commune.objects.select_related("province").get(slug="phuong-hoan-kiem", province__slug="ha-noi")


@pytest.fixture
def story():
    return StoryPage.objects.get(title__startswith="Tài xế xe ôm")

"""Fixtures for the reuse surface: the slices the demo site has."""

import pytest

from home.models import Commune
from stories.models import StoryPage


@pytest.fixture
def hoan_kiem():
    return Commune.objects.select_related("province").get(slug="phuong-hoan-kiem", province__slug="ha-noi")


@pytest.fixture
def story():
    return StoryPage.objects.get(title__startswith="Tài xế xe ôm")

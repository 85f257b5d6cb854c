"""A story's related showcase goes through the one visibility rule: a showcase behind a login
(or unpublished) is not named on the public story."""

import pytest
from wagtail.models import PageViewRestriction

from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def story_with_showcase():
    story = StoryPage.objects.live().filter(related_showcase__isnull=False).first()
    if story is None:
        story = StoryPage.objects.live().first()
        story.related_showcase = ModelShowcasePage.objects.live().first()
        story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def test_a_public_showcase_is_named(client):
    story = story_with_showcase()
    html = client.get(story.url).content.decode()
    assert "Mô hình liên quan" in html and story.related_showcase.title in html


def test_a_restricted_showcase_is_not_named(client):
    story = story_with_showcase()
    showcase = story.related_showcase
    PageViewRestriction.objects.create(page=showcase, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(story.url).content.decode()
    assert "Mô hình liên quan" not in html
    assert showcase.title not in html and showcase.url not in html

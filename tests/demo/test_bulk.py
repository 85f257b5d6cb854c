"""The synthetic stories `make bench` measures: real tree nodes that read like real stories."""

import re

import pytest
from wagtail.models import Page

from demo.bulk import add_bulk_stories
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def test_bulk_stories_are_sound_pages_with_images_topics_and_people(client):
    index = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")
    before = StoryPage.objects.count()
    assert add_bulk_stories(30, batch_size=20) == 30
    assert StoryPage.objects.count() == before + 30
    # treebeard finds nothing wrong with the paths and child counts written in bulk.
    assert all(not problems for problems in Page.find_problems())
    index.refresh_from_db()
    assert index.numchild == index.get_children().count()
    added = StoryPage.objects.order_by("-pk")[:30]
    for story in added:
        assert story.hero_image_id and story.tags.exists() and story.people.exists()
        assert story.visible_hero_image is not None  # the person agreed to be shown
    assert client.get(added[0].url).status_code == 200
    assert add_bulk_stories(1) == 1  # continues after the last child without a clash


@pytest.mark.parametrize(
    ("args", "message"),
    [((-1,), "N phải từ 0 đến 1.000.000."), ((5, "--jobs", "0"), "Số tiến trình phải từ 1 đến 16.")],
)
def test_the_story_command_refuses_bad_numbers_in_vietnamese(args, message):
    from django.core.management import CommandError, call_command

    before = StoryPage.objects.count()
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("add_bulk_stories", *[str(a) for a in args])
    assert StoryPage.objects.count() == before

"""Search ranks what a reader looks for first: content pages before the sections that list them."""

import pytest
from wagtail.models import Page

from home import kinds
from stories.models import StoryPage
from tests.search.helpers import result_urls

pytestmark = pytest.mark.django_db


def test_content_of_a_ward_outranks_the_wards_section_for_its_name_without_marks(client):
    urls = result_urls(client.get("/tim-kiem/", {"q": "hoan kiem"}))
    section = "/nguoi-tot-viec-tot/phuong-hoan-kiem/"
    assert section in urls  # still found, as a way to the ward's list
    content = [url for url in urls if kinds.of_article(Page.objects.get(url_path__endswith=url).specific)]
    ward_stories = {story.url for story in StoryPage.objects.live().filter(commune__slug="phuong-hoan-kiem")}
    assert ward_stories <= set(content)
    assert urls[: len(content)] == content  # every content page before the section

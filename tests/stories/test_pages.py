"""What readers, search engines and link previews get from a story page."""

import pytest

from stories.models import StoryPage, StoryPerson
from tests.helpers import html_of, json_ld, meta, query_count

pytestmark = pytest.mark.django_db


def test_story_link_preview_and_structured_data(client):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    html = html_of(client, story.url)
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == story.title
    assert meta(html, "description") == story.sapo
    assert meta(html, "og:url") == story.full_url == "http://127.0.0.1:8000" + story.url
    image = meta(html, "og:image")
    assert image.startswith("http://127.0.0.1") and image.endswith(".jpg")
    assert (meta(html, "og:image:width"), meta(html, "og:image:height")) == ("1200", "630")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "article:published_time").startswith("2026-03-10T08:00:00+07:00")
    assert f'<link rel="canonical" href="{story.full_url}">' in html
    article = next(d for d in json_ld(html) if d["@type"] == "NewsArticle")
    assert article["headline"] == story.title and article["inLanguage"] == "vi"
    assert article["image"][0].startswith("http://") and article["author"]["name"] == story.byline
    organization = next(d for d in json_ld(html) if d["@type"] == "GovernmentOrganization")
    assert organization["parentOrganization"]["name"] == "Công an Thành phố Hà Nội"


def test_story_page_query_count_does_not_grow_with_blocks_people_or_tags(client):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    before = query_count(client, story.url)
    image_block = next(b for b in story.body.raw_data if b["type"] == "image")
    story.body = list(story.body.raw_data) + [dict(image_block, id=None) for _ in range(6)]
    for n in range(4):
        story.people.add(StoryPerson(full_name=f"Người Thứ {n}", initials_only=True))
    story.tags.add("thêm một", "thêm hai", "thêm ba")
    story.save_revision().publish()
    assert query_count(client, story.url) == before
    # Routing (the site, the home page's own row, then the story with its place and lead image
    # in one query: the section comes from the cache), view restrictions, settings, the
    # people with their photos, the topics, related stories, the related showcase through the
    # visibility rule (its page and the site's view restrictions) and the content version.
    assert before <= 13, before


def test_story_page_shows_its_structured_facts(client):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    html = client.get(story.url).content.decode()
    for text in (
        story.sapo,
        "Phường Hoàn Kiếm, Hà Nội",
        "08/03/2026",
        "Đỗ Văn Thành",
        "Giấy khen",
        story.byline,
    ):
        assert text in html
    assert story.related_showcase.url in html


def test_people_without_consent_appear_only_as_initials(client):
    story = StoryPage.objects.get(title__startswith="Người mẹ trẻ")
    html = client.get(story.url).content.decode()
    assert "Hoàng Thị Ngọc" not in html
    assert "H.T.N." in html

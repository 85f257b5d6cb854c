"""The end of an article: where it happened links to that place's stories, and what to read
next (same place, same kind of deed or model) comes before the footer, loaded as cards."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage
from tests.helpers import a_story, html_of

pytestmark = pytest.mark.django_db


def related_titles(html: str) -> list[str]:
    section = re.search(r'<section class="related".*?</section>', html, re.S)
    return (
        re.findall(r'<h3 class="card-title"><a href="[^"]*">([^<]*)</a></h3>', section.group(0))
        if section
        else []
    )


def test_a_story_ends_with_stories_of_its_ward_and_its_kind_of_deed_before_the_footer(client):
    story = a_story()
    html = html_of(client, story.url)
    assert '<h2 id="doc-tiep" class="section-title">Câu chuyện liên quan</h2>' in html
    shown = related_titles(html)
    live = StoryPage.objects.live().exclude(pk=story.pk)
    same_ward = {s.title for s in live.filter(commune=story.commune)}
    same_deed = {s.title for s in live.filter(deed_type=story.deed_type)}
    assert story.title not in shown and len(shown) == 3
    assert set(shown) <= same_ward | same_deed
    # Same ward and same deed first, then same ward, then same deed (then same province).
    rank = [2 * (t in same_ward and t in same_deed) + (t in same_ward) for t in shown]
    assert rank == sorted(rank, reverse=True) and shown[0] in same_ward
    assert html.index('class="related"') < html.index('<footer class="site-footer">')


def test_related_cards_cost_a_fixed_number_of_queries(client):
    story = a_story()
    render_to_string("includes/related.html", {"page": story})  # renditions are made once
    with CaptureQueriesContext(connection) as queries:
        render_to_string("includes/related.html", {"page": story})
    # Who may see (`visible`), the candidates (the same commune's, the newest of the same deed,
    # of the same province: see `related_pages`), the listing, its lead images and their
    # renditions, the people (consent decides the images).
    assert len(queries) <= 8, "\n".join(q["sql"][:150] for q in queries)


def test_the_ward_name_links_to_the_wards_stories(client):
    story = a_story()
    html = html_of(client, story.url)
    link = f'<a class="place" href="/nguoi-tot-viec-tot/?xa={story.commune.slug}">{story.commune.name}</a>'
    assert f'<p class="meta">{link}, {story.commune.province.short_name} · ' in html


def test_a_showcase_links_its_communes_and_ends_with_related_showcases(client):
    showcase = ModelShowcasePage.objects.live().get(slug="xe-om-tu-quan-ho-guom")
    html = html_of(client, showcase.url)
    for commune in showcase.communes.all():
        assert f'<a href="/mo-hinh/?xa={commune.slug}">{commune.name}</a>' in html
    # No other showcase shares its ward or its type: those of its province come instead.
    same_province = (
        ModelShowcasePage.objects.live().filter(province=showcase.province).exclude(pk=showcase.pk)
    )
    assert set(related_titles(html)) == set(same_province.values_list("title", flat=True)) != set()


def test_a_person_without_a_photo_keeps_name_and_description_together(client):
    story = a_story()
    person = story.people.first()
    assert not (person.photo and person.photo_visible)
    html = html_of(client, story.url)
    assert (
        f"<li><span><strong>{person.display_name}</strong>, {person.age} tuổi, {person.role}</span></li>"
        in html
    )


def test_a_storys_topic_chips_are_in_vietnamese_order(client):
    from home.collation import sorted_vi

    unsorted = 0
    for story in StoryPage.objects.live():
        names = [tagged.tag.name for tagged in story.tagged_items.order_by("pk")]
        unsorted += names != sorted_vi(names)
        html = html_of(client, story.url)
        chips = re.search(r'<ul class="tags" aria-label="Chủ đề">(.*?)</ul>', html)
        shown = re.findall(r">([^<]+)</a>", chips.group(1)) if chips else []
        assert shown == sorted_vi(names), story.title
    assert unsorted  # some stories were tagged out of order


def test_a_forum_ends_with_related_forums(client):
    from forums.models import ForumAnnouncementPage

    forums = ForumAnnouncementPage.objects.live()
    forum = next(f for f in forums if f.related_pages())
    html = html_of(client, forum.url)
    assert "Diễn đàn liên quan" in html
    assert set(related_titles(html)) == {page.title for page in forum.related_pages()}

"""Feed items are read as plain values (`feeds.rows`); they must say what the pages say."""

import pytest
from django.test import RequestFactory

from feeds.items import feed_items
from feeds.views.widget import public_article
from home import kinds
from home.models import Commune, visible
from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage, StoryPerson

pytestmark = pytest.mark.django_db


def test_every_item_says_what_its_page_says():
    """For every public content page of the demo site (with a showcase in three wards and a
    story whose lead image is the photo of someone shown by initials only): the item built
    from values has the page's own URL, kicker, date, place, unit, topics and visible image."""
    showcase = ModelShowcasePage.objects.live().first()
    showcase.communes.set(Commune.objects.filter(province=showcase.province)[:3])
    showcase.save()
    hidden = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    StoryPerson.objects.filter(page=hidden).update(photo=hidden.hero_image, initials_only=True)

    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    checked = 0
    for kind in kinds.all_kinds():
        for page in visible(kind.model.objects.all()):
            item = feed_items([public_article(page.pk)], request)[0]
            image = page.visible_hero_image
            assert item.url == page.get_full_url(request), page.title
            assert item.id == f"urn:uuid:{page.translation_key}"
            assert (item.title, item.summary, item.unit) == (page.title, page.sapo, page.unit)
            assert item.card_date == page.card_date, page.title
            assert item.place == page.place_name, page.title
            assert item.categories == tuple(
                dict.fromkeys(c for c in (kind.label, kind.kicker_of(page), *page.topic_names) if c)
            ), page.title
            assert item.image_id == (image.pk if image else None), page.title
            assert (item.notice, (item.when, item.where)) == (page.notice_words, page.when_where), page.title
            assert item.outcome == page.reuse_outcome, page.title
            checked += 1
    assert checked >= 10
    assert StoryPage.objects.get(pk=hidden.pk).visible_hero_image is None  # the case above was exercised
    showcase_item = feed_items([public_article(showcase.pk)], request)[0]
    assert showcase_item.place.endswith(", …, Hà Nội")  # two wards named, the third elided


def test_a_forum_kicker_changes_with_time_so_feeds_leave_it_out():
    page = visible(kinds.get("dien-dan").model.objects.all()).first()
    item = feed_items([public_article(page.pk)], RequestFactory().get("/", HTTP_HOST="127.0.0.1"))[0]
    assert page.kicker and page.kicker not in item.categories

"""The demo site: realistic, complete, idempotent, and every page answers."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from wagtail.images.models import Image
from wagtail.models import Page

from forums.models import ForumAnnouncementPage
from home.models import Commune, HomePage, SiteSettings
from models_showcase.models import ModelShowcasePage, ModelType
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_demo_has_the_promised_breadth():
    stories = StoryPage.objects.live()
    showcases = ModelShowcasePage.objects.live()
    forums = ForumAnnouncementPage.objects.live()
    assert stories.count() >= 12
    assert showcases.count() >= 6
    assert showcases.values("model_type").distinct().count() >= 6
    assert forums.count() >= 4
    now = timezone.now()
    assert forums.filter(ends_at__lt=now).count() >= 2
    assert forums.filter(starts_at__gt=now).count() >= 2
    codes = {*stories.values_list("commune", flat=True), *forums.values_list("commune", flat=True)}
    used = Commune.objects.filter(pk__in=codes)
    assert used.count() >= 8
    assert used.values("province").distinct().count() >= 3
    assert all(s.hero_image_id for s in stories)


def test_common_model_types_are_preloaded():
    names = set(ModelType.objects.values_list("name", flat=True))
    assert {
        "Camera an ninh",
        "Tổ liên gia an toàn PCCC",
        "Nhà trọ tự quản, văn minh",
        "Xe ôm tự quản",
    } <= names
    assert len(names) >= 11


def test_running_the_demo_command_again_duplicates_nothing():
    counts = (Page.objects.count(), Image.objects.count(), ModelType.objects.count())
    call_command("load_demo")
    assert (Page.objects.count(), Image.objects.count(), ModelType.objects.count()) == counts


def test_home_page_is_vietnamese_and_links_to_the_three_sections(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    # In the menu, and again under each block of the home page.
    for path, label in (
        ("/nguoi-tot-viec-tot/", "Xem tất cả câu chuyện"),
        ("/mo-hinh/", "Xem tất cả mô hình"),
        ("/dien-dan/", "Lịch các diễn đàn"),
    ):
        assert f'<a href="{path}">{label}</a>' in html
    assert 'href="tel:113"' in html
    assert "Cơ quan chủ quản" in html and "Công an Thành phố Hà Nội" in html


def test_every_demo_page_answers(client):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert pages.count() >= 25
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert page.title in html, page.url
        # No template syntax leaks to readers (a multi-line {# … #} comment renders as text).
        assert not any(token in html for token in ("{#", "#}", "{%", "%}")), page.url


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


def test_showcase_page_shows_figures_with_vietnamese_separators(client):
    showcase = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    html = client.get(showcase.url).content.decode()
    assert "2.650" in html and "hộ" in html
    assert "Tính đến 30/06/2026" in html
    assert "Xã Sóc Sơn" in html and 'href="tel:02438840000"' in html


def test_forum_calendar_download_is_in_vietnam_time(client):
    upcoming = ForumAnnouncementPage.objects.get(title__contains="phường Hải Châu quý IV")
    assert f'href="{upcoming.url}lich/"' in client.get(upcoming.url).content.decode()
    forum = ForumAnnouncementPage.objects.get(title__contains="khu nhà trọ phường Thủ Đức")
    assert f'href="{forum.url}lich/"' not in client.get(forum.url).content.decode()  # it is over
    response = client.get(f"{forum.url}lich/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert (start.hour, start.utcoffset().total_seconds()) == (8, 7 * 3600)
    assert str(event["summary"]) == forum.title
    assert "Phường Thủ Đức" in str(event["location"])


def test_index_pages_paginate_and_survive_bad_page_numbers(client):
    # The demo section holds 13 stories: two pages of 12. Anything that is not a page number
    # shows page 1, and a number past the end the last page.
    expected = {"2": "2", "0": "2", "-1": "2", "abc": "1", "1000000000000": "2", "%00": "1"}
    for value, shown in expected.items():
        response = client.get("/nguoi-tot-viec-tot/", {"trang": value})
        assert response.status_code == 200, value
        assert response.context["page_obj"].number == int(shown), value


def test_site_settings_hold_the_legal_footer():
    settings_obj = SiteSettings.for_site(HomePage.objects.get().get_site())
    assert settings_obj.operating_unit and settings_obj.content_responsible and settings_obj.email
    assert [b.value["number"] for b in settings_obj.hotlines][:3] == ["113", "114", "115"]

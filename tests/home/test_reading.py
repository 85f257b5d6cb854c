"""What a reader on a phone, a search engine and a link preview get from the shell, the home page and the section listings."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from forums.models import ForumAnnouncementPage
from home.models import HomePage, SiteSettings
from stories.models import StoryIndexPage, StoryPage, StoryPerson
from tests.forums.helpers import upcoming_forum
from tests.helpers import html_of, json_ld, meta, query_count

pytestmark = pytest.mark.django_db


def test_structured_data_cannot_be_broken_out_of(client, admin_user):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    story.sapo = 'Kết thúc </script><script>alert("x")</script> & hết'
    story.save_revision().publish()
    html = html_of(client, story.url)
    assert '<script>alert("x")' not in html
    article = next(d for d in json_ld(html) if d["@type"] == "NewsArticle")
    assert article["description"] == story.sapo


def test_pictures_are_responsive_modern_and_lazy_below_the_fold(client):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    html = html_of(client, story.url)
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) >= 2
    for picture in pictures:
        assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
        assert "sizes=" in picture and "srcset=" in picture
        img = re.search(r"<img [^>]*>", picture).group(0)
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    hero, body_image = pictures[0], pictures[1]
    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert 'loading="lazy"' in body_image
    assert 'alt="Ảnh minh họa:' in body_image


def test_no_third_party_scripts_and_plain_share_links(client):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    html = html_of(client, story.url)
    assert not re.search(r'<script[^>]+src="https?://', html)
    assert not re.search(r'<link[^>]+href="https?://(?!127\.0\.0\.1)[^"]*"[^>]*rel="stylesheet"', html)
    encoded = "http%3A%2F%2F127.0.0.1%3A8000%2Fnguoi-tot-viec-tot%2F"
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in html
    assert "Sao chép liên kết" in html


def test_hotlines_are_tap_to_call_and_the_footer_carries_the_legal_lines(client):
    html = html_of(client, "/")
    assert 'href="tel:113"' in html and 'href="tel:114"' in html
    for label in (
        "Cơ quan chủ quản",
        "Đơn vị vận hành",
        "Chịu trách nhiệm nội dung",
        "Địa chỉ",
        "Thư điện tử",
    ):
        assert label in html
    assert 'class="skip-link" href="#noi-dung"' in html and 'id="noi-dung"' in html


def test_home_shows_featured_latest_models_with_figures_and_upcoming_forums(client):
    html = html_of(client, "/")
    assert "Người dân phá cửa cứu cụ bà" in html  # the featured story
    assert "Camera an ninh xã Sóc Sơn" in html and "2.650" in html
    assert "Công an lắng nghe ý kiến nhân dân phường Hải Châu quý IV" in html
    assert "Tạm hoãn diễn đàn" in html  # postponed but still announced, with its badge
    assert "an ninh trật tự khu nhà trọ phường Thủ Đức" not in html  # past forums are not "upcoming"


def test_filters_narrow_the_listing_and_refuse_unknown_values(client):
    html = html_of(client, "/nguoi-tot-viec-tot/?tinh=da-nang")
    assert "Ngư dân Sơn Trà" in html and "Tài xế xe ôm" not in html
    html = html_of(client, "/nguoi-tot-viec-tot/?xa=phuong-dong-da")
    assert "Học sinh lớp 9" in html and "Ngư dân Sơn Trà" not in html
    html = html_of(client, "/nguoi-tot-viec-tot/?chu-de=phong-chay-chua-chay")
    assert "Người dân phá cửa" in html and "Học sinh lớp 9" not in html
    html = html_of(client, "/mo-hinh/?mo-hinh=nha-tro-tu-quan-van-minh")
    assert "Nhà trọ tự quản, văn minh ở phường Thủ Đức" in html and "Camera an ninh xã Sóc Sơn" not in html
    html = html_of(client, "/dien-dan/?nam=2099", status=400)
    assert "Bộ lọc không hợp lệ" in html
    for bad in ("tinh=khong-co", "xa=%3Cscript%3E", "nam=1" + "0" * 12, "chu-de=" + "x" * 5000):
        assert client.get(f"/nguoi-tot-viec-tot/?{bad}").status_code == 400, bad


def test_index_query_count_does_not_grow_with_page_size(client, monkeypatch):
    monkeypatch.setattr(StoryIndexPage, "page_size", 2)
    small = query_count(client, "/nguoi-tot-viec-tot/")
    monkeypatch.setattr(StoryIndexPage, "page_size", 12)
    large = query_count(client, "/nguoi-tot-viec-tot/")
    assert small == large
    assert large <= 14, large  # the filter choices are kept per content version, not re-read
    monkeypatch.setattr(StoryIndexPage, "page_size", 1)
    assert query_count(client, "/mo-hinh/") == query_count(client, "/mo-hinh/?trang=2")


def test_site_basics(client):
    robots = html_of(client, "/robots.txt")
    assert "Disallow: /admin/" in robots and "Sitemap: http://127.0.0.1/sitemap.xml" in robots
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    assert manifest.json()["lang"] == "vi" and len(manifest.json()["icons"]) >= 2
    assert client.get("/favicon.ico").status_code == 301
    sitemap = html_of(client, "/sitemap.xml")
    assert "/nguoi-tot-viec-tot/tai-xe-xe-om" in sitemap
    not_found = html_of(client, "/khong-co-trang-nay/", status=404)
    assert "Không tìm thấy trang" in not_found and '<html lang="vi">' in not_found
    # A Host header the site does not serve (scanners send them all day): 400, never 500.
    from django.test import Client

    stranger = Client(HTTP_HOST="evil.example", raise_request_exception=False).get("/")
    assert stranger.status_code == 400 and "Yêu cầu không hợp lệ" in stranger.content.decode()
    # Django renders the 500 page with no context at all; it still speaks Vietnamese.
    from django.template import loader

    assert "Trang đang gặp sự cố" in loader.get_template("500.html").render()


def test_the_not_found_page_leads_to_the_sections_as_they_are_now(client):
    """The 404 page lists the live sections from the menu, so a renamed section is followed."""

    section = Page.objects.live().get(slug="mo-hinh").specific
    section.title, section.slug = "Mô hình an ninh cơ sở", "mo-hinh-an-ninh"
    section.save_revision().publish()
    not_found = html_of(client, "/khong-co-trang-nay/", status=404)
    assert '<a href="/mo-hinh-an-ninh/">Mô hình an ninh cơ sở</a>' in not_found
    assert 'href="/mo-hinh/"' not in not_found


def test_the_product_name_is_one_setting(client, settings):
    """The header brand, the manifest's short name and the caption's hashtag follow
    WAGTAIL_SITE_NAME; titles and previews name the operating unit."""
    settings.WAGTAIL_SITE_NAME = "An Lành"
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    page = html_of(client, story.url)
    assert "<span>An Lành</span>" in page and "#AnLành" in page and "#BìnhYên" not in page
    assert client.get("/manifest.webmanifest").json()["short_name"] == "An Lành"


def test_public_pages_are_cacheable_and_personal_ones_are_not(client, admin_user):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    response = client.get(story.url)
    assert "public" in response["Cache-Control"] and "s-maxage=600" in response["Cache-Control"]
    assert not response.cookies
    assert "public" not in client.get("/khong-co-trang-nay/").get("Cache-Control", "")
    assert "public" not in client.get("/nguoi-tot-viec-tot/?tinh=khong-co").get("Cache-Control", "")
    client.force_login(admin_user)
    personal = client.get(story.url)["Cache-Control"]
    assert "private" in personal and "no-store" in personal
    assert "private" in client.get("/admin/")["Cache-Control"]


def test_publishing_purges_the_page_its_section_and_home(client, front_cache_purges):
    purged = front_cache_purges
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    story.save_revision().publish()
    paths = {url.split("127.0.0.1:8000", 1)[-1] for url in purged}
    assert {story.url, "/nguoi-tot-viec-tot/", "/"} <= paths


def test_a_long_commune_list_waits_for_a_province(client, monkeypatch):
    """A national section can hold thousands of communes: until a province is chosen the commune
    select offers none, yet any commune of the section stays a valid filter."""
    import home.listing

    def commune_options(html: str) -> list[str]:
        select = re.search(r'<select name="xa"[^>]*>(.*?)</select>', html, re.S).group(1)
        return re.findall(r'<option value="([^"]*)"', select)

    everything = commune_options(html_of(client, "/nguoi-tot-viec-tot/"))
    assert len(everything) > 4
    monkeypatch.setattr(home.listing, "MAX_COMMUNE_OPTIONS", 3)
    cache.clear()  # the code changed, not the content: the page cache still holds the old page
    assert commune_options(html_of(client, "/nguoi-tot-viec-tot/")) == [""]
    in_ha_noi = commune_options(html_of(client, "/nguoi-tot-viec-tot/?tinh=ha-noi"))
    assert "phuong-dong-da" in in_ha_noi and len(in_ha_noi) < len(everything)
    html = html_of(client, "/nguoi-tot-viec-tot/?xa=phuong-dong-da")
    assert commune_options(html) == ["", "phuong-dong-da"] and "Học sinh lớp 9" in html


def test_the_featured_story_follows_the_rules_of_every_card(client):
    """The editor's featured story shows on the home page only while readers may see it, and
    never with a photo of someone who has not agreed to it."""
    from wagtail.models import PageViewRestriction

    from home.models import HomePage

    featured = HomePage.objects.get().featured_story.specific

    def featured_block() -> str:
        html = html_of(client, "/")
        return re.search(r'<article class="featured">.*?</article>', html, re.S).group(0)

    assert featured.title in featured_block() and "<picture" in featured_block()
    StoryPerson.objects.filter(page=featured).update(photo=featured.hero_image, initials_only=True)
    # Initials only: the text must not name them either before it may be published again.
    from stories.consent import redact

    featured = StoryPage.objects.get(pk=featured.pk)
    for person in featured.people.all():
        redact(
            featured,
            lambda candidate, person=person: candidate.pk == person.pk,
            person.full_name,
            None,
            timezone.now(),
        )
    featured.save_revision().publish()
    assert featured.title in featured_block() and "<picture" not in featured_block()

    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=featured.pk), restriction_type="login"
    )
    assert featured.title not in featured_block()  # the newest public story takes its place
    restriction.delete()
    StoryPage.objects.filter(pk=featured.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert featured.title not in html_of(client, "/")


def test_pages_without_a_share_card_preview_with_the_site_image(client):
    for url in ("/", "/nguoi-tot-viec-tot/"):
        html = html_of(client, url)
        image = meta(html, "og:image")
        assert image and image.startswith("http://127.0.0.1/media/") and "1200x630" in image, url
        assert meta(html, "og:image:width") == "1200" and meta(html, "og:image:height") == "630"
        assert meta(html, "twitter:image") == image


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


def test_index_pages_paginate_and_survive_bad_page_numbers(client):
    # The demo section holds 13 stories: two pages of 12. Anything that is not a page number
    # shows page 1, and a number past the end the last page.
    expected = {"2": "2", "0": "2", "-1": "2", "abc": "1", "1000000000000": "2", "%00": "1"}
    for value, shown in expected.items():
        response = client.get("/nguoi-tot-viec-tot/", {"trang": value})
        assert response.status_code == 200, value
        assert response.context["page_obj"].number == int(shown), value


def test_a_listing_goes_a_bounded_depth_and_says_how_to_go_further(client, monkeypatch, settings):
    # The demo stories (more than 8), 4 a page, at most 2 pages: the reader is told there are
    # more than 8 and, on the last page the listing goes to (whatever page number is asked),
    # how to find the rest.
    from home import listing

    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(StoryIndexPage, "page_size", 4)
    monkeypatch.setattr(listing, "MAX_PAGES", 2)
    first = html_of(client, "/nguoi-tot-viec-tot/")
    assert '<p class="count">Hơn 8 bài</p>' in first
    assert "Trang 1 / 2" in first and "Danh sách chỉ đi đến trang" not in first
    for asked in ("2", "3", "4000"):
        response = client.get("/nguoi-tot-viec-tot/", {"trang": asked})
        assert response.status_code == 200
        assert response.context["page_obj"].number == 2
        html = response.content.decode()
        assert "Danh sách chỉ đi đến trang 2, gồm 8 bài mới nhất." in html
        assert 'rel="next"' not in html
    # Under the bound, the count is exact and nothing is said.
    monkeypatch.setattr(listing, "MAX_PAGES", 4)
    html = html_of(client, "/nguoi-tot-viec-tot/?trang=4")
    exact = re.search(r'<p class="count">(\d+) bài</p>', html)
    assert exact and 8 < int(exact.group(1)) <= 16 and "Danh sách chỉ đi đến trang" not in html


def test_site_settings_hold_the_legal_footer():
    settings_obj = SiteSettings.for_site(HomePage.objects.get().get_site())
    assert settings_obj.operating_unit and settings_obj.content_responsible and settings_obj.email
    assert [b.value["number"] for b in settings_obj.hotlines][:3] == ["113", "114", "115"]


def test_a_deep_page_lists_the_same_stories_in_the_same_order(rf, monkeypatch):
    """A page read plainly, keys first (`KEYS_FIRST_FROM`) or from the kept keys of its list
    (`keys_cache`): the reader must get exactly the stories, order and count of the plain slice."""
    from home import listing

    items = StoryPage.objects.live().public().select_related("commune").order_by("-first_published_at", "-pk")
    expected = [story.title for story in items]
    assert len(expected) > 6
    request = rf.get("/")
    pages = {}
    for way, keys_first_from, keys_cache in (("plain", 10_000, ""), ("keys", 0, ""), ("kept", 10_000, "t")):
        monkeypatch.setattr(listing, "KEYS_FIRST_FROM", keys_first_from)
        paginator = listing.CappedPaginator(items, 3, keys_cache=keys_cache, request=request)
        pages[way] = [[story.title for story in paginator.page(n)] for n in paginator.page_range]
        assert paginator.count == len(expected)
    assert pages["plain"] == pages["keys"] == pages["kept"]
    assert [title for page in pages["plain"] for title in page] == expected


def test_a_section_sorts_its_list_once_and_sees_a_publication_at_once(client, settings):
    """The keys of a filtered list are read once per content version, for all of its pages;
    a new story in that filter is on its first page from the next request."""
    settings.PAGE_CACHE_SECONDS = 0
    from home import listing

    url = "/nguoi-tot-viec-tot/?tinh=ha-noi"
    keys_limit = f"LIMIT {listing.MAX_PAGES * StoryIndexPage.page_size + 1}"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert [q for q in queries.captured_queries if keys_limit in q["sql"]]  # the keys, read once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{url}&trang=2").status_code == 200
    sorted_again = [q["sql"] for q in queries.captured_queries if keys_limit in q["sql"]]
    counted = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(")]
    assert not sorted_again and not counted  # the kept keys serve page 2 and say how many
    in_hanoi = StoryPage.objects.live().filter(commune__province__slug="ha-noi").first()
    fresh = in_hanoi.copy(
        update_attrs={"title": "Bà cụ bán nước trả lại chiếc ví", "slug": "ba-cu-tra-lai-vi", "live": False},
    )
    fresh.save_revision().publish()
    listed = [story.pk for story in client.get(url).context["page_obj"]]
    assert listed[0] == fresh.pk


def test_the_home_page_costs_a_fixed_number_of_queries(client, settings):
    # The content version, the home page, its ancestors and their view restrictions (Wagtail's
    # check): the site, its settings and the cards of every block are kept under the version.
    assert query_count(client, "/") == 5
    # The first reader after a publication builds again everything kept under the content
    # version: the featured story and one query a block, the lead images of every block with
    # their renditions (two queries in all), the people of the stories' cards, the showcases'
    # communes and figures, the sections, the sites' root paths and the menu. A fixed number still.
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert len(queries) == 26


def test_the_home_page_shows_a_publication_at_once_with_its_cards_kept(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    title = "Anh xe ôm đưa cụ bà lạc đường về nhà"
    assert title not in html_of(client, "/")  # the cards are kept now
    story = StoryPage.objects.live().first()
    story.copy(
        update_attrs={"title": title, "slug": "xe-om-dua-cu-ba", "live": False}
    ).save_revision().publish()
    assert title in html_of(client, "/")


def test_a_forum_that_ended_leaves_the_home_page_its_cards_kept_at_most_a_minute(client, settings):
    """The content version does not change when a forum ends, so the home page keeps its cards
    at most `PUBLIC_CACHE_MAX_AGE` (home.models.pages.HomePage._blocks)."""
    settings.PAGE_CACHE_SECONDS = 0
    forum = upcoming_forum()
    ends = timezone.now() + timedelta(minutes=30)
    ForumAnnouncementPage.objects.filter(pk=forum.pk).update(
        starts_at=ends - timedelta(hours=2), ends_at=ends
    )
    assert forum.title in html_of(client, "/")  # the cards are kept now
    with time_machine.travel(ends + timedelta(seconds=1), tick=False):
        assert forum.title not in html_of(client, "/")

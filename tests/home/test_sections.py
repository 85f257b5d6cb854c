"""Section listings as a reader meets them: a commune left over from another province, and a
unit's own section (a ward's stories) listing everything of its ward."""

import datetime
import re
import zoneinfo

import pytest
from django import forms
from django.db import connection

from forums.models import ForumAnnouncementPage
from home.models import HomePage
from stories.models import StoryIndexPage, StoryPage
from tests.helpers import html_of, query_count

pytestmark = pytest.mark.django_db


def card_titles(html: str) -> set[str]:
    return set(re.findall(r'<h2 class="card-title"><a href="[^"]*">([^<]*)</a>', html))


def test_a_commune_of_another_province_is_dropped_with_a_notice_and_the_rest_applies(client):
    response = client.get("/nguoi-tot-viec-tot/", {"tinh": "da-nang", "xa": "phuong-hoan-kiem"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã bỏ lọc “Phường Hoàn Kiếm”: xã, phường này không thuộc Đà Nẵng." in html
    assert "không phải là một trong các lựa chọn" not in html
    da_nang = StoryPage.objects.live().filter(commune__province__slug="da-nang")
    assert card_titles(html) == {story.title for story in da_nang} != set()
    # The commune select now offers Đà Nẵng's communes, none chosen.
    select = re.search(r'<select name="xa".*?</select>', html, re.S).group(0)
    assert "Phường Hoàn Kiếm" not in select and "(Đà Nẵng)" in select
    assert re.search(r'<option value="" selected>', select)


def test_a_commune_that_is_nowhere_is_still_refused(client):
    response = client.get("/nguoi-tot-viec-tot/", {"tinh": "da-nang", "xa": "khong-co-xa-nay"})
    assert response.status_code == 400
    assert "Bộ lọc không hợp lệ" in response.content.decode()


def test_a_wards_own_section_lists_every_story_of_its_ward_wherever_it_is_filed(client):
    ward = StoryIndexPage.objects.get(slug="phuong-hoan-kiem")
    of_ward = {story.title for story in StoryPage.objects.live().filter(commune__slug="phuong-hoan-kiem")}
    filed_below = {story.title for story in StoryPage.objects.live().descendant_of(ward)}
    assert filed_below < of_ward  # the ward's editors filed only some of them in their section
    html = html_of(client, ward.url)
    assert (
        card_titles(html)
        == of_ward
        == card_titles(html_of(client, "/nguoi-tot-viec-tot/?xa=phuong-hoan-kiem"))
    )
    assert f"{len(of_ward)} bài" in html
    assert "Mọi bài về Phường Hoàn Kiếm, Hà Nội, dù đăng ở chuyên mục nào." in html
    assert '<a href="/nguoi-tot-viec-tot/">Xem cả chuyên mục Người tốt, việc tốt</a>' in html
    # The whole section still lists what is filed below it, the ward's part included.
    assert of_ward <= card_titles(html_of(client, "/nguoi-tot-viec-tot/?tinh=ha-noi&trang=1")) | of_ward
    assert "Mọi bài về" not in html_of(client, "/nguoi-tot-viec-tot/")


def test_a_wards_section_costs_no_more_queries_than_the_whole_section(client):
    ward = StoryIndexPage.objects.get(slug="phuong-hoan-kiem")
    # Wagtail's routing reads the one more level of the address (the page, and its route check).
    assert query_count(client, ward.url) <= query_count(client, "/nguoi-tot-viec-tot/") + 2


def test_an_unpublished_section_answers_404_from_the_next_request(client, settings):
    """The home page routes to a kind's section from a cache kept under the content version:
    unpublishing the section must not leave it reachable there."""
    settings.PAGE_CACHE_SECONDS = 0
    section = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")
    story = StoryPage.objects.live().child_of(section).first()
    assert client.get("/nguoi-tot-viec-tot/").status_code == 200
    assert client.get(story.url).status_code == 200  # both routed from the cache now
    section.unpublish()
    assert client.get("/nguoi-tot-viec-tot/").status_code == 404


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL covering index")
def test_postgresql_has_the_covering_page_index_place_filters_read():
    """Province and commune listings check visibility and sort from this index, not page rows
    (home/migrations/0010)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'home_page_listing_cover'")
        row = cursor.fetchone()
    assert row, "home_page_listing_cover is missing"
    assert "INCLUDE (first_published_at, live, expire_at, depth, path)" in row[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL covering index")
def test_postgresql_walks_pages_newest_first_from_an_index_alone():
    """Feeds, the API and unfiltered lists check the visibility rule from this index while they
    walk pages newest first, not from each page's row (home/migrations/0012)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'home_page_newest_cover'")
        row = cursor.fetchone()
    assert row, "home_page_newest_cover is missing"
    assert "(first_published_at, id) INCLUDE (live, expire_at, path, depth)" in row[0]


def test_finding_the_home_page_sections_reads_an_index_not_every_page():
    """The menu on every page asks for the home page's children; the home page's path range holds
    every page of the site, so without an index on tree level that read the whole page table
    (86 ms at 300,000 stories; home/migrations/0011)."""
    home = HomePage.objects.get()
    menu = home.get_children().live().in_menu()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is too small to prefer it
        plan = menu.explain()
    assert "home_page_tree_level" in plan


def _years_offered(client, url):
    return [value for value, _label in client.get(url).context["filter_form"].fields["nam"].choices if value]


def test_the_year_filter_offers_the_years_readers_can_find_newest_first(client, settings):
    """Asked year by year (home.listing `_years_dated`): a year nothing is dated in, or only a
    draft, is not offered."""
    settings.PAGE_CACHE_SECONDS = 0
    stories = StoryPage.objects.live().order_by("pk")
    StoryPage.objects.filter(pk__in=stories.values("pk")).update(deed_date=datetime.date(2019, 6, 1))
    StoryPage.objects.filter(pk=stories.first().pk).update(deed_date=datetime.date(2023, 1, 1))
    draft = stories.last()
    draft.unpublish()
    StoryPage.objects.filter(pk=draft.pk).update(deed_date=datetime.date(2011, 12, 31))
    assert _years_offered(client, "/nguoi-tot-viec-tot/") == ["2023", "2019"]


def test_the_year_filter_of_forums_reads_vietnam_time(client, settings):
    """A forum at 5 in the morning of New Year's Day in Vietnam is the year's, though it is still
    the year before in UTC."""
    settings.PAGE_CACHE_SECONDS = 0
    forums = ForumAnnouncementPage.objects.live().order_by("pk")
    new_year = datetime.datetime(2030, 1, 1, 5, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
    forums.update(starts_at=new_year - datetime.timedelta(days=400), ends_at=new_year)
    ForumAnnouncementPage.objects.filter(pk=forums.first().pk).update(starts_at=new_year)
    offered = _years_offered(client, "/dien-dan/")
    assert offered[0] == "2030" and "2029" not in offered


def _markup(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def test_the_filter_selects_print_what_django_prints_and_escape_labels(client, settings):
    """The filters' selects are written in Python (home.listing.QuickSelect), for speed."""
    settings.PAGE_CACHE_SECONDS = 0
    form = client.get("/nguoi-tot-viec-tot/?tinh=ha-noi&nam=2026").context["filter_form"]
    form.fields["chu-de"].choices = [*form.fields["chu-de"].choices, ("x", '<script>alert("x")</script>')]
    quick = {}
    for field in form.visible_fields():
        quick[field.name] = str(field)
        field.field.widget = forms.Select(choices=field.field.choices)
        assert _markup(quick[field.name]) == _markup(str(field)), field.name
    assert "<script>" not in quick["chu-de"] and "&lt;script&gt;" in quick["chu-de"]
    assert '<option value="ha-noi" selected>' in quick["tinh"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL covering index")
def test_postgresql_walks_each_kinds_own_newest_pages():
    """A feed of several kinds reads each kind's newest keys; led by the content type, the walk
    starts at that kind's newest page instead of passing every newer page of another kind
    (home/migrations/0013: 0.37 s -> 0.6 ms for 20,000 showcases older than 300,000 stories)."""
    from feeds.slices import FeedSlice
    from home import kinds
    from models_showcase.models import ModelShowcasePage

    kind = kinds.for_model(ModelShowcasePage)
    keys = FeedSlice().queryset(kind).values_list("first_published_at", "pk")[:51]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is too small to prefer it
        plan = keys.explain()
    assert "home_page_kind_newest_cover" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL covering index")
def test_postgresql_walks_showcases_in_title_order_on_their_own():
    """Showcases are listed by name (the home page's block, their section's keys); the listing
    names its kind's content type, so the walk reads showcases from the first title instead of
    sorting every page of the site (home/migrations/0014: the home page after a publication,
    178 -> 95 ms at 300,000 stories and 20,000 showcases)."""
    from models_showcase.models import ModelShowcasePage

    home = HomePage.objects.get()
    first = ModelShowcasePage.objects.listing(images=False).descendant_of(home)[:4]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is too small to prefer it
        cursor.execute("SET LOCAL enable_sort = off")
        plan = first.explain()
    assert "home_page_kind_title_cover" in plan, plan

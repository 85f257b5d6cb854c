"""The search page /tim-kiem/: finding, filtering, ordering, promoting, logging, explaining."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from forums.models import ForumAnnouncementPage
from home import kinds
from home.models import Commune, HomePage
from models_showcase.models import ModelShowcasePage
from search.queries import PAGE_SIZE
from stories.models import StoryPage
from tests.search.helpers import result_count, result_urls, search, unaccent

pytestmark = pytest.mark.django_db


def all_result_urls(client, **params) -> list[str]:
    urls, page = [], 1
    while True:
        response = search(client, trang=str(page), **params)
        found = result_urls(response)
        urls += found
        if 'rel="next"' not in response.content.decode():
            return urls
        page += 1


def demo_pages():
    home = HomePage.objects.get()
    return list(Page.objects.live().descendant_of(home, inclusive=True).specific())


def test_every_demo_page_is_found_by_its_title_typed_without_marks(client):
    pages = demo_pages()
    assert len(pages) >= 25
    for page in pages:
        plain = unaccent(page.title)
        assert not re.search(r"[^\x00-\x7f]", plain)
        # A section comes after the content pages that match as well as it does, or, for a
        # kind's own section, is linked above its pages.
        if kinds.of_article(page):
            urls = result_urls(search(client, q=plain))
        else:
            first = search(client, q=plain).content.decode()
            urls = all_result_urls(client, q=plain) + re.findall(
                r'<p class="hint">[^<]*<a href="([^"]*)"', first
            )
        assert page.url in urls, (page.title, plain)


def test_accented_and_plain_queries_give_the_same_result_set(client):
    for page in demo_pages():
        accented, plain = search(client, q=page.title), search(client, q=unaccent(page.title))
        assert result_urls(accented) == result_urls(plain), page.title
        assert result_count(accented) == result_count(plain), page.title


def test_the_examples_of_the_issue(client):
    # The slogan finds the stories that carry it (their kind), not only their section.
    slogan = result_urls(search(client, q="nguoi tot viec tot"))
    stories = {page.url for page in StoryPage.objects.live()}
    assert len(slogan) == 10 and set(slogan) <= stories
    slogan_page = search(client, q="nguoi tot viec tot").content.decode()
    assert '<p class="hint">Tìm trong mục <a href="/nguoi-tot-viec-tot/">' in slogan_page
    forum = ForumAnnouncementPage.objects.get(title__contains="chợ Đống Đa")
    assert result_urls(search(client, q="dong da"))[0] == forum.url


def test_matched_words_are_highlighted_with_or_without_marks(client):
    for query in ("dong da", "Đống Đa", "ĐỐNG ĐA"):
        html = search(client, q=query).content.decode()
        assert "chợ <mark>Đống</mark> <mark>Đa</mark>" in html, query


def test_the_count_and_pagination_keep_the_query_and_filters(client, monkeypatch):
    response = search(client, q="phuong")
    total = result_count(response)
    assert total > PAGE_SIZE
    html = response.content.decode()
    assert len(result_urls(response)) == PAGE_SIZE
    assert 'rel="next" href="?q=phuong&amp;trang=2"' in html
    urls = all_result_urls(client, q="phuong")
    assert len(urls) == len(set(urls)) == total
    monkeypatch.setattr("search.queries.PAGE_SIZE", 3)  # the demo's Hà Nội results fit one page of 10
    filtered = search(client, q="phuong", tinh="ha-noi")
    assert result_count(filtered) > 3
    assert "tinh=ha-noi" in filtered.content.decode().split('rel="next"')[1][:120]


def test_type_filter(client):
    forums = {page.url for page in ForumAnnouncementPage.objects.live()}
    urls = all_result_urls(client, q="an ninh", loai="dien-dan")
    assert urls and set(urls) <= forums
    stories = {page.url for page in StoryPage.objects.live()}
    assert set(all_result_urls(client, q="an ninh", loai="nguoi-tot-viec-tot")) <= stories


def test_province_and_commune_filters(client):
    ha_noi_urls = set(all_result_urls(client, q="an ninh", tinh="ha-noi"))
    assert ha_noi_urls
    by_url = {page.url: page for page in Page.objects.live().specific()}
    for url in ha_noi_urls:
        assert by_url[url].province.slug == "ha-noi", url
    assert ha_noi_urls < set(all_result_urls(client, q="an ninh"))
    # The showcase in Láng and Đống Đa (two communes) is found from either commune.
    showcase = ModelShowcasePage.objects.get(title__startswith="Tổ liên gia")
    for commune in showcase.communes.all():
        assert showcase.url in all_result_urls(client, q="to lien gia", tinh="ha-noi", xa=commune.slug)
    assert showcase.url not in all_result_urls(client, q="to lien gia", tinh="ha-noi", xa="xa-soc-son")


def test_commune_choices_appear_once_a_province_is_chosen(client):
    assert 'name="xa"' not in search(client, q="an ninh").content.decode()
    html = search(client, q="an ninh", tinh="ha-noi").content.decode()
    assert 'name="xa"' in html and "Phường Đống Đa" in html
    assert "Phường Hải Châu" not in html
    # Only communes with something a reader may find: a login-only story does not count.
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    empty = Commune.objects.filter(province__slug="ha-noi").exclude(
        name__in=re.findall(r">([^<>]+)</option>", html)
    )
    commune = empty.order_by("code").first()
    story.commune = commune
    story.save_revision().publish()  # as an editor moves it: the choices follow at once
    assert commune.name in search(client, q="an ninh", tinh="ha-noi").content.decode()
    PageViewRestriction.objects.create(page=Page.objects.get(pk=story.pk), restriction_type="login")
    assert commune.name not in search(client, q="an ninh", tinh="ha-noi").content.decode()


def test_date_range_uses_the_date_of_the_deed(client):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    day = story.deed_date.isoformat()
    assert story.url in all_result_urls(client, q="tai xe om", tu=day, den=day)
    before = (story.deed_date - datetime.timedelta(days=1)).isoformat()
    assert story.url not in all_result_urls(client, q="tai xe om", den=before)
    # Dates typed the Vietnamese way work too, and a reversed range is put right.
    vn_day = story.deed_date.strftime("%d/%m/%Y")
    response = search(client, q="tai xe om", tu=day, den=vn_day)
    assert story.url in result_urls(response)
    response = search(client, q="tai xe om", tu=story.deed_date.replace(year=2099).isoformat(), den=day)
    assert "đảo lại" in response.content.decode()


def test_newest_first_order(client):
    urls = all_result_urls(client, q="phuong", **{"sap-xep": "moi-nhat"})
    by_url = {page.url: page for page in Page.objects.live().specific()}
    published = [by_url[url].first_published_at for url in urls]
    assert published == sorted(published, reverse=True)
    assert set(urls) == set(all_result_urls(client, q="phuong"))


def test_empty_state_helps(client):
    html = search(client, q="Xyzzy Plúgh").content.decode()
    assert "Không tìm thấy kết quả nào" in html
    assert "“xyzzy plugh”" in html  # the spelling without marks, as an example
    assert "Tìm kiếm phổ biến" in html
    assert "Bỏ bớt bộ lọc" not in html  # there is no filter to remove
    filtered = search(client, q="kenh", loai="dien-dan").content.decode()
    assert "Bỏ bớt bộ lọc" in filtered
    assert 'href="?q=kenh">' in filtered


def test_some_words_missing_falls_back_to_any_word(client):
    response = search(client, q="camera xyzzy")
    assert result_urls(response)
    assert "Không trang nào có đủ tất cả các từ" in response.content.decode()


def test_invalid_filters_are_ignored_with_a_vietnamese_notice(client):
    html = search(
        client, q="an ninh", tinh="khong-co-tinh-nay", loai="bogus", tu="31/02/2024"
    ).content.decode()
    assert "Không có tỉnh, thành phố này" in html
    assert "Loại nội dung không hợp lệ" in html
    assert "Ngày không hợp lệ" in html
    assert result_count(search(client, q="an ninh")) == result_count(
        search(client, q="an ninh", tinh="khong-co-tinh-nay")
    )


def test_promoted_results_come_first_whatever_the_marks(client):
    story = StoryPage.objects.get(title__startswith="Người mẹ trẻ")
    query = Query.get("Đống Đa")  # as an editor types it in the admin
    SearchPromotion.objects.create(query=query, page=story, sort_order=0, description="Bài được đề xuất.")
    for typed in ("dong da", "Đống Đa"):
        response = search(client, q=typed)
        urls = result_urls(response)
        assert urls[0] == story.url
        assert urls.count(story.url) == 1
        assert "Đề xuất" in response.content.decode()


def test_queries_are_logged_folded_when_they_find_something(client):
    search(client, q="Camera an ninh")
    search(client, q="CAMERA AN NINH")
    assert Query.objects.get(query_string="camera an ninh").hits == 2
    search(client, q="xyzzy")
    search(client, q="camera xyzzy")  # found only by some of its words
    assert not Query.objects.filter(query_string__contains="xyzzy").exists()
    search(client, q="phuong", trang="2")
    assert not Query.objects.filter(query_string="phuong").exists()


def test_popular_searches_are_shown_with_their_marks(client):
    for _ in range(3):
        search(client, q="camera an ninh")
    html = search(client).content.decode()
    assert "Tìm kiếm phổ biến" in html
    assert re.search(r'<a href="/tim-kiem/\?q=Camera%20an%20ninh">Camera an ninh</a>', html)


def test_login_restricted_draft_and_expired_pages_never_appear(client):
    restricted = StoryPage.objects.get(title__startswith="Bảo vệ chung cư")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    draft = StoryPage.objects.get(title__startswith="Thanh niên nhảy xuống kênh")
    draft.unpublish()
    expired = StoryPage.objects.get(title__startswith="Tiểu thương Hội An")
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    grouped = StoryPage.objects.get(title__startswith="Nông dân Củ Chi")
    restriction = PageViewRestriction.objects.create(
        page=grouped, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.first())
    for page in (restricted, draft, expired, grouped):
        for query in (page.title, unaccent(page.title)):
            assert page.url not in result_urls(search(client, q=query)), page.title
        suggestions = client.get("/tim-kiem/goi-y/", {"q": unaccent(page.title)[:20]}).json()["results"]
        assert page.title not in [item["title"] for item in suggestions]


def test_a_page_restricted_or_expired_after_a_search_leaves_the_next_one(client):
    # Search keeps the restricted sections and the expired pages under the content version;
    # a restriction or an expiry made after a search must reach the very next one.
    restricted = StoryPage.objects.get(title__startswith="Bảo vệ chung cư")
    expired = StoryPage.objects.get(title__startswith="Tiểu thương Hội An")
    for page in (restricted, expired):
        assert page.url in result_urls(search(client, q=unaccent(page.title)))
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    for page in (restricted, expired):
        assert page.url not in result_urls(search(client, q=unaccent(page.title))), page.title


def test_cache_headers(client):
    assert client.get("/tim-kiem/")["Cache-Control"] == "public, max-age=300"
    for params in ({"q": "an ninh"}, {"q": ""}, {"loai": "mo-hinh"}):
        cache_control = client.get("/tim-kiem/", params)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control


def test_the_page_works_without_javascript(client):
    html = search(client).content.decode()
    assert re.search(r'<form class="search-form" action="/tim-kiem/" method="get" role="search">', html)
    assert 'name="q"' in html and 'type="submit"' in html
    assert '<html lang="vi">' in html
    # The search page can be indexed; its results (a query) are not.
    assert 'name="robots" content="noindex' not in html
    assert 'name="robots" content="noindex' in search(client, q="camera").content.decode()
    home = client.get("/").content.decode()
    assert 'action="/tim-kiem/"' in home and 'data-suggest-url="/tim-kiem/goi-y/"' in home
    assert "/static/js/search.js" in home


def test_search_accepts_only_safe_methods(client):
    assert client.post("/tim-kiem/", {"q": "an ninh"}).status_code == 405


def test_suggestions_return_titles_for_a_partial_folded_query(client):
    response = client.get("/tim-kiem/goi-y/", {"q": "nguoi to"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "private" in response["Cache-Control"]
    data = response.json()
    assert data["query"] == "nguoi to"
    assert data["completed"] == "nguoi tot"  # the last word completed as the titles have it
    assert data["search_url"] == "/tim-kiem/?q=nguoi+tot"
    assert 1 <= len(data["results"]) <= 6
    assert any(item["type"] == "Người tốt, việc tốt" for item in data["results"])
    forum = ForumAnnouncementPage.objects.get(title__contains="chợ Đống Đa")
    for typed in ("cho dong d", "chợ Đống Đ"):
        titles = [item["title"] for item in client.get("/tim-kiem/goi-y/", {"q": typed}).json()["results"]]
        assert forum.title in titles, typed
    assert client.get("/tim-kiem/goi-y/", {"q": '\x00\u2028"'}).json()["results"] == []


def test_a_search_with_more_results_than_a_reader_can_page_through_says_more_than(client, monkeypatch):
    from search import queries
    from search.backends.postgres import PostgresRankingMixin

    # PostgreSQL scores one more match than a reader can page through, to know there are more.
    assert PostgresRankingMixin.RANK_CANDIDATES == queries.MAX_RESULTS + 1
    total = result_count(search(client, q="phuong"))
    assert total > 2 * PAGE_SIZE
    monkeypatch.setattr(queries, "MAX_RESULTS", 2 * PAGE_SIZE)
    response = search(client, q="phuong", trang="9")
    html = response.content.decode()
    assert f"Tìm thấy hơn <strong>{2 * PAGE_SIZE}</strong> kết quả" in html
    assert response.context["outcome"].page_obj.number == 2 and 'rel="next"' not in html

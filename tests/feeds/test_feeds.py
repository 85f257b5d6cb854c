"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 for every slice of the demo site, read with real parsers."""

import datetime
import json
import os
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode, urlsplit

import feedparser
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

import feeds.slices
from feeds import sharecard
from forums.models import ForumAnnouncementPage
from home import kinds
from home.models import Commune
from home.topics import available_topics
from models_showcase.models import ModelShowcasePage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

FORMATS = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


def demo_slices():
    """Query strings of every slice the demo site has content for."""
    slices = [{}]
    slices += [{"loai": kind.slug} for kind in kinds.all_kinds()]
    communes = Commune.objects.filter(
        pk__in=[
            *StoryPage.objects.live().values_list("commune", flat=True),
            *ForumAnnouncementPage.objects.live().values_list("commune", flat=True),
        ]
    ).select_related("province")
    provinces = {c.province.slug for c in communes}
    slices += [{"tinh": p} for p in sorted(provinces)]
    slices += [{"tinh": c.province.slug, "xa": c.slug} for c in communes]
    slices += [{"chu-de": slug} for slug in available_topics()]
    slices += [{"tinh": "ha-noi", "xa": "phuong-hoan-kiem", "loai": "nguoi-tot-viec-tot"}]
    slices += [{"tinh": "ha-noi", "loai": "mo-hinh"}, {"loai": "nguoi-tot-viec-tot", "chu-de": "cuu-nguoi"}]
    return slices


def feed_url(fmt, **params):
    query = urlencode(params)
    return f"/nguon-tin/{fmt}/" + (f"?{query}" if query else "")


def json_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return json.loads(response.content)


def rfc3339(value: str) -> datetime.datetime:
    parsed = datetime.datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


# --- Acceptance: every feed parses, every item has an absolute link and a date -------------


def test_every_demo_feed_parses_without_bozo_and_items_have_absolute_links_and_dates(client):
    slices = demo_slices()
    assert len(slices) > 30
    for params in slices:
        for fmt in ("rss", "atom"):
            url = feed_url(fmt, **params)
            response = client.get(url)
            assert response.status_code == 200, url
            parsed = feedparser.parse(response.content)
            assert not parsed.bozo, (url, parsed.get("bozo_exception"))
            assert parsed.entries, url
            for entry in parsed.entries:
                assert urlsplit(entry.link).scheme == "http" and urlsplit(entry.link).netloc, url
                assert entry.get("published_parsed") and entry.get("updated_parsed"), (url, entry.title)
        data = json_feed(client, feed_url("json", **params))
        assert data["items"]
        for item in data["items"]:
            assert urlsplit(item["url"]).netloc
            rfc3339(item["date_published"])


def test_json_feed_has_every_field_json_feed_1_1_requires(client):
    data = json_feed(client, feed_url("json"))
    # Top level: version (the 1.1 URL), title and items are required.
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(data["title"], str) and data["title"]
    assert isinstance(data["items"], list) and data["items"]
    assert data["language"] == "vi"
    assert data["feed_url"] == "http://127.0.0.1/nguon-tin/json/"
    assert data["home_page_url"].startswith("http://127.0.0.1")
    assert all(isinstance(author["name"], str) for author in data["authors"])
    ids = set()
    for item in data["items"]:
        # Each item: a unique string id, and content_html or content_text.
        assert isinstance(item["id"], str) and item["id"] not in ids
        ids.add(item["id"])
        assert isinstance(item.get("content_text") or item.get("content_html"), str)
        assert item["title"] and item["summary"]
        assert item["image"].startswith("http")
        assert rfc3339(item["date_modified"]) >= rfc3339(item["date_published"])
        assert isinstance(item["tags"], list) and all(isinstance(t, str) for t in item["tags"])
        assert item["authors"][0]["name"]


def test_content_types_language_and_self_link_equal_to_the_request(client):
    url = "/nguon-tin/{}/?xa=phuong-hoan-kiem&tinh=ha-noi&utm_source=fanpage"
    for fmt, content_type in FORMATS.items():
        response = client.get(url.format(fmt))
        assert response.status_code == 200
        assert response["Content-Type"].split(";")[0] == content_type
    requested = "http://127.0.0.1" + url.format("rss")
    rss = feedparser.parse(client.get(url.format("rss")).content)
    assert rss.feed.language == "vi"
    assert {link.href for link in rss.feed.links if link.rel == "self"} == {requested}
    atom = feedparser.parse(client.get(url.format("atom")).content)
    assert atom.feed.language == "vi"
    assert {link.href for link in atom.feed.links if link.rel == "self"} == {requested.replace("rss", "atom")}
    data = json.loads(client.get(url.format("json")).content)
    assert data["feed_url"] == requested.replace("rss", "json")


# --- Items ----------------------------------------------------------------------------------


def test_rss_item_has_guid_dates_category_author_and_its_real_image(client, story):
    response = client.get(feed_url("rss", loai="nguoi-tot-viec-tot"))
    parsed = feedparser.parse(response.content)
    entry = next(e for e in parsed.entries if e.title == story.title)
    assert entry.id == f"urn:uuid:{story.translation_key}"
    assert entry.guidislink is False
    assert entry.link == story.full_url
    assert entry.summary == story.sapo
    assert parsedate_to_datetime(entry.published) == story.first_published_at.replace(microsecond=0)
    assert entry.updated_parsed is not None
    assert {"Người tốt, việc tốt", "Bắt giữ kẻ trộm, cướp", "cướp giật"} <= {t.term for t in entry.tags}
    assert entry.author == story.byline
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    # A rendition, never the uploaded original (which may still hold what the photo recorded).
    rendition = story.hero_image.get_rendition("width-1200|format-jpeg")
    assert enclosure.href.endswith(rendition.url) and "/original_images/" not in enclosure.href
    assert int(enclosure.length) == os.path.getsize(os.path.join(settings.MEDIA_ROOT, rendition.file.name))
    assert enclosure.type == "image/jpeg"
    [media] = entry.media_content
    assert media["url"] == enclosure.href and media["medium"] == "image"
    assert int(media["filesize"]) == int(enclosure.length)
    assert (int(media["width"]), int(media["height"])) == (rendition.width, rendition.height)
    raw = response.content.decode()
    assert 'xmlns:media="http://search.yahoo.com/mrss/"' in raw
    assert "<atom:updated>" in raw and "<pubDate>" in raw


def test_atom_entry_has_enclosure_link_dates_author_and_categories(client, story):
    parsed = feedparser.parse(client.get(feed_url("atom", loai="nguoi-tot-viec-tot")).content)
    entry = next(e for e in parsed.entries if e.title == story.title)
    assert entry.id == f"urn:uuid:{story.translation_key}"
    assert entry.published_parsed and entry.updated_parsed
    assert entry.author == story.byline
    assert "cướp giật" in {t.term for t in entry.tags}
    [enclosure] = [link for link in entry.links if link.rel == "enclosure"]
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 1000
    assert parsed.feed.id == "http://127.0.0.1/nguon-tin/atom/?loai=nguoi-tot-viec-tot"


def test_the_guid_stays_when_the_title_and_slug_change(client, story):
    before = json_feed(client, feed_url("json", loai="nguoi-tot-viec-tot"))
    old = next(i for i in before["items"] if i["title"] == story.title)
    story.title = "Tiêu đề mới cho câu chuyện"
    story.slug = "tieu-de-moi"
    story.save_revision().publish()
    after = json_feed(client, feed_url("json", loai="nguoi-tot-viec-tot"))
    new = next(i for i in after["items"] if i["title"] == "Tiêu đề mới cho câu chuyện")
    assert new["id"] == old["id"]
    assert new["url"] != old["url"] and new["url"].endswith("/tieu-de-moi/")


def test_no_featured_person_is_named_without_consent(client):
    """The demo's schoolgirl is shown by initials only; her name never leaves the site."""
    for fmt in FORMATS:
        body = client.get(feed_url(fmt, tinh="ha-noi", xa="phuong-dong-da")).content.decode()
        assert "Học sinh lớp 9" in body
        assert "Nguyễn Thu Hà" not in body


# --- Slices ---------------------------------------------------------------------------------


def test_a_commune_feed_contains_only_that_communes_items(client, hoan_kiem):
    data = json_feed(client, feed_url("json", tinh="ha-noi", xa="phuong-hoan-kiem"))
    expected = {
        *[p.full_url for p in StoryPage.objects.live().filter(commune=hoan_kiem)],
        *[p.full_url for p in ForumAnnouncementPage.objects.live().filter(commune=hoan_kiem)],
        *[p.full_url for p in ModelShowcasePage.objects.live().filter(communes=hoan_kiem)],
    }
    assert len(expected) >= 3
    assert {item["url"] for item in data["items"]} == expected
    assert "Phường Hoàn Kiếm" in data["title"]


def test_a_communes_stories_and_a_topic(client, hoan_kiem):
    data = json_feed(
        client, feed_url("json", tinh="ha-noi", xa="phuong-hoan-kiem", loai="nguoi-tot-viec-tot")
    )
    expected = {p.full_url for p in StoryPage.objects.live().filter(commune=hoan_kiem)}
    assert {item["url"] for item in data["items"]} == expected
    topic = json_feed(client, feed_url("json", **{"chu-de": "cuop-giat"}))
    assert [item["title"] for item in topic["items"]] == [
        p.title for p in StoryPage.objects.live().filter(tags__name="cướp giật")
    ]


def test_province_and_type_feeds_hold_only_their_items(client):
    data = json_feed(client, feed_url("json", tinh="da-nang"))
    expected = {
        *[p.full_url for p in StoryPage.objects.live().filter(commune__province__slug="da-nang")],
        *[p.full_url for p in ForumAnnouncementPage.objects.live().filter(commune__province__slug="da-nang")],
        *[p.full_url for p in ModelShowcasePage.objects.live().filter(province__slug="da-nang")],
    }
    assert {item["url"] for item in data["items"]} == expected
    showcases = json_feed(client, feed_url("json", loai="mo-hinh"))
    assert {item["url"] for item in showcases["items"]} == {
        p.full_url for p in ModelShowcasePage.objects.live()
    }


def test_everything_is_newest_first_across_the_three_types(client):
    data = json_feed(client, feed_url("json"))
    dates = [rfc3339(item["date_published"]) for item in data["items"]]
    assert dates == sorted(dates, reverse=True)
    total = sum(m.objects.live().count() for m in (StoryPage, ModelShowcasePage, ForumAnnouncementPage))
    assert len(data["items"]) == total


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("xa=khong-co-xa-nay&tinh=ha-noi", "Không tìm thấy xã, phường, đặc khu “khong-co-xa-nay”"),
        ("xa=phuong-hoan-kiem&tinh=da-nang", "Không tìm thấy xã, phường"),
        ("tinh=atlantis", "Không tìm thấy tỉnh, thành phố “atlantis”"),
        ("loai=tin-vit", "Không có loại tin “tin-vit”"),
        ("chu-de=khong-co-chu-de", "Không có chủ đề “khong-co-chu-de”"),
        ("loai=mo-hinh&chu-de=cuop-giat", "không chia theo chủ đề"),
        ("loai=nguoi-tot-viec-tot&mo-hinh=camera-an-ninh", "không chia theo loại mô hình"),
        ("mo-hinh=khong-co-loai-nay", "Không có loại mô hình “khong-co-loai-nay”"),
        ("chu-de=cuop-giat&mo-hinh=camera-an-ninh", "vừa chia theo chủ đề vừa chia theo loại mô hình"),
        ("nam=99", "Năm “99” không hợp lệ"),
        ("nam=" + "9" * 30, "không hợp lệ"),
        ("trang=0", "Trang “0” không có"),
        ("trang=1000000000000", "không có"),
        ("trang=abc", "không có"),
        ("trang=3", "Trang 3 không có tin nào"),
        ("xa=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Không tìm thấy xã"),
        ("tinh=" + "a" * 5000, "Không tìm thấy tỉnh"),
        ("tinh=%ff%fe", "Không tìm thấy tỉnh"),
    ],
)
def test_unknown_slices_answer_404_in_vietnamese_never_an_empty_feed(client, query, message):
    for fmt in FORMATS:
        response = client.get(f"/nguon-tin/{fmt}/?{query}")
        assert response.status_code == 404, (fmt, query)
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        body = response.content.decode()
        assert message in body
        assert "<script>" not in body


def test_a_commune_without_its_province_is_found_when_its_slug_is_unique(client):
    alone = feedparser.parse(client.get(feed_url("rss", xa="phuong-hoan-kiem")).content)
    with_province = feedparser.parse(
        client.get(feed_url("rss", tinh="ha-noi", xa="phuong-hoan-kiem")).content
    )
    links = [entry.link for entry in alone.entries]
    assert links and links == [entry.link for entry in with_province.entries]
    assert len(links) < len(feedparser.parse(client.get(feed_url("rss")).content).entries)


# --- Paging ---------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"loai": "nguoi-tot-viec-tot"}])
def test_pages_follow_rfc_5005_and_json_next_url(client, monkeypatch, params):
    monkeypatch.setattr(feeds.slices, "PAGE_SIZE", 5)
    seen, url, pages = [], feed_url("json", **params), 0
    while url:
        data = json_feed(client, url)
        assert 1 <= len(data["items"]) <= 5
        seen += [item["id"] for item in data["items"]]
        url = data.get("next_url", "").replace("http://127.0.0.1", "")
        pages += 1
    total = json_feed(client, feed_url("json", **params))
    assert len(seen) == len(set(seen)) > 10 and pages == -(-len(seen) // 5)

    first = feedparser.parse(client.get(feed_url("rss", **params)).content)
    links = {link.rel: link.href for link in first.feed.links}
    assert "next" in links and "previous" not in links
    assert links["first"] == "http://127.0.0.1" + feed_url("rss", **params)
    second = feedparser.parse(client.get(links["next"].replace("http://127.0.0.1", "")).content)
    links2 = {link.rel: link.href for link in second.feed.links}
    assert links2["previous"] == links["first"] and links2["first"] == links["first"]
    assert not {e.id for e in first.entries} & {e.id for e in second.entries}
    atom = feedparser.parse(client.get(feed_url("atom", trang=2, **params)).content)
    assert {"first", "previous", "next"} <= {link.rel for link in atom.feed.links}
    assert total["next_url"].endswith("trang=2")


def test_query_count_does_not_grow_with_the_page_size(client, monkeypatch):
    """One type: the same count at any size. Several: at most three more per type on the page."""
    counts = {}
    single = [feed_url("rss", loai="nguoi-tot-viec-tot"), feed_url("json", tinh="ha-noi", loai="dien-dan")]
    mixed = [feed_url("rss"), feed_url("json", tinh="ha-noi")]
    for size in (2, 50):
        monkeypatch.setattr(feeds.slices, "PAGE_SIZE", size)
        for url in single + mixed:
            # Warm the site-root cache, and let a first reader make the feed renditions.
            client.get(url + ("&" if "?" in url else "?") + f"utm_content=warm-{size}")
            with CaptureQueriesContext(connection) as queries:
                assert (
                    client.get(url + ("&" if "?" in url else "?") + f"utm_content={size}").status_code == 200
                )
            counts[(url, size)] = len(queries)
    for url in single:
        # The content version, the view restrictions, the listing, the images' feed renditions;
        # stories add their people (whose consent decides whether the image shows) and topics.
        assert counts[(url, 2)] == counts[(url, 50)] <= 6, url
    for url in mixed:
        # Two shared queries (version, restrictions), the newest keys of each kind (three),
        # then per type present its listing query (+ people and topics for stories, communes
        # for showcases), and the feed renditions of all their images.
        assert counts[(url, 50)] <= 2 + 3 + 3 + 2 + 1 + 1, url


def test_a_repeated_request_is_answered_from_the_http_cache_in_one_query(
    client, django_assert_num_queries, settings
):
    for url in (feed_url("rss"), feed_url("json", tinh="ha-noi", xa="phuong-hoan-kiem")):
        first = client.get(url)
        with django_assert_num_queries(0):  # the page cache, under the version read a moment ago
            assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    settings.PAGE_CACHE_SECONDS = 0  # the feed's own validators
    for url in (feed_url("rss"), feed_url("json", tinh="ha-noi", xa="phuong-hoan-kiem")):
        first = client.get(url)
        with django_assert_num_queries(1):  # the content version; the commune is cached
            assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# --- HTTP -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_etag_and_last_modified_answer_304(client, fmt):
    url = feed_url(fmt, tinh="ha-noi")
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert client.get(feed_url(fmt, tinh="da-nang"), HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_publishing_changes_the_etag(client, story):
    url = feed_url("rss")
    etag = client.get(url)["ETag"]
    story.title = "Một tiêu đề đã sửa"
    story.save_revision().publish()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Một tiêu đề đã sửa" in response.content.decode()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_feeds_are_cacheable_by_a_cdn_without_cookies(client, fmt):
    response = client.get(feed_url(fmt, loai="dien-dan"))
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    assert response["Access-Control-Allow-Origin"] == "*"


def test_post_is_not_allowed(client):
    assert client.post(feed_url("rss")).status_code == 405


# --- What never appears ---------------------------------------------------------------------


def _everywhere(client, title):
    """Whether a title shows in any format of the site feed, its section or its commune."""
    bodies = [
        client.get(feed_url(fmt, **p)).content.decode()
        for fmt in FORMATS
        for p in ({}, {"loai": "nguoi-tot-viec-tot"})
    ]
    return any(title in body for body in bodies)


def test_a_restriction_added_after_a_feed_was_read_hides_the_page_from_the_next_one(client, story):
    # The restricted sections are kept under the content version between requests; a new
    # restriction, and nothing else, must reach the very next feed, section and API answer.
    section, api = story.get_parent().url, "/api/v2/bai-viet/?loai=nguoi-tot-viec-tot&tinh=ha-noi&limit=50"

    def in_api():
        return story.pk in {item["id"] for item in client.get(api).json()["items"]}

    assert _everywhere(client, story.title) and story.title in client.get(section).content.decode()
    assert in_api()
    PageViewRestriction.objects.create(page=Page.objects.get(pk=story.pk), restriction_type="login")
    assert not _everywhere(client, story.title)
    assert story.title not in client.get(section).content.decode()
    assert not in_api()


def test_draft_private_expired_and_unpublished_content_never_appears(client, story):
    other = StoryPage.objects.live().exclude(pk=story.pk).order_by("pk")
    private, expired, unpublished = other[0], other[1], other[2]
    for page in (story, private, expired, unpublished):
        assert _everywhere(client, page.title)

    # A draft: a new revision that is not published changes nothing in feeds.
    story.title = "Bản nháp chưa duyệt"
    story.save_revision()
    PageViewRestriction.objects.create(page=Page.objects.get(pk=private.pk), restriction_type="login")
    StoryPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    unpublished.unpublish()

    assert not _everywhere(client, "Bản nháp chưa duyệt")
    for page in (private, expired, unpublished):
        assert not _everywhere(client, page.title), page.title
    widget = client.get("/nhung/?loai=nguoi-tot-viec-tot&so=20").content.decode()
    assert private.title not in widget and expired.title not in widget
    # Nor is any of them embedded, previewed or given a share card one by one.
    for page in (private, expired, unpublished):
        page = StoryPage.objects.get(pk=page.pk)
        assert client.get(f"/nhung/trang/{page.pk}/").status_code == 404, page.title
        oembed = client.get("/oembed/", {"url": page.full_url})
        assert oembed.status_code == 404, page.title
        assert client.get(sharecard.card_url(page)).status_code == 404, page.title


def test_a_model_type_and_a_year_slice_the_feed(client):
    """`mo-hinh=` and `nam=` mean on a feed what they mean on a section page."""
    camera = json_feed(client, feed_url("json", **{"mo-hinh": "camera-an-ninh"}))
    assert [item["title"] for item in camera["items"]] == [
        page.title for page in ModelShowcasePage.objects.live().filter(model_type__slug="camera-an-ninh")
    ]
    stories_2025 = json_feed(client, feed_url("json", loai="nguoi-tot-viec-tot", nam="2025"))
    expected = StoryPage.objects.live().filter(deed_date__year=2025)
    assert {item["title"] for item in stories_2025["items"]} == {page.title for page in expected}
    assert 0 < len(stories_2025["items"]) < StoryPage.objects.live().count()


def test_a_held_forum_is_reused_with_what_came_of_it(client):
    """Once a forum has been held, feeds and the fanpage caption say its outcomes (as text);
    before, they carry only the time and the place."""
    from django.utils import timezone

    from feeds.caption import fanpage_caption
    from forums.models import ForumAnnouncementPage

    forums = ForumAnnouncementPage.objects.live()
    held = forums.get(title__contains="Thủ Đức")
    coming = forums.filter(starts_at__gt=timezone.now()).first()
    outcome = "Kết quả: Công an phường mở điểm hỗ trợ khai báo lưu trú mỗi sáng thứ Bảy; 40 dãy trọ"

    rss = feedparser.parse(client.get(feed_url("rss", loai="dien-dan")).content)
    descriptions = {entry.title: entry.description for entry in rss.entries}
    assert outcome in descriptions[held.title]
    assert "Kết quả:" not in descriptions[coming.title]
    items = {item["title"]: item for item in json_feed(client, feed_url("json", loai="dien-dan"))["items"]}
    assert outcome in items[held.title]["content_text"]

    caption = fanpage_caption(held, held.full_url)
    assert "✅ Kết quả: Công an phường mở điểm hỗ trợ khai báo lưu trú" in caption
    assert "Kết quả" not in fanpage_caption(coming, coming.full_url)

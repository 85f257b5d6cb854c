"""The widget, oEmbed, discovery links, the fanpage caption and the builder page."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction

from feeds.caption import SAPO_LIMIT, fanpage_caption, hashtag, trim
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


# --- Widget ---------------------------------------------------------------------------------


def test_widget_lists_compact_cards_of_its_slice(client, hoan_kiem):
    response = client.get("/nhung/?tinh=ha-noi&xa=phuong-hoan-kiem&so=3")
    assert response.status_code == 200
    html = response.content.decode()
    tags = Tags(html)
    cards = tags.find("a", **{"class": "card"})
    assert len(cards) == 3
    stories = StoryPage.objects.live().filter(commune=hoan_kiem)
    assert all(urlsplit(card["href"]).netloc for card in cards)
    assert any(story.title in html for story in stories)
    images = tags.find("img")
    assert images and all(img["loading"] == "lazy" and img["alt"] == "" for img in images)
    assert "Phường Hoàn Kiếm, Hà Nội" in html
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d\d/\d\d/\d{4}</time>', html)


def test_widget_may_be_framed_by_any_site_and_nothing_else_may(client, story):
    widget = client.get("/nhung/")
    assert "X-Frame-Options" not in widget
    csp = widget["Content-Security-Policy"]
    assert "frame-ancestors *" in csp
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    for url in (story.url, "/", "/lay-tin/", "/nguoi-tot-viec-tot/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors *" not in response.get("Content-Security-Policy", "")


def test_widget_sets_no_cookie_and_loads_nothing_from_other_sites(client):
    response = client.get("/nhung/?loai=nguoi-tot-viec-tot&so=20")
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    assert "public" in response["Cache-Control"]
    tags = Tags(response.content.decode())
    loaded = [a.get("src") for t, a in tags.tags if t in ("img", "script", "iframe") and a.get("src")]
    loaded += [a["href"] for t, a in tags.tags if t == "link" and a.get("href")]
    assert loaded
    for url in loaded:
        assert not urlsplit(url).netloc or urlsplit(url).netloc == "127.0.0.1", url
    assert "http" not in response["Content-Security-Policy"]  # only 'self'


def test_widget_answers_304_and_unknown_slices_with_a_vietnamese_message(client):
    first = client.get("/nhung/?loai=mo-hinh")
    again = client.get("/nhung/?loai=mo-hinh", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    for query in ("xa=khong-co&tinh=ha-noi", "so=0", "so=500", "so=abc", "loai=khac"):
        response = client.get(f"/nhung/?{query}")
        assert response.status_code == 404, query
        assert 'role="alert"' in response.content.decode()


def test_loader_script_checks_the_message_origin(client):
    response = client.get("/nhung/tai.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    script = response.content.decode()
    assert "event.origin !== origin" in script
    assert "contentWindow === event.source" in script
    assert not response.cookies
    # Every page embedding the widget loads it: a browser or CDN holding it gets a 304.
    again = client.get("/nhung/tai.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_single_card_widget_for_oembed(client, story):
    response = client.get(f"/nhung/trang/{story.pk}/")
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    PageViewRestriction.objects.create(page=Page.objects.get(pk=story.pk), restriction_type="login")
    assert client.get(f"/nhung/trang/{story.pk}/").status_code == 404
    assert client.get("/nhung/trang/999999/").status_code == 404
    home = Page.objects.get(depth=2)
    assert client.get(f"/nhung/trang/{home.pk}/").status_code == 404


# --- oEmbed ---------------------------------------------------------------------------------


def oembed(client, url, **params):
    return client.get("/oembed/", {"url": url, **params})


def test_oembed_for_a_story_has_the_fields_the_spec_requires(client, story):
    response = oembed(client, story.full_url, format="json", maxwidth=400)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    # oEmbed 1.0: type and version always; a rich response needs html, width and height.
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert isinstance(data["width"], int) and 0 < data["width"] <= 400
    assert isinstance(data["height"], int) and data["height"] > 0
    assert data["title"] == story.title
    assert data["provider_name"] == "Bình Yên" and data["provider_url"].startswith("http")
    assert data["author_name"] == story.byline
    tags = Tags(data["html"])
    [iframe] = tags.find("iframe")
    assert iframe["src"] == f"http://127.0.0.1/nhung/trang/{story.pk}/"
    assert iframe["loading"] == "lazy" and iframe["width"] == "400"
    assert tags.find("script")[0]["src"] == "http://127.0.0.1/nhung/tai.js"
    # The spec omits maxwidth-violating thumbnails; asked without limits, all three come together.
    assert "thumbnail_url" not in data
    full = json.loads(oembed(client, story.full_url).content)
    assert {"thumbnail_url", "thumbnail_width", "thumbnail_height"} <= full.keys()
    assert client.get(full["thumbnail_url"].replace("http://127.0.0.1", "")).status_code == 200


def test_oembed_for_a_section_embeds_its_feed_widget(client):
    section = StoryIndexPage.objects.live().first()
    data = json.loads(oembed(client, section.full_url).content)
    [iframe] = Tags(data["html"]).find("iframe")
    assert parse_qs(urlsplit(iframe["src"]).query) == {"loai": ["nguoi-tot-viec-tot"]}


def test_oembed_refuses_unknown_private_foreign_and_xml(client, story):
    assert oembed(client, story.full_url, format="xml").status_code == 501
    assert oembed(client, "http://127.0.0.1:8000/khong-co-trang-nay/").status_code == 404
    assert oembed(client, "https://example.com" + story.url).status_code == 404
    assert oembed(client, "javascript:alert(1)").status_code == 404
    assert client.get("/oembed/").status_code == 400
    assert oembed(client, story.full_url, maxwidth="rộng").status_code == 400
    PageViewRestriction.objects.create(page=Page.objects.get(pk=story.pk), restriction_type="login")
    assert oembed(client, story.full_url).status_code == 404


# --- Discovery ------------------------------------------------------------------------------


def test_story_page_advertises_its_feeds_oembed_and_share_card(client, story):
    tags = Tags(client.get(story.url).content.decode())
    feeds = tags.find("link", rel="alternate", type="application/rss+xml")
    queries = {urlsplit(link["href"]).query for link in feeds}
    assert queries == {"", "loai=nguoi-tot-viec-tot", "tinh=ha-noi", "tinh=ha-noi&xa=phuong-hoan-kiem"}
    assert len(tags.find("link", rel="alternate", type="application/atom+xml")) == 4
    assert len(tags.find("link", rel="alternate", type="application/feed+json")) == 4
    assert all(link["title"].startswith("Bình Yên – ") for link in feeds)
    [oembed_link] = tags.find("link", rel="alternate", type="application/json+oembed")
    assert parse_qs(urlsplit(oembed_link["href"]).query)["url"] == [story.full_url]
    [og_image] = tags.find("meta", property="og:image")
    assert re.match(rf"http://127.0.0.1/anh-chia-se/{story.pk}/[0-9a-f]{{16}}\.jpg$", og_image["content"])
    assert tags.find("meta", property="og:image:width")[0]["content"] == "1200"
    assert tags.find("meta", property="og:image:height")[0]["content"] == "630"


def one_page_of_each_type():
    pages = {}
    for page in Page.objects.live().filter(depth__gte=2).specific():
        pages.setdefault(type(page), page)
    assert len(pages) == 7  # home, three sections, three content types
    return list(pages.values())


def test_every_page_type_has_discovery_links_and_content_pages_a_caption(client):
    for page in one_page_of_each_type():
        html = client.get(page.url).content.decode()
        tags = Tags(html)
        assert tags.find(
            "link", rel="alternate", type="application/rss+xml", href="http://127.0.0.1/nguon-tin/rss/"
        ), page.url
        assert tags.find("link", rel="alternate", type="application/json+oembed"), page.url
        assert ("Sao chép chú thích" in html) == hasattr(page, "sapo"), page.url
    home = Tags(client.get("/").content.decode())
    assert len(home.find("link", rel="alternate", type="application/rss+xml")) == 1


# --- Caption --------------------------------------------------------------------------------


def test_fanpage_caption_has_title_trimmed_sapo_link_and_hashtags(story):
    caption = fanpage_caption(story, story.full_url)
    title, sapo, link, hashtags = caption.split("\n\n")
    assert title == story.title
    assert sapo == story.sapo  # short enough to keep whole
    assert link == f"👉 Đọc tiếp: {story.full_url}"
    tags = hashtags.split()
    assert tags[0] == "#NgườiTốtViệcTốt"
    assert {"#CướpGiật", "#XeÔmTựQuản", "#PhườngHoànKiếm"} <= set(tags)
    assert tags[-1] == "#BìnhYên" and len(tags) <= 6
    assert all(re.fullmatch(r"#\w+", tag) for tag in tags)


def test_caption_trims_a_long_sapo_at_a_word():
    text = "Người dân tổ dân phố số 5 cùng công an phường tuần tra " * 20
    trimmed = trim(text)
    assert len(trimmed) <= SAPO_LIMIT + 1 and trimmed.endswith("…")
    assert text.startswith(trimmed[:-1]) and text[len(trimmed) - 1] == " "
    assert hashtag("Tổ liên gia an toàn PCCC") == "#TổLiênGiaAnToànPCCC"
    assert hashtag("  ") == ""


def test_caption_box_with_copy_button_on_content_pages(client, story):
    html = client.get(story.url).content.decode()
    tags = Tags(html)
    [textarea] = tags.find("textarea", id=f"chu-thich-{story.pk}")
    assert "readonly" in textarea
    assert tags.find("button", **{"data-copy-target": f"chu-thich-{story.pk}"})
    assert "#PhườngHoànKiếm" in html
    assert tags.find("a", href="/lay-tin/?tinh=ha-noi&amp;xa=phuong-hoan-kiem") or (
        "/lay-tin/?tinh=ha-noi&amp;xa=phuong-hoan-kiem" in html
    )


def test_caption_in_the_admin(client, story):
    edit_url = f"/admin/pages/{story.pk}/edit/"
    caption_url = f"/admin/chu-thich-fanpage/{story.pk}/"
    assert client.get(caption_url).status_code == 302  # to the login page
    admin = get_user_model().objects.create_superuser(
        "quantri-fanpage", "quantri-fanpage@example.vn", "mat-khau-dai-123"
    )
    client.force_login(admin)
    edit = client.get(edit_url).content.decode()
    assert "Chú thích fanpage" in edit and caption_url in edit
    response = client.get(caption_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert story.title in html and "Sao chép chú thích" in html and "#BìnhYên" in html
    home = Page.objects.get(depth=2)
    assert client.get(f"/admin/chu-thich-fanpage/{home.pk}/").status_code == 404


# --- Builder page ---------------------------------------------------------------------------


def test_builder_page_gives_feed_urls_embed_code_preview_and_instructions(client):
    response = client.get(
        "/lay-tin/", {"tinh": "ha-noi", "xa": "phuong-hoan-kiem", "loai": "nguoi-tot-viec-tot"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    tags = Tags(html)
    assert "<h1>Lấy tin cho fanpage</h1>" in html
    assert [o for o in tags.find("option", value="phuong-hoan-kiem") if "selected" in o]
    urls = [i["value"] for i in tags.find("input", type="url")]
    query = "tinh=ha-noi&xa=phuong-hoan-kiem&loai=nguoi-tot-viec-tot"
    assert urls == [f"http://127.0.0.1/nguon-tin/{fmt}/?{query}" for fmt in ("rss", "atom", "json")]
    [preview] = [i for i in tags.find("iframe") if "data-binh-yen" in i]
    assert preview["src"] == f"http://127.0.0.1/nhung/?{query}" and preview["loading"] == "lazy"
    assert "loading=&quot;lazy&quot;" in html  # the embed code to copy
    for tool in ("IFTTT", "Zapier", "Make", "dlvr.it"):
        assert tool in html
    for url in urls:
        assert client.get(url.replace("http://127.0.0.1", "")).status_code == 200


def test_builder_page_explains_an_unknown_commune(client):
    response = client.get("/lay-tin/", {"tinh": "ha-noi", "xa": "khong-co"})
    assert response.status_code == 400
    assert "Không tìm thấy xã, phường, đặc khu “khong-co” thuộc Thành phố Hà Nội" in response.content.decode()
    assert client.get("/lay-tin/").status_code == 200


def test_widget_query_count_does_not_grow_with_its_length(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for count in (2, 12):  # make every thumbnail once
        client.get(f"/nhung/?loai=nguoi-tot-viec-tot&so={count}")
    counts = {}
    for count in (2, 12):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/nhung/?loai=nguoi-tot-viec-tot&so={count}&utm_content=1").status_code == 200
        counts[count] = len(queries)
    assert counts[2] == counts[12] <= 14

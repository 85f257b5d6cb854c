"""A forum reused elsewhere (feeds, widget, fanpage caption, share card) carries its status words,
its time and venue; a feed item's date is when it was published; "Xem thêm" leads to the slice."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.utils.feedgenerator import rfc3339_date

from feeds import sharecard
from feeds.caption import fanpage_caption
from forums.models import ForumSchedule
from tests.forums.helpers import NOTICE, publish, upcoming_forum

pytestmark = pytest.mark.django_db

FORUMS = "/nguon-tin/{}/?loai=dien-dan"


def json_item(client, forum) -> dict:
    data = json.loads(client.get(FORUMS.format("json")).content)
    return next(item for item in data["items"] if item["url"].endswith(forum.url))


def rss_item(client, forum):
    root = ET.fromstring(client.get(FORUMS.format("rss")).content)
    return next(item for item in root.iter("item") if item.findtext("link").endswith(forum.url))


def test_feed_items_of_a_cancelled_forum_put_the_status_first_and_carry_time_and_venue(client):
    forum = publish(upcoming_forum(), schedule=ForumSchedule.CANCELLED, schedule_notice=NOTICE)
    item = json_item(client, forum)
    assert item["title"] == f"[ĐÃ HỦY] {forum.title}"
    assert "Thời gian: Đã hủy (dự kiến " in item["content_text"]
    assert f"Địa điểm: {forum.venue}, {forum.address}, Xã Củ Chi" in item["content_text"]
    rss = rss_item(client, forum)
    assert rss.findtext("title") == f"[ĐÃ HỦY] {forum.title}"
    atom = ET.fromstring(client.get(FORUMS.format("atom")).content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [entry.findtext("a:title", namespaces=ns) for entry in atom.iterfind("a:entry", ns)]
    assert f"[ĐÃ HỦY] {forum.title}" in titles


def test_a_scheduled_forum_feed_item_has_its_time_and_no_status_words(client):
    forum = upcoming_forum()
    item = json_item(client, forum)
    assert item["title"] == forum.title
    assert f"Thời gian: {forum.when_where[0]}" in item["content_text"]
    assert forum.when_where[0].startswith("14:00–16:00, ")


def test_a_feed_item_is_dated_when_it_was_published_not_when_the_forum_takes_place(client):
    forum = upcoming_forum()
    assert forum.starts_at.date() != forum.first_published_at.date()
    item = json_item(client, forum)
    assert item["date_published"] == rfc3339_date(forum.first_published_at)
    pub_date = rss_item(client, forum).findtext("pubDate")
    assert forum.first_published_at.strftime("%d %b %Y") in pub_date


def test_rss_descriptions_are_escaped_html(client):
    forum = publish(upcoming_forum(), sapo="Mời bà con <b>đăng ký</b> & gửi câu hỏi trước.")
    description = rss_item(client, forum).findtext("description")  # the HTML a reader parses
    assert "Mời bà con &lt;b&gt;đăng ký&lt;/b&gt; &amp; gửi câu hỏi trước." in description
    assert "<b>" not in description


def test_fanpage_caption_of_a_forum_has_status_words_time_and_venue():
    forum = upcoming_forum()
    caption = fanpage_caption(forum, forum.full_url)
    title, facts, *_ = caption.split("\n\n")
    assert title == forum.title
    assert facts.splitlines() == [
        f"🕗 Thời gian: {forum.when_where[0]}",
        f"📍 Địa điểm: {forum.venue}, {forum.address}, Xã Củ Chi, Hồ Chí Minh",
    ]
    forum = publish(forum, schedule=ForumSchedule.POSTPONED, schedule_notice=NOTICE)
    caption = fanpage_caption(forum, forum.full_url)
    assert caption.startswith(f"[TẠM HOÃN] {forum.title}\n\n🕗 Thời gian: Tạm hoãn (dự kiến ")


def test_share_card_of_a_forum_shows_its_time_and_venue_and_its_status():
    forum = upcoming_forum()
    spec = sharecard.card_spec(forum)
    assert spec.unit == forum.when_where[0]
    assert spec.place_date.startswith(f"{forum.venue}, {forum.address}, Xã Củ Chi")
    cancelled = publish(forum, schedule=ForumSchedule.CANCELLED, schedule_notice=NOTICE)
    spec_cancelled = sharecard.card_spec(cancelled)
    assert spec_cancelled.kicker.startswith("ĐÃ HỦY · ")
    assert spec_cancelled.digest() != spec.digest()  # a new card, so previews refresh


def test_widget_card_of_a_forum_shows_status_time_and_venue_not_a_bare_future_date(client):
    forum = publish(upcoming_forum(), schedule=ForumSchedule.POSTPONED, schedule_notice=NOTICE)
    soup = BeautifulSoup(client.get("/nhung/?loai=dien-dan&so=20").content, "html.parser")
    card = next(a for a in soup.select("a.card") if a["href"].endswith(forum.url))
    assert card.select_one(".t").get_text() == f"[TẠM HOÃN] {forum.title}"
    meta = card.select_one(".m").get_text()
    assert meta.startswith("Tạm hoãn (dự kiến ") and forum.venue in meta
    assert card.find("time") is None


def _path(href: str) -> str:
    url = urlsplit(href)
    assert url.netloc.startswith("127.0.0.1")  # absolute: the widget lives on other sites
    return url.path + (f"?{url.query}" if url.query else "")


@pytest.mark.parametrize(
    ("widget", "expected"),
    [
        ("/nhung/?tinh=ha-noi&loai=nguoi-tot-viec-tot", "/nguoi-tot-viec-tot/?tinh=ha-noi"),
        (
            "/nhung/?xa=phuong-hoan-kiem&loai=nguoi-tot-viec-tot&chu-de=cuop-giat",
            "/nguoi-tot-viec-tot/?tinh=ha-noi&xa=phuong-hoan-kiem&chu-de=cuop-giat",
        ),
        ("/nhung/?tinh=da-nang&loai=dien-dan", "/dien-dan/?tinh=da-nang"),
        ("/nhung/?chu-de=cuop-giat", "/nguoi-tot-viec-tot/?chu-de=cuop-giat"),  # only stories have topics
        ("/nhung/", "/"),
        ("/nhung/?xa=phuong-hoan-kiem&loai=dien-dan", "/dien-dan/"),  # none there yet: the section
    ],
)
def test_widget_more_link_leads_to_the_same_slice_on_the_site(client, widget, expected):
    soup = BeautifulSoup(client.get(widget).content, "html.parser")
    more = soup.find("a", string=lambda text: text and text.startswith("Xem thêm"))
    assert _path(more["href"]) == expected
    assert client.get(expected).status_code == 200


def test_widget_of_a_place_links_to_each_kind_of_that_place(client):
    """No page of the site lists every kind of one ward: the widget links to each section, filtered."""
    soup = BeautifulSoup(client.get("/nhung/?tinh=ha-noi&xa=phuong-hoan-kiem").content, "html.parser")
    footer = soup.select_one(".f")
    assert footer.get_text(" ", strip=True).startswith("Xem thêm:")
    links = {a.get_text(): _path(a["href"]) for a in footer.find_all("a")}
    assert links == {
        "Người tốt, việc tốt": "/nguoi-tot-viec-tot/?tinh=ha-noi&xa=phuong-hoan-kiem",
        "Mô hình bảo đảm an ninh trật tự": "/mo-hinh/?tinh=ha-noi&xa=phuong-hoan-kiem",
    }  # no forum in Hoàn Kiếm: no link to a forum section that has none
    assert all(client.get(path).status_code == 200 for path in links.values())

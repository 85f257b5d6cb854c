"""A postponed, rescheduled or cancelled forum says so wherever it appears: on its page, in the
section and home listings, in its calendar file and in its structured data."""

import datetime
import re

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar

from forums.models import ForumAnnouncementPage, ForumSchedule
from tests.forums.helpers import NOTICE, publish, upcoming_forum
from tests.helpers import html_of, json_ld, query_count

pytestmark = pytest.mark.django_db


def calendar_event(client, forum):
    response = client.get(f"{forum.url}lich/")
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")[0]


def event_status(client, forum) -> dict:
    return next(d for d in json_ld(html_of(client, forum.url)) if d["@type"] == "Event")


def test_calendar_file_says_postponed_cancelled_or_moved_and_its_sequence_grows(client):
    forum = upcoming_forum()
    event = calendar_event(client, forum)
    assert (str(event["status"]), int(event["sequence"])) == ("CONFIRMED", 0)
    old_start = event.decoded("dtstart")

    forum = publish(forum, schedule=ForumSchedule.POSTPONED, schedule_notice=NOTICE)
    event = calendar_event(client, forum)
    assert str(event["status"]) == "TENTATIVE" and int(event["sequence"]) == 1
    assert str(event["summary"]).startswith("[TẠM HOÃN] ")
    assert NOTICE in str(event["description"])

    new_start = forum.starts_at + datetime.timedelta(days=7)
    forum = publish(
        forum,
        starts_at=new_start,
        ends_at=forum.ends_at + datetime.timedelta(days=7),
        questions_deadline=None,
    )
    event = calendar_event(client, forum)
    assert str(event["status"]) == "CONFIRMED" and int(event["sequence"]) == 2
    assert event.decoded("dtstart") == new_start and event.decoded("dtstart") != old_start
    assert str(event["summary"]).startswith("[DỜI LỊCH] ")

    forum = publish(forum, schedule=ForumSchedule.CANCELLED)
    event = calendar_event(client, forum)
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 3
    assert str(event["uid"]) == f"forum-{forum.pk}@127.0.0.1"  # the same event, so calendars update it

    forum = publish(forum, sapo=forum.sapo + " Xin lỗi bà con.")  # nothing a calendar shows changed
    assert int(calendar_event(client, forum)["sequence"]) == 3


def test_structured_data_event_status_follows_the_schedule(client):
    forum = upcoming_forum()
    assert event_status(client, forum)["eventStatus"] == "https://schema.org/EventScheduled"
    forum = publish(forum, schedule=ForumSchedule.POSTPONED, schedule_notice=NOTICE)
    assert event_status(client, forum)["eventStatus"] == "https://schema.org/EventPostponed"
    old_start = forum.starts_at
    forum = publish(
        forum,
        starts_at=forum.starts_at + datetime.timedelta(days=3),
        ends_at=forum.ends_at + datetime.timedelta(days=3),
        questions_deadline=None,
    )
    data = event_status(client, forum)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert (
        data["previousStartDate"]
        == old_start.astimezone(datetime.timezone(datetime.timedelta(hours=7))).isoformat()
    )
    assert data["startDate"] != data["previousStartDate"]
    forum = publish(forum, schedule=ForumSchedule.CANCELLED)
    assert event_status(client, forum)["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_cancelled_forum_page_says_so_and_invites_nobody(client):
    forum = upcoming_forum()
    assert "Thêm vào lịch" in html_of(client, forum.url)
    forum = publish(forum, schedule=ForumSchedule.CANCELLED, schedule_notice=NOTICE)
    soup = BeautifulSoup(html_of(client, forum.url), "html.parser")
    banner = soup.select_one(".schedule-notice")
    assert banner is not None and banner["role"] == "status"
    assert "Diễn đàn đã bị hủy." in banner.get_text() and NOTICE in banner.get_text()
    text = soup.select_one("main").get_text(" ")
    assert "Thêm vào lịch" not in text
    assert "Gửi câu hỏi trước" not in text and "Cách tham gia" not in text
    assert soup.select_one(".when-where .date-badge") is None
    assert "Thời gian dự kiến trước đây" in text


def test_a_postponed_forum_page_shows_a_banner_and_no_date(client):
    forum = publish(upcoming_forum(), schedule=ForumSchedule.POSTPONED, schedule_notice=NOTICE)
    soup = BeautifulSoup(html_of(client, forum.url), "html.parser")
    banner = soup.select_one(".schedule-notice").get_text(" ")
    assert "Diễn đàn tạm hoãn." in banner and "thời gian mới sẽ được thông báo sau" in banner
    assert soup.select_one(".when-where .date-badge") is None
    assert "Gửi câu hỏi trước" not in soup.get_text()


def _group(soup, heading_id):
    section = soup.find("section", attrs={"aria-labelledby": heading_id})
    return [a.get_text(strip=True) for a in section.select("h3 a")] if section else []


def test_the_section_and_home_page_list_a_cancelled_forum_apart_and_a_postponed_one_without_a_date(client):
    cancelled = publish(upcoming_forum(), schedule=ForumSchedule.CANCELLED, schedule_notice=NOTICE)
    postponed = ForumAnnouncementPage.objects.get(schedule=ForumSchedule.POSTPONED)
    soup = BeautifulSoup(html_of(client, "/dien-dan/"), "html.parser")
    upcoming = _group(soup, "sap-dien-ra")
    assert cancelled.title not in upcoming and postponed.title in upcoming
    assert upcoming[-1] == postponed.title  # no date: after the dated ones
    assert _group(soup, "da-huy") == [cancelled.title]
    assert cancelled.title not in _group(soup, "da-dien-ra")

    line = soup.find("a", string=postponed.title).find_parent("article")
    assert line.find("time") is None  # no date badge for a forum without a date
    assert "Tạm hoãn" in line.get_text()
    assert not re.search(r"\d\d:\d\d", line.select_one(".meta").get_text())

    home = BeautifulSoup(html_of(client, "/"), "html.parser")
    block = home.find("section", attrs={"aria-labelledby": "dien-dan"}).get_text()
    assert cancelled.title not in block and postponed.title in block


def test_a_national_section_lists_the_soonest_forums_and_says_how_many_more(client, monkeypatch):
    from forums.models import ForumIndexPage

    items = ForumAnnouncementPage.objects.live()
    soonest = list(ForumAnnouncementPage.upcoming(items))
    assert len(soonest) >= 2, "the demo has upcoming forums"
    cancelled = publish(upcoming_forum(), schedule=ForumSchedule.CANCELLED, schedule_notice=NOTICE)
    soonest = [forum.title for forum in ForumAnnouncementPage.upcoming(items)]
    monkeypatch.setattr(ForumIndexPage, "UPCOMING_SHOWN", 1)

    soup = BeautifulSoup(html_of(client, "/dien-dan/"), "html.parser")
    assert _group(soup, "sap-dien-ra") == soonest[:1]
    note = soup.find("section", attrs={"aria-labelledby": "sap-dien-ra"}).select_one(".more-note")
    assert note.get_text(" ", strip=True).startswith(f"Còn {len(soonest) - 1} diễn đàn sắp diễn ra khác")
    # One cancelled forum fits: no note under it.
    assert _group(soup, "da-huy") == [cancelled.title]
    assert not soup.find("section", attrs={"aria-labelledby": "da-huy"}).select(".more-note")

    # Narrowed to the soonest one's commune, as many as the limit: all listed, nothing said.
    first = ForumAnnouncementPage.objects.select_related("commune__province").get(title=soonest[0])
    commune = first.commune
    in_commune = [forum.title for forum in ForumAnnouncementPage.upcoming(items.filter(commune=commune))]
    monkeypatch.setattr(ForumIndexPage, "UPCOMING_SHOWN", len(in_commune))
    soup = BeautifulSoup(
        html_of(client, f"/dien-dan/?tinh={commune.province.slug}&xa={commune.slug}"), "html.parser"
    )
    assert _group(soup, "sap-dien-ra") == in_commune
    assert not soup.select(".more-note")


def test_a_forum_that_ends_moves_to_the_past_list_at_the_next_minute_never_on_both(client, settings):
    """The section keeps its forums on top and its past forums' keys under one minute: the
    forum that ends is listed on top or among the past ones, once, whichever minute a reader
    comes in (`ForumIndexPage.listing_context`)."""
    settings.PAGE_CACHE_SECONDS = 0
    forum = upcoming_forum()
    minute = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=5)
    ends = minute + datetime.timedelta(seconds=30)
    ForumAnnouncementPage.objects.filter(pk=forum.pk).update(
        starts_at=ends - datetime.timedelta(hours=2), ends_at=ends
    )

    def where(moment) -> tuple[bool, bool]:
        with time_machine.travel(moment, tick=False):
            soup = BeautifulSoup(html_of(client, "/dien-dan/"), "html.parser")
        return forum.title in _group(soup, "sap-dien-ra"), forum.title in _group(soup, "da-dien-ra")

    assert where(ends - datetime.timedelta(seconds=20)) == (True, False)
    # Over since five seconds, in the minute the page was kept: still on top, not yet past.
    assert where(ends + datetime.timedelta(seconds=5)) == (True, False)
    # The next minute: among the past forums (the latest one first), no longer on top.
    assert where(minute + datetime.timedelta(minutes=1, seconds=1)) == (False, True)


def test_a_forums_section_reads_the_same_few_queries_on_its_first_and_a_deeper_page(client, monkeypatch):
    """Its forums on top and its past forums' keys are kept for the minute: a reader of any
    page pays for that page's rows, not for sorting every past forum again."""
    from forums.models import ForumIndexPage

    monkeypatch.setattr(ForumIndexPage, "page_size", 1)
    past = ForumAnnouncementPage.past(ForumAnnouncementPage.objects.live())
    assert past.count() >= 2, "the demo has past forums for two pages"
    first, deeper = query_count(client, "/dien-dan/"), query_count(client, "/dien-dan/?trang=2")
    assert first == deeper
    assert first <= 7

"""A forum announcement as readers and their calendars get it."""

import pytest
from icalendar import Calendar

from forums.models import ForumAnnouncementPage
from tests.helpers import html_of, json_ld

pytestmark = pytest.mark.django_db


def test_forum_is_an_event_with_local_times_and_status(client):
    forum = ForumAnnouncementPage.objects.get(schedule="hoan")
    event = next(d for d in json_ld(html_of(client, forum.url)) if d["@type"] == "Event")
    assert event["eventStatus"] == "https://schema.org/EventPostponed"
    assert event["startDate"].endswith("+07:00")
    assert event["location"]["address"]["addressRegion"] == "Thành phố Đà Nẵng"


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

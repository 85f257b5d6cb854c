"""A forum refuses the mistakes an editor could make, with a Vietnamese message."""

import datetime

import pytest
from django.utils import timezone

from forums.models import ForumSchedule, ForumStatus
from tests.helpers import a_forum, errors_of

pytestmark = pytest.mark.django_db


def test_forum_cannot_end_before_it_starts():
    forum = a_forum()
    forum.ends_at = forum.starts_at - datetime.timedelta(hours=1)
    assert errors_of(forum)["ends_at"] == ["Giờ kết thúc phải sau giờ bắt đầu."]


def test_forum_questions_deadline_is_before_the_forum():
    forum = a_forum()
    forum.questions_deadline = forum.starts_at + datetime.timedelta(minutes=5)
    assert "questions_deadline" in errors_of(forum)


def test_a_postponed_or_cancelled_forum_tells_readers_why():
    forum = a_forum()
    forum.schedule = ForumSchedule.CANCELLED
    assert "schedule_notice" in errors_of(forum)


def test_postponing_to_a_new_date_keeps_the_old_one():
    """The editor picks "Hoãn" and types the new date: the old start is kept for readers and
    calendars; picking "Hoãn" without changing the date means "no new date yet"."""
    forum = a_forum()
    old_start = forum.starts_at
    forum.schedule, forum.schedule_notice = ForumSchedule.POSTPONED, "Trùng lịch tiếp dân."
    forum.full_clean()
    assert forum.previous_starts_at is None and forum.status == ForumStatus.POSTPONED
    forum.starts_at += datetime.timedelta(days=7)
    forum.ends_at += datetime.timedelta(days=7)
    forum.questions_deadline = None
    forum.full_clean()
    assert forum.previous_starts_at == old_start
    forum.schedule = ForumSchedule.PLANNED
    forum.full_clean()
    assert forum.previous_starts_at is None  # back on plan: the new date is just the date


def test_forum_status_follows_the_clock_and_the_flags():
    forum = a_forum()
    now = timezone.now()
    forum.starts_at, forum.ends_at = (
        now + datetime.timedelta(days=1),
        now + datetime.timedelta(days=1, hours=2),
    )
    assert forum.status == ForumStatus.UPCOMING
    forum.starts_at = now - datetime.timedelta(minutes=10)
    assert forum.status == ForumStatus.ONGOING
    forum.ends_at = now - datetime.timedelta(minutes=1)
    assert forum.status == ForumStatus.ENDED and forum.status_label == "Đã kết thúc"
    forum.schedule = ForumSchedule.CANCELLED
    assert forum.status_label == "Đã hủy"

"""A forum refuses the mistakes an editor could make, with a Vietnamese message."""

import datetime

import pytest
from django.utils import timezone

from forums.models import ForumStatus
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


def test_forum_is_postponed_or_cancelled_not_both():
    forum = a_forum()
    forum.is_postponed = forum.is_cancelled = True
    assert "is_postponed" in errors_of(forum)


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
    forum.is_cancelled = True
    assert forum.status_label == "Đã hủy"

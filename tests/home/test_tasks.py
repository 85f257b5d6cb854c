"""Background tasks (home/tasks.py): a failed task is tried again later, a few times, and every
failure is in the log; a publication's front-cache purge waits for the worker, off the request."""

import datetime
import logging

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home.tasks import retrying_task
from stories.models import StoryPage
from tests.tasks import database_tasks, run_worker, waiting

pytestmark = pytest.mark.django_db

CALLS = []  # what the task below was asked to do, attempt after attempt
FAILURES_LEFT = {"count": 0}


@retrying_task
def deliver(label: str) -> str:
    """A task that fails while FAILURES_LEFT says so, like a mail server that is down."""
    CALLS.append(label)
    if FAILURES_LEFT["count"]:
        FAILURES_LEFT["count"] -= 1
        raise ConnectionError("máy chủ không trả lời")
    return f"đã gửi {label}"


@pytest.fixture(autouse=True)
def _fresh_task_state(settings):
    settings.TASK_MAX_ATTEMPTS = 3
    CALLS.clear()
    FAILURES_LEFT["count"] = 0


def test_a_failed_task_is_tried_again_later_and_then_succeeds(monkeypatch, caplog):
    FAILURES_LEFT["count"] = 1
    caplog.set_level(logging.INFO, logger="home.tasks")
    with database_tasks():
        deliver.enqueue("thư 1")
        assert CALLS == []  # enqueued: nothing ran inside the request
        started = timezone.now()
        run_worker(monkeypatch)
        assert CALLS == ["thư 1"]
        (retry,) = waiting("deliver")
        assert retry.args_kwargs == {"args": ["thư 1"], "kwargs": {"_attempt": 2}}
        delay = (retry.run_after - started).total_seconds()
        assert 30 <= delay < 40  # the first delay, 30 s
        assert "failed (attempt 1 of 3); tried again after" in caplog.text

        run_worker(monkeypatch)  # not due yet: the worker leaves it
        assert CALLS == ["thư 1"]

        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=45)):
            run_worker(monkeypatch)
        assert CALLS == ["thư 1", "thư 1"]
        assert waiting() == []
        statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
        assert statuses == ["FAILED", "SUCCESSFUL"]  # each attempt is a row, honest about itself
        assert DBTaskResult.objects.get(status="SUCCESSFUL").return_value == "đã gửi thư 1"


def test_a_task_that_keeps_failing_stops_after_the_last_attempt(monkeypatch, caplog):
    FAILURES_LEFT["count"] = 10
    caplog.set_level(logging.INFO, logger="home.tasks")
    now = timezone.now()
    with database_tasks():
        deliver.enqueue("thư 2")
        run_worker(monkeypatch)
        # 30 s, then 2 min (four times longer) between the attempts.
        for wait in (datetime.timedelta(seconds=31), datetime.timedelta(seconds=31 + 121)):
            with time_machine.travel(now + wait):
                run_worker(monkeypatch)
        with time_machine.travel(now + datetime.timedelta(days=1)):
            run_worker(monkeypatch)
    assert CALLS == ["thư 2"] * 3
    assert waiting() == []
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["FAILED"] * 3
    errors = [r for r in caplog.records if r.levelno == logging.ERROR and r.name == "home.tasks"]
    assert [r.getMessage() for r in errors] == [
        "Task tests.home.test_tasks.deliver failed (attempt 3 of 3); not tried again"
    ]
    assert errors[0].exc_info[0] is ConnectionError  # with the traceback, for Sentry and the log


def test_run_at_once_a_failure_is_logged_and_not_retried(caplog):
    """The immediate backend (tests, TASKS_BACKEND=immediate) cannot wait before a retry."""
    FAILURES_LEFT["count"] = 1
    result = deliver.enqueue("thư 3")
    assert result.status == "FAILED" and CALLS == ["thư 3"]
    assert "Task tests.home.test_tasks.deliver failed (attempt 1 of 3); not tried again" in caplog.text
    assert not DBTaskResult.objects.exists()


def test_publishing_purges_the_section_and_home_through_the_worker(front_cache_purges, monkeypatch):
    purged = front_cache_purges
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    with database_tasks():
        story.save_revision().publish()
        assert purged == []  # the publication only enqueued the purges
        (ours,) = waiting("home.tasks.purge_front_cache")
        section = story.get_parent()
        assert set(ours.args_kwargs["kwargs"]["page_ids"]) == {section.pk, section.get_parent().pk}
        run_worker(monkeypatch)
    paths = {url.split("127.0.0.1:8000", 1)[-1] for url in purged}
    assert {story.url, "/nguoi-tot-viec-tot/", "/"} <= paths
    assert waiting() == []


def test_without_a_front_cache_publishing_enqueues_no_purge():
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    with database_tasks():
        story.save_revision().publish()
        assert waiting("home.tasks.purge_front_cache") == []
        assert waiting()  # the publication's other tasks (indexing, the share card) are there

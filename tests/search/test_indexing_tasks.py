"""Wagtail indexes a saved page through a task: with the site's database backend a new title is
found once the worker has run, not before; run at once (the suite's setting), at the save."""

import pytest

from tests.helpers import a_story
from tests.search.helpers import result_urls, search
from tests.tasks import database_tasks, run_worker, waiting

pytestmark = pytest.mark.django_db
WORD = "Kvarzit"  # a word no other page has


def retitle_and_publish(story):
    story.title = f"{WORD} của tổ dân phố 7 đưa người già qua nước lũ"
    story.save_revision().publish()


def test_a_published_title_is_searchable_once_the_worker_has_indexed_it(client, monkeypatch):
    story = a_story()
    with database_tasks():
        retitle_and_publish(story)
        assert story.url not in result_urls(search(client, q="kvarzit"))
        assert waiting("insert_or_update_object_task")  # Wagtail's own task, enqueued
        run_worker(monkeypatch)
    assert story.url in result_urls(search(client, q="kvarzit"))


def test_run_at_once_the_title_is_searchable_after_the_save(client):
    story = a_story()
    retitle_and_publish(story)
    assert story.url in result_urls(search(client, q="kvarzit"))

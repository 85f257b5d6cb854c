"""A published page's share card is drawn by a task, so the first crawler gets a stored file;
the card's address still draws a missing card, so a task not yet run breaks no preview."""

import pytest
from django.core.files.storage import default_storage

from feeds import sharecard
from tests.helpers import a_story
from tests.tasks import database_tasks, run_worker, waiting

pytestmark = pytest.mark.django_db


def stored(page) -> bool:
    return default_storage.exists(sharecard.storage_name(page, sharecard.card_digest(page)))


def test_publishing_draws_the_card_in_the_worker(client, monkeypatch):
    story = a_story()
    story.title = "Bà con tổ dân phố 5 cùng nhau lắp camera an ninh đầu ngõ"
    with database_tasks():
        story.save_revision().publish()
        assert not stored(story)  # the publication only enqueued the drawing
        (drawing,) = waiting("feeds.tasks.draw_share_card")
        assert drawing.args_kwargs["args"] == [story.pk]
        run_worker(monkeypatch)
    assert stored(story)
    response = client.get(sharecard.card_url(story))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    with default_storage.open(sharecard.storage_name(story, sharecard.card_digest(story)), "rb") as handle:
        assert b"".join(response) == handle.read()  # the stored card is what readers get


def test_a_card_whose_task_has_not_run_is_drawn_on_request(client):
    story = a_story()
    story.title = "Tổ tự quản khu phố 2 trả lại chiếc ví cho người đánh rơi"
    with database_tasks():
        story.save_revision().publish()  # the task waits; no worker runs
        response = client.get(sharecard.card_url(story))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert stored(story)


def test_a_page_unpublished_before_its_task_runs_gets_no_card(monkeypatch):
    story = a_story()
    story.title = "Một bài được gỡ xuống trước khi thẻ chia sẻ kịp vẽ"
    with database_tasks():
        story.save_revision().publish()
        story.unpublish()
        run_worker(monkeypatch)
    assert not stored(story)

"""The demo's past forum shows its published Q&A and counts, and nothing personal."""

import pytest

from demo.participation import FORUM_TITLE, QUESTIONS, TRACKING_CODE
from forums.models import ForumAnnouncementPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo_submissions]


def test_the_past_forum_shows_its_published_qa_and_counts(client):
    forum = ForumAnnouncementPage.objects.get(title=FORUM_TITLE)
    html = client.get(forum.url).content.decode()
    published = [q for q in QUESTIONS if q.get("publish")]
    for spec in published:
        assert spec["public"] in html and spec["answer"] in html
    for spec in QUESTIONS:
        assert spec["text"] not in html  # only the public wording of a published question
    assert "Đã tiếp nhận</dt><dd>4" in html and "Chuyển cơ quan khác</dt><dd>1" in html
    assert "không nhận câu hỏi gửi trước" in html


def test_the_demo_tracking_page_answers(client):
    page = client.get(f"/tra-cuu/{TRACKING_CODE}/")
    assert page.status_code == 200 and "Đã trả lời tại diễn đàn" in page.content.decode()

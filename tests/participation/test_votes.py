""" "Trang này có hữu ích không?": on every article, no cookie, counted per page."""

import pytest

from forums.models import ForumAnnouncementPage
from participation.models import PageVote
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def test_every_article_asks_and_stays_publicly_cacheable(client):
    story = StoryPage.objects.live().first()
    page = client.get(story.url)
    assert "Trang này có hữu ích không?" in page.content.decode()
    assert page["Cache-Control"].startswith("public") and not page.cookies


def test_a_vote_is_counted_without_a_cookie_or_personal_data(client):
    story = StoryPage.objects.live().first()
    response = client.post(f"/danh-gia/{story.pk}/", {"huu-ich": "khong", "ly-do": "thieu-thong-tin"})
    assert response.status_code == 200 and not response.cookies
    vote = PageVote.objects.get()
    assert vote.page_id == story.pk and not vote.useful and vote.reason == "thieu-thong-tin"
    assert client.post(f"/danh-gia/{story.pk}/", {"huu-ich": "co"}).status_code == 200
    assert PageVote.objects.filter(useful=True).count() == 1


@pytest.mark.parametrize(
    "data", [{}, {"huu-ich": "<script>"}, {"huu-ich": "khong", "ly-do": "x" * 5000}, {"huu-ich": "co\x00"}]
)
def test_bad_votes_are_refused_without_a_5xx(client, data):
    forum = ForumAnnouncementPage.objects.live().first()
    assert client.post(f"/danh-gia/{forum.pk}/", data).status_code == 400
    assert client.post("/danh-gia/99999999999999/", {"huu-ich": "co"}).status_code == 404
    assert client.get(f"/danh-gia/{forum.pk}/").status_code == 405
    assert not PageVote.objects.exists()


def test_a_vote_from_another_site_is_refused(client):
    story = StoryPage.objects.live().first()
    response = client.post(f"/danh-gia/{story.pk}/", {"huu-ich": "co"}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 400 and not PageVote.objects.exists()


def test_editors_see_the_counts_per_page_section_and_unit(client, django_user_model):
    story = StoryPage.objects.live().first()
    for answer in ("co", "co", "khong"):
        client.post(f"/danh-gia/{story.pk}/", {"huu-ich": answer, "ly-do": "kho-hieu"})
    admin = client.__class__(HTTP_HOST="127.0.0.1")
    admin.force_login(django_user_model.objects.create_superuser("bt", "bt@example.vn", "x"))
    html = admin.get("/admin/bao-cao/danh-gia-bai-viet/").content.decode()
    assert story.title in html and story.get_parent().title in html and "Khó hiểu: 1" in html
    assert "<td>2</td><td>1</td>" in html

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


def test_a_units_editor_sees_the_votes_on_their_units_pages_only(client, django_user_model):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Page

    ours, theirs = StoryPage.objects.live()[:2]
    for story in (ours, theirs):
        client.post(f"/danh-gia/{story.pk}/", {"huu-ich": "khong", "ly-do": "kho-hieu"})
    unit = Group.objects.create(name="Biên tập một bài")
    unit.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=unit,
        page=Page.objects.get(pk=ours.pk),
        permission=Permission.objects.get(codename="change_page"),
    )
    editor = django_user_model.objects.create_user("bt-don-vi", password="x")
    editor.groups.add(unit)
    other = client.__class__(HTTP_HOST="127.0.0.1")
    other.force_login(editor)
    html = other.get("/admin/bao-cao/danh-gia-bai-viet/").content.decode()
    assert ours.title in html and theirs.title not in html


def test_the_report_costs_the_same_queries_for_many_pages(client, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    admin = client.__class__(HTTP_HOST="127.0.0.1")
    admin.force_login(django_user_model.objects.create_superuser("bt2", "bt2@example.vn", "x"))
    counts = []
    for story in StoryPage.objects.live()[:6]:
        client.post(f"/danh-gia/{story.pk}/", {"huu-ich": "co"})
        admin.get("/admin/bao-cao/danh-gia-bai-viet/")  # warm the admin's own lookups
        with CaptureQueriesContext(connection) as queries:
            assert admin.get("/admin/bao-cao/danh-gia-bai-viet/").status_code == 200
        counts.append(len(queries))
    assert counts[1] == counts[-1], counts

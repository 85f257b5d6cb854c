"""The admin's shell speaks Vietnamese, in the site's own name, and offers editors only what
their work needs (editorial/admin_shell.py, the catalog, the template overrides)."""

import datetime

import pytest
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Collection

from stories.models import StoryPage
from tests.editorial.helpers import html

pytestmark = pytest.mark.django_db


def test_the_help_menu_opens_the_local_guide_without_a_badge(editor):
    dashboard = html(editor.get("/admin/"))
    assert "/admin/huong-dan/" in dashboard
    assert "guide.wagtail.org" not in dashboard
    assert "whats-new-in-wagtail" not in dashboard and "editor-guide" not in dashboard
    assert "Hướng dẫn biên tập Bình Yên" in dashboard
    assert "Wagtail 7" not in dashboard


def test_the_guide_covers_an_editors_work(editor):
    guide = editor.get("/admin/huong-dan/")
    assert guide.status_code == 200
    for heading in ("Viết một câu chuyện", "sự đồng ý", "Gửi duyệt", "Nhập bài từ Word", "rút lại đồng ý"):
        assert heading in html(guide)
    assert "<title>Hướng dẫn biên tập - Bình Yên</title>" in html(guide)


def test_the_login_page_carries_the_product_name():
    page = html(Client(HTTP_HOST="127.0.0.1").get("/admin/login/"))
    assert "Đăng nhập vào Bình Yên" in page
    assert "Đăng nhập vào Wagtail" not in page
    assert "- Wagtail</title>" not in page


def test_relative_times_are_vietnamese():
    now = timezone.now()
    with translation.override("vi"):
        assert naturaltime(now - datetime.timedelta(seconds=9)) == "9 giây trước"
        assert naturaltime(now - datetime.timedelta(minutes=5)) == "5 phút trước"
        assert naturaltime(now - datetime.timedelta(days=3)).replace("\xa0", " ") == "3 ngày trước"
        assert naturaltime(now) == "vừa xong"


def test_the_root_collection_has_a_vietnamese_name():
    assert Collection.get_first_root_node().name == "Thư viện chung"


def test_the_story_editor_shows_the_sites_own_slug_example_and_no_menu_option(editor):
    story = StoryPage.objects.live().first()
    page = html(editor.get(f"/admin/pages/{story.pk}/edit/"))
    assert "domain.com" not in page
    assert "binhyen.vn/nguoi-tot-viec-tot/" in page
    assert 'name="show_in_menus"' not in page
    assert "Hiện trong trình đơn" not in page


def test_the_submit_button_reads_gui_duyet(editor):
    story = StoryPage.objects.live().first()
    page = html(editor.get(f"/admin/pages/{story.pk}/edit/"))
    assert "Gửi duyệt" in page
    assert "Gửi vào Duyệt bài trước khi đăng" not in page


def test_editors_who_write_stories_are_not_offered_sections(editor, leader, stories_index):
    offered = html(editor.get(f"/admin/pages/{stories_index.pk}/add_subpage/"))
    assert "/admin/pages/add/stories/storypage/" in offered
    assert "/admin/pages/add/stories/storyindexpage/" not in offered
    refused = editor.get(f"/admin/pages/add/stories/storyindexpage/{stories_index.pk}/")
    assert refused.status_code == 403
    assert "Chỉ lãnh đạo hoặc quản trị viên tạo chuyên mục mới." in html(refused)

    assert "/admin/pages/add/stories/storyindexpage/" in html(
        leader.get(f"/admin/pages/{stories_index.pk}/add_subpage/")
    )


def test_the_dashboard_has_no_empty_language_column(editor):
    from django.contrib.auth import get_user_model

    story = StoryPage.objects.live().first()
    story.save_revision(user=get_user_model().objects.get(username="bientap"), log_action=True)
    dashboard = html(editor.get("/admin/"))
    assert "recent-edits" in dashboard and story.get_admin_display_title() in dashboard
    assert "Ngôn ngữ" not in dashboard

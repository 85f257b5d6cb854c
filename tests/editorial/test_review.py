"""The review loop on the server: problems shown on save, flagged to the approver, the rejection's
comment where the editor works, approval confirmed with the live page's link, withdrawal that
leaves no name (short forms and slug included), the age deciding the age group."""

import re

import pytest

from stories.models import StoryPage
from tests.editorial.helpers import consenting_adult, create_story, edit_story, html, person

pytestmark = pytest.mark.django_db


def test_a_save_shows_what_stops_publishing_and_the_approver_sees_the_flag(editor, leader, stories_index):
    response, page = create_story(editor, stories_index, people=[person()])  # consent not recorded
    shown = html(editor.get(response["Location"]))
    assert "Đã lưu bản nháp. Bài chưa thể đăng cho tới khi sửa" in shown
    assert "nhân vật “Nguyễn Văn Hùng” còn thiếu sự đồng ý của chính nhân vật" in shown

    edit_story(editor, page, title=page.title, people=[person(id=page.people.get().pk)], initial_people=1,
               action="action-submit")  # fmt: skip
    dashboard = html(leader.get("/admin/"))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", dashboard, re.S) if page.title in r)
    assert "Cần kiểm tra đồng ý" in row and "còn thiếu sự đồng ý của chính nhân vật" in row
    # A story that may go live carries no mark.
    _response, clean = create_story(editor, stories_index, title="Bà bán xôi giữ hộ ví", people=[consenting_adult()],
                                    action="action-submit")  # fmt: skip
    rows = [r for r in re.findall(r"<tr>.*?</tr>", html(leader.get("/admin/")), re.S) if clean.title in r]
    assert rows and "Cần kiểm tra đồng ý" not in rows[0]


def test_the_rejection_comment_is_on_the_dashboard_and_on_top_of_the_edit_page(editor, leader, stories_index):
    _response, page = create_story(editor, stories_index, people=[consenting_adult()], action="action-submit")
    task_state = page.current_workflow_task_state
    leader.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        {"comment": "Bổ sung ý kiến của cảnh sát khu vực."},
    )
    dashboard = html(editor.get("/admin/"))
    assert "Bài lãnh đạo yêu cầu sửa" in dashboard
    panel = dashboard[dashboard.index("Bài lãnh đạo yêu cầu sửa") :]
    assert page.title in panel and "Lê Minh Quang yêu cầu sửa" in panel
    assert "Bổ sung ý kiến của cảnh sát khu vực." in panel
    edit_page = html(editor.get(f"/admin/pages/{page.pk}/edit/"))
    assert "Bài cần sửa theo ý kiến lãnh đạo. Lê Minh Quang yêu cầu sửa lúc" in edit_page
    assert "“Bổ sung ý kiến của cảnh sát khu vực.”" in edit_page

    # Resubmitted: the comment no longer applies, and is no longer shown.
    edit_story(editor, page, title=page.title, people=[consenting_adult(id=page.people.get().pk)],
               initial_people=1, action="action-submit")  # fmt: skip
    assert "Bài lãnh đạo yêu cầu sửa" not in html(editor.get("/admin/"))
    assert "Bài cần sửa theo ý kiến lãnh đạo" not in html(editor.get(f"/admin/pages/{page.pk}/edit/"))


def test_approving_from_the_dashboard_asks_first_then_links_to_the_live_page(editor, leader, stories_index):
    _response, page = create_story(editor, stories_index, people=[consenting_adult()], action="action-submit")
    task_state = page.current_workflow_task_state
    approve_url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    dashboard = html(leader.get("/admin/"))
    button = re.search(
        rf'<button data-workflow-action-url="{re.escape(approve_url)}"[^>]*>', dashboard
    ).group()
    assert "data-launch-modal" in button  # a dialog first: approving publishes at once
    dialog = leader.get(approve_url, headers={"x-requested-with": "XMLHttpRequest"})
    assert "sẽ đăng bài lên trang ngay" in dialog.json()["html"]

    response = leader.post(approve_url, {"comment": ""}, headers={"referer": "http://127.0.0.1/admin/"})
    assert response["Location"] == f"/admin/bien-tap/da-duyet/{page.pk}/"
    response = leader.get(response["Location"], headers={"referer": "http://127.0.0.1/admin/"})
    assert response["Location"] == "http://127.0.0.1/admin/"
    shown = html(leader.get("/admin/"))
    page = StoryPage.objects.get(pk=page.pk)
    assert page.live
    assert f"Đã duyệt và đăng “{page.title}”" in shown
    assert f'href="{page.url}"' in shown and "Xem trang đã đăng" in shown
    # Nobody else is told they approved it.
    assert "Đã duyệt và đăng" not in html(editor.get(f"/admin/bien-tap/da-duyet/{page.pk}/", follow=True))


def test_withdrawn_at_reads_as_a_dash_or_a_vietnamese_date(editor):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    edit_page = html(editor.get(f"/admin/pages/{story.pk}/edit/"))
    output = re.findall(r'<div class="w-field__textoutput"[^>]*>\s*(.*?)\s*</div>', edit_page, re.S)
    assert output and "None" not in output and "—" in output
    person_obj = story.people.get()
    editor.post(f"/admin/cau-chuyen/{story.pk}/rut-lai-dong-y/", {"person": person_obj.pk})
    edit_page = html(editor.get(f"/admin/pages/{story.pk}/edit/"))
    output = re.findall(r'<div class="w-field__textoutput"[^>]*>\s*(.*?)\s*</div>', edit_page, re.S)
    assert any(re.fullmatch(r"\d\d:\d\d, \d\d/\d\d/\d{4}", value) for value in output), output


def test_withdrawal_leaves_no_short_form_and_moves_a_slug_that_spells_the_name(leader, stories_index, client):
    _response, page = create_story(
        leader,
        stories_index,
        title="Anh Lê Văn Tâm đưa cụ bà về nhà",
        sapo="Anh Lê Văn Tâm đưa cụ bà lạc đường về nhà; anh Tâm không nhận tiền công.",
        people=[consenting_adult(full_name="Lê Văn Tâm")],
        action="action-publish",
    )
    page = StoryPage.objects.get(pk=page.pk)
    assert page.live and page.slug == "anh-le-van-tam-dua-cu-ba-ve-nha"
    old_url = page.url
    leader.post(f"/admin/cau-chuyen/{page.pk}/rut-lai-dong-y/", {"person": page.people.get().pk})

    page = StoryPage.objects.get(pk=page.pk)
    assert page.live and page.slug == "anh-lvt-dua-cu-ba-ve-nha"
    assert page.title == "Anh L.V.T. đưa cụ bà về nhà"
    assert page.sapo == "Anh L.V.T. đưa cụ bà lạc đường về nhà; anh T. không nhận tiền công."
    public = html(client.get(page.url))
    assert "Lê Văn Tâm" not in public and "anh Tâm" not in public
    moved = client.get(old_url)
    assert moved.status_code in (301, 302) and moved["Location"].endswith(page.url)
    assert page.get_publish_blockers() == []


def test_the_age_fills_the_age_group_and_the_editor_carries_the_rule(leader, stories_index):
    child = consenting_adult(full_name="Trần Bảo Ngọc", age="5", age_group="")
    _response, page = create_story(leader, stories_index, people=[child])
    assert page.people.get().age_group == "duoi-7"
    form = html(leader.get(f"/admin/pages/{page.pk}/edit/"))
    assert (
        'data-age-group-rules="[[7, &quot;duoi-7&quot;], [18, &quot;7-den-duoi-18&quot;], [null, &quot;nguoi-lon&quot;]]"'
        in form
    )
    assert "stories/admin/people.js" in form
    # Without an age, a group must be chosen: nothing defaults a child to "adult".
    unknown = consenting_adult(full_name="Trần Bảo Ngọc", age="", age_group="")
    _response, page = create_story(leader, stories_index, title="Cháu bé nhặt được ví", people=[unknown],
                                   action="action-publish")  # fmt: skip
    assert page.people.get().age_group == ""
    assert not StoryPage.objects.get(pk=page.pk).live
    assert "còn thiếu nhóm tuổi" in " ".join(StoryPage.objects.get(pk=page.pk).get_publish_blockers())

"""Roles and the approval workflow, tried through the admin as the demo users."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, PageLogEntry, TaskState, WorkflowState

from stories.models import StoryPage
from tests.editorial.helpers import consenting_adult, create_story, edit_story, html, messages_of

pytestmark = pytest.mark.django_db


def test_migration_creates_the_roles_and_the_workflow():
    editors = Group.objects.get(name="Biên tập viên")
    leaders = Group.objects.get(name="Lãnh đạo duyệt")
    perms = {
        group.name: set(
            GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True)
        )
        for group in (editors, leaders)
    }
    assert perms["Biên tập viên"] == {"add_page", "change_page"}
    assert {"add_page", "change_page", "publish_page"} <= perms["Lãnh đạo duyệt"]
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    root = Page.get_first_root_node()
    workflow = root.get_workflow()
    assert workflow.name == "Duyệt bài trước khi đăng" and workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [leaders]
    # The workflow covers the three sections and the unit sub-section below them.
    for slug in ("nguoi-tot-viec-tot", "mo-hinh", "dien-dan", "phuong-hoan-kiem"):
        assert Page.objects.get(slug=slug).get_workflow() == workflow


def test_editor_creates_and_submits_but_cannot_publish(editor, stories_index):
    response = editor.get(f"/admin/pages/add/stories/storypage/{stories_index.pk}/")
    assert response.status_code == 200
    assert 'name="action-submit"' in html(response)
    assert 'name="action-publish"' not in html(response)

    response, page = create_story(editor, stories_index, people=[consenting_adult()], action="action-submit")
    assert response.status_code == 302, messages_of(response)
    assert page is not None and not page.live
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The edit view offers no publish action either, and a forged publish only saves a draft.
    page_html = html(editor.get(f"/admin/pages/{page.pk}/edit/"))
    assert 'name="action-publish"' not in page_html
    edit_story(editor, page, title="Anh xe ôm giúp cụ bà qua đường (sửa)", action="action-publish")
    page.refresh_from_db()
    assert not page.live


def submitted_story(editor, stories_index, **kwargs):
    response, page = create_story(editor, stories_index, action="action-submit", **kwargs)
    assert response.status_code == 302
    return page


def test_leader_sees_the_submission_and_approves_it_live(editor, leader, stories_index, client):
    page = submitted_story(editor, stories_index, people=[consenting_adult()])
    # The leader's dashboard lists it under "awaiting your review", with an approve button.
    dashboard = html(leader.get("/admin/"))
    task_state = page.current_workflow_task_state
    assert page.title in dashboard
    assert f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/" in dashboard
    assert leader.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

    response = leader.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "Đồng ý đăng."}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions


def test_leader_sends_a_story_back_with_a_comment(editor, leader, stories_index):
    page = submitted_story(editor, stories_index, people=[consenting_adult()])
    task_state = page.current_workflow_task_state
    response = leader.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        {"comment": "Bổ sung ý kiến của cảnh sát khu vực."},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.get(pk=task_state.pk)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Bổ sung ý kiến của cảnh sát khu vực."
    # The editor is told: the dashboard lists the story as needing changes, with the comment in history.
    assert page.title in html(editor.get("/admin/"))
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.reject").exists()
    history = html(editor.get(f"/admin/pages/{page.pk}/workflow_history/"))
    assert page.title in history


def test_unit_scoped_editor_works_only_in_their_unit(ward_editor, ward_index, stories_index):
    other_story = StoryPage.objects.live().exclude(path__startswith=ward_index.path).first()
    response = ward_editor.get(f"/admin/pages/{other_story.pk}/edit/")
    assert response.status_code == 403
    assert "Bạn không có quyền với trang này" in html(response)
    assert ward_editor.get(f"/admin/pages/add/stories/storypage/{stories_index.pk}/").status_code == 403
    response = ward_editor.post(f"/admin/pages/{other_story.pk}/edit/", {"title": "x"})
    assert response.status_code == 403
    assert ward_editor.get(f"/admin/pages/{other_story.pk}/delete/").status_code == 403
    for section in ("mo-hinh", "dien-dan"):
        assert ward_editor.get(f"/admin/pages/{Page.objects.get(slug=section).pk}/edit/").status_code == 403

    own_story = StoryPage.objects.child_of(ward_index).first()
    assert ward_editor.get(f"/admin/pages/{own_story.pk}/edit/").status_code == 200
    response, page = create_story(
        ward_editor,
        ward_index,
        title="Tổ dân phố Hàng Bạc trả lại ví",
        people=[consenting_adult()],
        action="action-submit",
    )
    assert response.status_code == 302 and page.get_parent().pk == ward_index.pk
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

"""Scheduled publishing with a frozen clock, the Vietnamese admin, revisions, demo accounts."""

import datetime
import io
import logging
import runpy
import threading
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models
from wagtail.models import PageLogEntry
from wagtail.users.models import UserProfile

from demo import accounts, content
from editorial import two_factor
from stories.models import StoryPage
from tests.editorial.helpers import consenting_adult, create_story, edit_story, html

pytestmark = pytest.mark.django_db
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=VN)


def test_a_story_scheduled_an_hour_ahead_goes_live_after_publish_scheduled(leader, stories_index, client):
    with time_machine.travel(NOW, tick=False):
        response, page = create_story(
            leader,
            stories_index,
            people=[consenting_adult()],
            go_live_at="22/11/2026 10:00",
            action="action-publish",
        )
        assert response.status_code == 302
        page = StoryPage.objects.get(pk=page.pk)
        assert not page.live and page.go_live_at == NOW + datetime.timedelta(hours=1)
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.schedule").exists()
        call_command("publish_scheduled", stdout=io.StringIO())
        assert not StoryPage.objects.get(pk=page.pk).live

    with time_machine.travel(NOW + datetime.timedelta(minutes=61), tick=False):
        call_command("publish_scheduled", stdout=io.StringIO())
        page = StoryPage.objects.get(pk=page.pk)
        assert page.live
        assert client.get(page.url).status_code == 200
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").exists()


def test_an_expiring_story_is_unpublished_by_publish_scheduled(leader, stories_index):
    with time_machine.travel(NOW, tick=False):
        _, page = create_story(
            leader,
            stories_index,
            people=[consenting_adult()],
            expire_at="22/11/2026 12:00",
            action="action-publish",
        )
        assert StoryPage.objects.get(pk=page.pk).live
    with time_machine.travel(NOW + datetime.timedelta(hours=3, minutes=1), tick=False):
        call_command("publish_scheduled", stdout=io.StringIO())
        page = StoryPage.objects.get(pk=page.pk)
        assert not page.live and page.expired


def test_the_run_server_runs_publish_scheduled_in_a_loop_and_db_statistics_hourly(monkeypatch):
    conf = runpy.run_path(str(Path(settings.BASE_DIR) / "config" / "gunicorn.conf.py"))
    assert conf["COMMAND"][-1] == "publish_scheduled"
    stop, calls = threading.Event(), []

    class Result:
        returncode, stdout, stderr = 0, "", ""

    def fake_run(command, **kwargs):
        calls.append(command)
        if calls.count(conf["COMMAND"]) == 2:
            stop.set()
        return Result()

    monkeypatch.setattr(conf["subprocess"], "run", fake_run)
    conf["scheduler_loop"](log=logging.getLogger("test"), interval=0, stop=stop)
    # The statistics run once at start; the next is an hour away.
    assert calls == [conf["COMMAND"], conf["STATS_COMMAND"], conf["COMMAND"]]


def test_admin_is_vietnamese_and_in_vietnam_time_whatever_the_profile_says(leader, stories_index):
    user = get_user_model().objects.get(username="lanhdao")
    profile = UserProfile.get_for_user(user)
    UserProfile.objects.filter(pk=profile.pk).update(
        preferred_language="en", current_time_zone="Europe/London"
    )
    with time_machine.travel(NOW, tick=False):
        _, page = create_story(leader, stories_index, people=[consenting_adult()])
        page.go_live_at = datetime.datetime(2026, 12, 1, 1, 0, tzinfo=datetime.UTC)
        page.save_revision()
        response = leader.get(f"/admin/pages/{page.pk}/edit/")
    page_html = html(response)
    assert '<html lang="vi"' in page_html
    assert "01/12/2026 08:00" in page_html  # 01:00 UTC shown as 08:00 in Hà Nội
    profile.refresh_from_db()
    assert (profile.preferred_language, profile.current_time_zone) == ("", "")
    account = html(leader.get("/admin/account/"))
    assert "Europe/London" not in account and 'value="en"' not in account


def test_our_models_fields_and_blocks_have_vietnamese_labels():
    from django.apps import apps

    from home.blocks import BodyBlock

    for app in ("home", "stories", "models_showcase", "forums", "editorial"):
        for model in apps.get_app_config(app).get_models():
            assert model._meta.verbose_name.isascii() is False or model._meta.verbose_name == "", model
            for field in model._meta.get_fields():
                if not isinstance(field, models.Field) or field.auto_created or not field.editable:
                    continue
                if field.model is not model or field.name in {"page", "content_object", "sort_order"}:
                    continue
                if field.name in {"slug", "tag", "sapo"} or field.model.__module__.startswith("wagtail"):
                    continue
                label = str(field.verbose_name)
                assert label != field.name.replace("_", " "), (
                    f"{model.__name__}.{field.name} has no Vietnamese label"
                )
    for name, block in BodyBlock().child_blocks.items():
        assert name == "video" or not str(block.label).isascii(), name  # "Video" is Vietnamese too


def test_revisions_can_be_compared_and_restored(leader, stories_index):
    _, page = create_story(leader, stories_index, people=[consenting_adult()])
    person_id = page.people.get().pk
    edit_story(
        leader, page, title="Tiêu đề đã sửa", people=[consenting_adult(id=person_id)], initial_people=1
    )
    revisions = list(page.revisions.order_by("created_at"))
    assert len(revisions) == 2
    first, second = revisions
    assert leader.get(f"/admin/pages/{page.pk}/history/").status_code == 200
    compare = leader.get(f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200 and "Tiêu đề đã sửa" in html(compare)
    restore = leader.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert restore.status_code == 200 and "Anh xe ôm giúp cụ bà qua đường" in html(restore)


def test_demo_accounts_log_in_with_the_printed_passwords(client):
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    printed = out.getvalue()
    passwords = accounts.stored_passwords()
    for spec in content.DEMO_ACCOUNTS:
        assert f"{spec['username']}" in printed and passwords[spec["username"]] in printed
        response = client.post(
            "/admin/login/", {"username": spec["username"], "password": passwords[spec["username"]]}
        )
        assert response.status_code == 302, spec["username"]
        admin = client.get("/admin/")
        if two_factor.is_required_for(get_user_model().objects.get(username=spec["username"])):
            # The password is right; the admin then asks for an authenticator app.
            assert admin["Location"].startswith("/admin/xac-thuc-hai-lop/thiet-lap/"), spec["username"]
        else:
            assert admin.status_code == 200, spec["username"]
        client.logout()
    ward_user = get_user_model().objects.get(username="bientap-hoankiem")
    assert [g.name for g in ward_user.groups.all()] == [content.WARD_EDITORS_GROUP]

"""The content version keys the caches every process keeps; readers must never see stale menus
or filters after an editor publishes."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from home.content_version import content_version
from home.models import Commune, HomePage
from stories.models import DeedType, StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def new_story(title: str, commune: Commune, publish: bool = True) -> StoryPage:
    index = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")
    story = index.add_child(
        instance=StoryPage(
            title=title,
            sapo="Một việc tốt mới được ghi nhận.",
            deed_type=DeedType.RESCUE,
            deed_date=datetime.date(2026, 10, 1),
            commune=commune,
            byline="Ban biên tập",
            live=False,
        )
    )
    if publish:
        story.save_revision().publish()
    return story


def test_the_version_changes_with_everything_readers_can_see():
    story = StoryPage.objects.live().first()
    token = content_version().token
    assert content_version().token == token  # stable while nothing changes

    story.save_revision().publish()
    assert content_version().token != token, "a publish"
    token = content_version().token

    new_story("Trang tạo bằng mã, chưa đăng", Commune.objects.get(slug="phuong-lang"), publish=False)
    assert content_version().token != token, "a page added outside the admin (bulk loads)"
    token = content_version().token

    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=story.pk), restriction_type="login"
    )
    assert content_version().token != token, "a new view restriction"
    token = content_version().token
    restriction.delete()
    assert content_version().token != token, "a removed view restriction"
    token = content_version().token

    StoryPage.objects.filter(pk=story.pk).update(expire_at=timezone.now() + datetime.timedelta(hours=1))
    assert content_version().token == token, "an expiry still ahead changes nothing yet"
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        assert content_version().token != token, "an expiry time passed"


def test_the_menu_shows_a_new_section_at_once_and_drops_an_unpublished_one(client):
    assert "Tin an ninh trật tự" not in client.get("/").content.decode()
    home = HomePage.objects.get()
    section = home.add_child(
        instance=StoryIndexPage(title="Tin an ninh trật tự", show_in_menus=True, live=False)
    )
    section.save_revision().publish()
    assert "Tin an ninh trật tự" in client.get("/").content.decode()
    section.refresh_from_db()
    section.unpublish()
    assert "Tin an ninh trật tự" not in client.get("/nguoi-tot-viec-tot/").content.decode()


def test_section_filters_offer_a_commune_as_soon_as_a_story_there_is_published(client):
    without_stories = Commune.objects.exclude(code__in=StoryPage.objects.values("commune"))
    commune = without_stories.filter(province__slug="ha-noi").order_by("code").first()
    url = "/nguoi-tot-viec-tot/"
    assert f'value="{commune.slug}"' not in client.get(url).content.decode()
    assert client.get(f"{url}?xa={commune.slug}").status_code == 400  # not a choice yet
    story = new_story(f"Cứu người đuối nước ở {commune.name}", commune)
    html = client.get(url).content.decode()
    assert f'value="{commune.slug}"' in html
    response = client.get(f"{url}?xa={commune.slug}")
    assert response.status_code == 200 and story.title in response.content.decode()


def test_database_statistics_are_written_for_the_query_planner():
    call_command("update_db_statistics", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'wagtailcore_page'")
            assert cursor.fetchone()[0] > 0
            # An empty table is recorded as small, or SQLite would scan all pages to join it.
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'wagtailcore_pageviewrestriction'")
            assert cursor.fetchall() == [("1",)]
        else:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'")
            assert cursor.fetchone()[0] > 0  # -1 until the table was first analysed

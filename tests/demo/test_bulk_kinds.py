"""Synthetic showcases and forums in bulk: real tree nodes that every surface sees as it sees
the pages editors make (page, section listing, API, site search)."""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from demo.bulk import add_bulk_forums, add_bulk_showcases
from forums.models import ForumAnnouncementPage, ForumIndexPage
from forums.schedule import ForumSchedule
from models_showcase.models import ModelShowcasePage, ShowcaseIndexPage
from tests.search.helpers import result_urls, search, unaccent

pytestmark = pytest.mark.django_db


@dataclass
class Kind:
    add: object
    model: type
    index_model: type
    slug: str  # loai= and the section's slug

    def commune_of(self, page):
        return page.communes.first() if self.model is ModelShowcasePage else page.commune


KINDS = {
    "mo-hinh": Kind(add_bulk_showcases, ModelShowcasePage, ShowcaseIndexPage, "mo-hinh"),
    "dien-dan": Kind(add_bulk_forums, ForumAnnouncementPage, ForumIndexPage, "dien-dan"),
}


def api_total(client, slug: str) -> int:
    response = client.get("/api/v2/bai-viet/", {"loai": slug})
    assert response.status_code == 200
    return response.json()["meta"]["total_count"]


def added(kind: Kind, count: int) -> list:
    return list(kind.model.objects.order_by("-pk")[:count])


def assert_sound_tree(kind: Kind):
    assert all(not problems for problems in Page.find_problems())
    index = kind.index_model.objects.first()
    assert index.numchild == index.get_children().count()
    children = index.get_children()
    assert children.values("slug").distinct().count() == children.count()


@pytest.mark.parametrize("slug", KINDS)
def test_bulk_pages_are_sound_nodes_seen_by_page_section_api_and_search(client, slug):
    kind = KINDS[slug]
    before, total_before = kind.model.objects.count(), api_total(client, slug)
    assert kind.add(24, batch_size=10) == 24  # three batches, the last one short
    assert kind.model.objects.count() == before + 24
    assert_sound_tree(kind)
    pages = added(kind, 24)
    assert all(page.live and page.hero_image_id for page in pages)
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url
    assert api_total(client, slug) == total_before + 24
    listed = [p for p in pages if getattr(p, "schedule", ForumSchedule.PLANNED) == ForumSchedule.PLANNED][:3]
    for page in listed:
        commune = kind.commune_of(page)
        response = client.get(f"/{slug}/", {"tinh": commune.province.slug, "xa": commune.slug})
        assert response.status_code == 200
        assert f'href="{page.url}"' in response.content.decode(), page.title
        # Found by the site search as a reader types it, without marks.
        assert page.url in result_urls(search(client, q=unaccent(page.title))), page.title
    # A second run continues after the last child: new paths, no clash.
    last_path = kind.index_model.objects.first().get_last_child().path
    assert kind.add(3, batch_size=2) == 3
    assert_sound_tree(kind)
    assert min(p.path for p in added(kind, 3)) > last_path


def test_bulk_showcases_carry_their_records_in_their_own_province():
    add_bulk_showcases(12, batch_size=5)
    for page in added(KINDS["mo-hinh"], 12):
        communes = list(page.communes.all())
        assert len(communes) == 1 and communes[0].province_id == page.province_id
        assert len(page.figure_series()) == 2
        assert all(len(series.values) >= 1 for series in page.figure_series())
        assert all(v.as_of <= timezone.localdate() for v in page.figures.all())
        assert page.current_step is not None and page.point_summary()["count"] >= 1
        assert page.year_started <= timezone.localdate().year


def test_bulk_forums_spread_over_past_and_future_in_vietnam_time():
    today = datetime.date(2026, 6, 1)
    add_bulk_forums(120, batch_size=50, today=today)
    forums = added(KINDS["dien-dan"], 120)
    vietnam = datetime.timezone(datetime.timedelta(hours=7))
    starts = [timezone.localtime(f.starts_at) for f in forums]
    assert all(s.utcoffset() == vietnam.utcoffset(None) for s in starts)
    assert {s.hour for s in starts} <= {8, 14, 19}
    assert any(s.date() < today for s in starts) and any(s.date() > today for s in starts)
    for forum in forums:
        forum.full_clean()  # what an editor could have saved: deadlines, notices, end after start
        assert forum.first_published_at <= forum.starts_at
    held = [f for f in forums if f.ends_at.date() < today and f.schedule != ForumSchedule.CANCELLED]
    assert held and all(f.summary and f.outcomes for f in held)


def test_the_same_seed_gives_the_same_pages():
    first = [(p.title, p.commune_id) for p in _forums_of_a_run(seed=7)]
    again = [(p.title, p.commune_id) for p in _forums_of_a_run(seed=7)]
    other = [(p.title, p.commune_id) for p in _forums_of_a_run(seed=8)]
    # Serial numbers continue, so compare what was drawn, less the number.
    strip = [(t.rsplit(" (số", 1)[0], c) for t, c in first]
    assert (
        strip
        == [(t.rsplit(" (số", 1)[0], c) for t, c in again]
        != [(t.rsplit(" (số", 1)[0], c) for t, c in other]
    )


def _forums_of_a_run(seed):
    """A run's forums, drawn as the first run after the demo would draw them, then removed."""
    from django.db import transaction

    class Rollback(Exception):
        pass

    found = []
    try:
        with transaction.atomic():
            add_bulk_forums(6, seed=seed, batch_size=4, today=datetime.date(2026, 6, 1))
            found = added(KINDS["dien-dan"], 6)[::-1]
            raise Rollback
    except Rollback:
        pass
    return found


def test_the_command_adds_both_kinds_and_tops_up_with_total():
    showcases, forums = ModelShowcasePage.objects.count(), ForumAnnouncementPage.objects.count()
    call_command("add_bulk_content", showcases=4, forums=3, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ModelShowcasePage.objects.count() == showcases + 4
    assert ForumAnnouncementPage.objects.count() == forums + 3
    call_command(
        "add_bulk_content",
        showcases=showcases + 4,
        forums=forums + 5,
        total=True,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    assert ModelShowcasePage.objects.count() == showcases + 4  # already there
    assert ForumAnnouncementPage.objects.count() == forums + 5


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"showcases": -1}, "Số mô hình phải từ 0 đến 1.000.000."),
        ({"forums": 2_000_000}, "Số diễn đàn phải từ 0 đến 1.000.000."),
        ({"forums": 1, "jobs": 0}, "Số tiến trình phải từ 1 đến 16."),
        ({}, "Hãy cho biết số mô hình (--showcases) hoặc số diễn đàn (--forums) cần thêm."),
    ],
)
def test_the_command_refuses_bad_numbers_in_vietnamese(options, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("add_bulk_content", **options)

"""The registry of content kinds: adding a kind is one declaration in its own app.

A throwaway kind (ward notices, in tests/kindsample: a model, its section, one declaration and
two templates; nothing else in the project changes) appears in feeds, search, the widget, the
feed builder and its own section as soon as it is registered.
"""

import json

import feedparser
import pytest
from django.core.cache import cache

from home import kinds
from home.models import Commune, HomePage
from tests.kindsample.kinds import KIND as NOTICES
from tests.kindsample.models import NoticeIndexPage, NoticePage

pytestmark = pytest.mark.django_db

TITLE = "Phường Hoàn Kiếm thông báo lịch phun thuốc diệt muỗi"


@pytest.fixture
def notice_kind():
    kinds.register(NOTICES)
    cache.clear()
    yield NOTICES
    kinds.unregister(NOTICES.slug)
    cache.clear()


@pytest.fixture
def notice(notice_kind):
    home = HomePage.objects.get()
    section = home.add_child(instance=NoticeIndexPage(title="Thông báo"))
    commune = Commune.objects.get(slug="phuong-hoan-kiem", province__slug="ha-noi")
    page = section.add_child(
        instance=NoticePage(
            title=TITLE,
            sapo="Đợt phun thuốc diệt muỗi phòng sốt xuất huyết ở các tổ dân phố, sáng Chủ nhật.",
            commune=commune,
            signed_by="UBND phường Hoàn Kiếm",
        )
    )
    page.save_revision().publish()
    return page


def test_the_site_declares_its_three_kinds_in_their_own_apps():
    assert [kind.slug for kind in kinds.all_kinds()] == ["nguoi-tot-viec-tot", "mo-hinh", "dien-dan"]
    assert [(kind.model._meta.app_label, kind.index_model._meta.app_label) for kind in kinds.all_kinds()] == [
        ("stories", "stories"),
        ("models_showcase", "models_showcase"),
        ("forums", "forums"),
    ]


def test_a_slug_is_taken_once_old_ones_included():
    story = kinds.get("nguoi-tot-viec-tot")
    with pytest.raises(ValueError, match="cau-chuyen"):
        kinds.register(NOTICES.__class__(**{**NOTICES.__dict__, "legacy_slugs": ("cau-chuyen",)}))
    assert kinds.get("nguoi-tot-viec-tot") is story and kinds.get("thong-bao") is None


def test_a_registered_kind_appears_in_feeds_search_widget_builder_and_its_section(client, notice):
    path = notice.url

    single = json.loads(client.get("/nguon-tin/json/?loai=thong-bao").content)
    assert [item["url"] for item in single["items"]] == [notice.full_url]
    item = single["items"][0]
    assert item["authors"] == [{"name": "UBND phường Hoàn Kiếm"}] and "Thông báo của phường" in item["tags"]

    everything = feedparser.parse(client.get("/nguon-tin/rss/?tinh=ha-noi&xa=phuong-hoan-kiem").content)
    assert notice.full_url in [entry.link for entry in everything.entries]

    found = client.get("/tim-kiem/", {"q": "phun thuoc diet muoi"}).content.decode()
    assert f'href="{path}"' in found and ">Thông báo<" not in found.split(path)[0][-10:]
    assert "Thông báo" in found
    only = client.get("/tim-kiem/", {"q": "hoan kiem", "loai": "thong-bao"}).content.decode()
    assert f'href="{path}"' in only and "Tài xế xe ôm" not in only

    widget = client.get("/nhung/?loai=thong-bao").content.decode()
    assert TITLE in widget and "Phường Hoàn Kiếm, Hà Nội" in widget

    builder = client.get("/lay-tin/?loai=thong-bao").content.decode()
    assert '<option value="thong-bao" selected>Thông báo của phường</option>' in builder

    section = client.get(notice.get_parent().url).content.decode()
    assert f'href="{path}"' in section and "Phường Hoàn Kiếm, Hà Nội" in section


def test_an_unregistered_kind_is_nowhere(client, notice):
    kinds.unregister(NOTICES.slug)
    cache.clear()
    response = client.get("/nguon-tin/json/?loai=thong-bao")
    assert response.status_code == 404 and "Không có loại tin “thong-bao”" in response.content.decode()
    assert notice.full_url not in client.get("/nguon-tin/json/").content.decode()

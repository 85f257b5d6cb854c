"""The admin's commune chooser: searchable without marks, narrowed by province, cheap to render."""

import json
import re

import pytest
from django.urls import reverse

from home.choosers import query_words
from home.collation import name_key
from home.models import Commune, Province
from stories.models import StoryPage
from tests.editorial.helpers import as_user

pytestmark = pytest.mark.django_db

CHOOSE = "commune_chooser:choose"
RESULTS = "commune_chooser:choose_results"


def modal_html(response) -> str:
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def results(client, **params) -> str:
    response = client.get(reverse(RESULTS), params)
    assert response.status_code == 200
    return response.content.decode()


def test_query_words_fold_like_readers_type():
    assert query_words("Hoàn  Kiếm,") == ["hoan", "kiem"]
    assert query_words("ĐỐNG ĐA") == ["dong", "da"]
    assert query_words("   ") == []


def test_search_finds_a_commune_without_marks():
    html = results(as_user("bientap"), q="hoan kiem")
    assert "Phường Hoàn Kiếm" in html
    assert "Phường Láng" not in html


def test_province_narrows_the_list():
    client = as_user("bientap")
    da_nang = Province.objects.get(slug="da-nang")
    html = results(client, q="hai", province=da_nang.pk)
    communes = Commune.objects.filter(province=da_nang, slug__contains="hai")
    assert communes.exists()
    for commune in communes[:5]:
        assert commune.name in html
    assert "Hà Nội" not in html


def test_list_is_in_vietnamese_order():
    client = as_user("bientap")
    ha_noi = Province.objects.get(slug="ha-noi")
    html = results(client, province=ha_noi.pk)
    shown = re.findall(r'data-chooser-modal-choice href="[^"]*">\s*([^<]+?)\s*<', html)
    expected = sorted(Commune.objects.filter(province=ha_noi), key=lambda c: name_key(c.name))
    assert shown == [c.name for c in expected][: len(shown)]
    assert len(shown) == 10


@pytest.mark.parametrize(
    "params",
    [{"province": "khong-co"}, {"province": "999999"}, {"q": "x" * 500}, {"p": "abc"}, {"p": "9999"}],
)
def test_bad_input_is_never_a_server_error(params):
    response = as_user("bientap").get(reverse(RESULTS), params)
    assert response.status_code in (200, 404)


def test_bad_chosen_id_is_a_404():
    client = as_user("bientap")
    assert client.get(reverse("commune_chooser:chosen", args=["abc"])).status_code == 404
    assert client.get(reverse("commune_chooser:chosen", args=["0"])).status_code == 404


def test_modal_opens_with_search_and_province_filter():
    html = modal_html(as_user("bientap").get(reverse(CHOOSE)))
    assert 'name="q"' in html
    assert 'name="province"' in html
    assert "Mọi tỉnh, thành phố" in html


def test_story_edit_page_uses_the_chooser_and_stays_cheap(django_assert_max_num_queries):
    story = StoryPage.objects.live().filter(commune__slug="phuong-hoan-kiem").first()
    client = as_user("bientap")
    client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))  # warm caches of the admin
    with django_assert_max_num_queries(60):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<option") < 500, "the commune field no longer lists every commune"
    assert str(story.commune) in html
    assert reverse(CHOOSE) in html


def test_forum_edit_page_uses_the_chooser(admin_client):
    from forums.models import ForumAnnouncementPage

    forum = ForumAnnouncementPage.objects.first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[forum.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<option") < 500
    assert reverse(CHOOSE) in html


def test_showcase_edit_page_lists_only_its_chosen_communes(admin_client):
    from models_showcase.models import ModelShowcasePage

    showcase = ModelShowcasePage.objects.filter(communes__isnull=False).distinct().first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[showcase.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # No select lists the country's communes (the rows of replication points have their own
    # short selects, one per row, and pick communes through the chooser too).
    longest = max(select.count("<option") for select in re.findall(r"<select.*?</select>", html, re.S))
    assert longest < 100
    for commune in showcase.communes.all():
        assert f'name="communes" value="{commune.pk}"' in html
        assert str(commune) in html
    assert "Thêm xã, phường" in html


def test_showcase_keeps_several_communes_through_the_chooser_modal(admin_client):
    """The modal's multiple mode answers the chosen communes, province first."""
    ha_noi = Province.objects.get(slug="ha-noi")
    html = modal_html(admin_client.get(reverse(CHOOSE), {"multiple": 1, "province": ha_noi.pk}))
    assert "chooser-modal-select" in html
    codes = list(Commune.objects.filter(province=ha_noi).values_list("pk", flat=True)[:2])
    response = admin_client.get(reverse("commune_chooser:chosen_multiple"), {"id": [*codes, "abc"]})
    result = json.loads(response.content)["result"]
    assert sorted(int(item["id"]) for item in result) == sorted(codes)


def test_showcase_model_types_are_offered_in_vietnamese_order(admin_client):
    import re as _re

    from home.collation import sort_key
    from models_showcase.models import ModelShowcasePage

    showcase = ModelShowcasePage.objects.first()
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[showcase.pk])).content.decode()
    select = _re.search(r'<select name="model_type".*?</select>', page, _re.S).group(0)
    labels = [label.strip() for label in _re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)]
    assert len(labels) > 1
    assert labels == sorted(labels, key=sort_key)

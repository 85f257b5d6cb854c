"""A model showcase as readers get it: figures, types, communes."""

import pytest

from home.models import Commune
from models_showcase.models import ModelShowcasePage, ModelType
from tests.helpers import html_of, query_count

pytestmark = pytest.mark.django_db


def test_showcase_figures_are_cards_with_units_and_dates(client):
    showcase = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    html = html_of(client, showcase.url)
    assert html.count('class="figure-card"') == 3
    assert 'href="tel:02438840000"' in html


def test_showcase_page_query_count_does_not_grow_with_its_communes(client):

    showcase = ModelShowcasePage.objects.get(title__startswith="Tổ liên gia")
    before = query_count(client, showcase.url)
    more = Commune.objects.filter(province=showcase.province).exclude(showcases=showcase).order_by("code")[:3]
    showcase.communes.add(*more)
    showcase.save_revision().publish()
    html = html_of(client, showcase.url)
    assert all(commune.name in html for commune in more)
    # 21 before the records, + lifecycle, figures, the points' summary and the public dossier.
    assert query_count(client, showcase.url) == before <= 25, before


def test_common_model_types_are_preloaded():
    names = set(ModelType.objects.values_list("name", flat=True))
    assert {
        "Camera an ninh",
        "Tổ liên gia an toàn PCCC",
        "Nhà trọ tự quản, văn minh",
        "Xe ôm tự quản",
    } <= names
    assert len(names) >= 11


def test_showcase_page_shows_figures_with_vietnamese_separators(client):
    showcase = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    html = client.get(showcase.url).content.decode()
    assert "2.650" in html and "hộ" in html
    assert "Tính đến 30/06/2026" in html
    assert "Xã Sóc Sơn" in html and 'href="tel:02438840000"' in html


def test_showcase_records_show_on_the_page_and_in_a_preview():
    showcase = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    # A preview renders the version held by the revision (its rows in memory), not the tables.
    version = showcase.get_latest_revision_as_object()
    response = version.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "331</strong> điểm đang duy trì" in html
    # Two series with more than one value: cameras (2021, 2023, 2026) and cases (2023, 2026).
    assert html.count('<figure class="chart"') == 2 and html.count('<rect x="') == 5
    assert "Camera đã lắp (chiếc)" in html and "<td>31/12/2021</td><td>120 chiếc</td>" in html
    assert "Nhân rộng" in html and "Sơ kết" in html and "Chủ tịch UBND xã Sóc Sơn" in html

"""The movement's statistics are sums over the records: models, replication points, figures.

The expected numbers are recomputed here in plain Python from the pages readers see, so a
total typed anywhere, or a query that counts a retired model, shows up as a difference.
"""

import csv
import datetime
import io
import json
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import Commune, visible
from models_showcase.models import LifecycleEvent, ModelShowcasePage, ReplicationPoint
from models_showcase.models.records import LIVE_POINT_STATUSES, Metric

pytestmark = pytest.mark.django_db

URL = "/so-lieu-phong-trao/"
FRESH_QUERIES = 17
MODEL_KEYS = {
    "id", "title", "url", "model_type", "province", "communes", "stage", "status", "year_started",
    "coordinating_unit", "points", "households", "members", "cameras", "recorders", "cases",
}  # fmt: skip


def expected_totals() -> dict:
    """The totals, from each live page's own rows (no SQL of the statistics module)."""
    totals = Counter()
    for page in visible(ModelShowcasePage.objects.all()).specific():
        if page.is_retired:
            continue
        totals["models"] += 1
        for point in page.replication_points.all():
            if point.status in LIVE_POINT_STATUSES:
                totals["points"] += 1
                totals["households"] += point.households or 0
                totals["members"] += point.members or 0
        for series in page.figure_series():
            if series.metric == Metric.CAMERAS:
                totals["cameras"] += series.latest.value
    return {key: totals[key] for key in ("models", "points", "households", "members", "cameras")}


def json_of(client, query=""):
    response = client.get(URL + "so-lieu.json" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content.decode())


def csv_of(client, name):
    response = client.get(URL + name)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def check_everything(client):
    expected = expected_totals()
    data = json_of(client)
    totals = {key: data["totals"][key] for key in expected}
    totals["cameras"] = Decimal(str(totals["cameras"]))
    assert totals == expected
    # Each breakdown adds up to the totals (a model has one province and one type).
    for group in ("by_province", "by_model_type"):
        for key in ("models", "points", "households", "members"):
            assert sum(row[key] for row in data[group]) == expected[key], (group, key)
    for key in ("points", "households", "members"):  # points are counted where they are
        assert sum(row[key] for row in data["by_commune"]) == expected[key], key
    assert len(data["models"]) == expected["models"]
    assert sum(model["points"] for model in data["models"]) == expected["points"]
    assert all(set(model) == MODEL_KEYS for model in data["models"])
    stats_rows = csv_of(client, "so-lieu.csv")
    total_row = next(row for row in stats_rows if row["nhom"] == "tong")
    assert int(total_row["so_mo_hinh"]) == expected["models"]
    assert int(total_row["so_diem"]) == expected["points"]
    assert int(total_row["so_ho"]) == expected["households"]
    assert Decimal(total_row["camera"]) == expected["cameras"]
    models = csv_of(client, "mo-hinh.csv")
    assert len(models) == expected["models"]
    assert sum(int(row["so_diem"]) for row in models) == expected["points"]
    html = client.get(URL).content.decode()
    assert f"{expected['models']} mô hình đang hoạt động" in html
    return data


def test_demo_statistics_are_the_sums_of_the_records(client):
    data = check_everything(client)
    # "Camera an ninh" in Sóc Sơn runs at 331 points: a count of rows, not a typed number.
    soc_son = next(row for row in data["by_commune"] if row["slug"] == Commune.objects.get(code=376).slug)
    assert soc_son["points"] == 331
    assert data["licence"]["url"].startswith("https://creativecommons.org/licenses/by/4.0")


def test_totals_follow_added_retired_and_edited_models_and_points(client):
    before = check_everything(client)["totals"]

    # Add a model: a copy of the camera model, published, with its 331 points and figures.
    source = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    copy = source.copy(
        to=source.get_parent(),
        update_attrs={"slug": "camera-an-ninh-ban-sao", "title": "Camera an ninh (bản sao)"},
        keep_live=True,
    )
    copy.save_revision().publish()
    after_add = check_everything(client)["totals"]
    assert after_add["models"] == before["models"] + 1
    assert after_add["points"] == before["points"] + 331

    # Retire the copy: it leaves the live totals but keeps its page.
    copy = ModelShowcasePage.objects.get(pk=copy.pk)
    copy.lifecycle.add(LifecycleEvent(stage="thanh-loai", date=timezone.localdate(), decided_by="UBND xã"))
    copy.save_revision().publish()
    after_retire = check_everything(client)
    assert after_retire["totals"]["models"] == before["models"]
    assert after_retire["totals"]["points"] == before["points"]
    assert after_retire["retired_models"] == 1
    page = client.get(copy.url).content.decode()
    assert "đã thanh loại" in page

    # Edit points: one ends, one gains households, one is added in another commune.
    page = ModelShowcasePage.objects.get(slug="to-lien-gia-an-toan-pccc-phuong-lang")
    points = list(page.replication_points.all())
    points[0].status = "da-dung"
    points[1].households = (points[1].households or 0) + 100
    page.replication_points = [
        *points,
        ReplicationPoint(
            commune=Commune.objects.get(code=235),
            place="Tổ dân phố số 9",
            started_on=datetime.date(2025, 1, 2),
            households=7,
        ),
    ]
    page.save_revision().publish()
    after_edit = check_everything(client)["totals"]
    assert after_edit["points"] == before["points"]  # one ended, one added
    assert after_edit["households"] == before["households"] - 48 + 100 + 7


def test_filters_use_the_public_names_and_refuse_what_names_nothing(client):
    soc_son = Commune.objects.get(code=376)
    data = json_of(client, f"?xa={soc_son.slug}")
    assert data["totals"]["points"] == 331 and data["totals"]["models"] == 1
    by_type = json_of(client, "?mo-hinh=xe-om-tu-quan")
    assert [m["model_type"] for m in by_type["models"]] == ["Xe ôm tự quản"]
    province = json_of(client, f"?tinh={soc_son.province.slug}")
    assert {m["province"] for m in province["models"]} == {soc_son.province.name}
    for bad in ("?tinh=khong-co", "?xa=%3Cscript%3E", "?mo-hinh=" + "x" * 5000):
        response = client.get(URL + bad)
        assert response.status_code == 400
        assert "Không có lựa chọn" in response.content.decode()
        assert client.get(URL + "so-lieu.json" + bad).status_code == 400
        assert client.get(URL + "mo-hinh.csv" + bad).status_code == 400
    assert client.get(URL + "?trang=1000000000000&la=1").status_code == 200
    # A commune of another province is dropped with a notice, as on a section.
    other = Commune.objects.get(code=26824)  # Phường Thủ Đức, TP.HCM
    html = client.get(f"{URL}?tinh={soc_son.province.slug}&xa={other.slug}").content.decode()
    assert "Phường Thủ Đức không thuộc tỉnh, thành phố đã chọn" in html
    dropped = json_of(client, f"?tinh={soc_son.province.slug}&xa={other.slug}")
    assert dropped["totals"] == province["totals"] and dropped["filters"]["xa"] == ""


def test_open_data_carries_no_personal_field(client):
    text = client.get(URL + "so-lieu.json").content.decode()
    data = json.loads(text)
    for forbidden in ("decided_by", "evaluator", "added_by", "document", "email", "phone", "hotline"):
        assert forbidden not in text
    assert all(set(model) == MODEL_KEYS for model in data["models"])
    assert "zalo.me" not in text and "tel:" not in text


def test_statistics_page_is_cacheable_and_pinned_in_queries(client, settings):
    client.get(URL)
    with CaptureQueriesContext(connection) as hit:
        response = client.get(URL)
    assert response["Cache-Control"].startswith("public")
    assert len(hit) == 0  # the page cache (home.page_cache), under the version read a moment ago
    settings.PAGE_CACHE_SECONDS = 0  # what building the page costs
    client.get(URL)
    with CaptureQueriesContext(connection) as cached:
        client.get(URL)
    # The content version; the site, its settings (the shell's footer) and the rest are kept.
    assert len(cached) == 1, [q["sql"] for q in cached]
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as fresh:
        assert client.get(URL).status_code == 200
    # Uncached, a fixed number however many models and points: the filters' choices, the
    # models, their communes, points by commune, figures, the retired count, the shell's own.
    assert len(fresh) == FRESH_QUERIES, [q["sql"][:120] for q in fresh]


def test_the_country_wide_page_counts_its_communes_and_a_province_lists_them(client, monkeypatch):
    """Thousands of communes are a table no one reads on a phone: until a province is chosen,
    the page says how many there are and points to the CSV; the province lists them."""
    from home import listing
    from models_showcase import statistics as module

    everywhere = json_of(client, "")["by_commune"]
    monkeypatch.setattr(module, "MAX_COMMUNE_ROWS", len(everywhere) - 1)
    monkeypatch.setattr(listing, "MAX_COMMUNE_OPTIONS", 1)  # the rule of section filters
    html = client.get(URL).content.decode()
    assert f"Có {len(everywhere)} xã, phường có mô hình: chọn tỉnh, thành phố" in html
    assert everywhere[0]["name"] not in html.split('id="theo-xa"')[1].split("</section>")[0]
    assert "Tất cả (chọn tỉnh, thành phố để xem danh sách)" in html
    soc_son = Commune.objects.get(code=376)
    in_province = client.get(f"{URL}?tinh={soc_son.province.slug}").content.decode()
    table = in_province.split('id="theo-xa"')[1].split("</section>")[0]
    assert soc_son.name in table and "chọn tỉnh, thành phố ở bộ lọc" not in table
    # A commune chosen without its province is still offered, and still filters.
    alone = client.get(f"{URL}?xa={soc_son.slug}")
    assert alone.status_code == 200 and f'value="{soc_son.slug}" selected' in alone.content.decode()
    # The open data still lists every commune.
    assert len(json_of(client, "")["by_commune"]) == len(everywhere)

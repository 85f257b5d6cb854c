"""All 34 provinces and 3,321 communes, loaded from vietnam-provinces, idempotently."""

import pytest
from django.db.models import Count

from home.localities import load_localities
from home.models import Commune, Province

pytestmark = pytest.mark.django_db


def test_every_province_and_commune_of_july_2025_is_loaded():
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    assert Commune.objects.filter(division_type="đặc khu").count() == 13


def test_loading_again_creates_and_changes_nothing():
    assert load_localities() == {"provinces": (0, 0), "communes": (0, 0)}
    assert Commune.objects.count() == 3321


def test_loading_repairs_a_renamed_or_missing_row():
    Commune.objects.filter(code=70).update(name="Tên sai")
    unused = Commune.objects.filter(stories=None, forums=None, showcases=None).first()
    code, name = unused.code, unused.name
    unused.delete()
    assert load_localities()["communes"] == (1, 1)
    assert Commune.objects.get(code=70).name == "Phường Hoàn Kiếm"
    assert Commune.objects.get(code=code).name == name


def test_readable_ascii_slugs_unique_within_a_province():
    assert Province.objects.get(code=1).slug == "ha-noi"
    assert Province.objects.get(code=79).short_name == "Hồ Chí Minh"
    assert Commune.objects.get(name="Phường Đống Đa").slug == "phuong-dong-da"
    duplicates = Commune.objects.values("province", "slug").annotate(n=Count("code")).filter(n__gt=1)
    assert not duplicates.exists()
    assert Commune.objects.filter(slug__regex=r"[^a-z0-9-]").count() == 0


def test_communes_whose_names_fold_alike_keep_apart():
    """Vân Lăng and Văn Lang fold to the same ASCII; each carries its code instead."""
    folded = Commune.objects.filter(province_id=19, slug__startswith="xa-van-lang")
    assert folded.count() >= 2
    assert all(c.slug.endswith(str(c.code)) for c in folded)

"""Vietnamese alphabetical order: one collation function, used by every list a person reads."""

import pytest

from home.collation import name_key, sort_key, sorted_vi
from home.models import Commune, Province


def test_letters_with_marks_follow_their_base_letter_and_tones_come_after_it():
    words = [
        "đuối nước",
        "Điện Biên",
        "dân",
        "an ninh",
        "Ăn",
        "Ân",
        "Ba",
        "Cà Mau",
        "Cao Bằng",
        "ơn",
        "ô",
        "o",
    ]
    assert sorted_vi(words) == [
        "an ninh", "Ăn", "Ân", "Ba", "Cà Mau", "Cao Bằng", "dân", "Điện Biên", "đuối nước", "o", "ô", "ơn",
    ]  # fmt: skip
    # Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
    assert sorted_vi(["cạ", "cá", "cã", "cả", "cà", "ca"]) == ["ca", "cà", "cả", "cã", "cá", "cạ"]


def test_words_compare_one_by_one_and_case_only_breaks_ties():
    assert sort_key("Cà Mau") < sort_key("Cao Bằng")
    assert sort_key("ca") < sort_key("ca mau") < sort_key("cao")
    assert sort_key("hà nội") < sort_key("Hà Nội")


def test_localities_file_under_their_own_name():
    assert name_key("Thành phố Hà Nội") < name_key("Tỉnh Lào Cai")
    assert name_key("Tỉnh Cao Bằng") < name_key("Thành phố Đà Nẵng")


@pytest.mark.django_db
def test_provinces_and_communes_read_in_vietnamese_order():
    names = [province.short_name for province in Province.objects.all()]
    assert names == sorted_vi(names)
    assert names.index("Cà Mau") < names.index("Cao Bằng") < names.index("Đà Nẵng") < names.index("Hà Nội")
    assert names[-1] != "Đồng Tháp"  # Đ is not filed after Y any more
    hanoi = [c.name for c in Commune.objects.filter(province__slug="ha-noi")]
    assert hanoi == sorted(hanoi, key=name_key)
    assert hanoi.index("Phường Ba Đình") < hanoi.index("Xã Bát Tràng") < hanoi.index("Phường Hoàn Kiếm")

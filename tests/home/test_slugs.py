"""Readable ASCII slugs from Vietnamese titles."""

import pytest

from home.models import HomePage
from home.slugs import ascii_slugify
from stories.models import StoryIndexPage


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Người tốt", "nguoi-tot"),
        ("Đống Đa", "dong-da"),
        ("đường Điện Biên Phủ", "duong-dien-bien-phu"),
        ("Tổ liên gia an toàn PCCC", "to-lien-gia-an-toan-pccc"),
        ("Nhà trọ tự quản – văn minh!", "nha-tro-tu-quan-van-minh"),
        ("Xóm đạo bình yên", "xom-dao-binh-yen"),
        ("Mô hình 5+1", "mo-hinh-51"),
        ("", ""),
    ],
)
def test_ascii_slugify(title, slug):
    assert ascii_slugify(title) == slug


def test_cut_at_a_word_boundary():
    assert ascii_slugify("Công an lắng nghe ý kiến nhân dân", max_length=20) == "cong-an-lang-nghe-y"


@pytest.mark.django_db
def test_a_page_saved_without_slug_gets_one_from_its_vietnamese_title():
    home = HomePage.objects.get()
    page = home.add_child(instance=StoryIndexPage(title="Đống Đa bình yên"))
    assert page.slug == "dong-da-binh-yen"
    second = home.add_child(instance=StoryIndexPage(title="Đống Đa bình yên"))
    assert second.slug == "dong-da-binh-yen-2"
    # A draft (Word import, "save draft") is cleaned by Wagtail's minimal_clean, not full_clean.
    draft = home.add_child(instance=StoryIndexPage(title="Đống Đa đêm mưa", live=False))
    assert draft.slug == "dong-da-dem-mua"

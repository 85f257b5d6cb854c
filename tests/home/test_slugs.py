"""Readable ASCII slugs from Vietnamese titles."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from home.models import HomePage
from home.slugs import ascii_slugify, is_garbled_slug
from stories.models import StoryIndexPage
from tests.helpers import a_story


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


# Slugs garbled by Wagtail's own slug JavaScript (before the site's widget) -----------------------

TITLE = "Người dân Đống Đa giữ gìn trật tự"
GARBLED = "ngi-dan-djng-dja-gi-gin-trt-t"  # what Wagtail's character map made of TITLE


@pytest.mark.parametrize(
    ("slug", "title", "garbled"),
    [
        (GARBLED, TITLE, True),
        (f"{GARBLED}-2", TITLE, True),  # Wagtail's suffix when the garbled slug was taken
        ("co-giao-v-hu-dy-bi-min-phi-cho-tr-em", "Cô giáo về hưu dạy bơi miễn phí cho trẻ em", True),
        ("nguoi-dan-dong-da-giu-gin-trat-tu", TITLE, False),  # the readable one
        ("nguoi-dan-dong-da", TITLE, False),  # shortened by the editor on purpose
        ("an-ninh-dong-da", TITLE, False),  # chosen by the editor
        ("xom-dao-binh-yen-hoi-an", "Xóm đạo bình yên ở Hội An", False),  # a word left out on purpose
        ("", TITLE, False),
    ],
)
def test_a_garbled_slug_is_told_from_one_an_editor_chose(slug, title, garbled):
    assert is_garbled_slug(slug, title) is garbled


@pytest.mark.django_db
def test_a_page_saved_with_a_garbled_slug_gets_the_readable_one():
    """Whatever sends it (an old cached admin script, an autosave from an old tab, an API client)."""
    home = HomePage.objects.get()
    page = home.add_child(instance=StoryIndexPage(title=TITLE, slug=GARBLED))
    assert page.slug == "nguoi-dan-dong-da-giu-gin-trat-tu"
    page.slug = GARBLED
    page.save_revision()
    assert page.get_latest_revision_as_object().slug == "nguoi-dan-dong-da-giu-gin-trat-tu"


@pytest.mark.django_db
def test_repair_slugs_gives_readable_slugs_and_keeps_the_old_address_answering(
    client, django_capture_on_commit_callbacks
):
    section = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")
    story = a_story()
    old_url = story.url
    # A page saved before the widget: written straight to the database, as it was then.
    Page.objects.filter(pk=story.pk).update(title=TITLE, draft_title=TITLE, slug=GARBLED)
    Page.objects.filter(pk=story.pk).update(url_path=f"{section.url_path}{GARBLED}/")
    revision = story.save_revision()
    Revision.objects.filter(pk=revision.pk).update(
        content={**revision.content, "slug": GARBLED, "title": TITLE}
    )
    garbled_url = f"{section.url}{GARBLED}/"
    assert client.get(garbled_url).status_code == 200
    assert old_url != garbled_url

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("repair_slugs", stdout=out)
    assert f"{GARBLED} -> nguoi-dan-dong-da-giu-gin-trat-tu" in out.getvalue()
    story.refresh_from_db()
    assert story.slug == "nguoi-dan-dong-da-giu-gin-trat-tu"
    assert client.get(story.url).status_code == 200
    answer = client.get(garbled_url)
    assert answer.status_code == 301 and answer["Location"].endswith(story.url)
    # Publishing the latest revision does not bring the garbled slug back.
    assert story.get_latest_revision_as_object().slug == story.slug
    # Nothing left to repair.
    out = StringIO()
    call_command("repair_slugs", "--dry-run", stdout=out)
    assert out.getvalue().strip().endswith("Sẽ sửa 0 đường dẫn.")


@pytest.mark.django_db
def test_a_copy_given_a_garbled_slug_gets_the_readable_one(django_user_model):
    """The admin's copy form fills its slug with Wagtail's own map (it has no site widget)."""
    from tests.editorial.helpers import as_user

    django_user_model.objects.create_superuser("sao-chep", "sc@example.vn", "x")
    story = a_story()
    answer = as_user("sao-chep").post(
        f"/admin/pages/{story.pk}/copy/",
        {"new_title": TITLE, "new_slug": GARBLED, "new_parent_page": story.get_parent().pk},
    )
    assert answer.status_code == 302
    copy = Page.objects.get(title=TITLE)
    assert copy.slug == "nguoi-dan-dong-da-giu-gin-trat-tu"

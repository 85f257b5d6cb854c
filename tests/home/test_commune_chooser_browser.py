"""In a real browser, an editor finds a commune by typing it without marks and narrowing by
province, picks it, and the draft keeps it (home.choosers)."""

from django.contrib.auth import get_user_model
from selenium.webdriver.common.by import By

from stories.models import StoryPage
from tests.browser import BROWSER_MARKS, navigation
from tests.editorial.browser_steps import add_commune, pick_commune, sign_in

pytestmark = BROWSER_MARKS

PASSWORD = "mat-khau-thu-nghiem"


def test_an_editor_picks_a_commune_by_typing_it_without_marks(site_server, browser):
    editor = get_user_model().objects.get(username="bientap")
    editor.set_password(PASSWORD)
    editor.save()
    story = StoryPage.objects.live().exclude(commune__slug="phuong-hoan-kiem").order_by("pk").first()

    sign_in(browser, site_server, "bientap", PASSWORD)
    browser.get(f"{site_server}/admin/pages/{story.pk}/edit/")
    assert not browser.find_elements(By.CSS_SELECTOR, "select#id_commune"), "no <select> of every commune"
    pick_commune(browser, "id_commune", "hoan kiem", "Phường Hoàn Kiếm, Hà Nội", province="Thành phố Hà Nội")

    with navigation(browser):
        browser.find_element(By.XPATH, '//button[normalize-space()="Lưu bản nháp"]').click()
    assert "Phường Hoàn Kiếm, Hà Nội" in browser.find_element(By.ID, "id_commune-chooser").text
    draft = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert draft.commune.name == "Phường Hoàn Kiếm"


def test_an_editor_adds_a_commune_to_a_showcase(site_server, browser, django_user_model):
    from django.db.models import Count

    from models_showcase.models import ModelShowcasePage

    django_user_model.objects.create_superuser("quantri-thu", "qt@example.vn", PASSWORD)
    # A model with few replication points: one with hundreds (Sóc Sơn's 331) makes a long save,
    # and Wagtail's editing-session ping then writes at the same time on the test server's one
    # database connection.
    showcase = (
        ModelShowcasePage.objects.filter(province__slug="ha-noi")
        .annotate(points=Count("replication_points"))
        .order_by("points", "pk")
        .first()
    )
    before = set(showcase.communes.values_list("name", flat=True))
    target = "Phường Cửa Nam" if "Phường Cửa Nam" not in before else "Phường Ba Đình"

    sign_in(browser, site_server, "quantri-thu", PASSWORD)
    browser.get(f"{site_server}/admin/pages/{showcase.pk}/edit/")
    add_commune(browser, "id_communes", ascii_words(target), f"{target}, Hà Nội")
    with navigation(browser):
        browser.find_element(By.XPATH, '//button[normalize-space()="Lưu bản nháp"]').click()
    draft = ModelShowcasePage.objects.get(pk=showcase.pk).get_latest_revision_as_object()
    assert {c.name for c in draft.communes.all()} == before | {target}


def ascii_words(name: str) -> str:
    from home.slugs import ascii_slugify

    return ascii_slugify(name.removeprefix("Phường ")).replace("-", " ")

"""A ward editor finds their model's incomplete dossier on the dashboard, adds the missing
operating rules as a file, and sees the completeness go up."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.browser import BROWSER_MARKS, navigation, waiting
from tests.editorial.browser_steps import sign_in
from tests.models_showcase.test_dossiers import four_of_six

pytestmark = BROWSER_MARKS

PASSWORD = "mat-khau-phuong-hoan-kiem"


def test_a_unit_editor_adds_a_missing_document_and_the_dossier_is_more_complete(
    site_server, browser, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    from demo.content import WARD_EDITORS_GROUP
    from models_showcase.models import ModelShowcasePage

    page = ModelShowcasePage.objects.get(slug="xe-om-tu-quan-ho-guom")
    four_of_six(page)
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=WARD_EDITORS_GROUP),
        page=page,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    editor = get_user_model().objects.get(username="bientap-hoankiem")
    editor.set_password(PASSWORD)
    editor.save()
    rules = tmp_path / "quy-che-hoat-dong.pdf"
    rules.write_bytes(b"%PDF-1.4\n% Quy che hoat dong to xe om tu quan\n")

    sign_in(browser, site_server, "bientap-hoankiem", PASSWORD)

    panel = browser.find_element(By.ID, "ho-so-mo-hinh-content")
    assert "4/6 hồ sơ, thiếu: quy chế hoạt động, biên bản đánh giá" in panel.text
    with navigation(browser):
        panel.find_element(By.LINK_TEXT, page.title).click()
    status = browser.find_element(By.CSS_SELECTOR, "[data-completeness]")
    assert status.text == "4/6 hồ sơ, thiếu: quy chế hoạt động, biên bản đánh giá (67%)"

    Select(browser.find_element(By.ID, "id_code")).select_by_visible_text("Quy chế hoạt động")
    browser.find_element(By.ID, "id_file").send_keys(str(rules))
    button = browser.find_element(By.XPATH, "//button[normalize-space()='Thêm vào hồ sơ']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    with navigation(browser):
        button.click()
    waiting(browser).until(
        lambda d: "5/6" in d.find_element(By.CSS_SELECTOR, "[data-completeness]").text,
        "the dossier did not change",
    )
    assert browser.find_element(By.CSS_SELECTOR, "[data-completeness]").text == (
        "5/6 hồ sơ, thiếu: biên bản đánh giá (83%)"
    )
    browser.get(f"{site_server}/admin/")
    assert "5/6 hồ sơ, thiếu: biên bản đánh giá" in browser.find_element(By.ID, "ho-so-mo-hinh-content").text

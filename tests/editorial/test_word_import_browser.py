"""In a real browser, a ward editor imports a story from Word: the one section is already
chosen, the date is picked in the date picker, and after a mistake the file is not chosen again."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from stories.models import StoryPage
from tests.browser import BROWSER_MARKS, WAIT_SECONDS, chosen, labelled, navigation
from tests.editorial.browser_steps import click, pick_commune, sign_in
from tests.editorial.test_word_import import story_docx

pytestmark = BROWSER_MARKS

PASSWORD = "mat-khau-thu-nghiem"
TITLE = "Cụ bà 80 tuổi được trả lại sổ tiết kiệm đánh rơi"


def pick_day_one(driver) -> bool:
    """Click day 1 of the month the open date picker shows (redrawn as it opens)."""
    for cell in driver.find_elements(By.CSS_SELECTOR, ".xdsoft_datetimepicker td.xdsoft_date"):
        classes = cell.get_attribute("class").split()
        if (
            cell.is_displayed()
            and cell.get_attribute("data-date") == "1"
            and "xdsoft_other_month" not in classes
        ):
            cell.click()
            return True
    return False


def test_a_ward_editor_imports_a_story_from_word(site_server, browser, tmp_path):
    editor = get_user_model().objects.get(username="bientap-hoankiem")
    editor.set_password(PASSWORD)
    editor.save()
    docx = tmp_path / "cau-chuyen.docx"
    docx.write_bytes(story_docx())

    sign_in(browser, site_server, "bientap-hoankiem", PASSWORD)
    with navigation(browser):
        browser.find_element(By.XPATH, '//a[normalize-space()="Nhập bài từ Word"]').click()
    assert chosen(browser, "Chuyên mục") == "Phường Hoàn Kiếm", "the editor's one section is chosen"

    labelled(browser, "Tệp Word (.docx)").send_keys(str(docx))  # what the file dialog does
    # The date picker opens on the field; the first day of this month is never in the future.
    click(browser, labelled(browser, "Ngày diễn ra"))
    # (The old form never opened it: "initDateChooser is not defined".)
    WebDriverWait(browser, WAIT_SECONDS, ignored_exceptions=[StaleElementReferenceException]).until(
        pick_day_one, "the date picker shows this month's days"
    )
    first_of_month = timezone.localdate().replace(day=1)
    assert labelled(browser, "Ngày diễn ra").get_attribute("value") == first_of_month.strftime("%d/%m/%Y")

    # Sent without a commune: refused, the file kept.
    with navigation(browser):
        browser.find_element(By.XPATH, '//button[normalize-space()="Tạo bản nháp"]').click()
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Đã giữ tệp “cau-chuyen.docx”" in page
    assert labelled(browser, "Ngày diễn ra").get_attribute("value") == first_of_month.strftime("%d/%m/%Y")

    pick_commune(browser, "id_commune", "hoan kiem", "Phường Hoàn Kiếm, Hà Nội")
    with navigation(browser):
        browser.find_element(By.XPATH, '//button[normalize-space()="Tạo bản nháp"]').click()
    assert "Đã tạo bản nháp “" + TITLE in browser.find_element(By.TAG_NAME, "body").text
    story = StoryPage.objects.get(title=TITLE)
    assert story.deed_date == first_of_month and story.commune.name == "Phường Hoàn Kiếm"
    assert not story.live

"""Consent withdrawal as the unit meets it, in Chromium: the person's photo is on the live story;
an approver opens the story in the admin, "Rút lại đồng ý của nhân vật", picks the person and
notes how they asked; a reader then finds the initials instead of the name, and every address the
photo was published at answers 404."""

import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from wagtail.images import get_image_model

from stories.models import StoryPage, StoryPerson
from tests.browser import BROWSER_MARKS, navigation
from tests.editorial.browser_steps import sign_in
from tests.editorial.test_consent import jpeg_file

pytestmark = BROWSER_MARKS

PASSWORD = "Nhà trọ tự quản 2026!"


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _photo_urls(browser, site, photo_file_stem: str) -> list[str]:
    """Every address of the photo the page printed (img src and every srcset candidate)."""
    urls = set()
    for element in browser.find_elements(By.CSS_SELECTOR, "img, source"):
        for attribute in ("src", "srcset"):
            for candidate in (element.get_attribute(attribute) or "").split(","):
                url = candidate.strip().split(" ")[0]
                if photo_file_stem in url:
                    urls.add(url if url.startswith("http") else site + url)
    return sorted(urls)


def test_an_approver_withdraws_consent_and_the_photo_is_gone_everywhere(
    site_server, browser, django_user_model, django_capture_on_commit_callbacks
):
    story = StoryPage.objects.get(title__startswith="Tài xế xe ôm")
    photo = get_image_model().objects.create(title="Ảnh anh Thành", file=jpeg_file("anh-thanh-rut.jpg"))
    StoryPage.objects.filter(pk=story.pk).update(hero_image=photo)
    person = story.people.get(full_name="Đỗ Văn Thành")
    StoryPerson.objects.filter(pk=person.pk).update(photo=photo)
    stem = photo.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    with navigation(browser):
        browser.get(site_server + story.url)
    published = _photo_urls(browser, site_server, stem)
    assert published and all(_status(url) == 200 for url in published), published
    assert "Đỗ Văn Thành" in browser.find_element(By.TAG_NAME, "main").text

    django_user_model.objects.create_superuser("lanhdao-rut", "rut@example.vn", PASSWORD)
    sign_in(browser, site_server, "lanhdao-rut", PASSWORD)
    with navigation(browser):
        browser.get(f"{site_server}/admin/pages/{story.pk}/edit/")
    # The header's "Thao tác" menu holds the action.
    browser.find_element(By.CSS_SELECTOR, "header button.w-dropdown__toggle[aria-label='Thao tác']").click()
    link = WebDriverWait(browser, 10).until(
        lambda d: next(
            (a for a in d.find_elements(By.CSS_SELECTOR, "a[href$='/rut-lai-dong-y/']") if a.is_displayed()),
            None,
        )
    )
    with navigation(browser):
        link.click()
    choice = next(
        label for label in browser.find_elements(By.CSS_SELECTOR, "#id_person label") if "Thành" in label.text
    )
    choice.click()
    browser.find_element(By.ID, "id_reason").send_keys("Anh gọi đường dây nóng sáng nay, đề nghị gỡ ảnh.")
    # The site's requests run inside the test's transaction here; what a real request does when
    # it commits (Wagtail removes the image files then) runs when the click's request is done.
    with django_capture_on_commit_callbacks(execute=True), navigation(browser):
        browser.find_element(By.XPATH, "//button[normalize-space()='Rút lại đồng ý']").click()
    WebDriverWait(browser, 10).until(  # Wagtail's messages fade in
        lambda d: f"Đã ghi nhận {person.initials} rút lại đồng ý" in d.find_element(By.TAG_NAME, "body").text
    )

    # Another reader: the first one's browser may keep the page for its max-age (60 s).
    browser.delete_all_cookies()
    browser.execute_cdp_cmd("Network.clearBrowserCache", {})
    with navigation(browser):
        browser.get(site_server + story.url)
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Đỗ Văn Thành" not in main and person.initials in main
    assert _photo_urls(browser, site_server, stem) == []
    assert [url for url in published if _status(url) != 404] == []

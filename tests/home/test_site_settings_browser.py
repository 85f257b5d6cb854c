"""In a real browser: the site's settings, kept under the content version (home.known_site),
give way to an edit saved in the admin from the next page a reader opens."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from stories.models import StoryPage
from tests.browser import BROWSER_MARKS, navigation
from tests.editorial.browser_steps import sign_in

pytestmark = BROWSER_MARKS

UNIT = "Công an phường Văn Miếu – Quốc Tử Giám"


def footer(driver) -> str:
    return driver.find_element(By.CSS_SELECTOR, "footer.site-footer").text


def test_a_new_operating_unit_saved_in_the_admin_reaches_the_footer_at_once(
    site_server, browser, django_user_model
):
    story, other = StoryPage.objects.live()[:2]
    with navigation(browser):
        browser.get(f"{site_server}{story.url}")  # a reader: the settings are kept now
    assert UNIT not in footer(browser)

    django_user_model.objects.create_superuser("quantri-thu", "qt@example.vn", "mat-khau-thu-nghiem")
    sign_in(browser, site_server, "quantri-thu", "mat-khau-thu-nghiem")
    with navigation(browser):
        browser.get(f"{site_server}/admin/settings/home/sitesettings/")
    unit = browser.find_element(By.ID, "id_operating_unit")
    unit.send_keys(Keys.CONTROL, "a")
    unit.send_keys(UNIT)
    with navigation(browser):
        browser.find_element(By.CSS_SELECTOR, "#w-editor-form footer button[type='submit']").click()
    assert "/admin/login/" not in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, ".messages .success"), "the settings are saved"

    # The reader again, signed in nowhere, on another page (the first may come from the
    # browser's own cache for a minute, as the caching contract allows).
    browser.delete_all_cookies()
    with navigation(browser):
        browser.get(f"{site_server}{other.url}")
    assert UNIT in footer(browser)

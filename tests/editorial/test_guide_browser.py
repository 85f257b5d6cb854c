"""In a real browser, an editor opens Help and reads the local Vietnamese guide; no admin page
on the way asks another host (the `browser` fixture checks every request)."""

from django.contrib.auth import get_user_model
from selenium.webdriver.common.by import By

from tests.browser import BROWSER_MARKS, navigation, other_hosts_requested
from tests.editorial.browser_steps import sign_in

pytestmark = BROWSER_MARKS

PASSWORD = "mat-khau-thu-nghiem"


def test_the_help_menu_opens_the_local_guide(site_server, browser):
    editor = get_user_model().objects.get(username="bientap")
    editor.set_password(PASSWORD)
    editor.save()

    sign_in(browser, site_server, "bientap", PASSWORD)
    assert "Bình Yên" in browser.title and "Wagtail" not in browser.title
    sidebar = browser.find_element(By.CSS_SELECTOR, "[data-wagtail-sidebar], .sidebar, aside")
    link = sidebar.find_element(By.XPATH, './/a[normalize-space()="Hướng dẫn biên tập"]')
    assert not link.find_elements(By.CSS_SELECTOR, ".w-dismissible-badge, [class*='badge']"), "no badge"
    with navigation(browser):
        link.click()
    assert browser.current_url == f"{site_server}/admin/huong-dan/"
    main = browser.find_element(By.TAG_NAME, "main").text
    for heading in ("Viết một câu chuyện", "Nhân vật và sự đồng ý", "Nhập bài từ Word"):
        assert heading in main
    assert other_hosts_requested(browser) == []

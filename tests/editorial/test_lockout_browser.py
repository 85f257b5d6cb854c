"""Wrong passwords and the way back, in Chromium: an editor who mistypes five times meets the
Vietnamese lockout page, even with the right password after it; a superuser, already signed in
with both factors, unlocks the account from the admin; the editor signs in."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import BROWSER_MARKS, navigation
from tests.editorial.browser_steps import sign_in

pytestmark = BROWSER_MARKS

PASSWORD = "Nhà trọ tự quản 2026!"


def _type_password(browser, site, username, password):
    browser.get(f"{site}/admin/login/")
    browser.find_element(By.ID, "id_username").send_keys(username)
    browser.find_element(By.ID, "id_password").send_keys(password)
    with navigation(browser):
        browser.find_element(By.ID, "id_password").send_keys(Keys.ENTER)
    return browser.find_element(By.TAG_NAME, "body").text


def test_a_locked_out_editor_is_unlocked_by_a_superuser(site_server, browser, django_user_model):
    django_user_model.objects.create_user("bientap-go-sai", "gs@example.vn", PASSWORD, is_staff=True)
    django_user_model.objects.create_superuser("quantri-mo-khoa", "mk@example.vn", PASSWORD)
    sign_in(browser, site_server, "quantri-mo-khoa", PASSWORD)  # at their own desk, earlier
    superuser_cookies = browser.get_cookies()

    browser.delete_all_cookies()  # the editor, at another browser
    for _ in range(4):
        assert "Tạm khóa đăng nhập" not in _type_password(
            browser, site_server, "bientap-go-sai", "nha-tro-2025"
        )
    shown = _type_password(browser, site_server, "bientap-go-sai", "nha-tro-2025")
    assert "Tạm khóa đăng nhập" in shown and "30 phút" in shown
    assert "Tạm khóa đăng nhập" in _type_password(browser, site_server, "bientap-go-sai", PASSWORD)

    browser.delete_all_cookies()  # the superuser, back at their desk
    browser.get(f"{site_server}/admin/login/")
    for cookie in superuser_cookies:
        browser.add_cookie({k: v for k, v in cookie.items() if k in ("name", "value", "path")})
    with navigation(browser):
        browser.get(f"{site_server}/admin/mo-khoa-dang-nhap/")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "tbody tr") if "bientap-go-sai" in r.text)
    with navigation(browser):
        row.find_element(By.XPATH, ".//button[normalize-space()='Mở khóa']").click()
    # Wagtail's messages fade in, and hidden text is no text: wait for it.
    WebDriverWait(browser, 10).until(
        lambda d: "Đã mở khóa đăng nhập cho “bientap-go-sai”" in d.find_element(By.TAG_NAME, "body").text
    )

    browser.delete_all_cookies()  # the editor again, with the right password
    _type_password(browser, site_server, "bientap-go-sai", PASSWORD)
    assert browser.current_url.rstrip("/").endswith("/admin")

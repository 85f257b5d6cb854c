"""A new superuser's first and second sign-in, in Chromium: the password alone does not open the
admin; they add an authenticator app by its key, keep the recovery codes, and the next time a
wrong code is refused in Vietnamese and a recovery code opens the admin (once)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import BROWSER_MARKS, navigation
from tests.editorial.browser_steps import authenticator_code

pytestmark = BROWSER_MARKS

PASSWORD = "mat-khau-thu-nghiem"


def _password(browser, site):
    browser.delete_all_cookies()
    browser.get(f"{site}/admin/login/")
    browser.find_element(By.ID, "id_username").send_keys("quantri-moi")
    browser.find_element(By.ID, "id_password").send_keys(PASSWORD)
    with navigation(browser):
        browser.find_element(By.ID, "id_password").send_keys(Keys.ENTER)


def _shows(browser, selector, words):
    """Wait for words to show: Wagtail's messages fade in, and hidden text is no text."""
    WebDriverWait(browser, 10).until(lambda d: words in d.find_element(By.CSS_SELECTOR, selector).text)


def _code(browser, code):
    field = browser.find_element(By.ID, "id_code")
    field.clear()
    field.send_keys(code)
    with navigation(browser):
        field.send_keys(Keys.ENTER)


def test_a_superuser_adds_an_app_then_signs_in_with_a_recovery_code(site_server, browser, django_user_model):
    django_user_model.objects.create_superuser("quantri-moi", "qtm@example.vn", PASSWORD)

    _password(browser, site_server)
    assert "/admin/xac-thuc-hai-lop/thiet-lap/" in browser.current_url
    main = browser.find_element(By.TAG_NAME, "main")
    assert "Thiết lập xác thực hai lớp" in main.text and main.find_elements(By.CSS_SELECTOR, ".qr-code svg")
    browser.get(f"{site_server}/admin/pages/")  # the password alone opens nothing
    assert "/admin/xac-thuc-hai-lop/thiet-lap/" in browser.current_url

    # The app is added by the key written under the QR code, then shows its first code.
    key = browser.find_element(By.CSS_SELECTOR, "[data-totp-key]").text
    _code(browser, authenticator_code(key))
    codes = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".recovery-codes li")]
    assert len(codes) == 10, browser.find_element(By.TAG_NAME, "main").text
    with navigation(browser):
        browser.find_element(By.LINK_TEXT, "Tôi đã cất các mã, tiếp tục").click()
    assert browser.current_url.endswith("/admin/pages/")

    # Next time: the password, then the code. A wrong one is refused; a recovery code works.
    _password(browser, site_server)
    assert "/admin/xac-thuc-hai-lop/" in browser.current_url
    assert "Nhập mã 6 số" in browser.find_element(By.TAG_NAME, "main").text
    right = authenticator_code(key)
    _code(browser, "000000" if right != "000000" else "111111")
    _shows(browser, "main", "Mã không đúng hoặc đã hết hạn")
    _code(browser, codes[0])
    assert browser.current_url.endswith("/admin/")
    _shows(browser, ".messages", "còn 9 mã")

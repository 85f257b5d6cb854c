"""What an editor does in the admin, in a real browser, shared by the admin journeys.

Each step works the page as a person would (finds fields by their labels, types, picks), and
never posts anything the page itself would fill in.
"""

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import WAIT_SECONDS

MODAL = ".modal .modal-body"


def _wait(driver):
    return WebDriverWait(driver, WAIT_SECONDS)


def click(driver, element) -> None:
    """Click `element` once it is in the middle of the window, clear of the editor's sticky
    footer of actions (a person scrolls to what they click)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    in_view = """
        const box = arguments[0].getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight - 120;
    """
    _wait(driver).until(lambda d: element.is_displayed() and d.execute_script(in_view, element))
    element.click()


def open_commune_chooser(driver, field_id: str):
    """Open the commune chooser of the field whose hidden input has id `field_id`, and return
    the modal's body once its search box is there."""
    widget = driver.find_element(By.ID, f"{field_id}-chooser")
    if "blank" in widget.get_attribute("class").split():
        click(driver, widget.find_element(By.CSS_SELECTOR, ".unchosen [data-chooser-action-choose]"))
    else:
        # A commune is already chosen: its "…" menu offers "Chọn xã, phường khác".
        click(driver, widget.find_element(By.CSS_SELECTOR, ".chosen [aria-expanded]"))
        button = widget.find_element(By.CSS_SELECTOR, ".chosen [data-chooser-action-choose]")
        _wait(driver).until(lambda d: button.is_displayed())
        button.click()
    _wait(driver).until(
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, f"{MODAL} input[name='q']"))
    )
    return driver.find_element(By.CSS_SELECTOR, MODAL)


def choose_in_commune_modal(
    driver, modal, words: str, commune_name: str, province: str | None = None
) -> None:
    """In the open chooser: type `words` in its search box, optionally narrow to `province`
    (the option's words, "Thành phố Hà Nội"), then pick `commune_name` ("Phường Hoàn Kiếm,
    Hà Nội": the commune, then its province's short name) among the results."""
    name, _, province_short = commune_name.partition(", ")
    search = modal.find_element(By.NAME, "q")
    search.clear()
    search.send_keys(words)
    if province:
        Select(modal.find_element(By.NAME, "province")).select_by_visible_text(province)

    def result(d):
        for row in d.find_elements(By.CSS_SELECTOR, f"{MODAL} #search-results tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if (
                len(cells) >= 2
                and cells[0].text.strip() == name
                and cells[1].text.strip().endswith(province_short)
            ):
                cells[0].find_element(By.CSS_SELECTOR, "a, label").click()
                return True
        return False

    # The results are replaced as the editor types and picks: a row may go stale under us.
    WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=[StaleElementReferenceException]).until(
        result, f"no “{commune_name}” among the chooser's results for “{words}”"
    )


def pick_commune(driver, field_id: str, words: str, commune_name: str, province: str | None = None) -> None:
    """Choose the commune `commune_name` ("Phường Hoàn Kiếm, Hà Nội") in the commune field whose
    input has id `field_id` (e.g. "id_commune"), as an editor does: open the chooser, type
    `words` ("hoan kiem") in its search box, optionally narrow by province, pick the result,
    and see it shown as the field's choice."""
    modal = open_commune_chooser(driver, field_id)
    choose_in_commune_modal(driver, modal, words, commune_name, province)
    title = driver.find_element(By.CSS_SELECTOR, f"#{field_id}-chooser [data-chooser-title]")
    _wait(driver).until(lambda d: title.is_displayed() and title.text.strip() == commune_name)
    _wait(driver).until(expected_conditions.invisibility_of_element_located((By.CSS_SELECTOR, ".modal")))


def sign_in(driver, site: str, username: str, password: str) -> None:
    """Sign in to the admin through its login page, as a person does."""
    from selenium.webdriver.common.keys import Keys

    from tests.browser import navigation

    driver.get(f"{site}/admin/login/")
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(password)
    with navigation(driver):
        driver.find_element(By.ID, "id_password").send_keys(Keys.ENTER)
    second_factor(driver, username)


def authenticator_code(base32_key: str) -> str:
    """The 6 digits an authenticator app shows now for a key (RFC 6238, 30-second steps)."""
    import base64

    from django_otp.oath import totp

    key = base32_key.replace(" ", "").upper()
    return f"{totp(base64.b32decode(key + '=' * (-len(key) % 8))):06d}"


def second_factor(driver, username: str) -> None:
    """After the password, what a person with an authenticator app does. The first time
    (superusers and approvers must): add the app by the key written under the QR code, type the
    code it shows, and go on past the recovery codes. Afterwards: type the app's current code
    (a code is accepted once, so wait for the next one if this one was just used)."""
    import base64
    import time
    from urllib.parse import urlparse

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.browser import navigation

    path = urlparse(driver.current_url).path
    if path.startswith("/admin/xac-thuc-hai-lop/thiet-lap/"):
        code = authenticator_code(driver.find_element(By.CSS_SELECTOR, "[data-totp-key]").text)
        driver.find_element(By.ID, "id_code").send_keys(code)
        with navigation(driver):
            driver.find_element(By.CSS_SELECTOR, "form.login-form button[type=submit]").click()
        assert driver.find_elements(By.CSS_SELECTOR, ".recovery-codes li"), driver.find_element(
            By.TAG_NAME, "main"
        ).text
        with navigation(driver):
            driver.find_element(By.LINK_TEXT, "Tôi đã cất các mã, tiếp tục").click()
    elif path.startswith("/admin/xac-thuc-hai-lop/"):
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        while int(time.time()) // 30 <= (device.last_t or -1):
            time.sleep(0.5)
        code = authenticator_code(base64.b32encode(device.bin_key).decode())
        driver.find_element(By.ID, "id_code").send_keys(code)
        with navigation(driver):
            driver.find_element(By.CSS_SELECTOR, "form.login-form button[type=submit]").click()


def add_commune(driver, field_id: str, words: str, commune_name: str) -> None:
    """Add `commune_name` to a field of several communes (a showcase's): "Thêm xã, phường",
    type `words`, tick the commune, confirm, and see it listed."""
    click(driver, driver.find_element(By.ID, field_id))
    _wait(driver).until(
        expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, f"{MODAL} input[name='q']"))
    )
    modal = driver.find_element(By.CSS_SELECTOR, MODAL)
    name, _, province_short = commune_name.partition(", ")
    search = modal.find_element(By.NAME, "q")
    search.clear()
    search.send_keys(words)

    def tick(d):
        for row in d.find_elements(By.CSS_SELECTOR, f"{MODAL} #search-results tbody tr"):
            cells = row.find_elements(By.TAG_NAME, "td")
            if (
                len(cells) >= 3
                and cells[1].text.strip() == name
                and cells[2].text.strip().endswith(province_short)
            ):
                box = cells[0].find_element(By.CSS_SELECTOR, "input[type='checkbox']")
                if not box.is_selected():
                    box.click()
                return box.is_selected()
        return False

    WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=[StaleElementReferenceException]).until(
        tick, f"no “{commune_name}” among the chooser's results for “{words}”"
    )
    driver.find_element(By.CSS_SELECTOR, f"{MODAL} [data-multiple-choice-submit]").click()
    widget = driver.find_element(By.ID, field_id).find_element(By.XPATH, "..")
    _wait(driver).until(lambda d: commune_name in widget.text)
    _wait(driver).until(expected_conditions.invisibility_of_element_located((By.CSS_SELECTOR, ".modal")))

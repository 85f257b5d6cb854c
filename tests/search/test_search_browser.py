"""A citizen on a 390 px phone searches the way people type, in Debian's headless Chromium:
an acronym, a misspelling, a run-together ward name, and a few letters in the search box whose
suggestions are the top of the results page they lead to.

The rules are in tests/search/test_understanding.py.
"""

import pytest

from tests.browser import BROWSER_MARKS, PHONE, by_words, choose, chosen, labelled, navigation, tap, waiting

pytestmark = BROWSER_MARKS

FIRE_STORY = "Người dân phá cửa cứu cụ bà mắc kẹt trong đám cháy ở phường Láng"


@pytest.fixture
def browser_viewport():
    return PHONE


def result_titles(driver) -> list[str]:
    return [e.text for e in driver.find_elements("css selector", "main .result-title a")]


def test_a_citizen_searches_as_people_type_on_a_phone(site_server, browser):
    from selenium.webdriver.common.by import By

    browser.get(f"{site_server}/")
    # An acronym: "pccc" finds the story tagged "phòng cháy chữa cháy", which never says PCCC.
    labelled(browser, "Tìm kiếm").send_keys("pccc")
    tap(browser, "Tìm", "button", within=".site-header")
    assert FIRE_STORY in result_titles(browser)[:5]

    # A misspelling gets spelling help; tapping it runs the corrected search.
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("camra")
    tap(browser, "Tìm", "button", within=".search-form")
    help_text = browser.find_element(By.CSS_SELECTOR, "main .correction").text
    assert help_text.startswith("Có phải bạn muốn tìm: camera?")
    assert browser.find_element(By.CSS_SELECTOR, "main .correction b").text == "camera"
    with navigation(browser):
        browser.find_element(By.CSS_SELECTOR, "main .correction a").click()
    assert browser.find_element(By.ID, "q").get_attribute("value") == "camera"
    assert any(title.startswith("Camera an ninh xã Sóc Sơn") for title in result_titles(browser)[:5])

    # A ward name typed as one word.
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("hoankiem")
    tap(browser, "Tìm", "button", within=".search-form")
    assert browser.find_element(By.CSS_SELECTOR, "main .correction b").text == "hoan kiem"

    # A few letters: the suggestions mark the words, and are the top of the results page.
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("nha tr")
    items = waiting(browser).until(
        lambda d: [e for e in d.find_elements(By.CSS_SELECTOR, ".suggestions li") if e.is_displayed()],
        "no suggestions under the search box",
    )
    suggested = [
        e.find_element(By.TAG_NAME, "a") for e in items if "suggestions-all" not in e.get_attribute("class")
    ]
    titles = [a.find_element(By.XPATH, ".").text.split("\n")[0] for a in suggested]
    assert titles and all("trọ" in title for title in titles), titles
    assert browser.find_elements(By.CSS_SELECTOR, ".suggestions mark")
    see_all = browser.find_element(By.CSS_SELECTOR, ".suggestions-all a")
    assert see_all.text == "Xem mọi kết quả cho “nha tro”"
    with navigation(browser):
        see_all.click()
    assert result_titles(browser)[: len(titles)] == titles


def test_a_citizen_narrows_a_search_to_a_province_then_a_ward(site_server, browser):
    """The ward choices come only once a province is applied, and only wards with something to
    find (kept until the content changes: search.views._commune_choices)."""

    browser.get(f"{site_server}/tim-kiem/?q=an+ninh")
    by_words(browser, "Lọc và sắp xếp", "summary", within=".search-form").click()
    assert not browser.find_elements("css selector", ".search-form select[name=xa]")
    choose(browser, "Tỉnh, thành phố", "Hà Nội")
    tap(browser, "Áp dụng", "button", within=".search-form")
    assert chosen(browser, "Tỉnh, thành phố") == "Hà Nội"
    wards = [o.text for o in browser.find_elements("css selector", ".search-form select[name=xa] option")]
    assert "Phường Đống Đa" in wards and "Phường Hải Châu" not in wards
    choose(browser, "Xã, phường, đặc khu", "Phường Đống Đa")
    tap(browser, "Áp dụng", "button", within=".search-form")
    assert chosen(browser, "Xã, phường, đặc khu") == "Phường Đống Đa"
    assert "xa=phuong-dong-da" in browser.current_url and "tinh=ha-noi" in browser.current_url

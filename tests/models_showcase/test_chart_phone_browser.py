"""A reader on a 390 px phone sees a model's figures over time as a chart that fits the
screen, with the same values in a table."""

import pytest

from tests.browser import BROWSER_MARKS, PHONE

pytestmark = BROWSER_MARKS


@pytest.fixture
def browser_viewport():
    return PHONE


def test_a_reader_on_a_phone_sees_the_camera_chart(site_server, browser):
    from selenium.webdriver.common.by import By

    from models_showcase.models import ModelShowcasePage

    page = ModelShowcasePage.objects.get(slug="camera-an-ninh-xa-soc-son")
    browser.get(site_server + page.url)
    chart = browser.find_element(By.CSS_SELECTOR, "figure.chart")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    assert chart.find_element(By.TAG_NAME, "figcaption").text == "Camera đã lắp (chiếc)"
    svg = chart.find_element(By.TAG_NAME, "svg")
    box = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.height];", svg
    )
    assert box[0] >= 0 and box[1] <= PHONE.width and box[2] > 100, box
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE.width
    bars = svg.find_elements(By.CSS_SELECTOR, "rect.chart-bar")
    assert len(bars) == 3
    assert [cell.text for cell in chart.find_elements(By.CSS_SELECTOR, "tbody td:last-child")] == [
        "120 chiếc",
        "265 chiếc",
        "412 chiếc",
    ]
    assert (
        "331 điểm đang duy trì"
        in browser.find_element(By.ID, "diem-nhan-rong").find_element(By.XPATH, "..").text
    )

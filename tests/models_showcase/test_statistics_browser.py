"""A reader on a phone narrows the movement's figures to one commune through the real page: the
country-wide page counts its communes instead of listing thousands, the commune list fills in
when a province is chosen (static/js/filters.js), and "Lọc" shows that commune's figures."""

import pytest

from tests.browser import BROWSER_MARKS, PHONE, choose, chosen, labelled, navigation, tap, waiting

pytestmark = BROWSER_MARKS

URL = "/so-lieu-phong-trao/"


@pytest.fixture
def browser_viewport():
    return PHONE


def option_texts(driver, label: str) -> list[str]:
    from selenium.webdriver.support.select import Select

    return [option.text for option in Select(labelled(driver, label)).options]


def test_a_reader_narrows_the_figures_from_the_country_to_one_commune(site_server, browser, monkeypatch):
    from home import listing
    from home.models import Commune
    from models_showcase import statistics

    everywhere = statistics.compute()["by_commune"]
    # As on a national site: more communes than the page lists and the select offers.
    monkeypatch.setattr(statistics, "MAX_COMMUNE_ROWS", len(everywhere) - 1)
    monkeypatch.setattr(listing, "MAX_COMMUNE_OPTIONS", 1)
    soc_son = Commune.objects.select_related("province").get(code=376)

    browser.get(site_server + URL)
    by_commune = browser.find_element("id", "theo-xa").find_element("xpath", "..")
    assert f"Có {len(everywhere)} xã, phường có mô hình" in by_commune.text
    assert not by_commune.find_elements("css selector", "table")
    assert option_texts(browser, "Xã, phường") == ["Tất cả (chọn tỉnh, thành phố để xem danh sách)"]

    choose(browser, "Tỉnh, thành phố", soc_son.province.name)
    waiting(browser).until(lambda d: soc_son.name in option_texts(d, "Xã, phường"), "no communes came")
    choose(browser, "Xã, phường", soc_son.name)
    with navigation(browser):
        tap(browser, "Lọc", "button")
    assert chosen(browser, "Xã, phường") == soc_son.name
    table = browser.find_element("id", "theo-xa").find_element("xpath", "..")
    rows = [row.text for row in table.find_elements("css selector", "tbody th")]
    assert rows == [f"{soc_son.name} ({soc_son.province.name})"]
    assert browser.find_element("css selector", ".figure-card .figure-value").text == "1"

"""The one set of parameter names, proven as a reader on a phone would: in Debian's headless
Chromium, 390 px wide, through the real pages (tests/browser.py).

The only address typed in is the old shared link a reader really opens; every later address
comes from the pages themselves: a filter form, a card, a topic link, a kicker, the builder's
selects (which submit themselves, feeds/static/feeds/builder.js) and the header search box.
The server-side rules are in tests/home/test_params.py.
"""

from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from tests.browser import (
    BROWSER_MARKS,
    PHONE,
    WAIT_SECONDS,
    by_words,
    choose,
    chosen,
    labelled,
    tap,
)

pytestmark = BROWSER_MARKS

FIRE = "phòng cháy chữa cháy"
LANG_FIRE = "Người dân phá cửa cứu cụ bà mắc kẹt trong đám cháy ở phường Láng"
NOT_FIRE = "Học sinh lớp 9 trả lại túi xách có hơn 40 triệu đồng nhặt được"


@pytest.fixture
def browser_viewport():
    return PHONE  # 390 x 844


def query(driver) -> dict[str, list[str]]:
    return parse_qs(urlsplit(driver.current_url).query)


def cards(driver) -> set[str]:
    return {link.text.strip() for link in driver.find_elements("css selector", "main .card-title a")}


def wait_for_preview(driver):
    """Wait, as a reader looks at it, until the builder's preview (the widget, in a frame) has
    loaded: the next choice leaves the page, and a widget request still running on the server
    would write image renditions on the shared test connection at the same time as the next."""
    from selenium.webdriver.support.ui import WebDriverWait

    script = """const frame = document.querySelector("iframe[data-binh-yen]");
        const doc = frame && frame.contentDocument;
        return !!doc && doc.readyState === "complete" && doc.URL === frame.src;"""
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.execute_script(script))


def builder_settled(driver):
    """Wait until the builder has shown the result of the last choice (it fetches it in place)."""
    from selenium.webdriver.support.ui import WebDriverWait

    script = 'return !document.getElementById("chon-nguon-tin").hasAttribute("aria-busy")'
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.execute_script(script))


def test_a_reader_on_a_phone_follows_old_links_filters_and_gets_feeds_with_the_current_names(
    site_server, browser, client
):
    from models_showcase.models import ModelShowcasePage
    from stories.models import StoryPage

    stories = StoryPage.objects.live()
    fire = {story.title for story in stories.filter(tags__name=FIRE)}
    hanoi = stories.filter(commune__province__slug="ha-noi")
    hanoi_fire = {story.title for story in hanoi.filter(tags__name=FIRE)}
    assert {LANG_FIRE} < hanoi_fire < {story.title for story in hanoi}  # the filters narrow
    assert NOT_FIRE not in fire

    # 1. An old shared link: `chude=` answers 301, the browser ends on `chu-de=`, chosen in the form.
    browser.get(f"{site_server}/nguoi-tot-viec-tot/?chude=phong-chay-chua-chay")
    assert browser.execute_script("return window.innerWidth") == PHONE.width  # <meta name=viewport>
    assert urlsplit(browser.current_url)[2:4] == ("/nguoi-tot-viec-tot/", "chu-de=phong-chay-chua-chay")
    assert chosen(browser, "Chủ đề") == FIRE
    assert cards(browser) == fire and LANG_FIRE in fire

    # 2. The reader adds a province and taps "Lọc": the form carries both names, current spelling.
    choose(browser, "Tỉnh, thành phố", "Hà Nội")
    tap(browser, "Lọc", "button")
    assert urlsplit(browser.current_url).path == "/nguoi-tot-viec-tot/"
    assert query(browser)["tinh"] == ["ha-noi"] and query(browser)["chu-de"] == ["phong-chay-chua-chay"]
    assert "chude" not in query(browser)
    assert (chosen(browser, "Tỉnh, thành phố"), chosen(browser, "Chủ đề")) == ("Hà Nội", FIRE)
    assert cards(browser) == hanoi_fire

    # 3. A story's topic link lands on its section filtered by `chu-de=`, chosen in the form.
    tap(browser, LANG_FIRE)
    story = stories.get(title=LANG_FIRE)
    assert urlsplit(browser.current_url).path == story.url
    # The page itself links with the current name (not through the old one's 301).
    assert (
        by_words(browser, "tổ liên gia", within="ul.tags")
        .get_attribute("href")
        .endswith("?chu-de=to-lien-gia")
    )
    tap(browser, "tổ liên gia", within="ul.tags")
    assert urlsplit(browser.current_url)[2:4] == ("/nguoi-tot-viec-tot/", "chu-de=to-lien-gia")
    assert chosen(browser, "Chủ đề") == "tổ liên gia"
    assert cards(browser) == {s.title for s in stories.filter(tags__name="tổ liên gia")} == {LANG_FIRE}

    # 4. The related showcase's kicker (its model type) lands on the showcases of that type.
    browser.back()
    assert urlsplit(browser.current_url).path == story.url
    showcase = story.related_showcase
    tap(browser, showcase.title)
    kicker = by_words(browser, showcase.model_type.name, within=".article-head .kicker")
    assert kicker.get_attribute("href").endswith(f"/mo-hinh/?mo-hinh={showcase.model_type.slug}")
    tap(browser, showcase.model_type.name, within=".article-head .kicker")
    assert urlsplit(browser.current_url)[2:4] == ("/mo-hinh/", f"mo-hinh={showcase.model_type.slug}")
    assert chosen(browser, "Loại mô hình") == showcase.model_type.name
    same_type = {s.title for s in ModelShowcasePage.objects.live().filter(model_type=showcase.model_type)}
    assert cards(browser) == same_type and showcase.title in same_type
    assert ModelShowcasePage.objects.live().exclude(model_type=showcase.model_type).exists()

    # 5. From the showcase's "Chia sẻ lên fanpage" box to the builder (the showcase's place comes along);
    # every choice shows its result at once (no reload). The whole province, stories, one topic.
    browser.back()
    by_words(browser, "Chia sẻ lên fanpage", "summary").click()
    tap(browser, "Lấy nguồn tin, khung tin cho fanpage")
    assert urlsplit(browser.current_url).path == "/lay-tin/"
    assert query(browser)["tinh"] == ["ha-noi"] and "xa" in query(browser)
    wait_for_preview(browser)
    for label, option in (
        ("Xã, phường, đặc khu", "Tất cả xã, phường trong tỉnh"),
        ("Loại tin", "Người tốt, việc tốt"),
        ("Chủ đề (câu chuyện người tốt, việc tốt)", FIRE),
    ):
        choose(browser, label, option)
        builder_settled(browser)
        assert chosen(browser, label) == option, f"{label} after {browser.current_url}"
        wait_for_preview(browser)
    assert chosen(browser, "Tỉnh, thành phố") == "Thành phố Hà Nội"
    rss = urlsplit(browser.find_element("id", "nguon-1").get_attribute("value"))
    assert rss.path == "/nguon-tin/rss/"
    assert parse_qs(rss.query) == {
        "tinh": ["ha-noi"],
        "loai": ["nguoi-tot-viec-tot"],
        "chu-de": ["phong-chay-chua-chay"],
    }
    response = client.get(f"{rss.path}?{rss.query}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert {entry.title for entry in feed.entries} == hanoi_fire
    browser.switch_to.frame(browser.find_element("css selector", "iframe[data-binh-yen]"))
    assert {title.text for title in browser.find_elements("css selector", "a.card .t")} == hanoi_fire
    browser.switch_to.default_content()
    # Showcases have no topics: choosing them clears the topic instead of sending a slice the
    # server must refuse (a 400 that would reset the reader's other choices).
    choose(browser, "Loại tin", "Mô hình bảo đảm an ninh trật tự")
    builder_settled(browser)
    wait_for_preview(browser)
    assert not browser.find_elements("css selector", ".builder .error")
    assert chosen(browser, "Chủ đề (câu chuyện người tốt, việc tốt)") == "Tất cả chủ đề"
    rss = urlsplit(browser.find_element("id", "nguon-1").get_attribute("value"))
    assert parse_qs(rss.query) == {"tinh": ["ha-noi"], "loai": ["mo-hinh"]}

    # 6. Search from the header box, then "Lọc và sắp xếp" → only stories: `loai=` is the kind.
    labelled(browser, "Tìm kiếm").send_keys("chay")  # the header's box, on every page
    tap(browser, "Tìm", "button", within=".site-header")
    assert urlsplit(browser.current_url).path == "/tim-kiem/" and query(browser)["q"] == ["chay"]
    story_urls = {s.url for s in stories}
    found = [a.get_attribute("href") for a in browser.find_elements("css selector", ".result-title a")]
    assert any(urlsplit(url).path not in story_urls for url in found)  # not only stories yet
    by_words(browser, "Lọc và sắp xếp", "summary").click()
    choose(browser, "Loại nội dung", "Người tốt, việc tốt")
    tap(browser, "Áp dụng", "button")
    assert query(browser)["loai"] == ["nguoi-tot-viec-tot"] and query(browser)["q"] == ["chay"]
    assert chosen(browser, "Loại nội dung") == "Người tốt, việc tốt"
    found = browser.find_elements("css selector", ".result-title a")
    assert all(urlsplit(link.get_attribute("href")).path in story_urls for link in found)
    assert LANG_FIRE in {link.text for link in found}

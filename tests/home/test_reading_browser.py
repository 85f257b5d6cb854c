"""A reader on a 390 px phone, through the real pages in Debian's headless Chromium: reaches
every section from the menu, filters a section and changes the province after a commune (a
notice, and the commune list follows without a reload), reads a story to its end (related
stories, the ward's name leading to the ward's stories), searches without marks, copies a link
and takes a forum's calendar file. Every control tapped is at least 44 px each way.

The server-side rules are in tests/home/test_sections.py and test_article_end.py.
"""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import (
    BROWSER_MARKS,
    PHONE,
    by_words,
    choose,
    chosen,
    labelled,
    navigation,
    tap,
    waiting,
)

pytestmark = BROWSER_MARKS

WARD = "Phường Hoàn Kiếm"
STORY = "Tài xế xe ôm"
TAP = 44  # px, each way (WCAG 2.5.5, Apple's and Google's guidance)


@pytest.fixture
def browser_viewport():
    return PHONE


def wait(driver, condition, message=""):
    return waiting(driver).until(condition, message)


def cards(driver, within="main") -> set[str]:
    return {a.text.strip() for a in driver.find_elements("css selector", f"{within} .card-title a")}


def box(driver, element) -> dict:
    return driver.execute_script("return arguments[0].getBoundingClientRect().toJSON();", element)


def assert_tappable(driver, css: str, within=None):
    elements = (within or driver).find_elements("css selector", css)
    assert elements, f"nothing matches {css} on {driver.current_url}"
    for element in elements:
        rect = box(driver, element)
        assert rect["height"] >= TAP and rect["width"] >= TAP, f"{css} “{element.text}”: {rect}"


def options(driver, label: str) -> list[str]:
    from selenium.webdriver.support.select import Select

    return [option.text for option in Select(labelled(driver, label)).options]


def test_a_reader_on_a_phone_filters_reads_searches_shares_and_takes_a_forum_into_the_calendar(
    site_server, browser
):
    from forums.models import ForumAnnouncementPage
    from stories.models import StoryPage

    stories = StoryPage.objects.live()
    ward_stories = {s.title for s in stories.filter(commune__slug="phuong-hoan-kiem")}
    da_nang = {s.title for s in stories.filter(commune__province__slug="da-nang")}
    story = stories.get(title__startswith=STORY)

    # The home page: every section of the menu is on screen (the menu wraps), the last one too.
    browser.get(site_server + "/")
    width = browser.execute_script("return document.documentElement.clientWidth")
    menu = browser.find_elements("css selector", ".nav a")
    assert len(menu) >= 3
    for link in menu:
        rect = box(browser, link)
        assert rect["left"] >= 0 and rect["right"] <= width, f"“{link.text}” is off-screen: {rect}"
        assert rect["height"] >= TAP
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    assert_tappable(browser, ".more a")  # "Xem tất cả câu chuyện", "Xem tất cả mô hình", …
    assert_tappable(browser, ".site-footer .hotline")

    # The last item of the menu (the forums) is tappable; a forum's calendar file is a calendar.
    forum = next(
        f for f in ForumAnnouncementPage.objects.live().order_by("starts_at") if f.status == "sap-dien-ra"
    )
    with navigation(browser):
        menu[-1].click()
    tap(browser, forum.title)
    add = by_words(browser, "Thêm vào lịch")
    assert_tappable(browser, ".button", within=add.find_element("xpath", ".."))
    calendar = browser.execute_async_script(
        """const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(async (r) => done([r.status, r.headers.get("content-type"), await r.text()]));""",
        add.get_attribute("href"),
    )
    assert calendar[0] == 200 and calendar[1].startswith("text/calendar")
    assert calendar[2].startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in calendar[2]

    # A section: the province first; the commune list follows it without a reload.
    tap(browser, "Người tốt, việc tốt", within=".nav")
    browser.execute_script("window.sameDocument = true;")
    choose(browser, "Tỉnh, thành phố", "Hà Nội")
    wait(browser, lambda d: all(o == "Tất cả" or o.endswith("(Hà Nội)") for o in options(d, "Xã, phường")))
    choose(browser, "Xã, phường", f"{WARD} (Hà Nội)")
    assert browser.execute_script("return window.sameDocument === true")
    tap(browser, "Lọc", "button")
    assert parse_qs(urlsplit(browser.current_url).query)["xa"] == ["phuong-hoan-kiem"]
    assert cards(browser) == ward_stories

    # A story, read to its end: related stories of the ward, big enough topic chips and buttons.
    tap(browser, story.title)
    related = browser.find_element("css selector", "section.related")
    assert by_words(browser, "Câu chuyện liên quan", "h2").is_displayed()
    shown = cards(browser, "section.related")
    assert len(shown) == 3 and story.title not in shown and shown & ward_stories
    assert related.location["y"] > browser.find_element("css selector", "article.article").location["y"]
    assert_tappable(browser, ".tags a")
    fanpage = by_words(browser, "Chia sẻ lên fanpage", "summary")
    assert_tappable(browser, "summary", within=fanpage.find_element("xpath", ".."))
    fanpage.click()
    assert_tappable(browser, "button", within=fanpage.find_element("xpath", ".."))  # "Sao chép chú thích"

    # Copy the story's link: the button says so, and the link is on the clipboard.
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": site_server, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    copy = by_words(browser, "Sao chép liên kết", "button")
    assert_tappable(browser, "button.share-copy")
    copy.click()
    wait(browser, lambda d: d.find_element("css selector", ".share-status").text == "Đã sao chép liên kết.")
    copied = browser.execute_async_script(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, () => done(''));"
    )
    assert urlsplit(copied).path == story.url

    # The ward's name leads to the ward's stories, the commune chosen in the filters.
    tap(browser, WARD, within=".article-head .meta")
    assert parse_qs(urlsplit(browser.current_url).query) == {"xa": ["phuong-hoan-kiem"]}
    assert chosen(browser, "Xã, phường") == f"{WARD} (Hà Nội)" and cards(browser) == ward_stories

    # Another province after the commune: a notice, Đà Nẵng's communes, still the same page …
    browser.execute_script("window.sameDocument = true;")
    choose(browser, "Tỉnh, thành phố", "Đà Nẵng")
    notice = browser.find_element("css selector", "form.filters .notice")
    wait(browser, lambda d: notice.is_displayed())
    assert notice.text == f"Đã bỏ lọc “{WARD}”: xã, phường này không thuộc Đà Nẵng."
    assert all(o == "Tất cả" or o.endswith("(Đà Nẵng)") for o in options(browser, "Xã, phường"))
    assert chosen(browser, "Xã, phường") == "Tất cả"
    assert browser.execute_script("return window.sameDocument === true")
    # … and "Lọc" lists Đà Nẵng's stories (no error).
    tap(browser, "Lọc", "button")
    assert not browser.find_elements("css selector", ".filters .error")
    assert cards(browser) == da_nang

    # Searching without marks: the ward's stories before the ward's section.
    labelled(browser, "Tìm kiếm").send_keys("hoan kiem")
    tap(browser, "Tìm", "button", within=".site-header")
    found = [a.text for a in browser.find_elements("css selector", ".result-title a")]
    assert WARD in found
    assert ward_stories <= set(found[: found.index(WARD)])

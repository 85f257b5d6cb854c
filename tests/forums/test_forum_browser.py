"""A reader on a phone meets a postponed forum: the banner says so, nothing invites them to a
date that no longer holds, and the fanpage caption (status words, time, venue) is easy to copy."""

import pytest

from tests.browser import BROWSER_MARKS, PHONE, by_words, tap

pytestmark = BROWSER_MARKS


@pytest.fixture
def browser_viewport():
    return PHONE


def test_a_reader_on_a_phone_sees_a_postponed_forum_and_copies_its_caption(site_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from forums.models import ForumAnnouncementPage

    forum = ForumAnnouncementPage.objects.get(schedule="hoan")
    browser.get(f"{site_server}/dien-dan/")
    upcoming = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=sap-dien-ra]")
    line = upcoming.find_element(By.XPATH, f'.//article[.//a[normalize-space()="{forum.title}"]]')
    assert "Tạm hoãn" in line.text and not line.find_elements(By.TAG_NAME, "time")
    tap(browser, forum.title)

    main = browser.find_element(By.TAG_NAME, "main")
    banner = main.find_element(By.CSS_SELECTOR, "[role=status].schedule-notice")
    assert banner.text.startswith("Diễn đàn tạm hoãn.") and forum.schedule_notice in banner.text
    assert "Thêm vào lịch" not in main.text and "Gửi câu hỏi trước" not in main.text

    share = by_words(browser, "Chia sẻ lên fanpage", tag="summary")
    assert share.size["height"] >= 44
    share.click()
    box = browser.find_element(By.CSS_SELECTOR, ".fanpage-caption textarea")
    caption = box.get_attribute("value")
    assert caption.startswith(f"[TẠM HOÃN] {forum.title}") and f"📍 Địa điểm: {forum.venue}" in caption
    article = browser.find_element(By.CSS_SELECTOR, "main article")
    assert box.size["width"] >= 0.9 * article.size["width"] - 40  # the width of the text, not a narrow box
    assert "monospace" not in box.value_of_css_property("font-family")
    assert float(box.value_of_css_property("font-size").removesuffix("px")) >= 15
    copy = by_words(browser, "Sao chép chú thích", tag="button")
    assert copy.size["height"] >= 44
    copy.click()
    WebDriverWait(browser, 5).until(lambda d: copy.text != "Sao chép chú thích")
    assert copy.text in {"Đã sao chép", "Hãy chọn và sao chép thủ công"}

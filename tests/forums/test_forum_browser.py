"""A reader on a phone meets a postponed forum: the national list says how many more forums are
to come and the filters find the reader's own; the banner says the forum is postponed, nothing
invites them to a date that no longer holds, and the fanpage caption (status words, time,
venue) is easy to copy."""

import pytest

from tests.browser import BROWSER_MARKS, PHONE, by_words, choose, labelled, navigation, tap, waiting

pytestmark = BROWSER_MARKS


@pytest.fixture
def browser_viewport():
    return PHONE


def test_a_reader_on_a_phone_sees_a_postponed_forum_and_copies_its_caption(site_server, browser, monkeypatch):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    from forums.models import ForumAnnouncementPage, ForumIndexPage

    forum = ForumAnnouncementPage.objects.select_related("commune__province").get(schedule="hoan")
    commune, province = forum.commune, forum.commune.province
    to_come = ForumAnnouncementPage.upcoming(ForumAnnouncementPage.objects.live())
    here = to_come.filter(commune=commune).count()
    assert to_come.count() > here, "the demo has forums to come elsewhere"
    # A national section shows only the soonest (ten; here as many as the reader's commune has).
    monkeypatch.setattr(ForumIndexPage, "UPCOMING_SHOWN", here)
    browser.get(f"{site_server}/dien-dan/")
    more = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=sap-dien-ra] .more-note")
    assert more.text.startswith(f"Còn {to_come.count() - here} diễn đàn sắp diễn ra khác")
    assert "bộ lọc" in more.text
    # The filters the note points to: the province, then its communes, without a reload.
    choose(browser, "Tỉnh, thành phố", province.short_name)
    ward = f"{commune.name} ({province.short_name})"
    waiting(browser).until(
        lambda d: ward in [o.text for o in Select(labelled(d, "Xã, phường")).options], "no communes came"
    )
    choose(browser, "Xã, phường", ward)
    with navigation(browser):
        tap(browser, "Lọc", "button")
    assert f"xa={commune.slug}" in browser.current_url
    upcoming = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=sap-dien-ra]")
    assert not upcoming.find_elements(By.CSS_SELECTOR, ".more-note")  # all of the commune's are listed
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

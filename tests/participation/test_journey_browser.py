"""On a 390 px phone: a citizen sends a question to an upcoming forum and gets a code; the unit's
moderator answers it in the admin and publishes it; the tracking page shows the answer and the
forum page the Q&A, without the citizen's name or phone. Only what a person fills in is sent."""

import time
from pathlib import Path

import pytest
from django.urls import reverse

from tests.browser import BROWSER_MARKS, PHONE, labelled, navigation, tap, waiting
from tests.editorial.browser_steps import click, sign_in
from tests.participation.helpers import PASSWORD, unit_moderator, upcoming_forum

pytestmark = BROWSER_MARKS

NAME, PHONE_NUMBER = "Phạm Thị Hoa", "0903 111 222"
QUESTION = "Ấp 3 hay mất trộm bò vào ban đêm, xin hỏi công an xã có tăng tuần tra không?"
PUBLIC_QUESTION = "Công an xã có tăng tuần tra ban đêm ở ấp 3 để chống trộm gia súc không?"
ANSWER = "Từ tuần sau, tổ tuần tra của xã và dân phòng ấp 3 tuần tra từ 22 giờ đến 4 giờ sáng."


AXE = Path(__file__).resolve().parents[2] / "tools" / "audit" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def browser_viewport():
    return PHONE


def axe_violations(driver, within: str = "html") -> list[str]:
    """axe-core's violations on the page as it is now (the same axe-core as the page audit)."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make node-deps`")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document.querySelector(arguments[0]), {resultTypes: ["violations"]})
            .then((r) => done(r.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target).join(" "))));
        """,
        within,
    )
    return result


def test_a_question_from_a_phone_is_answered_and_published(site_server, browser, django_user_model, settings):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.select import Select

    settings.PARTICIPATION_MIN_FILL_SECONDS = 1
    forum = upcoming_forum()
    unit_moderator(django_user_model, "tiepnhan-cuchi", 27553)

    # The citizen, on the forum's page.
    browser.get(f"{site_server}{forum.url}")
    assert axe_violations(browser) == []
    tap(browser, "Gửi câu hỏi cho diễn đàn")
    opened = time.monotonic()
    assert axe_violations(browser) == []
    labelled(browser, "Nội dung").send_keys(QUESTION)
    Select(labelled(browser, "Lĩnh vực")).select_by_visible_text("An ninh trật tự")
    labelled(browser, "Họ tên (không bắt buộc)").send_keys(NAME)
    labelled(browser, "Số điện thoại (không bắt buộc)").send_keys(PHONE_NUMBER)
    click(
        browser,
        labelled(
            browser, "Tôi đồng ý để đơn vị tiếp nhận xử lý thông tin liên hệ của tôi như thông báo trên."
        ),
    )
    time.sleep(max(0.0, 1.1 - (time.monotonic() - opened)))  # a person reads what they wrote
    with navigation(browser):
        click(browser, browser.find_element(By.XPATH, '//main//button[normalize-space()="Gửi câu hỏi"]'))
    code = browser.find_element(By.CSS_SELECTOR, ".tracking-code").text
    assert "Đã tiếp nhận" in browser.find_element(By.CSS_SELECTOR, ".tracking-status").text
    tracking_url = browser.current_url.split("?")[0]
    assert axe_violations(browser) == []
    assert NAME not in browser.page_source and PHONE_NUMBER not in browser.page_source

    # The unit's moderator finds it in the queue and answers.
    sign_in(browser, site_server, "tiepnhan-cuchi", PASSWORD)
    browser.get(f"{site_server}{reverse('participation_admin:list')}")
    assert axe_violations(browser, "main") == []
    with navigation(browser):
        click(browser, browser.find_element(By.LINK_TEXT, code))
    assert NAME in browser.page_source  # the unit sees who asked
    Select(browser.find_element(By.ID, "id_status")).select_by_visible_text("Đã trả lời tại diễn đàn")
    for field_id, text in (
        ("id_answer", ANSWER),
        ("id_answered_by", "Trưởng Công an xã"),
        ("id_public_question", PUBLIC_QUESTION),
    ):
        field = browser.find_element(By.ID, field_id)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", field)
        field.send_keys(text)
    # The last field sits right above the sticky footer: a person taps it where it is.
    browser.find_element(By.ID, "id_publish").click()
    with navigation(browser):
        save = browser.find_element(By.CSS_SELECTOR, "footer button.action-save")
        browser.execute_script("arguments[0].scrollIntoView({block: 'end', behavior: 'instant'})", save)
        save.click()
    errors = browser.find_elements(By.CSS_SELECTOR, ".error-message, .help-critical")
    assert not [e.text for e in errors if e.text.strip()], browser.current_url

    # The citizen looks again: the answer; the forum page: the Q&A, no name, no phone.
    browser.delete_all_cookies()
    browser.get(tracking_url)
    assert "Đã trả lời tại diễn đàn" in browser.find_element(By.CSS_SELECTOR, ".tracking-status").text
    assert ANSWER in browser.find_element(By.CSS_SELECTOR, ".tracking-answer").text
    assert axe_violations(browser) == []
    browser.get(f"{site_server}{forum.url}")
    qa = waiting(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, ".qa-list"))
    assert PUBLIC_QUESTION in qa.text and ANSWER in qa.text
    assert NAME not in browser.page_source and PHONE_NUMBER not in browser.page_source
    assert QUESTION not in browser.page_source

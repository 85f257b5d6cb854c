"""The editorial journey in a real browser, as the editor and the approver live it.

The editor (demo account "bientap") writes a story in the admin with a person shown by initials
only whose full name the text still carries, a lead image, a commune and a second person whose
consent is not recorded yet; saves (and is warned), previews, submits (refused, with the field
and the words), fixes, submits. The approver ("lanhdao") sees the consent flag in the dashboard
list and sends the story back with a comment; the editor finds the comment on the dashboard and
on top of the edit page, fixes, resubmits; the approver approves from the dashboard after a
confirmation, follows the link to the live page. Its address is the readable ASCII slug, and
neither the page, its JSON feed nor its oEmbed carries the full name.

Each person logs in once through the real login page; switching between them brings back the
cookies their own login set, as each would be in their own browser. Nothing is posted by hand
and the slug is never typed. A ward editor is refused outside their section, in the second test.
"""

import json
import re

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from demo import accounts
from stories.models import StoryIndexPage, StoryPage
from tests.browser import BROWSER_MARKS, WAIT_SECONDS, close_date_picker, navigation
from tests.editorial.browser_steps import pick_commune, second_factor

pytestmark = BROWSER_MARKS

TITLE = "Bác xe ôm đưa cụ bà lạc đường về nhà trong đêm mưa"
SLUG = "bac-xe-om-dua-cu-ba-lac-duong-ve-nha-trong-dem-mua"
NAME, INITIALS = "Lê Văn Tâm", "L.V.T."
SECOND = "Nguyễn Thị Hoa"  # the old lady, whose consent is not recorded yet
SAPO_NAMING = f"Gặp cụ bà đứng một mình dưới mưa, bác {NAME} đã chở cụ về tận nhà."
BODY_NAMING = "Tối 12/9, bác Tâm thấy cụ bà đứng lặng ở góc phố Hàng Bạc và dừng xe hỏi han."
SAPO_FIXED = f"Gặp cụ bà đứng một mình dưới mưa, bác {INITIALS} đã chở cụ về tận nhà."
BODY_FIXED = "Tối 12/9, bác T. thấy cụ bà đứng lặng ở góc phố Hàng Bạc và dừng xe hỏi han."
COMMENT = "Chưa có sự đồng ý của cụ bà: ghi nhận hoặc chỉ hiện tên viết tắt."


def field(driver, label: str):
    """The admin field whose label reads `label` (Wagtail puts the words in a span, with a
    required mark "*" beside them)."""
    find = """
        for (const label of document.querySelectorAll("label")) {
            const words = [...label.childNodes]
                .filter((node) => !(node.classList && node.classList.contains("w-required-mark")))
                .map((node) => node.textContent).join(" ").replace(/\\s+/g, " ").trim();
            if (words === arguments[0] && label.control) return label.control;
        }
        return null;
    """
    # The page may still be settling (a login page reached right after a sign-out): look again
    # for a few seconds before saying the field is not there.
    try:
        control = WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.execute_script(find, label))
    except TimeoutException:
        control = None
    if control is None:
        labels = driver.execute_script(
            "return [...document.querySelectorAll('label')].map(l => l.textContent.trim())"
        )
        raise AssertionError(f"no field labelled “{label}” on {driver.current_url}: {labels}")
    return control


def wait(driver, condition, message=""):
    return WebDriverWait(driver, WAIT_SECONDS).until(condition, message)


def css(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector)


def messages(driver) -> str:
    """The messages on the page, and the fields' own errors if there are any."""
    shown = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".messages li")]
    errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".error-message") if e.text.strip()]
    return " ".join(shown + ([f"(lỗi của trường: {' | '.join(errors)})"] if errors else []))


def log_in(driver, site, username) -> list[dict]:
    driver.delete_all_cookies()
    driver.get(f"{site}/admin/login/")
    field(driver, "Tên đăng nhập").send_keys(username)
    password = field(driver, "Mật khẩu")
    password.send_keys(accounts.password_for(username))
    with navigation(driver):
        password.send_keys(Keys.ENTER)
    assert "/admin/login/" not in driver.current_url, messages(driver)
    second_factor(driver, username)  # the approver's authenticator app
    return driver.get_cookies()


def come_back(driver, site, cookies):
    """The same person at their own browser again: the cookies of their own login."""
    driver.delete_all_cookies()
    for cookie in cookies:
        driver.add_cookie({k: v for k, v in cookie.items() if k in ("name", "value", "path")})
    with navigation(driver):
        driver.get(f"{site}/admin/")


def click(driver, element):
    """Click as a person does: bring the element into view (the admin scrolls inside its own
    container), then click it; where the sticky footer still covers it (the end of the form),
    use the keyboard on it, as a person would."""
    from selenium.common.exceptions import ElementClickInterceptedException

    driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element)
    try:
        element.click()
    except ElementClickInterceptedException:
        element.send_keys(Keys.ENTER if element.tag_name == "a" else Keys.SPACE)


def press(driver, element):
    """Click a button that leaves the page, and wait for the next one."""
    with navigation(driver):
        click(driver, element)


def autosave_idle(driver):
    """Wagtail saves the editor's changes on its own half a second after each; a button pressed
    while that save is on its way races it (a person sees "Đang lưu…" and waits)."""
    script = """const i = document.getElementById("w-autosave-indicator");
        return !i || i.getAttribute("data-w-autosave-state-value") !== "saving";"""
    wait(driver, lambda d: d.execute_script(script), "the autosave has finished")


def footer_action(driver, name):
    """A button of the editor's footer menu ("Gửi duyệt" sits under its toggle)."""
    autosave_idle(driver)
    button = css(driver, f'footer button[name="{name}"]')
    if not button.is_displayed():
        click(driver, css(driver, "footer .w-dropdown__toggle"))
        wait(driver, lambda d: button.is_displayed())
    press(driver, button)


def set_draftail(driver, editor, text):
    """Select everything in a rich text field and type `text` over it."""
    from selenium.webdriver.common.action_chains import ActionChains

    click(driver, editor)
    actions = ActionChains(driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL)
    actions.send_keys(Keys.BACKSPACE).send_keys(text).perform()
    wait(driver, lambda d: editor.text.strip() == text, f"the rich text reads {editor.text!r}")
    # Draftail writes what was typed into the form's hidden input a moment later.
    stored = """return [...document.querySelectorAll("input[name^='body-'][name$='-value']")]
        .map((input) => input.value).join(" ");"""
    wait(driver, lambda d: json.dumps(text, ensure_ascii=False)[1:-1] in d.execute_script(stored), "saved")


def replace(driver, field, text):
    click(driver, field)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(text)


def dashboard_row(driver, title):
    rows = [
        row
        for row in driver.find_elements(By.CSS_SELECTOR, "tr")
        if title in row.text and row.find_elements(By.CSS_SELECTOR, "[data-workflow-action-url]")
    ]
    assert rows, f"“{title}” is not in the approver's list"
    return rows[0]


def workflow_dialog(driver, row, action):
    """Open a page's action in the dashboard's list: the dialog it opens."""
    click(driver, row.find_element(By.CSS_SELECTOR, ".w-dropdown__toggle"))
    button = row.find_element(By.CSS_SELECTOR, f"button[data-workflow-action-url*='/{action}/']")
    wait(driver, lambda d: button.is_displayed())
    button.click()
    return wait(driver, expected_conditions.visibility_of_element_located((By.CSS_SELECTOR, ".modal form")))


def test_a_story_goes_from_the_editor_through_review_to_the_site_without_the_hidden_name(
    site_server, browser, client
):
    section = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")
    # A reader has the home page open: its cards are kept from now on (home.models.pages).
    with navigation(browser):
        browser.get(f"{site_server}/")
    assert TITLE not in browser.page_source

    # --- The editor writes the story ------------------------------------------------------
    editor_cookies = log_in(browser, site_server, "bientap")
    with navigation(browser):
        browser.get(f"{site_server}/admin/pages/{section.pk}/")
    press(browser, css(browser, f'a[href$="/admin/pages/{section.pk}/add_subpage/"]'))
    press(browser, css(browser, 'a[href*="/admin/pages/add/stories/storypage/"]'))

    field(browser, "Tiêu đề").send_keys(TITLE)
    field(browser, "Sapo").send_keys(SAPO_NAMING)
    click(browser, css(browser, "#id_hero_image-chooser [data-chooser-action-choose]"))  # "Chọn hình ảnh"
    click(
        browser,
        wait(
            browser, expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, ".modal a.image-choice"))
        ),
    )
    wait(browser, lambda d: d.execute_script("return document.getElementById('id_hero_image').value") != "")

    click(
        browser,
        css(browser, "#panel-child-noi_dung-noi_dung-section button.c-sf-add-button, button.c-sf-add-button"),
    )
    paragraph = wait(browser, expected_conditions.element_to_be_clickable(
        (By.XPATH, "//*[@role='option' and .//*[normalize-space()='Đoạn văn'] or @role='option' and normalize-space()='Đoạn văn']")))  # fmt: skip
    paragraph.click()
    body = wait(
        browser,
        expected_conditions.element_to_be_clickable(
            (By.CSS_SELECTOR, ".Draftail-Editor [contenteditable='true']")
        ),
    )
    set_draftail(
        browser, body, f"Tối 12/9, bác {NAME} thấy cụ bà đứng lặng ở góc phố Hàng Bạc. {BODY_NAMING}"
    )

    from selenium.webdriver.support.select import Select

    Select(field(browser, "Loại việc tốt")).select_by_visible_text("Việc tốt khác")
    date = field(browser, "Ngày diễn ra")
    date.send_keys("12/09/2026")
    close_date_picker(browser, date)
    pick_commune(browser, "id_commune", "hoan kiem", "Phường Hoàn Kiếm, Hà Nội")

    for index, (name, age, role) in enumerate(
        [(NAME, "58", "tài xế xe ôm"), (SECOND, "82", "người được giúp")]
    ):
        click(browser, css(browser, "#id_people-ADD"))
        full_name = wait(
            browser,
            expected_conditions.visibility_of_element_located((By.ID, f"id_people-{index}-full_name")),
        )
        full_name.send_keys(name)
        browser.find_element(By.ID, f"id_people-{index}-role").send_keys(role)
        browser.find_element(By.ID, f"id_people-{index}-age").send_keys(age)
        # The age group follows the age as it is typed.
        group = Select(browser.find_element(By.ID, f"id_people-{index}-age_group"))
        assert group.first_selected_option.text == "Từ đủ 18 tuổi trở lên"
    click(browser, browser.find_element(By.ID, "id_people-0-initials_only"))
    field(browser, "Tác giả").send_keys("Minh Châu – Công an phường Hoàn Kiếm")

    press(browser, css(browser, "footer button.action-save"))
    shown = messages(browser)
    assert "Đã lưu bản nháp. Bài chưa thể đăng cho tới khi sửa" in shown, shown
    assert f"Sapo chứa “{NAME}”, người này chỉ hiện tên viết tắt: thay bằng “{INITIALS}”" in shown
    assert f"Nội dung chứa “{NAME}”, “bác Tâm”" in shown
    assert f"nhân vật “{SECOND}” còn thiếu sự đồng ý của chính nhân vật" in shown
    slug = browser.execute_script("return document.getElementById('id_slug').value")
    assert slug == SLUG

    # Preview, in the editor's side panel.
    click(browser, css(browser, '[data-side-panel-toggle="preview"]'))
    preview_text = """const frame = document.querySelector("iframe#w-preview-iframe");
        const doc = frame && frame.contentDocument;
        return doc && doc.readyState === "complete" && doc.body ? doc.body.innerText : "";"""
    wait(browser, lambda d: TITLE in d.execute_script(preview_text), "the preview shows the story")
    # The preview shows the draft as it stands (it is not public); the people box shows initials.
    assert INITIALS in browser.execute_script(preview_text)
    click(browser, css(browser, '[data-side-panel-toggle="preview"]'))  # closed again

    # Submit as it is: refused, the fields and words named.
    footer_action(browser, "action-submit")
    shown = messages(browser)
    assert "Chưa gửi được: bài nêu tên người không được nêu tên" in shown, shown
    assert f"Chứa “{NAME}”, người này chỉ hiện tên viết tắt: thay bằng “{INITIALS}”" in shown
    assert "Chứa “Lê Văn Tâm”, “bác Tâm”" in shown

    replace(browser, field(browser, "Sapo"), SAPO_FIXED)
    set_draftail(browser, css(browser, ".Draftail-Editor [contenteditable='true']"), BODY_FIXED)
    footer_action(browser, "action-submit")
    assert "Chưa gửi được" not in messages(browser), messages(browser)
    page = StoryPage.objects.get(slug=SLUG)
    assert page.current_workflow_state is not None

    # --- The approver: the flag, a request for changes ---------------------------------------
    approver_cookies = log_in(browser, site_server, "lanhdao")
    row = dashboard_row(browser, TITLE)
    assert "Cần kiểm tra đồng ý" in row.text
    dialog = workflow_dialog(browser, row, "reject")
    dialog.find_element(By.CSS_SELECTOR, "textarea").send_keys(COMMENT)
    press(browser, dialog.find_element(By.CSS_SELECTOR, "button[type='submit']"))

    # --- The editor: the comment on the dashboard and on top of the edit page ------------------
    come_back(browser, site_server, editor_cookies)
    panel = browser.find_element(
        By.XPATH, "//section[.//h2[contains(normalize-space(), 'Bài lãnh đạo yêu cầu sửa')]]"
    )
    assert COMMENT in panel.text and "Lê Minh Quang yêu cầu sửa" in panel.text
    press(browser, panel.find_element(By.LINK_TEXT, TITLE))
    assert "Lê Minh Quang yêu cầu sửa lúc" in messages(browser) and COMMENT in messages(browser)
    second = browser.find_element(By.ID, "id_people-1-initials_only")
    click(browser, second)
    if not second.is_selected():  # the page was still starting its scripts: tick it again, as a person would
        click(browser, second)
    wait(browser, lambda d: second.is_selected(), "the second person is initials only")
    footer_action(browser, "action-submit")
    assert "Chưa gửi được" not in messages(browser), messages(browser)

    # --- The approver approves from the dashboard, after a confirmation ----------------------
    come_back(browser, site_server, approver_cookies)
    row = dashboard_row(browser, TITLE)
    assert "Cần kiểm tra đồng ý" not in row.text
    dialog = workflow_dialog(browser, row, "approve")
    assert "sẽ đăng bài lên trang ngay" in css(browser, ".modal").text
    press(browser, dialog.find_element(By.CSS_SELECTOR, "button[type='submit']"))
    wait(browser, lambda d: f"Đã duyệt và đăng “{TITLE}”" in messages(d), "the approval is confirmed")
    # Wagtail fades its messages in: the link reads as text once it is shown.
    wait(browser, lambda d: d.find_elements(By.LINK_TEXT, "Xem trang đã đăng"), "the live page's link")
    press(browser, browser.find_element(By.LINK_TEXT, "Xem trang đã đăng"))

    # --- The public page, its JSON feed and oEmbed: the readable address, no full name ------
    assert browser.current_url.endswith(f"/{SLUG}/"), browser.current_url
    public = browser.page_source
    assert TITLE in public and INITIALS in public
    for hidden in (NAME, SECOND, "bác Tâm"):
        assert hidden not in public, hidden
    with navigation(browser):
        browser.get(f"{site_server}/")  # the home page's kept cards give way to the new story
    home = browser.page_source
    assert TITLE in home and all(hidden not in home for hidden in (NAME, SECOND, "bác Tâm"))
    oembed = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', public)
    assert oembed, "the page announces its oEmbed"
    surfaces = [
        client.get(oembed.group(1).replace("&amp;", "&")),
        client.get("/nguon-tin/json/?loai=nguoi-tot-viec-tot"),
    ]
    for response in surfaces:
        assert response.status_code == 200
        text = json.dumps(response.json(), ensure_ascii=False)
        assert TITLE in text
        assert NAME not in text and SECOND not in text and "bác Tâm" not in text


def test_a_ward_editor_is_refused_outside_their_section(site_server, browser):
    """The Hoàn Kiếm ward editor opens a link to another unit's story and to adding a story in the
    city's section: both say in Vietnamese that the account may not, and nothing is saved."""
    other = StoryPage.objects.get(title__startswith="Ngư dân Sơn Trà")
    section = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")
    before = StoryPage.objects.count(), other.get_latest_revision().pk

    log_in(browser, site_server, "bientap-hoankiem")
    for url in (f"/admin/pages/{other.pk}/edit/", f"/admin/pages/add/stories/storypage/{section.pk}/"):
        browser.get(f"{site_server}{url}")
        heading = css(browser, "h1").text
        assert heading == "Bạn không có quyền với trang này", heading
        assert "chỉ được soạn và sửa bài trong chuyên mục của đơn vị mình" in css(browser, "main").text
        assert not browser.find_elements(By.CSS_SELECTOR, "form#page-edit-form")
    # Their own section is open to them.
    with navigation(browser):
        browser.find_element(By.LINK_TEXT, "Về trang quản trị").click()
    assert "/admin/" in browser.current_url
    assert (StoryPage.objects.count(), StoryPage.objects.get(pk=other.pk).get_latest_revision().pk) == before

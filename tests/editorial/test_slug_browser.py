"""In a real browser, the slug an editor sees is the readable ASCII one the server would make.

Wagtail's JavaScript fills the slug as the title is typed; its own character map dropped ư, ơ,
ạ… and wrote đ as "dj" ("ngi-dan-djng-dja-gi-gin-trt-t"). The admin's slug widget now
transliterates first (editorial/widgets.py). Nothing here fills the slug: the page does.
"""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from home.slugs import ascii_slugify
from stories.models import StoryIndexPage
from tests.browser import BROWSER_MARKS, WAIT_SECONDS, other_hosts_requested
from tests.editorial.browser_steps import sign_in

pytestmark = BROWSER_MARKS

TITLE = "Người dân Đống Đa giữ gìn trật tự, ưu tiên cụ già ở ngõ Ơn Hữu"


def slug_of(driver) -> str:
    return driver.execute_script("return document.getElementById('id_slug').value")


def test_the_slug_follows_a_vietnamese_title_as_the_server_writes_it(site_server, browser, django_user_model):
    django_user_model.objects.create_superuser("bientap-thu", "thu@example.vn", "mat-khau-thu-nghiem")
    section = StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")

    sign_in(browser, site_server, "bientap-thu", "mat-khau-thu-nghiem")
    # The admin asks no other host for anything, staff avatars (Gravatar) included.
    assert browser.find_elements(By.CSS_SELECTOR, ".avatar"), "the dashboard shows the user's avatar"
    assert other_hosts_requested(browser) == []

    browser.get(f"{site_server}/admin/pages/add/stories/storypage/{section.pk}/")
    browser.find_element(By.ID, "id_title").send_keys(TITLE)
    expected = "nguoi-dan-dong-da-giu-gin-trat-tu-uu-tien-cu-gia-o-ngo-on-huu"
    assert ascii_slugify(TITLE) == expected
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: slug_of(d) == expected, f"slug: {slug_of(browser)!r}"
    )

    # Typed (or pasted) into the slug field itself, with marks: cleaned when the field is left.
    browser.find_element(By.ID, "tab-label-quang_ba").click()  # the "Quảng bá" tab
    slug = browser.find_element(By.ID, "id_slug")
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: slug.is_displayed())
    # Leaving the title fires its "change", which Wagtail syncs into the slug after a debounce;
    # on a busy machine that can land after the next keystrokes. A person pauses as long.
    time.sleep(1)
    slug.send_keys(Keys.CONTROL, "a")
    slug.send_keys("Phường Đống Đa tự quản")  # replaces the selected text, as an editor does
    browser.find_element(By.ID, "id_seo_title").click()
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: slug_of(d) == "phuong-dong-da-tu-quan", f"slug: {slug_of(browser)!r}"
    )


def test_the_slug_widget_carries_the_transliteration(client, django_user_model):
    """The rule behind the browser test, on the server: every admin slug field has it."""
    from stories.models import StoryPage

    widget = StoryPage.get_edit_handler().get_form_class().base_fields["slug"].widget
    rules = widget.attrs["data-w-slug-formatters-value"]
    assert "\\u0111" in rules or "đ" in rules  # đ, which Wagtail's own map writes "dj"
    assert "\\u01b0" in rules or "ư" in rules  # ư, which Wagtail's own map drops

"""An editor postpones a forum to a new date in the admin, as they would: picks "Hoãn", writes
the notice, types the new times and publishes. Readers then see the move, from the old date to
the new one, and calendars get a new SEQUENCE."""

import datetime

from django.utils import timezone
from icalendar import Calendar

from tests.browser import BROWSER_MARKS, WAIT_SECONDS, close_date_picker, navigation
from tests.editorial.browser_steps import click, sign_in

pytestmark = BROWSER_MARKS


def test_an_editor_postpones_a_forum_to_a_new_date_and_readers_see_the_move(
    site_server, browser, client, django_user_model
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    from forums.models import ForumAnnouncementPage
    from tests.forums.helpers import CU_CHI, NOTICE

    forum = ForumAnnouncementPage.objects.get(title__startswith=CU_CHI)
    old_start = timezone.localtime(forum.starts_at)
    new_start = old_start + datetime.timedelta(days=7)
    new_end = timezone.localtime(forum.ends_at) + datetime.timedelta(days=7)
    django_user_model.objects.create_superuser("bientap-dien-dan", "dd@example.vn", "mat-khau-thu-nghiem")

    sign_in(browser, site_server, "bientap-dien-dan", "mat-khau-thu-nghiem")
    browser.get(f"{site_server}/admin/pages/{forum.pk}/edit/")

    def field(field_id):
        """The field, scrolled to the middle of the window (clear of the sticky footer)."""
        element = browser.find_element(By.ID, field_id)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        return element

    Select(field("id_schedule")).select_by_visible_text("Hoãn")
    field("id_schedule_notice").send_keys(NOTICE)
    for field_id, value in (("id_starts_at", new_start), ("id_ends_at", new_end)):
        time_input = browser.find_element(By.ID, field_id)
        click(browser, time_input)
        time_input.send_keys(Keys.CONTROL, "a")
        time_input.send_keys(value.strftime("%d/%m/%Y %H:%M"))
        close_date_picker(browser, time_input)  # it would cover the next field
    publish = browser.find_element(By.CSS_SELECTOR, "button[name=action-publish]")
    if not publish.is_displayed():  # the publish action sits in the footer's dropdown
        browser.find_element(By.CSS_SELECTOR, "footer [data-w-dropdown-target=toggle]").click()
        WebDriverWait(browser, WAIT_SECONDS).until(lambda d: publish.is_displayed())
    with navigation(browser):
        publish.click()
    errors = browser.find_elements(By.CSS_SELECTOR, ".error-message, .help-critical")
    assert not [e.text for e in errors if e.text.strip()], browser.current_url

    forum = ForumAnnouncementPage.objects.get(pk=forum.pk)
    assert forum.starts_at == new_start and forum.previous_starts_at == old_start  # the old date kept
    browser.get(f"{site_server}{forum.url}")
    banner = browser.find_element(By.CSS_SELECTOR, "main .schedule-notice").text
    assert banner.startswith(f"Diễn đàn dời lịch từ {old_start:%H:%M}")
    assert f"sang {new_start:%H:%M}" in banner and new_start.strftime("%d/%m/%Y") in banner
    assert NOTICE in banner
    event = Calendar.from_ical(client.get(f"{forum.url}lich/").content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == new_start and int(event["sequence"]) == 1
